/**
 * Errors raised while running a state machine, named as AWS Step Functions names them.
 * A `StatesError` is a workflow-level failure (it can be retried, caught, or fail the execution);
 * it is never a bug in the engine.
 */
export class StatesError extends Error {
  readonly error: string;
  override readonly cause: string;

  constructor(error: string, cause: string) {
    super(`${error}: ${cause}`);
    this.name = "StatesError";
    this.error = error;
    this.cause = cause;
  }
}

/** Predefined error names of the Amazon States Language. */
export const StatesErrors = {
  ALL: "States.ALL",
  DataLimitExceeded: "States.DataLimitExceeded",
  Runtime: "States.Runtime",
  Timeout: "States.Timeout",
  HeartbeatTimeout: "States.HeartbeatTimeout",
  TaskFailed: "States.TaskFailed",
  Permissions: "States.Permissions",
  ResultPathMatchFailure: "States.ResultPathMatchFailure",
  ParameterPathFailure: "States.ParameterPathFailure",
  BranchFailed: "States.BranchFailed",
  NoChoiceMatched: "States.NoChoiceMatched",
  IntrinsicFailure: "States.IntrinsicFailure",
  ExceedToleratedFailureThreshold: "States.ExceedToleratedFailureThreshold",
  ItemReaderFailed: "States.ItemReaderFailed",
  ResultWriterFailed: "States.ResultWriterFailed",
  QueryEvaluationError: "States.QueryEvaluationError",
} as const;

/**
 * A definition the engine cannot run (bad JSONPath syntax, unknown state type…). Raised at compile
 * time, before any execution starts. `location` is AWS's pointer format, e.g. `/States/Pagar/Retry/0`.
 */
export class DefinitionError extends Error {
  readonly location: string;

  constructor(message: string, location: string) {
    super(`${message} (em ${location})`);
    this.name = "DefinitionError";
    this.location = location;
  }
}

/** A failure the engine reports about its own inputs (a missing mock), not a workflow error. */
export class EngineFault extends Error {
  readonly errorName: string;
  constructor(errorName: string, message: string) {
    super(message);
    this.name = "EngineFault";
    this.errorName = errorName;
  }
}
