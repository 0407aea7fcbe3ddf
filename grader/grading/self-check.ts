/**
 * The exercises' self-check (as `rustlings dev check` does): the starter fails at least one check, the
 * reference solution scores 100 %, every hidden scenario can pass, grading is deterministic, a workflow
 * that does nothing scores next to nothing, and the course's shape rules hold (≥ 4 scenarios, ≥ 1 hidden).
 */
import type { Exercise } from "./exercise-format.ts";
import { gradeSubmission } from "./grade.ts";
import type { SubmissionResult } from "./result-model.ts";
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
/** The most a workflow that does nothing may score (hidden scenarios included), in percent. */
export const MAX_TRIVIAL_PERCENT = 15;

const endlessChoice = {
  Type: "Choice",
  Choices: [{ Not: { Variable: "$.nuncaExiste", IsPresent: true }, Next: "Decidir" }],
  Default: "Fim",
};

/**
 * Workflows that do none of an exercise's work. Checks that only say "X did not happen" (no charge, no
 * retry, few transitions) pass on them unless they `require` the states they are about; a self-check
 * finding keeps every exercise honest about it.
 */
export const TRIVIAL_SUBMISSIONS: Readonly<Record<string, unknown>> = {
  "só-succeed": { StartAt: "Fim", States: { Fim: { Type: "Succeed" } } },
  "só-fail": { StartAt: "Falhou", States: { Falhou: { Type: "Fail", Error: "Erro", Cause: "nada feito" } } },
  "cadeia-de-pass": {
    StartAt: "Passo1",
    States: {
      Passo1: { Type: "Pass", Next: "Passo2" },
      Passo2: { Type: "Pass", Next: "Passo3" },
      Passo3: { Type: "Pass", End: true },
    },
  },
  "choice-em-laço": { StartAt: "Decidir", States: { Decidir: endlessChoice, Fim: { Type: "Succeed" } } },
};

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

  // An endless loop only needs to show it never ends: a low transition limit keeps the check fast.
  const quick = { ...exercise, maxStateTransitions: Math.min(exercise.maxStateTransitions, 200) };
  for (const [name, definition] of Object.entries(TRIVIAL_SUBMISSIONS)) {
    const trivial = await gradeSubmission(
      quick,
      { student: name, fileName: `${name}.asl.json`, text: JSON.stringify(definition) },
      options,
    );
    if (trivial.status === "graded" && trivial.percent > MAX_TRIVIAL_PERCENT)
      add(m.trivialScores(name, trivial.percent, MAX_TRIVIAL_PERCENT, passedChecks(trivial)));
  }
  return {
    exercise: exercise.slug,
    ok: findings.length === 0,
    starterPercent: starter.percent,
    solutionPercent: solution.percent,
    findings,
  };
}

/** `scenario/check` ids a submission scored on (static checks as `estática/id`). */
function passedChecks(result: SubmissionResult): string[] {
  return [
    ...result.staticChecks.filter((check) => check.points > 0).map((check) => `estática/${check.id}`),
    ...result.scenarios.flatMap((scenario) =>
      scenario.checks.filter((check) => check.points > 0).map((check) => `${scenario.id}/${check.id}`),
    ),
  ];
}
