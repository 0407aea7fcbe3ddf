/** Scoring as a student and an instructor see it: hidden scenarios, determinism, invalid and hostile submissions. */
import { describe, expect, it } from "vitest";
import { gradeSubmission, readSubmission } from "../../grader/grading/index.ts";
import { exercise, happyMocks, json, pipeline } from "./fixtures.ts";

const ex = exercise({
  scenarios: `  - id: feliz
    title: Caminho feliz
    visibility: public
    input: { pedido: { id: P-1 } }${happyMocks}
    checks:
      - { id: ok, type: status, expect: SUCCEEDED, description: termina bem, points: 4, feedback: Deveria terminar bem. }
  - id: segredo
    title: "Pedido P-SECRETO de R$ 999"
    visibility: hidden
    concept: Retentativas com backoff exponencial
    input: { pedido: { id: P-SECRETO, valor: 999 } }
    mocks:
      Extrair: { "0": { Return: {} } }
      Analisar: { "0": { Return: {} } }
      Pagar: { "0-1": { Throw: { Error: Lambda.TooManyRequestsException } }, "2": { Return: {} } }
    checks:
      - id: backoff
        type: retries
        state: Pagar
        backoffSeconds: [1, 2]
        description: As esperas crescem a cada tentativa
        points: 6
        feedback: Revise o backoff exponencial do Retry.`,
});

const submit = (text: string, fileName = "ana.asl.json") => ({ student: "ana", fileName, text });

describe("gradeSubmission", () => {
  it("leaves hidden scenarios out for students and scores them for the instructor", async () => {
    const student = await gradeSubmission(ex, submit(json(pipeline())), { includeHidden: false });
    expect(student.scenarios.map((s) => s.id)).toEqual(["feliz"]);
    expect([student.points, student.maxPoints, student.percent]).toEqual([4, 4, 100]);
    const instructor = await gradeSubmission(ex, submit(json(pipeline())), { includeHidden: true });
    expect([instructor.points, instructor.maxPoints]).toEqual([10, 10]);
  });

  it("names the concept of a failed hidden scenario, never its data", async () => {
    const wrong = pipeline({
      pagar: {
        Retry: [{ ErrorEquals: ["Lambda.TooManyRequestsException"], IntervalSeconds: 5, MaxAttempts: 2 }],
      },
    });
    const result = await gradeSubmission(ex, submit(json(wrong)), { includeHidden: true });
    const hidden = result.scenarios.find((s) => s.id === "segredo")!;
    expect(hidden.title).toBe("Retentativas com backoff exponencial");
    expect(hidden.execution).toBeUndefined();
    expect(hidden.checks[0]!.message).toBe("Revise o backoff exponencial do Retry.");
    expect(JSON.stringify(hidden)).not.toMatch(/SECRETO|999|5 s/);
    expect(result.percent).toBe(40);
  });

  it("is deterministic: the same submission gives the same result byte for byte", async () => {
    const text = json(
      pipeline({ pagar: { Retry: [{ ErrorEquals: ["States.ALL"], JitterStrategy: "FULL" }] } }),
    );
    const first = JSON.stringify(await gradeSubmission(ex, submit(text), { includeHidden: true }));
    const second = JSON.stringify(await gradeSubmission(ex, submit(text), { includeHidden: true }));
    expect(second).toBe(first);
  });

  it("turns a syntax error into an invalid submission with a located diagnostic and score 0", async () => {
    const result = await gradeSubmission(
      ex,
      submit('{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass" "End": true }\n  }\n}'),
      {
        includeHidden: true,
      },
    );
    expect(result.status).toBe("invalid");
    expect([result.points, result.maxPoints, result.percent]).toEqual([0, 10, 0]);
    expect(result.diagnostics[0]).toMatchObject({ code: "JSON_SYNTAX", line: 4, column: 27 });
    expect(result.diagnostics[0]!.message).toContain("falta uma vírgula");
  });

  it("turns validator errors into an invalid submission, located in the YAML file", async () => {
    const yaml = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n";
    const result = await gradeSubmission(ex, submit(yaml, "ana.asl.yaml"), { includeHidden: false });
    expect(result.status).toBe("invalid");
    expect(result.points).toBe(0);
    const located = result.diagnostics.filter((d) => d.severity === "error" && d.line !== undefined);
    expect(located.length).toBeGreaterThan(0);
    expect(located.map((d) => d.line)).toContain(5);
  });

  it("ends an endless loop with a failure instead of hanging", async () => {
    // Valid ASL (it has an end state) whose exit condition never holds.
    const loop = {
      StartAt: "A",
      States: {
        A: { Type: "Pass", Next: "B" },
        B: { Type: "Choice", Choices: [{ Variable: "$.nunca", IsPresent: true, Next: "Fim" }], Default: "A" },
        Fim: { Type: "Succeed" },
      },
    };
    const started = Date.now();
    const result = await gradeSubmission(ex, submit(json(loop)), { includeHidden: true });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(result.status).toBe("graded");
    expect(result.scenarios[0]!.execution).toMatchObject({ status: "FAILED" });
    // The engine's guard is named by what happened, never by its internal error name.
    expect(JSON.stringify(result)).not.toContain("Partitura.");
    expect(result.scenarios[0]!.problem).toContain("a execução não terminou");
    expect(result.points).toBe(0);
  });

  it("keeps __proto__ keys as plain data and rejects files over 1 MB", async () => {
    const hostile = json(pipeline()).replace(
      '"Type": "Pass",',
      '"Type": "Pass", "Parameters": { "__proto__": { "polluted": true }, "pedido.$": "$.pedido" },',
    );
    const result = await gradeSubmission(ex, submit(hostile), { includeHidden: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.status).toBe("graded");
    const huge = await gradeSubmission(ex, submit(" ".repeat(1_100_000) + json(pipeline())), {
      includeHidden: false,
    });
    expect(huge.status).toBe("invalid");
    expect(huge.reason).toContain("o limite é 1048576");
  });
});

describe("readSubmission", () => {
  it("finds the state machine and its type in SAM and CloudFormation templates", () => {
    const sam = [
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      "  Pedidos:",
      "    Type: AWS::Serverless::StateMachine",
      "    Properties:",
      "      Type: EXPRESS",
      `      Definition: ${JSON.stringify(pipeline())}`,
    ].join("\n");
    const reading = readSubmission(sam, { fileName: "template.yaml" });
    expect(reading.ok && [reading.stateMachineName, reading.workflowType]).toEqual(["Pedidos", "EXPRESS"]);

    const cfn = JSON.stringify({
      Resources: {
        Fluxo: {
          Type: "AWS::StepFunctions::StateMachine",
          Properties: { DefinitionString: JSON.stringify(pipeline()), StateMachineType: "STANDARD" },
        },
      },
    });
    const fromString = readSubmission(cfn, { fileName: "stack.json" });
    expect(fromString.ok && fromString.workflowType).toBe("STANDARD");
    expect(readSubmission('{"nada": 1}', { fileName: "x.json" })).toMatchObject({ ok: false });
  });
});
