/**
 * The grading core: exercises as data, behavioural scoring on the engine. Browser-safe (no Node
 * imports): the CLI and the site's "Avaliar" button call the same functions.
 */
export {
  parseExercise,
  ExerciseFormatError,
  EXERCISE_FILE,
  DEFAULT_MAX_STATE_TRANSITIONS,
} from "./parse-exercise.ts";
export { gradeSubmission, maxPointsOf, type Submission, type GradeOptions } from "./grade.ts";
export { readSubmission, MAX_SUBMISSION_BYTES, type SubmissionReading } from "./read-submission.ts";
export { applyLatePolicy, lateness } from "./late-policy.ts";
export { checkExercise, type SelfCheckFinding, type SelfCheckReport } from "./self-check.ts";
export { estimateMonthlyCost, PRICING } from "./checks.ts";
export {
  generateMutants,
  mutationReport,
  MAX_MUTANT_PERCENT,
  MAX_DO_NOTHING_PERCENT,
  type MutantScore,
  type MutationReport,
} from "./mutants.ts";
export { exerciseSchema } from "./exercise-schema.ts";
export type {
  Exercise,
  ExerciseFiles,
  Scenario,
  ScenarioCheck,
  StaticCheck,
  WorkflowType,
  SourceFile,
  LatePolicy,
} from "./exercise-format.ts";
export type {
  CheckResult,
  CheckStatus,
  GradingReport,
  LateSubmission,
  ScenarioResult,
  ScenarioExecutionSummary,
  SubmissionDiagnostic,
  SubmissionResult,
  SubmissionStatus,
  Visibility,
} from "./result-model.ts";
