/**
 * The typed form of an exercise folder (`exercises/<slug>/`), after {@link parseExercise} has checked it
 * against the JSON Schema and read the files it names. Everything here is plain data: an exercise runs
 * the same in Node and in the browser.
 */
import type { IntegrationPattern } from "../engine/resources.ts";
import type { Visibility } from "./result-model.ts";

/** Relative path inside the exercise folder (forward slashes) → file text. */
export type ExerciseFiles = Readonly<Record<string, string>>;

export type WorkflowType = "STANDARD" | "EXPRESS";
export type ExecutionStatusName = "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";

/** How a value is compared: exactly one of the three is set. */
export interface ValueMatcher {
  /** Deep equality. */
  readonly equals?: unknown;
  /** Subset: every field/element given here is present with an equal (or itself including) value. */
  readonly includes?: unknown;
  /** JSONPath assertions, each on the value. */
  readonly paths?: readonly PathAssertion[];
}

export interface PathAssertion {
  readonly path: string;
  readonly equals?: unknown;
  readonly includes?: unknown;
  readonly exists?: boolean;
  readonly length?: number;
}

interface CheckBase {
  readonly id: string;
  /** pt-BR: what the check verifies (for hidden scenarios: the concept). */
  readonly description: string;
  readonly points: number;
  /** pt-BR feedback shown when the check fails. */
  readonly feedback: string;
  /**
   * Feedback that fits a particular mistake: the first variant whose `when` (a static rule) holds on
   * the submission replaces `feedback`, so a student is never told to add what they already have.
   */
  readonly feedbackVariants?: readonly FeedbackVariant[];
}

export interface FeedbackVariant {
  readonly when: StaticRule;
  readonly feedback: string;
}

interface ScenarioCheckBase extends CheckBase {
  /**
   * Task, Parallel or Map states that must have run (invoked / started) for the check to count. A check
   * that something did NOT happen ("no stock update", "no retry", "at most 3 transitions") passes
   * vacuously on a workflow that does nothing; with `requires` it only scores once those states ran.
   */
  readonly requires?: readonly string[];
}

export type ScenarioCheck = ScenarioCheckBase &
  (
    | { readonly type: "status"; readonly expect: ExecutionStatusName; readonly error?: string }
    | ({ readonly type: "output" } & ValueMatcher)
    | {
        readonly type: "visited";
        readonly order?: readonly string[];
        readonly includes?: readonly string[];
        readonly excludes?: readonly string[];
      }
    | {
        readonly type: "retries";
        readonly state: string;
        readonly count?: number;
        readonly backoffSeconds?: readonly number[];
        /** Which visit to the state (1-based); default 1. */
        readonly visit?: number;
      }
    | {
        readonly type: "caught";
        readonly state: string;
        readonly next?: string;
        readonly error?: string;
        /** The state must NOT have caught anything. */
        readonly none?: boolean;
      }
    | {
        readonly type: "duration";
        /** A state's first visit (Entered → its end); the whole execution when absent. */
        readonly state?: string;
        readonly minSeconds?: number;
        readonly maxSeconds?: number;
      }
    | { readonly type: "overlap"; readonly states: readonly string[] }
    | { readonly type: "transitions"; readonly min?: number; readonly max?: number }
    | { readonly type: "workflowType"; readonly expect: WorkflowType }
    | {
        readonly type: "cost";
        readonly executionsPerMonth: number;
        readonly maxUsd: number;
        /** Memory billed for Express (MB); default 64. */
        readonly memoryMb?: number;
      }
    | ({ readonly type: "stateInput"; readonly state: string; readonly visit?: number } & ValueMatcher)
    | ({
        readonly type: "taskParameters";
        readonly state: string;
        readonly invocation?: number;
        /** Fields the statement lets a student add (AWS's own defaults are always accepted). */
        readonly allowExtra?: readonly string[];
      } & ValueMatcher)
    | {
        readonly type: "invocations";
        readonly state: string;
        readonly count?: number;
        readonly min?: number;
        readonly max?: number;
      }
  );

export type StaticRule =
  | {
      readonly type: "stateTypeUsed";
      readonly stateType: string;
      readonly min?: number;
      readonly max?: number;
    }
  | { readonly type: "everyTaskHasRetry"; readonly errors?: readonly string[] }
  | {
      readonly type: "retrier";
      readonly state: string;
      readonly errors: readonly string[];
      readonly intervalSeconds?: number;
      readonly maxAttempts?: number;
      readonly backoffRate?: number;
      readonly backoffRateAtLeast?: number;
    }
  | {
      readonly type: "catcher";
      readonly state: string;
      readonly errors?: readonly string[];
      readonly next?: string;
      /** A string, or null for "discard the error"; absent: not checked. */
      readonly resultPath?: string | null;
    }
  | { readonly type: "resource"; readonly state?: string; readonly contains: string }
  | {
      /** What a Task calls: the Lambda function, the service action, the integration pattern. */
      readonly type: "taskResource";
      readonly state: string;
      /** Lambda function name (from a function ARN, or `FunctionName` of `lambda:invoke`). */
      readonly function?: string;
      /** `service:action` without the pattern suffix, e.g. `glue:startJobRun`; `lambda` accepts both Lambda forms. */
      readonly service?: string;
      readonly pattern?: IntegrationPattern;
    }
  | {
      readonly type: "stateField";
      readonly state: string;
      readonly field: string;
      readonly exists?: boolean;
      readonly equals?: unknown;
      readonly atLeast?: number;
      readonly atMost?: number;
    }
  | { readonly type: "workflowType"; readonly expect: WorkflowType }
  | { readonly type: "maxStates"; readonly max: number };

export type StaticCheck = CheckBase & StaticRule;

/** A Step Functions Local mock configuration (JSON value) and the test case a scenario uses. */
export interface ScenarioMocks {
  readonly config: unknown;
  readonly testCase: string;
  readonly stateMachine?: string;
}

export interface Scenario {
  readonly id: string;
  /** pt-BR title; for hidden scenarios only instructors see it. */
  readonly title: string;
  readonly visibility: Visibility;
  /** pt-BR: the concept a hidden scenario checks, shown instead of its title and data. */
  readonly concept?: string;
  readonly input: unknown;
  /** Forces the workflow type; otherwise the submission's (or the exercise's default). */
  readonly workflowType?: WorkflowType;
  readonly mocks: ScenarioMocks;
  readonly checks: readonly ScenarioCheck[];
  readonly points: number;
}

export interface SourceFile {
  readonly fileName: string;
  readonly text: string;
}

/** An exercise's optional late policy (exercicio.yaml `latePolicy`). */
export interface LatePolicy {
  /** ISO 8601 with its UTC offset. */
  readonly deadline: string;
  readonly penaltyPercentPerDay: number;
  readonly maxDaysLate?: number;
  readonly graceMinutes?: number;
}

export interface Exercise {
  readonly slug: string;
  readonly title: string;
  /** Total points: static checks plus every scenario, hidden ones included. */
  readonly points: number;
  readonly lessonSection: string;
  readonly learningGoals: readonly string[];
  /** pt-BR Markdown. */
  readonly statement: string;
  readonly starter: SourceFile;
  readonly solution: SourceFile;
  /** Name used for the state machine (execution identity, mock files with one machine). */
  readonly stateMachineName: string;
  /** Type a submission runs under when it does not declare one (plain ASL). */
  readonly workflowType: WorkflowType;
  readonly maxStateTransitions: number;
  readonly staticChecks: readonly StaticCheck[];
  readonly scenarios: readonly Scenario[];
  /** Mutants of the solution that break no stated requirement (mutation self-check), with why. */
  readonly equivalentMutants?: readonly { readonly id: string; readonly reason: string }[];
  readonly latePolicy?: LatePolicy;
}
