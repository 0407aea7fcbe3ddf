import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { curvePoint } from "../../grader/graph/layout.ts";
import {
  buildGraph,
  describeChoiceRule,
  GraphDefinitionError,
  layoutSubGraph,
  renderWorkflow,
  type Box,
  type PlacedGraph,
  type PlacedNode,
} from "../../grader/graph/index.ts";

const examples = join(import.meta.dirname, "..", "..", "exercises", "examples");
const example = (file: string): unknown => JSON.parse(readFileSync(join(examples, file), "utf8"));

const task = (next?: string) => ({
  Type: "Task",
  Resource: "arn:aws:lambda:us-east-1:1:function:f",
  ...(next ? { Next: next } : { End: true }),
});

function allNodes(graph: PlacedGraph): PlacedNode[] {
  return graph.nodes.flatMap((node) => [node, ...node.children.flatMap(allNodes)]);
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** Every pair of sibling boxes is disjoint, at every nesting level; children stay inside their container. */
function expectTidy(graph: PlacedGraph): void {
  for (const [i, a] of graph.nodes.entries()) {
    expect(inside(a, graph), `${a.node.name} inside ${graph.id}`).toBe(true);
    for (const b of graph.nodes.slice(i + 1)) {
      expect(overlaps(a, b), `${a.node.name} / ${b.node.name}`).toBe(false);
    }
    for (const [j, child] of a.children.entries()) {
      expect(inside(child, a), `branch ${j} inside ${a.node.name}`).toBe(true);
      for (const other of a.children.slice(j + 1)) expect(overlaps(child, other)).toBe(false);
      expectTidy(child);
    }
  }
}

const LOOP = {
  StartAt: "Verificar",
  States: {
    Verificar: task("Pronto"),
    Pronto: {
      Type: "Choice",
      Choices: [
        { Variable: "$.status", StringEquals: "OK", Next: "Concluido" },
        { And: [{ Variable: "$.n", IsPresent: true }], Next: "Falhou" },
      ],
      Default: "Esperar",
    },
    Esperar: { Type: "Wait", Seconds: 10, Next: "Verificar" },
    Concluido: { Type: "Succeed" },
    Falhou: { Type: "Fail", Error: "X" },
  },
};

describe("graph model", () => {
  it("has one node per state plus Start and End markers", () => {
    const graph = buildGraph(example("pedido-sequencial.asl.json"));
    expect(graph.nodes.filter((node) => node.kind === "state").map((node) => node.name)).toEqual([
      "ProcessarPagamento",
      "AtualizarEstoque",
      "EnviarConfirmacao",
    ]);
    expect(graph.nodes.filter((node) => node.kind !== "state").map((node) => node.kind)).toEqual([
      "start",
      "end",
    ]);
    expect(graph.edges.map((edge) => edge.kind)).toEqual(["start", "next", "next", "end"]);
  });

  it("draws Catch edges labelled with the errors they catch", () => {
    const graph = buildGraph(example("pagamento.asl.json"));
    const catches = graph.edges.filter((edge) => edge.kind === "catch");
    expect(catches).toEqual([
      {
        from: "wf/ProcessarPagamento",
        to: "wf/NotificarFalhaPagamento",
        kind: "catch",
        label: "States.TaskFailed",
      },
    ]);
  });

  it("labels Choice rules and the Default branch", () => {
    const graph = buildGraph(LOOP);
    const choice = graph.edges.filter((edge) => edge.from === "wf/Pronto");
    expect(choice.map((edge) => [edge.kind, edge.label, edge.to])).toEqual([
      ["choice", '$.status == "OK"', "wf/Concluido"],
      ["choice", "Regra 2", "wf/Falhou"],
      ["default", "Default", "wf/Esperar"],
    ]);
    expect(describeChoiceRule({ Variable: "$.n", NumericGreaterThanEqualsPath: "$.min" }, 1)).toBe(
      '$.n >= "$.min"',
    );
    expect(describeChoiceRule({ Condition: "{% $states.input.x > 1 %}", Next: "A" }, 1)).toBe(
      "$states.input.x > 1",
    );
  });

  it("nests Parallel branches and Map item processors (and the legacy Iterator)", () => {
    const parallel = buildGraph(example("documentos.asl.json"));
    const container = parallel.nodes.find((node) => node.name === "ProcessarDocumento")!;
    expect(container.children.map((branch) => branch.nodes.map((node) => node.name))).toEqual([
      ["ExtrairTexto"],
      ["AnalisarConteudo"],
      ["ClassificarDocumento"],
    ]);
    const map = buildGraph(example("video-hibrido.asl.json")).nodes.find((node) => node.type === "Map")!;
    expect(map.children[0]!.nodes.map((node) => node.name)).toEqual(["TranscodificarNoFargate"]);
    const legacy = buildGraph({
      StartAt: "M",
      States: {
        M: { Type: "Map", Iterator: { StartAt: "P", States: { P: { Type: "Pass", End: true } } }, End: true },
      },
    });
    expect(legacy.nodes[1]!.children[0]!.nodes.map((node) => node.name)).toEqual(["P"]);
  });

  it("shows a transition to a state that does not exist as a marked node", () => {
    const graph = buildGraph({ StartAt: "A", States: { A: task("Fantasma") } });
    expect(graph.nodes.find((node) => node.name === "Fantasma")?.kind).toBe("missing");
  });

  it("rejects what is not a state machine with a message in Portuguese", () => {
    expect(() => buildGraph([])).toThrow(GraphDefinitionError);
    expect(() => buildGraph({ States: {} })).toThrow(/falta o campo "StartAt"/);
    expect(() => buildGraph({ StartAt: "A", States: {} })).toThrow(/ao menos um estado/);
    expect(() =>
      buildGraph({ StartAt: "P", States: { P: { Type: "Parallel", Branches: [{}], End: true } } }),
    ).toThrow(/ramo 1 de "P"/);
  });
});

describe("layered layout", () => {
  it("puts a sequence in one column, top to bottom", () => {
    const layout = layoutSubGraph(buildGraph(example("pedido-sequencial.asl.json")));
    const [start, a, b, c, end] = layout.nodes;
    const centre = (box: Box) => box.x + box.width / 2;
    for (const node of [a, b, c, end]) expect(centre(node!)).toBeCloseTo(centre(start!), 5);
    const ys = layout.nodes.map((node) => node.y);
    expect(ys).toEqual([...ys].sort((p, q) => p - q));
    expectTidy(layout);
  });

  it("never overlaps boxes, and keeps branches inside their container", () => {
    for (const file of [
      "pedido-sequencial.asl.json",
      "pagamento.asl.json",
      "documentos.asl.json",
      "registro-usuario.asl.json",
      "logs.asl.json",
      "video-hibrido.asl.json",
    ]) {
      const layout = layoutSubGraph(buildGraph(example(file)));
      expectTidy(layout);
      for (const node of allNodes(layout)) {
        expect(node.x, file).toBeGreaterThanOrEqual(0);
        expect(node.x + node.width, file).toBeLessThanOrEqual(layout.width);
        expect(node.y + node.height, file).toBeLessThanOrEqual(layout.height);
      }
    }
  });

  it("draws the three Parallel branches side by side inside the container", () => {
    const layout = layoutSubGraph(buildGraph(example("documentos.asl.json")));
    const container = layout.nodes.find((node) => node.node.type === "Parallel")!;
    const branches = container.children;
    expect(branches).toHaveLength(3);
    expect(new Set(branches.map((branch) => branch.y)).size).toBe(1);
    expect(branches[0]!.x).toBeLessThan(branches[1]!.x);
    expect(branches[1]!.x).toBeLessThan(branches[2]!.x);
    const next = layout.nodes.find((node) => node.node.name === "ConsolidarResultados")!;
    expect(next.y).toBeGreaterThan(container.y + container.height);
  });

  it("routes a loop back up around the right side, and edges start and end on their boxes", () => {
    const layout = layoutSubGraph(buildGraph(LOOP));
    expectTidy(layout);
    const back = layout.edges.filter((edge) => edge.back);
    expect(back.map((edge) => [edge.from, edge.to])).toEqual([["wf/Esperar", "wf/Verificar"]]);
    const byId = new Map(layout.nodes.map((node) => [node.node.id, node]));
    const lane = back[0]!.points[1]!.x;
    for (const node of layout.nodes) expect(lane).toBeGreaterThan(node.x + node.width);
    for (const edge of layout.edges) {
      const from = byId.get(edge.from)!;
      const to = byId.get(edge.to)!;
      const first = edge.points[0]!;
      const last = edge.points[edge.points.length - 1]!;
      const onBorder = (point: { x: number; y: number }, box: Box) =>
        point.x >= box.x - 0.01 &&
        point.x <= box.x + box.width + 0.01 &&
        point.y >= box.y - 0.01 &&
        point.y <= box.y + box.height + 0.01;
      expect(onBorder(first, from), `${edge.from} -> ${edge.to}`).toBe(true);
      expect(onBorder(last, to), `${edge.from} -> ${edge.to}`).toBe(true);
    }
  });

  it("routes long edges through their own lane instead of across the boxes in between", () => {
    // A -> B -> C -> D, and A catches into D: the catch edge skips two layers.
    const layout = layoutSubGraph(
      buildGraph({
        StartAt: "A",
        States: {
          A: { ...task("B"), Catch: [{ ErrorEquals: ["States.ALL"], Next: "D" }] },
          B: task("C"),
          C: task("D"),
          D: task(),
        },
      }),
    );
    expectTidy(layout);
    const edge = layout.edges.find((candidate) => candidate.kind === "catch")!;
    const boxes = layout.nodes.filter((node) => ["B", "C"].includes(node.node.name));
    for (const point of edge.points.slice(1, -1)) {
      for (const box of boxes) {
        const hit =
          point.x > box.x && point.x < box.x + box.width && point.y > box.y && point.y < box.y + box.height;
        expect(hit).toBe(false);
      }
    }
  });

  it("keeps every edge clear of the boxes it does not connect, nested graphs included", () => {
    const t = (next?: string, extra: object = {}) => ({ ...task(next), ...extra });
    const stress = {
      StartAt: "Classificar",
      States: {
        Classificar: t("Rota"),
        Rota: {
          Type: "Choice",
          Choices: [
            { Variable: "$.tipo", StringEquals: "pdf", Next: "ProcessarPdf" },
            { Variable: "$.tipo", StringEquals: "imagem", Next: "ProcessarLote" },
            { Variable: "$.tamanho", NumericGreaterThan: 1000000, Next: "Rejeitar" },
            { Not: { Variable: "$.ok", IsPresent: true }, Next: "Aguardar" },
          ],
          Default: "Rejeitar",
        },
        Aguardar: { Type: "Wait", SecondsPath: "$.espera", Next: "Classificar" },
        ProcessarPdf: {
          Type: "Parallel",
          Branches: [
            {
              StartAt: "OCR",
              States: {
                OCR: t("Pronto"),
                Pronto: {
                  Type: "Choice",
                  Choices: [{ Variable: "$.ok", BooleanEquals: true, Next: "Fim1" }],
                  Default: "Esperar1",
                },
                Esperar1: { Type: "Wait", Seconds: 5, Next: "OCR" },
                Fim1: { Type: "Succeed" },
              },
            },
            { StartAt: "Metadados", States: { Metadados: t() } },
          ],
          Catch: [{ ErrorEquals: ["States.ALL"], Next: "Rejeitar" }],
          Next: "Gravar",
        },
        ProcessarLote: {
          Type: "Map",
          ItemProcessor: {
            StartAt: "Redimensionar",
            States: {
              Redimensionar: t("Variantes"),
              Variantes: {
                Type: "Parallel",
                Branches: [
                  { StartAt: "Mini", States: { Mini: t() } },
                  { StartAt: "Grande", States: { Grande: t() } },
                ],
                End: true,
              },
            },
          },
          Next: "Gravar",
        },
        Gravar: t("Sucesso", { Catch: [{ ErrorEquals: ["States.Timeout"], Next: "Rejeitar" }] }),
        Sucesso: { Type: "Succeed" },
        Rejeitar: { Type: "Fail", Error: "Rejeitado" },
      },
    };
    const check = (graph: PlacedGraph) => {
      expectTidy(graph);
      const boxes = new Map(graph.nodes.map((node) => [node.node.id, node]));
      for (const edge of graph.edges) {
        const samples: { x: number; y: number }[] = [];
        for (let i = 0; i + 1 < edge.points.length; i++) {
          const a = edge.points[i]!;
          const b = edge.points[i + 1]!;
          for (let step = 1; step < 20; step++) {
            const t = step / 20;
            samples.push(
              edge.back || a.x === b.x
                ? { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }
                : curvePoint(a, b, t),
            );
          }
        }
        for (const [id, box] of boxes) {
          if (id === edge.from || id === edge.to) continue;
          for (const point of samples) {
            const hit =
              point.x > box.x + 1 &&
              point.x < box.x + box.width - 1 &&
              point.y > box.y + 1 &&
              point.y < box.y + box.height - 1;
            expect(hit, `${edge.from} -> ${edge.to} crosses ${id}`).toBe(false);
          }
        }
      }
      for (const node of graph.nodes) node.children.forEach(check);
    };
    check(layoutSubGraph(buildGraph(stress)));
  });

  it("lays out a large machine quickly and deterministically", () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 120; i++) {
      states[`S${i}`] =
        i % 10 === 5
          ? {
              Type: "Choice",
              Choices: [{ Variable: "$.x", NumericEquals: i, Next: `S${i + 2}` }],
              Default: `S${i + 1}`,
            }
          : i === 119
            ? { Type: "Succeed" }
            : task(`S${i + 1}`);
    }
    const definition = { StartAt: "S0", States: states };
    const started = performance.now();
    const first = renderWorkflow(definition).svg;
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(renderWorkflow(definition).svg).toBe(first);
  });
});

describe("SVG", () => {
  it("has one g.wf-state per state, nested ones inside their container, and a viewBox that scales", () => {
    const { svg, stateCount, layout } = renderWorkflow(example("video-hibrido.asl.json"), { idPrefix: "v" });
    expect(stateCount).toBe(5);
    expect(svg.match(/<g class="wf-state/g)).toHaveLength(5);
    expect(svg).toContain(`viewBox="0 0 ${layout.width} ${layout.height}"`);
    expect(svg).toMatch(/<g class="wf-state wf-type-map wf-container" data-state="TranscodificarResolucoes"/);
    const mapStart = svg.indexOf('data-state="TranscodificarResolucoes"');
    const inner = svg.indexOf('data-state="TranscodificarNoFargate"');
    const next = svg.indexOf('data-state="GerarMiniaturas"');
    expect(mapStart).toBeLessThan(inner);
    expect(inner).toBeLessThan(next);
    expect(svg).toContain('data-marker="start"');
    expect(svg).toContain('data-marker="end"');
    expect(svg).toContain('role="img"');
    expect(svg).toContain(
      '<desc id="v-desc">Diagrama gerado com 5 estados: ValidarVideo (Task), TranscodificarResolucoes (Map), ' +
        "TranscodificarNoFargate (Task), GerarMiniaturas (Task), PublicarVideo (Task).</desc>",
    );
  });

  it("draws Catch edges dashed with their error as label, using its own arrow marker", () => {
    const { svg } = renderWorkflow(example("pagamento.asl.json"), { idPrefix: "p" });
    expect(svg).toMatch(
      /<g class="wf-edge wf-edge-catch" data-from="wf\/ProcessarPagamento" data-to="wf\/NotificarFalhaPagamento"><path d="[^"]+" marker-end="url\(#p-arrow-catch\)"\/>/,
    );
    expect(svg).toMatch(/\.wf-edge-catch path\{[^}]*stroke-dasharray/);
    expect(svg).toMatch(/<g class="wf-label wf-label-catch"[^>]*><title>States\.TaskFailed<\/title>/);
  });

  it("escapes state names and shortens very long ones (full name kept in the tooltip)", () => {
    const name = 'Estado <perigoso> & "citado" com um nome muito, muito comprido';
    const { svg } = renderWorkflow({ StartAt: name, States: { [name]: { Type: "Pass", End: true } } });
    expect(svg).not.toContain("<perigoso>");
    expect(svg).toContain("&#60;perigoso&#62; &#38; &#34;citado&#34;");
    expect(svg).toMatch(/<text class="wf-name"[^>]*>[^<]*…<\/text>/);
  });
});
