/** `partitura run` as a user runs it: a real process, real files, exit codes and Portuguese output. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { partitura, ROOT, tempDir, tempFile } from "./partitura.ts";
import { nestedParallels } from "../validator/nested-parallels.ts";

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

  it("a definition the engine cannot run is located to line and column", () => {
    const file = tempFile(
      "sem-destino.json",
      '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Pass", "Next": "B" } }\n}',
    );
    expect(partitura("run", file).stderr).toContain(`${file}:3:46: definição inválida`);
  });
});

const PASS = '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }';

describe("partitura run: hostile and odd files", () => {
  it("a YAML alias bomb is refused at once, located, in Portuguese (exit 2, no stack trace)", () => {
    const levels = "bcde"
      .split("")
      .map((name, i) => `${name}: &${name} [${Array(10).fill(`*${"abcd"[i]}`).join(",")}]`);
    const file = tempFile(
      "bomba.yaml",
      [
        'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
        ...levels,
        "StartAt: A",
        "States:",
        "  A:",
        "    Type: Pass",
        "    Result: *e",
        "    End: true",
      ].join("\n"),
    );
    const { code, stderr } = partitura("run", file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:10:13: os aliases YAML`);
    expect(stderr).not.toContain("    at ");
    expect(stderr).not.toContain("Excessive");
  });

  it("a legitimate YAML file with 120 aliases runs", () => {
    const states = Array.from({ length: 120 }, (_, i) => {
      const result = i === 0 ? "&r {ok: true}" : "*r";
      return `  S${i}: {Type: Pass, Result: ${result}, ${i === 119 ? "End: true" : `Next: S${i + 1}`}}`;
    });
    const file = tempFile("muitos.yaml", ["StartAt: S0", "States:", ...states].join("\n"));
    const { code, stdout } = partitura("run", file, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      status: "SUCCEEDED",
      output: { ok: true },
      stateTransitions: 120,
    });
  });

  it("5000 nested Parallels and 100 000 nested input lists: a located message, no stack overflow", () => {
    const deep = tempFile("fundo.json", nestedParallels(5000));
    const tooDeep = partitura("run", deep);
    expect(tooDeep.code).toBe(2);
    expect(tooDeep.stderr).toMatch(
      new RegExp(`${deep}:1:\\d+: o arquivo aninha objetos e listas em mais de 512 níveis`),
    );
    expect(tooDeep.stderr).not.toContain("RangeError");
    // Deep enough for the engine's Parallel/Map limit, not for the reader's.
    const nested = tempFile("aninhado.json", nestedParallels(60));
    const engine = partitura("run", nested);
    expect(engine.code).toBe(2);
    expect(engine.stderr).toContain("Parallel/Map aninhados em mais de 40 níveis");
    const input = tempFile("entrada.json", "[".repeat(100_000) + "]".repeat(100_000));
    const data = partitura("run", tempFile("ok.json", PASS), "--input", input);
    expect(data.code).toBe(2);
    expect(data.stderr).toContain(`${input}:1:513: o arquivo aninha`);
    expect(data.stderr).not.toContain("    at ");
  });

  it("a UTF-8 BOM is ignored (positions stay right); UTF-16 gets its own message", () => {
    const bom = tempFile("bom.json", "\uFEFF" + PASS);
    expect(partitura("run", bom, "--json").code).toBe(0);
    const input = tempFile("entrada.json", '\uFEFF{"a": 1,}');
    expect(partitura("run", bom, "--input", input).stderr).toContain(`${input}:1:9: erro de sintaxe JSON`);
    const wide = join(tempDir(), "u16.json");
    writeFileSync(wide, Buffer.from("\uFEFF" + PASS, "utf16le"));
    const { code, stderr } = partitura("run", wide);
    expect(code).toBe(2);
    expect(stderr).toContain(`${wide}:1:1: o arquivo está em UTF-16`);
    expect(stderr).toContain("salve-o como UTF-8");
  });

  it("YAML syntax errors are explained in Portuguese, as validate explains them", () => {
    const file = tempFile("tab.yaml", "StartAt: A\nStates:\n  A:\n\tType: Pass\n");
    const { code, stderr } = partitura("run", file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:4:1: erro de sintaxe YAML: YAML não aceita TAB na indentação`);
    const quote = tempFile("aspas.yaml", 'StartAt: "A\nStates: {}\n');
    expect(partitura("run", quote).stderr).toContain("erro de sintaxe YAML: falta um caractere");
  });

  it("JSON typos in --input point at the typo", () => {
    const ok = tempFile("ok.json", PASS);
    const at = (text: string) => {
      const input = tempFile("entrada.json", text);
      return partitura("run", ok, "--input", input).stderr.replace(input, "entrada.json");
    };
    expect(at("nope")).toContain(
      "entrada.json:1:1: erro de sintaxe JSON: caractere inesperado (encontrou 'nope')",
    );
    expect(at("tru}")).toContain("entrada.json:1:1: erro de sintaxe JSON");
    const quotes = at("{'a': 1}");
    expect(quotes).toContain("entrada.json:1:2: erro de sintaxe JSON: JSON só aceita aspas duplas");
    expect(quotes).not.toContain("vírgula");
  });
});

describe("partitura run: serverless.yml, SAM and CloudFormation", () => {
  const serverless = [
    "service: pedidos",
    "stepFunctions:",
    "  stateMachines:",
    "    Pedido:",
    "      definition:",
    "        StartAt: Pagar",
    "        States:",
    "          Pagar:",
    "            Type: Task",
    "            Resource: arn:aws:lambda:#{AWS::Region}:#{AWS::AccountId}:function:${self:service}-pagar",
    "            End: true",
    "    Relatorio:",
    "      definition:",
    "        StartAt: Gerar",
    "        States:",
    "          Gerar: {Type: Pass, Result: {relatorio: pronto}, End: true}",
  ].join("\n");

  it("runs the machine --state-machine names, with its mocks; without the flag, lists the machines", () => {
    const file = tempFile("serverless.yml", serverless);
    const mocks = tempFile(
      "mocks.json",
      JSON.stringify({
        StateMachines: { Pedido: { TestCases: { Ok: { Pagar: "Pago" } } } },
        MockedResponses: { Pago: { "0": { Return: { pago: true } } } },
      }),
    );
    const paid = partitura(
      "run",
      file,
      "--state-machine",
      "Pedido",
      "--mock-config",
      mocks,
      "--test-case",
      "Ok",
      "--json",
    );
    expect(paid.stderr).toBe("");
    expect(JSON.parse(paid.stdout)).toMatchObject({ status: "SUCCEEDED", output: { pago: true } });
    const report = partitura("run", file, "--state-machine", "Relatorio", "--json");
    expect(JSON.parse(report.stdout).output).toEqual({ relatorio: "pronto" });
    const ambiguous = partitura("run", file);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain(
      "tem 2 máquinas de estado ('Pedido', 'Relatorio'); escolha uma com --state-machine NOME",
    );
    const unknown = partitura("run", file, "--state-machine", "Outra");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("não há máquina de estado 'Outra'");
  });

  it("runs the only machine of a SAM template (!GetAtt resources become local ARNs)", () => {
    const file = tempFile(
      "template.yaml",
      [
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Fluxo:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Definition:",
        "        StartAt: Pagar",
        "        States:",
        "          Pagar:",
        "            Type: Task",
        "            Resource: !GetAtt PagarFunction.Arn",
        "            Next: Fim",
        "          Fim: {Type: Pass, Result: feito, End: true}",
      ].join("\n"),
    );
    const mocks = tempFile(
      "mocks.json",
      JSON.stringify({
        StateMachines: { Fluxo: { TestCases: { Ok: { Pagar: "Pago" } } } },
        MockedResponses: { Pago: { "0": { Return: 1 } } },
      }),
    );
    const { code, stdout } = partitura("run", file, "--mock-config", mocks, "--test-case", "Ok", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).output).toBe("feito");
    const broken = tempFile(
      "template.yaml",
      "Resources:\n  Fluxo:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: fluxo.asl.json\n",
    );
    const uri = partitura("run", broken);
    expect(uri.code).toBe(2);
    expect(uri.stderr).toContain("fluxo.asl.json");
  });
});
