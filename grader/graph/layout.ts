/**
 * Layered (Sugiyama-style) top-to-bottom layout of a workflow graph, written for the shapes ASL produces:
 * back edges found by depth-first search and routed around the right side, longest-path layering, dummy
 * points for edges that span several layers, barycenter ordering, and x positions pulled towards each
 * node's neighbours without ever letting two boxes of a layer overlap. Parallel and Map states are laid out
 * recursively: their sub-graphs become the content of a container box.
 *
 * Browser-safe and deterministic: the same definition always gives the same coordinates.
 */
import type { EdgeKind, GraphEdge, GraphNode, SubGraph } from "./model.ts";

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  /** Left edge. */
  readonly x: number;
  /** Top edge. */
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedNode extends Box {
  readonly node: GraphNode;
  /** The name as drawn (shortened with "…" when too long). */
  readonly label: string;
  /** Parallel branches / Map item processor, in absolute coordinates. */
  readonly children: readonly PlacedGraph[];
}

export interface PlacedEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label?: string;
  /** Polyline from the source's port to the target's port. */
  readonly points: readonly Point[];
  /** True for edges that go back up (loops): drawn around the right side. */
  readonly back: boolean;
  readonly labelAt?: Point;
}

export interface PlacedGraph extends Box {
  readonly id: string;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

/** Sizes, in SVG user units (px at scale 1). */
export const METRICS = {
  nodeHeight: 48,
  nodeMinWidth: 120,
  nameFont: 13,
  typeFont: 11,
  maxNameChars: 30,
  markerWidth: 72,
  markerHeight: 28,
  horizontalGap: 28,
  verticalGap: 44,
  labelledVerticalGap: 64,
  padding: 16,
  containerPadding: 12,
  containerHeader: 40,
  branchGap: 16,
  dummyWidth: 10,
  laneGap: 14,
} as const;

/** A conservative estimate of rendered text width for a sans-serif font (no DOM needed). */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const char of text) {
    if (/[MW@%]/.test(char)) units += 0.9;
    else if (/[A-Z0-9#&mw]/.test(char)) units += 0.7;
    else if (/[il.,:;'|!\s]/.test(char)) units += 0.32;
    else units += 0.6;
  }
  return units * fontSize;
}

export function shorten(text: string, max: number = METRICS.maxNameChars): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join("") + "…";
}

interface Sized {
  readonly node: GraphNode;
  readonly label: string;
  readonly width: number;
  readonly height: number;
  /** Children laid out relative to the container's top-left corner. */
  readonly children: readonly PlacedGraph[];
}

function measure(node: GraphNode): Sized {
  if (node.kind === "start" || node.kind === "end") {
    return { node, label: node.name, width: METRICS.markerWidth, height: METRICS.markerHeight, children: [] };
  }
  const label = shorten(node.name);
  const textBox = Math.max(
    textWidth(label, METRICS.nameFont) + 36,
    textWidth(node.type, METRICS.typeFont) + 36,
    METRICS.nodeMinWidth,
  );
  if (node.children.length === 0) {
    return { node, label, width: Math.ceil(textBox), height: METRICS.nodeHeight, children: [] };
  }
  const inner = node.children.map((child) => layoutSubGraph(child));
  const innerWidth =
    inner.reduce((sum, child) => sum + child.width, 0) + METRICS.branchGap * (inner.length - 1);
  const innerHeight = Math.max(...inner.map((child) => child.height));
  const width = Math.ceil(Math.max(textBox, innerWidth + 2 * METRICS.containerPadding));
  const height = METRICS.containerHeader + innerHeight + METRICS.containerPadding;
  let x = (width - innerWidth) / 2;
  const children = inner.map((child) => {
    const placed = translate(child, x, METRICS.containerHeader);
    x += child.width + METRICS.branchGap;
    return placed;
  });
  return { node, label, width, height, children };
}

interface Vertex {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly sized?: Sized;
  layer: number;
  order: number;
  x: number;
}

interface WorkEdge {
  readonly index: number;
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label?: string;
  readonly back: boolean;
  /** Vertex ids from source to target, dummies included. */
  chain: string[];
}

/** Lays out one graph (and, recursively, its containers) with its top-left corner at (0, 0). */
export function layoutSubGraph(graph: SubGraph): PlacedGraph {
  const vertices = new Map<string, Vertex>();
  for (const node of graph.nodes) {
    const sized = measure(node);
    vertices.set(node.id, {
      id: node.id,
      width: sized.width,
      height: sized.height,
      sized,
      layer: 0,
      order: 0,
      x: 0,
    });
  }
  const known = mergeParallelEdges(
    graph.edges.filter((edge) => vertices.has(edge.from) && vertices.has(edge.to)),
  );
  const outgoing = new Map<string, typeof known>();
  for (const edge of known) outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);

  // 1. Depth-first search from the start: edges into a vertex still on the stack are back edges.
  const back = new Set<number>();
  const discovery = new Map<string, number>();
  const postorder: string[] = [];
  const onStack = new Set<string>();
  const roots = [graph.start, ...graph.nodes.map((node) => node.id)];
  for (const root of roots) {
    if (!vertices.has(root) || discovery.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    discovery.set(root, discovery.size);
    onStack.add(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = outgoing.get(top.id) ?? [];
      if (top.next < edges.length) {
        const edge = edges[top.next++]!;
        if (onStack.has(edge.to)) back.add(known.indexOf(edge));
        else if (!discovery.has(edge.to)) {
          discovery.set(edge.to, discovery.size);
          onStack.add(edge.to);
          stack.push({ id: edge.to, next: 0 });
        }
      } else {
        stack.pop();
        onStack.delete(top.id);
        postorder.push(top.id);
      }
    }
  }

  // 2. Longest-path layering over the forward edges, in topological order.
  const forward = known.filter((_, index) => !back.has(index));
  const predecessors = new Map<string, string[]>();
  for (const edge of forward) predecessors.set(edge.to, [...(predecessors.get(edge.to) ?? []), edge.from]);
  for (const id of [...postorder].reverse()) {
    const vertex = vertices.get(id)!;
    vertex.layer = Math.max(0, ...(predecessors.get(id) ?? []).map((from) => vertices.get(from)!.layer + 1));
  }

  // 3. Dummy vertices for forward edges that skip layers.
  const edges: WorkEdge[] = known.map((edge, index) => ({
    index,
    from: edge.from,
    to: edge.to,
    kind: edge.kind,
    ...(edge.label !== undefined ? { label: edge.label } : {}),
    back: back.has(index),
    chain: [edge.from, edge.to],
  }));
  for (const edge of edges) {
    if (edge.back) continue;
    const from = vertices.get(edge.from)!;
    const to = vertices.get(edge.to)!;
    const chain = [edge.from];
    for (let layer = from.layer + 1; layer < to.layer; layer++) {
      const id = `${edge.from}->${edge.to}#${edge.index}@${layer}`;
      vertices.set(id, { id, width: METRICS.dummyWidth, height: 0, layer, order: 0, x: 0 });
      discovery.set(id, (discovery.get(edge.from) ?? 0) + 0.5);
      chain.push(id);
    }
    chain.push(edge.to);
    edge.chain = chain;
  }

  // 4. Order inside layers: discovery order, then barycenter sweeps.
  const layerCount = Math.max(...[...vertices.values()].map((vertex) => vertex.layer)) + 1;
  const layers: Vertex[][] = Array.from({ length: layerCount }, () => []);
  for (const vertex of vertices.values()) layers[vertex.layer]!.push(vertex);
  for (const layer of layers) {
    layer.sort((a, b) => (discovery.get(a.id) ?? 0) - (discovery.get(b.id) ?? 0));
    layer.forEach((vertex, index) => (vertex.order = index));
  }
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.back) continue;
    for (let i = 0; i + 1 < edge.chain.length; i++) {
      const a = edge.chain[i]!;
      const b = edge.chain[i + 1]!;
      down.set(a, [...(down.get(a) ?? []), b]);
      up.set(b, [...(up.get(b) ?? []), a]);
    }
  }
  const reorder = (layer: Vertex[], neighbours: Map<string, string[]>) => {
    const weight = new Map<string, number>();
    for (const vertex of layer) {
      const around = (neighbours.get(vertex.id) ?? []).map((id) => vertices.get(id)!.order);
      weight.set(vertex.id, around.length ? around.reduce((a, b) => a + b, 0) / around.length : vertex.order);
    }
    layer.sort((a, b) => weight.get(a.id)! - weight.get(b.id)! || a.order - b.order);
    layer.forEach((vertex, index) => (vertex.order = index));
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    for (let l = 1; l < layers.length; l++) reorder(layers[l]!, up);
    for (let l = layers.length - 2; l >= 0; l--) reorder(layers[l]!, down);
  }

  // 5. x: start packed, then pull each vertex towards its neighbours, keeping order and spacing.
  const gap = (a: Vertex, b: Vertex) => (a.width + b.width) / 2 + METRICS.horizontalGap;
  for (const layer of layers) {
    let x = 0;
    layer.forEach((vertex, index) => {
      if (index > 0) x += gap(layer[index - 1]!, vertex);
      vertex.x = x;
    });
  }
  const place = (layer: Vertex[], desired: number[]) => {
    const left = desired.slice();
    for (let i = 1; i < layer.length; i++)
      left[i] = Math.max(left[i]!, left[i - 1]! + gap(layer[i - 1]!, layer[i]!));
    const right = desired.slice();
    for (let i = layer.length - 2; i >= 0; i--) {
      right[i] = Math.min(right[i]!, right[i + 1]! - gap(layer[i]!, layer[i + 1]!));
    }
    layer.forEach((vertex, i) => (vertex.x = (left[i]! + right[i]!) / 2));
  };
  const pull = (layer: Vertex[], neighbours: Map<string, string[]>) => {
    const desired = layer.map((vertex) => {
      const around = (neighbours.get(vertex.id) ?? []).map((id) => vertices.get(id)!.x);
      return around.length ? around.reduce((a, b) => a + b, 0) / around.length : vertex.x;
    });
    place(layer, desired);
  };
  for (let sweep = 0; sweep < 6; sweep++) {
    for (let l = 1; l < layers.length; l++) pull(layers[l]!, up);
    for (let l = layers.length - 2; l >= 0; l--) pull(layers[l]!, down);
  }
  for (let l = 1; l < layers.length; l++) pull(layers[l]!, up);

  // 6. y: one row per layer; more room below rows whose edges carry labels.
  const labelled = new Set(
    edges.filter((edge) => edge.label && !edge.back).map((edge) => vertices.get(edge.from)!.layer),
  );
  const rowTop: number[] = [];
  const rowHeight: number[] = [];
  let y = METRICS.padding;
  layers.forEach((layer, l) => {
    rowTop[l] = y;
    rowHeight[l] = Math.max(0, ...layer.map((vertex) => vertex.height));
    y += rowHeight[l]! + (labelled.has(l) ? METRICS.labelledVerticalGap : METRICS.verticalGap);
  });
  const contentBottom =
    y - (labelled.has(layers.length - 1) ? METRICS.labelledVerticalGap : METRICS.verticalGap);
  // Boxes hang from the top of their row, so edges arriving at a short box never cross a tall neighbour.
  const top = (vertex: Vertex) => rowTop[vertex.layer]!;

  // Normalise x so the leftmost box starts at the padding.
  const all = [...vertices.values()];
  const minX = Math.min(...all.map((vertex) => vertex.x - vertex.width / 2));
  for (const vertex of all) vertex.x += METRICS.padding - minX;
  let right = Math.max(...all.map((vertex) => vertex.x + vertex.width / 2));

  // 7. Edges. Ports spread along the bottom of the source and the top of the target.
  const outPorts = new Map<string, WorkEdge[]>();
  const inPorts = new Map<string, WorkEdge[]>();
  for (const edge of edges) {
    if (edge.back) continue;
    outPorts.set(edge.from, [...(outPorts.get(edge.from) ?? []), edge]);
    inPorts.set(edge.to, [...(inPorts.get(edge.to) ?? []), edge]);
  }
  const portX = (vertex: Vertex, list: WorkEdge[], edge: WorkEdge, towards: (e: WorkEdge) => number) => {
    const sorted = [...list].sort((a, b) => towards(a) - towards(b) || a.index - b.index);
    const k = sorted.length;
    if (k === 1) return vertex.x;
    const spacing = Math.min(18, (vertex.width - 24) / (k - 1));
    return vertex.x + (sorted.indexOf(edge) - (k - 1) / 2) * spacing;
  };
  const placed: PlacedEdge[] = [];
  let lane = right;
  for (const edge of edges) {
    const from = vertices.get(edge.from)!;
    const to = vertices.get(edge.to)!;
    let points: Point[];
    let labelSegment = 0;
    if (edge.back) {
      lane += METRICS.laneGap;
      const fromY = top(from) + from.height / 2;
      const toY = top(to) + to.height / 2;
      const laneX = Math.max(
        lane,
        from.x + from.width / 2 + METRICS.laneGap,
        to.x + to.width / 2 + METRICS.laneGap,
      );
      lane = laneX;
      points = [
        { x: from.x + from.width / 2, y: fromY },
        { x: laneX, y: fromY },
        { x: laneX, y: toY },
        { x: to.x + to.width / 2, y: toY },
      ];
    } else {
      const startX = portX(from, outPorts.get(edge.from)!, edge, (e) => vertices.get(e.chain[1]!)!.x);
      points = [{ x: startX, y: top(from) + from.height }];
      // A box shorter than its row first drops straight to the row's bottom: bends happen in the gaps only.
      const rowBottom = rowTop[from.layer]! + rowHeight[from.layer]!;
      if (from.height < rowHeight[from.layer]!) points.push({ x: startX, y: rowBottom });
      labelSegment = points.length - 1;
      for (const id of edge.chain.slice(1, -1)) {
        const dummy = vertices.get(id)!;
        points.push({ x: dummy.x, y: rowTop[dummy.layer]! });
        points.push({ x: dummy.x, y: rowTop[dummy.layer]! + rowHeight[dummy.layer]! });
      }
      points.push({
        x: portX(to, inPorts.get(edge.to)!, edge, (e) => vertices.get(e.chain[e.chain.length - 2]!)!.x),
        y: top(to),
      });
    }
    const labelAt = edge.label ? labelPoint(points, edge.back, labelSegment) : undefined;
    placed.push({
      from: edge.from,
      to: edge.to,
      kind: edge.kind,
      ...(edge.label !== undefined ? { label: edge.label } : {}),
      points,
      back: edge.back,
      ...(labelAt ? { labelAt } : {}),
    });
  }
  right = Math.max(right, lane);

  const nodes: PlacedNode[] = graph.nodes.map((node) => {
    const vertex = vertices.get(node.id)!;
    const sized = vertex.sized!;
    const x = vertex.x - vertex.width / 2;
    const y0 = top(vertex);
    return {
      node,
      label: sized.label,
      x,
      y: y0,
      width: vertex.width,
      height: vertex.height,
      children: sized.children.map((child) => translate(child, x, y0)),
    };
  });

  return {
    id: graph.id,
    x: 0,
    y: 0,
    width: Math.ceil(right + METRICS.padding),
    height: Math.ceil(contentBottom + METRICS.padding),
    nodes,
    edges: placed,
  };
}

/** Where an edge's label goes: in the gap right below the source (forward) or halfway up the lane (back). */
function labelPoint(points: readonly Point[], back: boolean, segment: number): Point {
  if (back) {
    const a = points[1]!;
    const b = points[2]!;
    return { x: a.x, y: (a.y + b.y) / 2 };
  }
  return curvePoint(points[segment]!, points[segment + 1]!, 0.62);
}

/**
 * Several transitions between the same two states (two Choice rules, or a rule and Default, going to the
 * same state) are drawn as one arrow carrying all their labels. Catch edges stay separate: they are dashed.
 */
function mergeParallelEdges(edges: readonly GraphEdge[]): GraphEdge[] {
  const merged: GraphEdge[] = [];
  const byPair = new Map<string, number>();
  for (const edge of edges) {
    const key = `${edge.from}\u0000${edge.to}\u0000${edge.kind === "catch" ? "catch" : "flow"}`;
    const index = byPair.get(key);
    if (index === undefined) {
      byPair.set(key, merged.length);
      merged.push(edge);
      continue;
    }
    const first = merged[index]!;
    const label = [first.label, edge.label].filter(Boolean).join(" / ");
    merged[index] = { ...first, ...(label ? { label } : {}) };
  }
  return merged;
}

/**
 * The point at parameter t of the curve drawn between two consecutive edge points: a cubic Bézier with
 * vertical tangents at both ends (what the SVG renderer draws).
 */
export function curvePoint(a: Point, b: Point, t: number): Point {
  const middle = (a.y + b.y) / 2;
  const u = 1 - t;
  const x = u * u * u * a.x + 3 * u * u * t * a.x + 3 * u * t * t * b.x + t * t * t * b.x;
  const y = u * u * u * a.y + 3 * u * u * t * middle + 3 * u * t * t * middle + t * t * t * b.y;
  return { x, y };
}

export function translate(graph: PlacedGraph, dx: number, dy: number): PlacedGraph {
  const move = (point: Point): Point => ({ x: point.x + dx, y: point.y + dy });
  return {
    ...graph,
    x: graph.x + dx,
    y: graph.y + dy,
    nodes: graph.nodes.map((node) => ({
      ...node,
      x: node.x + dx,
      y: node.y + dy,
      children: node.children.map((child) => translate(child, dx, dy)),
    })),
    edges: graph.edges.map((edge) => ({
      ...edge,
      points: edge.points.map(move),
      ...(edge.labelAt ? { labelAt: move(edge.labelAt) } : {}),
    })),
  };
}
