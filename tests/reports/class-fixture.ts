/** A small class of falha-pagamento submissions graded in-process, with the definitions the class report needs. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadExerciseForGrading } from "../../grader/cli/grade-exercise.ts";
import { gradeSubmission, type GradingReport, type SubmissionResult } from "../../grader/grading/index.ts";
import { submissionKey } from "../../grader/reports/class-summary/summary.ts";
import { compareStudents } from "../../grader/reports/text.ts";

export const ROOT = join(import.meta.dirname, "..", "..");
export const { exercise } = loadExerciseForGrading("falha-pagamento");
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export const solution = JSON.parse(exercise.solution.text) as Json;
export const starter = JSON.parse(exercise.starter.text) as Json;

export function variant(change: (definition: Json) => void): string {
  const definition = structuredClone(solution);
  change(definition);
  return JSON.stringify(definition, null, 2);
}

/** Student → file text: three lose the order in the Catch, two back off linearly, one hands in the starter. */
export const CLASS: Readonly<Record<string, string>> = {
  ana: variant(() => {}),
  bia: variant((d) => delete d.States.ProcessarPagamento.Catch[0].ResultPath),
  caio: variant((d) => delete d.States.ProcessarPagamento.Catch[0].ResultPath),
  davi: variant((d) => delete d.States.ProcessarPagamento.Catch[0].ResultPath),
  eva: variant((d) => (d.States.ProcessarPagamento.Retry[0].BackoffRate = 1)),
  fred: variant((d) => (d.States.ProcessarPagamento.Retry[0].BackoffRate = 1)),
  gil: exercise.starter.text,
  hugo: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true }, }',
};

export async function gradeClass(
  files: Readonly<Record<string, string>> = CLASS,
  order: readonly string[] = Object.keys(files),
): Promise<{ report: GradingReport; definitions: Map<string, unknown> }> {
  const definitions = new Map<string, unknown>();
  const submissions: SubmissionResult[] = [];
  for (const student of order) {
    const fileName = `${student}.asl.json`;
    let definition: unknown;
    const result = await gradeSubmission(
      exercise,
      { student, fileName, text: files[student]! },
      { includeHidden: true, onDefinition: (read) => (definition = read) },
    );
    if (definition !== undefined) definitions.set(submissionKey(result), definition);
    submissions.push(result);
  }
  return {
    report: {
      exercise: exercise.slug,
      exerciseTitle: exercise.title,
      includesHidden: true,
      submissions: submissions.sort((a, b) => compareStudents(a.student, b.student)),
    },
    definitions,
  };
}

export const readExample = (file: string) =>
  readFileSync(join(ROOT, "examples", "submissions", "falha-pagamento", file), "utf8");
