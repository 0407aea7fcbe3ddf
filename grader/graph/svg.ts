/**
 * SVG drawing of a laid-out workflow: a string, so it can be produced at build time (Astro) or in the
 * browser (the playground, later) alike. Colours come from Starlight's CSS variables, with fallbacks, so the
 * drawing follows the light/dark theme and still reads on its own.
 */
import { graphMessages } from "./messages.ts";
import { layoutSubGraph, type PlacedEdge, type PlacedGraph, type PlacedNode, type Point } from "./layout.ts";
import { buildGraph, DEFAULT_LABELS, listStates, type GraphLabels } from "./model.ts";

export interface RenderOptions {
  /** Prefix for the ids inside the SVG (markers, title); must be unique on the page. */
  readonly idPrefix?: string;
  /** Accessible name; defaults to the definition's Comment. */
  readonly title?: string;
  readonly labels?: GraphLabels;
}

export interface RenderedWorkflow {
  readonly svg: string;
  readonly layout: PlacedGraph;
  readonly stateCount: number;
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const n = (value: number) => String(Math.round(value * 10) / 10);

const STYLE = `
.wf-svg{font-family:var(--sl-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif)}
.wf-svg .wf-box{fill:var(--sl-color-bg,#fff);stroke:var(--wf-accent,#64748b);stroke-width:1.5}
.wf-svg .wf-container-box{fill:var(--sl-color-gray-6,#f1f5f9);stroke:var(--wf-accent,#64748b);stroke-width:1.5}
.wf-svg .wf-branch-box{fill:var(--sl-color-bg,#fff);stroke:var(--sl-color-gray-4,#94a3b8);stroke-dasharray:4 3}
.wf-svg .wf-accent{fill:var(--wf-accent,#64748b)}
.wf-svg .wf-name{fill:var(--sl-color-white,#0f172a);font-size:13px;font-weight:600}
.wf-svg .wf-type{fill:var(--sl-color-gray-2,#475569);font-size:11px}
.wf-svg .wf-edge path{fill:none;stroke:var(--sl-color-gray-3,#64748b);stroke-width:1.5}
.wf-svg .wf-edge-catch path{stroke:#dc2626;stroke-dasharray:6 4}
.wf-svg .wf-arrowhead{fill:var(--sl-color-gray-3,#64748b)}
.wf-svg .wf-arrowhead-catch{fill:#dc2626}
.wf-svg .wf-label rect{fill:var(--sl-color-bg,#fff);stroke:var(--sl-color-gray-5,#cbd5e1)}
.wf-svg .wf-label text{fill:var(--sl-color-gray-2,#334155);font-size:11px}
.wf-svg .wf-label-catch text{fill:#dc2626}
.wf-svg .wf-marker rect{fill:var(--sl-color-gray-5,#e2e8f0)}
.wf-svg .wf-marker text{fill:var(--sl-color-white,#0f172a);font-size:12px;font-weight:600}
.wf-svg .wf-missing .wf-box{stroke:#dc2626;stroke-dasharray:4 3}
.wf-svg .wf-type-task{--wf-accent:#2563eb}
.wf-svg .wf-type-choice{--wf-accent:#d97706}
.wf-svg .wf-type-parallel,.wf-svg .wf-type-map{--wf-accent:#7c3aed}
.wf-svg .wf-type-wait{--wf-accent:#0d9488}
.wf-svg .wf-type-pass{--wf-accent:#64748b}
.wf-svg .wf-type-succeed{--wf-accent:#16a34a}
.wf-svg .wf-type-fail{--wf-accent:#dc2626}
`.trim();

/** Lays out and draws a definition. Throws GraphDefinitionError (pt-BR) for a definition it cannot draw. */
export function renderWorkflow(definition: unknown, options: RenderOptions = {}): RenderedWorkflow {
  const labels = options.labels ?? DEFAULT_LABELS;
  const graph = buildGraph(definition, labels);
  const layout = layoutSubGraph(graph);
  const states = listStates(graph);
  const stateCount = states.length;
  const prefix = options.idPrefix ?? "wf";
  const comment =
    typeof definition === "object" && definition !== null && "Comment" in definition
      ? String((definition as { Comment: unknown }).Comment)
      : undefined;
  const title = options.title ?? graphMessages.title(comment ?? graphMessages.untitled);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="wf-svg" viewBox="0 0 ${layout.width} ${layout.height}"` +
      ` width="${layout.width}" height="${layout.height}" preserveAspectRatio="xMidYMin meet"` +
      ` role="img" aria-labelledby="${prefix}-title ${prefix}-desc">`,
    `<title id="${prefix}-title">${escapeXml(title)}</title>`,
    `<desc id="${prefix}-desc">${escapeXml(graphMessages.description(states))}</desc>`,
    `<style>${STYLE}</style>`,
    `<defs>${marker(`${prefix}-arrow`, "wf-arrowhead")}${marker(`${prefix}-arrow-catch`, "wf-arrowhead-catch")}</defs>`,
  );
  drawGraph(layout, prefix, parts, "wf-graph");
  parts.push("</svg>");
  return { svg: parts.join(""), layout, stateCount };
}

function marker(id: string, className: string): string {
  return (
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7"` +
    ` orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="${className}"/></marker>`
  );
}

function drawGraph(graph: PlacedGraph, prefix: string, parts: string[], className: string): void {
  parts.push(`<g class="${className}" data-graph="${escapeXml(graph.id)}">`);
  if (className !== "wf-graph") {
    parts.push(
      `<rect class="wf-branch-box" x="${n(graph.x)}" y="${n(graph.y)}" width="${n(graph.width)}"` +
        ` height="${n(graph.height)}" rx="8"/>`,
    );
  }
  parts.push(`<g class="wf-edges">`);
  for (const edge of graph.edges) drawEdge(edge, prefix, parts);
  parts.push(`</g>`);
  for (const node of graph.nodes) drawNode(node, prefix, parts);
  parts.push(`<g class="wf-labels">`);
  for (const edge of graph.edges) drawLabel(edge, parts);
  parts.push(`</g></g>`);
}

function drawNode(placed: PlacedNode, prefix: string, parts: string[]): void {
  const { node, x, y, width, height } = placed;
  if (node.kind === "start" || node.kind === "end") {
    parts.push(
      `<g class="wf-marker" data-marker="${node.kind}"><rect x="${n(x)}" y="${n(y)}" width="${n(width)}"` +
        ` height="${n(height)}" rx="${n(height / 2)}"/><text x="${n(x + width / 2)}" y="${n(y + height / 2 + 4)}"` +
        ` text-anchor="middle">${escapeXml(node.name)}</text></g>`,
    );
    return;
  }
  const typeClass = `wf-type-${node.type.toLowerCase().replace(/[^a-z]/g, "") || "unknown"}`;
  const container = placed.children.length > 0;
  const classes = [
    "wf-state",
    typeClass,
    container ? "wf-container" : "",
    node.kind === "missing" ? "wf-missing" : "",
  ]
    .filter(Boolean)
    .join(" ");
  parts.push(
    `<g class="${classes}" data-state="${escapeXml(node.name)}" data-type="${escapeXml(node.type)}">`,
    `<title>${escapeXml(`${node.name} (${node.type})`)}</title>`,
    `<rect class="${container ? "wf-container-box" : "wf-box"}" x="${n(x)}" y="${n(y)}" width="${n(width)}"` +
      ` height="${n(height)}" rx="8"/>`,
    `<rect class="wf-accent" x="${n(x)}" y="${n(y + 6)}" width="4" height="${n(container ? 28 : height - 12)}" rx="2"/>`,
  );
  if (container) {
    parts.push(
      `<text class="wf-name" x="${n(x + 14)}" y="${n(y + 18)}">${escapeXml(placed.label)}</text>`,
      `<text class="wf-type" x="${n(x + 14)}" y="${n(y + 32)}">${escapeXml(node.type)}</text>`,
    );
    for (const child of placed.children) drawGraph(child, prefix, parts, "wf-graph wf-branch");
  } else {
    parts.push(
      `<text class="wf-name" x="${n(x + width / 2)}" y="${n(y + 21)}" text-anchor="middle">${escapeXml(placed.label)}</text>`,
      `<text class="wf-type" x="${n(x + width / 2)}" y="${n(y + 37)}" text-anchor="middle">${escapeXml(node.type)}</text>`,
    );
  }
  parts.push(`</g>`);
}

/** SVG path data: straight where the points line up vertically, smooth vertical-tangent curves otherwise. */
export function edgePath(points: readonly Point[], back: boolean): string {
  const [first, ...rest] = points;
  if (!first) return "";
  let d = `M${n(first.x)},${n(first.y)}`;
  let previous = first;
  for (const point of rest) {
    if (back || Math.abs(point.x - previous.x) < 0.5) d += `L${n(point.x)},${n(point.y)}`;
    else {
      const middle = (previous.y + point.y) / 2;
      d += `C${n(previous.x)},${n(middle)} ${n(point.x)},${n(middle)} ${n(point.x)},${n(point.y)}`;
    }
    previous = point;
  }
  return d;
}

function drawEdge(edge: PlacedEdge, prefix: string, parts: string[]): void {
  const arrow = edge.kind === "catch" ? `${prefix}-arrow-catch` : `${prefix}-arrow`;
  parts.push(
    `<g class="wf-edge wf-edge-${edge.kind}" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}">` +
      `<path d="${edgePath(edge.points, edge.back)}" marker-end="url(#${arrow})"/></g>`,
  );
}

const LABEL_MAX = 26;

function drawLabel(edge: PlacedEdge, parts: string[]): void {
  if (!edge.label || !edge.labelAt) return;
  const chars = [...edge.label];
  const text = chars.length > LABEL_MAX ? chars.slice(0, LABEL_MAX - 1).join("") + "…" : edge.label;
  const width = Math.ceil(text.length * 6.2 + 10);
  const { x, y } = edge.labelAt;
  parts.push(
    `<g class="wf-label wf-label-${edge.kind}" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}">` +
      `<title>${escapeXml(edge.label)}</title>` +
      `<rect x="${n(x - width / 2)}" y="${n(y - 9)}" width="${width}" height="18" rx="4"/>` +
      `<text x="${n(x)}" y="${n(y + 4)}" text-anchor="middle">${escapeXml(text)}</text></g>`,
  );
}
