/** `partitura run` as a user runs it: a real process, real files, exit codes and Portuguese output. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { partitura, ROOT, tempFile } from "./partitura.ts";

const EXAMPLES = join(ROOT, "exercises", "examples");

const payment = [
  join(EXAMPLES, "pagamento.asl.json"),
  "--input",
  join(EXAMPLES, "pedido.json"),
  "--mock-config",
  join(EXAMPLES, "pagamento.mocks.json"),
];

describe("partitura run", () => {
  it("reports retries with their backoff and the caught error in Portuguese, exit 1 on failure", () => {
    const { code, stdout } = partitura("run", ...payment, "--test-case", "SempreSobrecarregado");
    expect(code).toBe(1);
    expect(stdout).toContain("Execução falhou");
    expect(stdout).toContain("nova tentativa nº 1 após 2 s");
    expect(stdout).toContain("nova tentativa nº 3 após 8 s");
    expect(stdout).toContain("capturado (Catch) → NotificarFalhaPagamento");
    expect(stdout).toContain("Duração (tempo virtual): 14 s");
  });

  it("--json gives status, output, virtual dates and transitions; exit 0 on success", () => {
    const { code, stdout } = partitura("run", ...payment, "--test-case", "InstavelDepoisOk", "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      status: "SUCCEEDED",
      output: { estoqueAtualizado: true },
      startDate: "2026-01-01T00:00:00.000Z",
      stopDate: "2026-01-01T00:00:06.000Z",
      stateTransitions: 4,
    });
    expect(result.events).toBeUndefined();
  });

  it("--events adds the AWS-shaped history", () => {
    const { stdout } = partitura("run", ...payment, "--test-case", "Sucesso", "--json", "--events");
    const { events } = JSON.parse(stdout);
    expect(events[0]).toMatchObject({ id: 1, previousEventId: 0, type: "ExecutionStarted" });
    expect(events.at(-1).type).toBe("ExecutionSucceeded");
  });

  it("--inspect shows each state's data flow and each retry's backoff", () => {
    const human = partitura("run", ...payment, "--test-case", "InstavelDepoisOk", "--inspect");
    expect(human.stdout).toContain("Fluxo de dados por estado");
    expect(human.stdout).toContain("tentativa 1: Lambda.TooManyRequestsException → nova tentativa após 2 s");
    expect(human.stdout).toContain("próximo estado: AtualizarEstoque");
    const { stdout } = partitura("run", ...payment, "--test-case", "InstavelDepoisOk", "--json", "--inspect");
    const { inspections } = JSON.parse(stdout);
    expect(inspections[0]).toMatchObject({
      stateName: "ProcessarPagamento",
      input: { pedidoId: "P-42", valor: 99.9 },
    });
  });

  it("reads YAML definitions", () => {
    const file = tempFile(
      "fluxo.asl.yaml",
      "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: {ok: true}\n    End: true\n",
    );
    const { code, stdout } = partitura("run", file, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).output).toEqual({ ok: true });
  });

  it("a JSON syntax error is located and explained, exit 2, no stack trace", () => {
    const file = tempFile("quebrado.json", '{\n  "StartAt": "A",,\n  "States": {}\n}\n');
    const { code, stderr } = partitura("run", file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:2:18: erro de sintaxe JSON`);
    expect(stderr).toContain("nome de um campo");
    expect(stderr).not.toContain("    at ");
  });

  it("a definition the engine cannot run names the AWS location", () => {
    const file = tempFile(
      "sem-destino.json",
      JSON.stringify({ StartAt: "A", States: { A: { Type: "Pass", Next: "B" } } }),
    );
    const { code, stderr } = partitura("run", file);
    expect(code).toBe(2);
    expect(stderr).toContain("/States/A/Next");
    expect(stderr).toContain("'B'");
  });

  it("a missing file, an unknown test case and bad flags are usage errors (exit 2)", () => {
    expect(partitura("run", "/nao/existe.json").stderr).toContain("arquivo não encontrado");
    const unknownCase = partitura("run", ...payment, "--test-case", "Inexistente");
    expect(unknownCase.code).toBe(2);
    expect(unknownCase.stderr).toContain("Sucesso");
    expect(partitura("run", join(EXAMPLES, "pagamento.asl.json"), "--clock", "lento").code).toBe(2);
    expect(partitura("voar").code).toBe(2);
  });
});
