/**
 * Mutation self-check, as `partitura check-exercises --mutants` runs it in CI: every typical mistake
 * applied to a reference solution loses the points it should, and a do-nothing workflow scores ≤ 5 %.
 */
import { describe, expect, it } from "vitest";
import { listExerciseSlugs, loadExercise } from "../../grader/cli/exercise-loader.ts";
import { generateMutants, mutationReport, readSubmission } from "../../grader/grading/index.ts";
import { TRIVIAL_SUBMISSIONS } from "../../grader/grading/self-check.ts";

const referenceOf = (slug: string) => {
  const exercise = loadExercise(slug);
  const reading = readSubmission(exercise.solution.text, {
    fileName: exercise.solution.fileName,
    preferredName: exercise.stateMachineName,
  });
  if (!reading.ok) throw new Error(`${slug}: solution unreadable`);
  return { exercise, reference: reading.definition as Record<string, unknown> };
};

describe("mutants of the reference solutions", () => {
  it("cover every kind the issue lists", () => {
    const kinds = new Set(
      listExerciseSlugs().flatMap((slug) =>
        generateMutants(referenceOf(slug).reference).map((m) => m.id.split(":")[0]),
      ),
    );
    expect([...kinds].sort()).toEqual(
      [
        "choice-em-laco",
        "choice-invertido",
        "erro-trocado",
        "outra-funcao",
        "parallel-em-sequencia",
        "sem-catch",
        "sem-padrao",
        "sem-resultpath",
        "sem-retry",
        "task-vira-pass",
      ].sort(),
    );
  });

  for (const slug of listExerciseSlugs()) {
    // Measured: 2–4 s per exercise on an idle machine; 60 s leaves room for a busy one.
    it(
      `${slug}: no mutant that breaks the statement keeps more than 85 %, no do-nothing workflow more than 5 %`,
      { timeout: 60_000 },
      async () => {
        const { exercise, reference } = referenceOf(slug);
        const report = await mutationReport(exercise, reference, TRIVIAL_SUBMISSIONS);
        const survivors = report.rows
          .filter((row) => row.survives)
          .map((row) => `${row.label}: ${row.percent} %`);
        expect(survivors).toEqual([]);
        expect(report.rows.length).toBeGreaterThan(Object.keys(TRIVIAL_SUBMISSIONS).length);
      },
    );
  }
});
