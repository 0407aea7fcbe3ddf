/**
 * The exercises' self-check (as `rustlings dev check` does): the starter fails at least one check, the
 * reference solution scores 100 %, every hidden scenario can pass, grading is deterministic, and the
 * course's shape rules hold (≥ 4 scenarios, ≥ 1 hidden).
 */
import type { Exercise } from "./exercise-format.ts";
import { gradeSubmission } from "./grade.ts";
import { selfCheckMessages as m } from "./self-check-messages.ts";

export interface SelfCheckFinding {
  readonly exercise: string;
  /** pt-BR: what is wrong. */
  readonly message: string;
}

export interface SelfCheckReport {
  readonly exercise: string;
  readonly ok: boolean;
  readonly starterPercent: number;
  readonly solutionPercent: number;
  readonly findings: readonly SelfCheckFinding[];
}

export const MIN_SCENARIOS = 4;
export const MIN_HIDDEN_SCENARIOS = 1;

export async function checkExercise(exercise: Exercise): Promise<SelfCheckReport> {
  const findings: SelfCheckFinding[] = [];
  const add = (message: string) => findings.push({ exercise: exercise.slug, message });
  const options = { includeHidden: true };

  if (exercise.scenarios.length < MIN_SCENARIOS)
    add(m.tooFewScenarios(exercise.scenarios.length, MIN_SCENARIOS));
  const hidden = exercise.scenarios.filter((scenario) => scenario.visibility === "hidden");
  if (hidden.length < MIN_HIDDEN_SCENARIOS) add(m.noHiddenScenario);

  const starter = await gradeSubmission(
    exercise,
    { student: "inicial", fileName: exercise.starter.fileName, text: exercise.starter.text },
    options,
  );
  if (starter.status !== "graded") add(m.starterNotGraded(starter.reason ?? starter.status));
  else if (starter.points >= starter.maxPoints) add(m.starterPasses);

  const solutionSubmission = {
    student: "solucao",
    fileName: exercise.solution.fileName,
    text: exercise.solution.text,
  };
  const solution = await gradeSubmission(exercise, solutionSubmission, options);
  if (solution.status !== "graded") add(m.solutionNotGraded(solution.reason ?? solution.status));
  else {
    for (const check of solution.staticChecks) {
      if (check.status !== "passed") add(m.solutionFailsStatic(check.id, check.message));
    }
    for (const scenario of solution.scenarios) {
      for (const check of scenario.checks) {
        if (check.status === "passed") continue;
        add(
          scenario.visibility === "hidden"
            ? m.hiddenUnreachable(scenario.id, check.id, check.message)
            : m.solutionFailsScenario(scenario.id, check.id, check.message),
        );
      }
    }
    const again = await gradeSubmission(exercise, solutionSubmission, options);
    if (JSON.stringify(again) !== JSON.stringify(solution)) add(m.notDeterministic);
  }
  return {
    exercise: exercise.slug,
    ok: findings.length === 0,
    starterPercent: starter.percent,
    solutionPercent: solution.percent,
    findings,
  };
}
