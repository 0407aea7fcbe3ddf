/**
 * `partitura test-state` as a user runs it: a TestState request (file or standard input) in, TestState's
 * response out; refused requests explained on stderr with AWS's exception name and message.
 * Expected values: https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html and
 * https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html (statuses, nextState,
 * inspection levels); the retry wait from https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, partitura, tempFile } from "./partitura.ts";

const chargeCard = {
  Type: "Task",
  QueryLanguage: "JSONata",
  Resource: "arn:aws:states:::lambda:invoke",
  Arguments: {
    FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:ChargeCard:$LATEST",
    Payload: { orderId: "{% $states.input.orderId %}", amount: "{% $states.input.total %}" },
  },
  Retry: [{ ErrorEquals: ["Lambda.ServiceException"], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
  Catch: [{ ErrorEquals: ["States.ALL"], Next: "PaymentFailed" }],
  End: true,
};

const request = (extra: object) =>
  JSON.stringify({
    definition: JSON.stringify(chargeCard),
    input: JSON.stringify({ orderId: "ORD-123", total: 99.99 }),
    mock: { errorOutput: { error: "Lambda.ServiceException", cause: "Payment gateway timeout" } },
    ...extra,
  });

function withStdin(text: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, "test-state", ...args], { input: text, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case starts 1–3 Node processes: the slowest case took 17 s with a load average of 34 on 2 cores.
describe("partitura test-state", { timeout: 60_000 }, () => {
  it("reads the request from a file and prints TestState's response as JSON, exit 0", () => {
    const file = tempFile("pedido.json", request({ stateConfiguration: { retrierRetryCount: 3 } }));
    const { code, stdout, stderr } = partitura("test-state", file);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      status: "CAUGHT_ERROR",
      nextState: "PaymentFailed",
      error: "Lambda.ServiceException",
      cause: "Payment gateway timeout",
      output: JSON.stringify({ Error: "Lambda.ServiceException", Cause: "Payment gateway timeout" }),
    });
  });

  it("reads standard input ('-' or no file); --inspection-level DEBUG adds inspectionData", () => {
    const { code, stdout } = withStdin(
      request({ stateConfiguration: { retrierRetryCount: 1 } }),
      "--inspection-level",
      "DEBUG",
    );
    expect(code).toBe(0);
    const response = JSON.parse(stdout);
    expect(response.status).toBe("RETRIABLE");
    expect(response.inspectionData.errorDetails).toEqual({ retryBackoffIntervalSeconds: 4, retryIndex: 0 });
    expect(JSON.parse(withStdin(request({}), "-").stdout).status).toBe("RETRIABLE");
  });

  it("accepts YAML, JSON values where the API wants JSON text, and --state-name", () => {
    const file = tempFile(
      "pedido.yaml",
      [
        "definition:",
        "  StartAt: Validar",
        "  States:",
        "    Validar: { Type: Pass, Result: { valido: true }, ResultPath: $.validacao, Next: Cobrar }",
        "    Cobrar: { Type: Succeed }",
        "input: { pedido: 1 }",
      ].join("\n"),
    );
    const { code, stdout } = partitura("test-state", file, "--state-name", "Validar");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      status: "SUCCEEDED",
      nextState: "Cobrar",
      output: JSON.stringify({ pedido: 1, validacao: { valido: true } }),
    });
  });

  it("a refused request: AWS's exception and message, then the explanation in Portuguese, on stderr; exit 2", () => {
    const file = tempFile(
      "pedido.json",
      JSON.stringify({ definition: '{"Type":"Pass","End":true}', mock: { result: "{}" } }),
    );
    const { code, stdout, stderr } = partitura("test-state", file);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "ValidationException: State type 'Pass' is not supported when a mock is specified\n" +
        "  Um estado Pass não chama serviço nenhum, então não aceita 'mock'. Retire o 'mock' do pedido.\n",
    );
  });

  it("warns in Portuguese about a field TestState does not have (AWS would ignore it silently)", () => {
    const { code, stderr } = withStdin(request({ stateNme: "Cobrar" }));
    expect(code).toBe(0);
    expect(stderr).toContain("o pedido tem o campo 'stateNme', que o TestState não conhece");
  });

  it("a bad --inspection-level, a missing file, a request that is not an object: one pt-BR line, exit 2", () => {
    const level = partitura("test-state", "x.json", "--inspection-level", "VERBOSE");
    expect(level).toMatchObject({ code: 2, stdout: "" });
    expect(level.stderr).toBe("--inspection-level aceita 'INFO', 'DEBUG' ou 'TRACE', não 'VERBOSE'.\n");
    const missing = partitura("test-state", "/nao/existe.json");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("arquivo não encontrado");
    const list = withStdin("[1, 2]");
    expect(list.code).toBe(2);
    expect(list.stderr).toContain("o pedido deve ser um objeto JSON");
  });

  it("--help prints the command's usage in Portuguese", () => {
    const { code, stdout } = partitura("test-state", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("partitura test-state [PEDIDO.json|PEDIDO.yaml|-]");
    expect(stdout).toContain("test-state: testa um estado sozinho");
  });
});
