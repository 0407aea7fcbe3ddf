/**
 * The boundary between the engine and whatever does a Task's work. AWS is never called: a resolver
 * (mocks, or a function supplied by the caller) answers every invocation.
 */

export interface TaskRequest {
  /** Name of the Task state being run. */
  readonly stateName: string;
  /** The state's `Resource` ARN, exactly as written in the definition. */
  readonly resource: string;
  /** The effective parameters sent to the resource (after InputPath and Parameters/Arguments). */
  readonly parameters: unknown;
  /** Zero-based count of earlier invocations of this state in this execution (retries and Map iterations included). */
  readonly invocationIndex: number;
  /** Retries already performed during the current visit to the state (`$$.State.RetryCount`). */
  readonly retryCount: number;
  /** The task token, for `.waitForTaskToken` and activity tasks. */
  readonly taskToken?: string;
  /** Name of the state machine (as the mock file's `StateMachines` keys it). */
  readonly stateMachineName: string;
}

/** How long a task takes, in virtual seconds, before its outcome is reported. Default 0. */
export interface TaskTiming {
  readonly durationSeconds?: number;
}

export type TaskOutcome =
  | ({ readonly kind: "success"; readonly output: unknown } & TaskTiming)
  | ({ readonly kind: "failure"; readonly error: string; readonly cause?: string } & TaskTiming)
  /** No answer yet: the execution pauses until `sendTaskSuccess`/`sendTaskFailure` is called. */
  | { readonly kind: "pending" };

export type TaskResolver = (request: TaskRequest) => TaskOutcome | Promise<TaskOutcome>;
