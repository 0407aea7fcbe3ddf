/** Every diagnostic points into the ORIGINAL file: JSON, YAML, and definitions embedded in IaC files. */
import { describe, expect, it } from "vitest";
import { validateSource, type Diagnostic, type ValidationReport } from "../../grader/validator/index.ts";

function all(report: ValidationReport): Diagnostic[] {
  return [...report.fileDiagnostics, ...report.stateMachines.flatMap((m) => m.diagnostics)];
}

function at(report: ValidationReport, code: string): string[] {
  return all(report)
    .filter((d) => d.code === code)
    .map((d) => `${d.location} ${d.range?.start.line}:${d.range?.start.column}`);
}

/** Line and column (1-based) of the first occurrence of `needle` in `text`. */
function where(text: string, needle: string, nth = 0): string {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  const before = text.slice(0, index).split("\n");
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe("JSON", () => {
  const text = [
    "{",
    '  "StartAt": "Pagar",',
    '  "States": {',
    '    "Pagar": {',
    '      "Type": "Task",',
    '      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Pagar",',
    '      "Retry": [{ "ErrorEquals": ["States.ALL"], "BackoffRate": 0.5 }],',
    '      "Next": "Fimm"',
    "    },",
    '    "Fim": { "Type": "Succeed" }',
    "  }",
    "}",
  ].join("\n");
  const report = validateSource(text, { fileName: "pagamento.asl.json" });

  it("locates a value at its line and column", () => {
    expect(at(report, "MISSING_TRANSITION_TARGET")).toEqual([`/States/Pagar/Next ${where(text, '"Fimm"')}`]);
    const backoff = all(report).find((d) => d.location === "/States/Pagar/Retry/0/BackoffRate")!;
    expect(`${backoff.range!.start.line}:${backoff.range!.start.column}`).toBe(where(text, "0.5"));
    expect(backoff.range!.end.column - backoff.range!.start.column).toBe(3);
  });

  it("names the machine after the file", () => {
    expect(report.stateMachines[0]!.name).toBe("pagamento");
  });

  it("a syntax error gives line, column and what was expected, in Portuguese", () => {
    const broken = validateSource('{\n  "StartAt": "A",,\n  "States": {}\n}\n', {
      fileName: "quebrado.json",
    });
    expect(broken.stateMachines).toEqual([]);
    const [error] = broken.fileDiagnostics;
    expect(error).toMatchObject({ code: "INVALID_JSON_DESCRIPTION", severity: "error" });
    expect([error!.range!.start.line, error!.range!.start.column]).toEqual([2, 18]);
    expect(error!.message).toContain("esperava o nome de um campo");
  });

  it("a missing comma and a comment are explained", () => {
    const comma = validateSource('{\n  "StartAt": "A"\n  "States": {}\n}', { fileName: "a.json" })
      .fileDiagnostics[0]!;
    expect([comma.range!.start.line, comma.message]).toEqual([
      3,
      expect.stringContaining("falta uma vírgula"),
    ]);
    const comment = validateSource('{ // oi\n"StartAt": "A" }', { fileName: "a.json" }).fileDiagnostics[0]!;
    expect(comment.message).toContain("não aceita comentários");
  });

  it("an empty file is MISSING_DESCRIPTION", () => {
    expect(validateSource("  \n", { fileName: "vazio.json" }).fileDiagnostics[0]!.code).toBe(
      "MISSING_DESCRIPTION",
    );
  });

  // AWS ValidateStateMachineDefinitionDiagnostic: MISSING_DESCRIPTION is "Received a null or empty workflow
  // input" and SCHEMA_VALIDATION_FAILED "Schema validation reported errors"
  // (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinitionDiagnostic.html);
  // an object without StartAt and States is a definition missing both fields, reported at "/".
  it("'{}' is a definition missing StartAt and States (SCHEMA_VALIDATION_FAILED at '/'), not 'no state machine'", () => {
    for (const text of ["{}", '{ "Comment": "rascunho" }']) {
      const report = validateSource(text, { fileName: "rascunho.json" });
      expect(report.fileDiagnostics).toEqual([]);
      const diagnostics = report.stateMachines[0]!.diagnostics;
      expect(diagnostics.map((d) => [d.code, d.severity, d.location])).toEqual([
        ["SCHEMA_VALIDATION_FAILED", "error", "/"],
      ]);
      expect(diagnostics[0]!.message).toContain("'StartAt'");
      expect(diagnostics[0]!.message).toContain("'States'");
    }
  });
});

describe("YAML", () => {
  const text =
    "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n  B:\n    Type: Wait\n    Seconds: -1\n    End: true\n";
  it("locates values in a .asl.yaml definition", () => {
    const report = validateSource(text, { fileName: "fluxo.asl.yaml" });
    expect(at(report, "SCHEMA_VALIDATION_FAILED")).toEqual([`/States/B/Seconds ${where(text, "-1")}`]);
  });

  it("a YAML syntax error is located and explained", () => {
    const report = validateSource("StartAt: A\nStartAt: B\n", { fileName: "x.yaml" });
    expect(report.fileDiagnostics[0]).toMatchObject({ code: "INVALID_JSON_DESCRIPTION" });
    expect(report.fileDiagnostics[0]!.range!.start.line).toBe(2);
    expect(report.fileDiagnostics[0]!.message).toContain("chave repetida");
  });
});

describe("IaC files", () => {
  it("serverless.yml: positions inside stepFunctions.stateMachines.<name>.definition", () => {
    const text = [
      "service: loja",
      "stepFunctions:",
      "  stateMachines:",
      "    pedidos:",
      "      definition:",
      "        StartAt: Cobrar",
      "        States:",
      "          Cobrar:",
      "            Type: Task",
      "            Resource: arn:aws:lambda:${aws:region}:${aws:accountId}:function:${self:service}-cobrar",
      "            Retry: [{ ErrorEquals: [States.TaskFailed] }]",
      "            Next: Enviarr",
      "          Enviar:",
      "            Type: Succeed",
    ].join("\n");
    const report = validateSource(text, { fileName: "serverless.yml" });
    expect(report.stateMachines.map((m) => m.name)).toEqual(["pedidos"]);
    expect(at(report, "MISSING_TRANSITION_TARGET")).toEqual([
      `/States/Cobrar/Next ${where(text, "Enviarr")}`,
    ]);
    expect(at(report, "INVALID_RESOURCE")).toEqual([]);
  });

  it("CloudFormation YAML: a DefinitionString !Sub block maps back to its line and column", () => {
    const text = [
      "Resources:",
      "  Maquina:",
      "    Type: AWS::StepFunctions::StateMachine",
      "    Properties:",
      "      DefinitionString: !Sub |",
      "        {",
      '          "StartAt": "A",',
      '          "States": {',
      '            "A": { "Type": "Task", "Resource": "${Funcao.Arn}", "TimeoutSeconds": ${Tempo}, "Nxt": "B" }',
      "          }",
      "        }",
    ].join("\n");
    const report = validateSource(text, { fileName: "template.yaml" });
    expect(at(report, "SCHEMA_VALIDATION_FAILED")).toContain(`/States/A/Nxt ${where(text, '"Nxt"')}`);
    expect(at(report, "INVALID_RESOURCE")).toEqual([]);
  });

  it("CloudFormation YAML: !GetAtt / !Ref in an inline Definition are accepted where an ARN is expected", () => {
    const text = [
      "Resources:",
      "  M:",
      "    Type: AWS::Serverless::StateMachine",
      "    Properties:",
      "      Definition:",
      "        StartAt: A",
      "        States:",
      "          A:",
      "            Type: Task",
      "            Resource: !GetAtt Funcao.Arn",
      "            Parameters:",
      "              Tabela: !Ref Tabela",
      "            Retry: [{ ErrorEquals: [States.ALL], MaxAttempts: 0.5 }]",
      "            End: true",
    ].join("\n");
    const report = validateSource(text, { fileName: "template.yaml" });
    expect(
      all(report)
        .filter((d) => d.severity === "error")
        .map((d) => d.location),
    ).toEqual(["/States/A/Retry/0/MaxAttempts"]);
    expect(at(report, "SCHEMA_VALIDATION_FAILED")).toEqual([
      `/States/A/Retry/0/MaxAttempts ${where(text, "0.5")}`,
    ]);
  });

  it("CloudFormation JSON: an escaped DefinitionString maps each value back to its column", () => {
    const text = JSON.stringify(
      {
        Resources: {
          M: {
            Type: "AWS::StepFunctions::StateMachine",
            Properties: { DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Z"}}}' },
          },
        },
      },
      null,
      2,
    );
    const report = validateSource(text, { fileName: "template.json" });
    expect(at(report, "MISSING_TRANSITION_TARGET")).toEqual([`/States/A/Next ${where(text, '\\"Z\\"')}`]);
  });

  it("an Express machine declared in the template is validated as Express", () => {
    const text = [
      "Resources:",
      "  M:",
      "    Type: AWS::StepFunctions::StateMachine",
      "    Properties:",
      "      StateMachineType: EXPRESS",
      "      Definition:",
      "        StartAt: A",
      "        States:",
      "          A: { Type: Task, Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true }",
    ].join("\n");
    expect(at(validateSource(text, { fileName: "t.yaml" }), "SCHEMA_VALIDATION_FAILED")).toEqual([
      `/States/A/Resource ${where(text, "'arn:")}`,
    ]);
  });

  it("a file with no state machine says what it looks for", () => {
    const report = validateSource("service: nada\nprovider:\n  name: aws\n", { fileName: "serverless.yml" });
    expect(report.fileDiagnostics.map((d) => [d.code, d.severity])).toEqual([["NO_STATE_MACHINE", "error"]]);
    expect(report.fileDiagnostics[0]!.message).toContain("stepFunctions.stateMachines");
  });

  it("a SAM DefinitionUri is pointed out, not silently skipped", () => {
    const text =
      "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: sm/fluxo.asl.json\n";
    const report = validateSource(text, { fileName: "template.yaml" });
    expect(report.fileDiagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["IAC_DEFINITION_ELSEWHERE", "info"],
    ]);
    expect(report.fileDiagnostics[0]!.message).toContain("sm/fluxo.asl.json");
  });
});
