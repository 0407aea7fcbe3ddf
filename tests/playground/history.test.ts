import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compileStateMachine,
  createMockResolver,
  parseMockConfig,
  runExecution,
  type ExecutionResult,
} from "../../grader/engine/index.ts";
import { buildHistoryModel, graphStatus, replayDelays } from "../../src/playground/history.ts";

const EXAMPLES = join(import.meta.dirname, "../../exercises/examples");
const read = (file: string): unknown => JSON.parse(readFileSync(join(EXAMPLES, file), "utf8"));

async function run(example: string, testCase: string, input: unknown = {}): Promise<ExecutionResult> {
  const machine = compileStateMachine(read(`${example}.asl.json`));
  const config = parseMockConfig(read(`${example}.mocks.json`));
  return runExecution(machine, input, {
    resolveTask: createMockResolver(config, { testCaseName: testCase }),
    inspect: true,
  });
}

describe("history model (table, timeline, graph status)", () => {
  it("payment, SempreSobrecarregado: four attempts with 2 s, 4 s and 8 s of backoff, caught, then the Fail state", async () => {
    const result = await run("pagamento", "SempreSobrecarregado", read("pedido.json"));
    const model = buildHistoryModel(result.events, result.inspections);
    expect(model.outcome).toBe("FAILED");
    expect(model.duration).toBe(14_000);
    expect(model.visits.map((visit) => [visit.stateName, visit.status])).toEqual([
      ["ProcessarPagamento", "caught"],
      ["NotificarFalhaPagamento", "succeeded"],
      ["PagamentoRecusado", "failed"],
    ]);
    const payment = model.visits[0]!;
    expect(payment.attempts.map((attempt) => attempt.outcome)).toEqual([
      "failed",
      "failed",
      "failed",
      "failed",
    ]);
    expect(payment.gaps.map((gap) => (gap.end - gap.start) / 1000)).toEqual([2, 4, 8]);
    expect(payment.error).toBe("Lambda.TooManyRequestsException");
    const status = graphStatus(result.events, model);
    expect(status.states.get("ProcessarPagamento")).toEqual({ status: "caught", visits: 1, retries: 3 });
    expect([...status.edges].sort()).toEqual(
      [
        "#start→ProcessarPagamento",
        "ProcessarPagamento→NotificarFalhaPagamento",
        "NotificarFalhaPagamento→PagamentoRecusado",
        "PagamentoRecusado→#end",
      ].sort(),
    );
  });

  it("Parallel branches overlap in time, nested under their container", async () => {
    const result = await run("documentos", "Sucesso");
    const model = buildHistoryModel(result.events, result.inspections);
    const byName = new Map(model.visits.map((visit) => [visit.stateName, visit]));
    const parallel = byName.get("ProcessarDocumento")!;
    expect(parallel.depth).toBe(0);
    for (const branch of ["ExtrairTexto", "AnalisarConteudo", "ClassificarDocumento"]) {
      const visit = byName.get(branch)!;
      expect(visit.depth, branch).toBe(1);
      expect(visit.parent, branch).toBe(parallel.index);
      expect(visit.start, branch).toBe(0);
    }
    // Mock durations 6 s, 4 s, 3 s: the Parallel state lasts as long as its slowest branch.
    expect(byName.get("ExtrairTexto")!.end).toBe(6_000);
    expect(byName.get("ClassificarDocumento")!.end).toBe(3_000);
    expect(parallel.end).toBe(6_000);
    expect(byName.get("ConsolidarResultados")!.start).toBe(6_000);
    expect(model.duration).toBe(7_000);
  });

  it("a failed branch cancels the others; the Parallel state fails", async () => {
    const result = await run("documentos", "ClassificacaoFalha");
    const model = buildHistoryModel(result.events, result.inspections);
    const status = graphStatus(result.events, model);
    expect(status.states.get("ClassificarDocumento")?.status).toBe("failed");
    expect(status.states.get("ProcessarDocumento")?.status).toBe("failed");
    expect(status.states.get("ExtrairTexto")?.status).toBe("aborted");
    expect(status.states.has("ConsolidarResultados")).toBe(false);
  });

  it("Map iterations of the same state stay apart; retries are counted per iteration", async () => {
    const input = { video: "s3://v.mp4", resolucoes: ["1080p", "720p", "480p"] };
    const result = await run("video-hibrido", "FargateInstavel", input);
    const model = buildHistoryModel(result.events, result.inspections);
    const iterations = model.visits.filter((visit) => visit.stateName === "TranscodificarNoFargate");
    expect(iterations).toHaveLength(3);
    expect(iterations.map((visit) => visit.attempts.length).sort()).toEqual([1, 1, 2]);
    const retried = iterations.find((visit) => visit.attempts.length === 2)!;
    expect(retried.gaps).toHaveLength(1);
    expect(retried.gaps[0]!.end - retried.gaps[0]!.start).toBe(1_000); // IntervalSeconds defaults to 1
    expect(graphStatus(result.events, model).states.get("TranscodificarNoFargate")).toMatchObject({
      status: "succeeded",
      visits: 3,
      retries: 1,
    });
  });

  it("a prefix of the history (watch it run) shows the state being run", async () => {
    const result = await run("pagamento", "SempreSobrecarregado", read("pedido.json"));
    const prefix = result.events.slice(0, 9);
    const model = buildHistoryModel(prefix);
    const status = graphStatus(prefix, model);
    expect(model.outcome).toBeUndefined();
    expect(status.states.get("ProcessarPagamento")).toEqual({ status: "running", visits: 1, retries: 2 });
  });

  it("replay delays: 300 ms per virtual second, capped, plus a short step", async () => {
    const result = await run("pagamento", "SempreSobrecarregado", read("pedido.json"));
    const delays = replayDelays(result.events, { msPerSecond: 300, capMs: 2000, stepMs: 50 });
    expect(delays[0]).toBe(0);
    const byId = (id: number) => delays[result.events.findIndex((event) => event.id === id)];
    expect(byId(6)).toBe(50 + 600); // 2 s of backoff
    expect(byId(9)).toBe(50 + 1200); // 4 s
    expect(byId(12)).toBe(50 + 2000); // 8 s, capped
    expect(byId(4)).toBe(50);
  });
});
