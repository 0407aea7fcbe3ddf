/**
 * IaC submissions (SAM `!GetAtt`, serverless.yml `${aws:region}`, CloudFormation `DefinitionString: !Sub`)
 * are graded like the plain JSON they deploy: `partitura validate` accepts their variables where an ARN
 * is expected, and so does grading.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExercise } from "../../grader/cli/exercise-loader.ts";
import { gradeSubmission, readSubmission } from "../../grader/grading/index.ts";

const exercise = loadExercise("falha-pagamento");
const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
const grade = (fileName: string, text: string) =>
  gradeSubmission(exercise, { student: "ana", fileName, text }, { includeHidden: true });

describe("IaC submissions", () => {
  it("score the same as the equivalent plain JSON", async () => {
    const plain = await grade("ana.asl.json", exercise.solution.text);
    expect([plain.status, plain.points]).toEqual(["graded", 100]);
    const summary = (result: Awaited<ReturnType<typeof grade>>) => ({
      status: result.status,
      points: result.points,
      scenarios: result.scenarios.map((s) => [s.id, s.points]),
      staticChecks: result.staticChecks.map((c) => [c.id, c.points]),
    });
    for (const name of ["sam-getatt.yaml", "serverless-variables.yml", "cfn-sub.yaml"]) {
      const result = await grade(name, fixture(name));
      expect(summary(result), name).toEqual(summary(plain));
    }
  });

  it("keep the student's Resource text for static checks and run a concrete ARN of the same function", () => {
    const reading = readSubmission(fixture("sam-getatt.yaml"), { fileName: "template.yaml" });
    if (!reading.ok) throw new Error(reading.reason);
    const states = (definition: unknown) =>
      (definition as { States: Record<string, { Resource?: string }> }).States;
    expect(states(reading.definition)["ProcessarPagamento"]?.Resource).toBe("${PagarFunction.Arn}");
    expect(states(reading.machine.definition)["ProcessarPagamento"]?.Resource).toBe(
      "arn:aws:lambda:us-east-1:123456789012:function:PagarFunction",
    );
    expect(states(reading.machine.definition)["AtualizarEstoque"]?.Resource).toBe(
      "arn:aws:lambda:us-east-1:123456789012:function:UpdateInventoryFunction",
    );
  });

  it("apply SAM's DefinitionSubstitutions before running", () => {
    const sam = fixture("sam-getatt.yaml")
      .replace("Resource: !GetAtt PagarFunction.Arn", "Resource: ${PagarArn}")
      .replace(
        "    Properties:\n      Definition:",
        "    Properties:\n      DefinitionSubstitutions:\n        PagarArn: arn:aws:states:::lambda:invoke\n      Definition:",
      );
    const reading = readSubmission(sam, { fileName: "template.yaml" });
    if (!reading.ok) throw new Error(reading.reason);
    const states = (reading.machine.definition as { States: Record<string, { Resource?: string }> }).States;
    expect(states["ProcessarPagamento"]?.Resource).toBe("arn:aws:states:::lambda:invoke");
  });

  it("grade the machine that has the exercise's states when a file defines several, and say which", async () => {
    const result = await grade("serverless.yml", fixture("serverless-two-machines.yml"));
    expect([result.status, result.points]).toEqual(["graded", 100]);
    expect(result.diagnostics.map((d) => d.message)).toContain(
      "o arquivo define várias máquinas de estado ('Outra', 'FluxoPedidos'); avaliei 'FluxoPedidos'",
    );
  });
});
