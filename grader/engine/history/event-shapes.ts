/**
 * Shapes of AWS Step Functions execution-history events, as returned by `GetExecutionHistory`.
 *
 * Source of truth for field names and optionality: the Step Functions API Reference
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html and the
 * `*EventDetails` pages it links), cross-checked against the service model shipped in botocore 1.43
 * (`stepfunctions/2016-11-23/service-2.json`). Which details key each event type carries is not stated
 * by the API; it is taken from AWS-recorded histories (see docs/research/history-events.md).
 *
 * Conventions of this engine:
 * - `timestamp` is an ISO-8601 string (the AWS SDK gives a `Date`, the CLI prints ISO text).
 * - Every `input` / `output` / `parameters` / `cause`-like payload is a JSON **string**, never an object.
 * - Types only, plus two constant tables (event type names and their details key).
 */

/** ISO-8601 date-time text, e.g. `2024-03-10T16:23:26.123Z`. */
export type Timestamp = string;

// ---------------------------------------------------------------------------------------------------
// Shared detail objects
// ---------------------------------------------------------------------------------------------------

/** Provides details about input or output in an execution history event. */
export interface HistoryEventExecutionDataDetails {
  /** Whether input or output was truncated; always `false` for API calls (true only in CloudWatch logs). */
  truncated?: boolean;
}

/** Provides details about assigned variables in an execution history event. */
export interface AssignedVariablesDetails {
  /** Whether assigned variables were truncated; always `false` for API calls. */
  truncated?: boolean;
}

/** Map of variable name to its value serialized as a JSON string. */
export type AssignedVariables = Record<string, string>;

/** Contains details about the credentials that Step Functions uses for a task. */
export interface TaskCredentials {
  /** ARN of an IAM role Step Functions assumes for the task (1–2000 chars). */
  roleArn?: string;
}

// ---------------------------------------------------------------------------------------------------
// Execution-level details
// ---------------------------------------------------------------------------------------------------

/** Contains details about the start of the execution. */
export interface ExecutionStartedEventDetails {
  /** The JSON data input to the execution (string, max 262144 bytes). */
  input?: string;
  /** Details about the input for an execution history event. */
  inputDetails?: HistoryEventExecutionDataDetails;
  /** ARN of the IAM role used for executing Lambda tasks (the state machine's role). */
  roleArn?: string;
  /** ARN of the state machine alias used to start the execution, if started via an alias. */
  stateMachineAliasArn?: string;
  /** ARN of the state machine version used to start the execution, if started via a version/alias. */
  stateMachineVersionArn?: string;
}

/** Contains details about the successful termination of the execution. */
export interface ExecutionSucceededEventDetails {
  /** The JSON data output by the execution (string, max 262144 bytes). */
  output?: string;
  /** Details about the output of an execution history event. */
  outputDetails?: HistoryEventExecutionDataDetails;
}

/** Contains details about an execution failure event. */
export interface ExecutionFailedEventDetails {
  /** The error code of the failure (max 256 chars). */
  error?: string;
  /** A more detailed explanation of the cause of the failure (max 32768 chars). */
  cause?: string;
}

/** Contains details about an abort of an execution. */
export interface ExecutionAbortedEventDetails {
  /** The error code of the failure. */
  error?: string;
  /** A more detailed explanation of the cause of the failure. */
  cause?: string;
}

/** Contains details about the execution timeout that occurred during the execution. */
export interface ExecutionTimedOutEventDetails {
  /** The error code of the failure. */
  error?: string;
  /** A more detailed explanation of the cause of the timeout. */
  cause?: string;
}

/** Contains details about a redriven execution. */
export interface ExecutionRedrivenEventDetails {
  /** Number of times the execution has been redriven (0 if never). */
  redriveCount?: number;
}

// ---------------------------------------------------------------------------------------------------
// State-level details
// ---------------------------------------------------------------------------------------------------

/** Contains details about a state entered during an execution. */
export interface StateEnteredEventDetails {
  /** The name of the state (1–80 chars). */
  name: string;
  /** The JSON input data for the state, as a string. */
  input?: string;
  /** Details about the input for an execution history event. */
  inputDetails?: HistoryEventExecutionDataDetails;
}

/** Contains details about an exit from a state during an execution. */
export interface StateExitedEventDetails {
  /** The name of the state (1–80 chars). */
  name: string;
  /** The JSON output data of the state, as a string. */
  output?: string;
  /** Details about the output of an execution history event. */
  outputDetails?: HistoryEventExecutionDataDetails;
  /** Variables set by this state's `Assign`, name → JSON-serialized value. */
  assignedVariables?: AssignedVariables;
  /** Details about the assigned variables (truncation flag). */
  assignedVariablesDetails?: AssignedVariablesDetails;
}

/** Contains details about an evaluation failure (e.g. a JSONata expression error) while processing a state. */
export interface EvaluationFailedEventDetails {
  /** The error code of the failure. */
  error?: string;
  /** A more detailed explanation of the cause of the failure. */
  cause?: string;
  /** The location of the field in the state in which the evaluation error occurred (max 256 chars). */
  location?: string;
  /** The name of the state in which the evaluation error occurred (1–80 chars). */
  state: string;
}

// ---------------------------------------------------------------------------------------------------
// Task (service integration) details
// ---------------------------------------------------------------------------------------------------

/** Contains details about a task scheduled during an execution. */
export interface TaskScheduledEventDetails {
  /** The service name of the resource in a task state, e.g. `lambda`, `sqs`, `aws-sdk:s3`. */
  resourceType: string;
  /** The action of the resource called by a task state, e.g. `invoke`, `sendMessage.waitForTaskToken`. */
  resource: string;
  /** The region of the scheduled task. */
  region: string;
  /** The JSON data passed to the resource (the evaluated `Parameters`/`Arguments`), as a string. */
  parameters: string;
  /** The maximum allowed duration of the task (present only when the state sets a timeout). */
  timeoutInSeconds?: number;
  /** The maximum allowed duration between two heartbeats for the task. */
  heartbeatInSeconds?: number;
  /** The credentials Step Functions uses for the task (only when the state sets `Credentials`). */
  taskCredentials?: TaskCredentials;
}

/** Contains details about the start of a task during an execution. */
export interface TaskStartedEventDetails {
  /** The service name of the resource in a task state. */
  resourceType: string;
  /** The action of the resource called by a task state. */
  resource: string;
}

/** Contains details about a task that failed to start during an execution. */
export interface TaskStartFailedEventDetails {
  /** The service name of the resource in a task state. */
  resourceType: string;
  /** The action of the resource called by a task state. */
  resource: string;
  /** The error code of the failure. */
  error?: string;
  /** A more detailed explanation of the cause of the failure. */
  cause?: string;
}

/** Contains details about a task submitted to a resource (`.sync` / `.waitForTaskToken`). */
export interface TaskSubmittedEventDetails {
  /** The service name of the resource in a task state. */
  resourceType: string;
  /** The action of the resource called by a task state. */
  resource: string;
  /** The response from the resource when the task was started, as a JSON string. */
  output?: string;
  /** Details about the output of an execution history event. */
  outputDetails?: HistoryEventExecutionDataDetails;
}

/** Contains details about a task that failed to submit during an execution. */
export interface TaskSubmitFailedEventDetails {
  /** The service name of the resource in a task state. */
  resourceType: string;
  /** The action of the resource called by a task state. */
  resource: string;
  /** The error code of the failure. */
  error?: string;
  /** A more detailed explanation of the cause of the failure. */
  cause?: string;
}

/** Contains details about the successful completion of a task state. */
export interface TaskSucceededEventDetails {
  /** The service name of the resource in a task state. */
  resourceType: string;
  /** The action of the resource called by a task state. */
  resource: string;
  /** The full JSON response from the resource (before ResultSelector/ResultPath), as a string. */
  output?: string;
  /** Details about the output of an execution history event. */
  outputDetails?: HistoryEventExecutionDataDetails;
}

/** Contains details about a task failure event. */
export interface TaskFailedEventDetails {
  /** The service name of the resource in a task state. */
  resourceType: string;
  /** The action of the resource called by a task state. */
  resource: string;
  /** The error code of the failure. */
  error?: string;
  /** A more detailed explanation of the cause of the failure. */
  cause?: string;
}

/** Contains details about a resource timeout that occurred during an execution. */
export interface TaskTimedOutEventDetails {
  /** The service name of the resource in a task state. */
  resourceType: string;
  /** The action of the resource called by a task state. */
  resource: string;
  /** The error code of the failure (AWS: `States.Timeout`). */
  error?: string;
  /** A more detailed explanation of the cause of the failure. */
  cause?: string;
}

// ---------------------------------------------------------------------------------------------------
// Legacy Lambda (Resource = function ARN) details
// ---------------------------------------------------------------------------------------------------

/** Contains details about a Lambda function scheduled during an execution. */
export interface LambdaFunctionScheduledEventDetails {
  /** The ARN of the scheduled Lambda function (1–256 chars). */
  resource: string;
  /** The JSON data input to the Lambda function, as a string. */
  input?: string;
  /** Details about input for an execution history event. */
  inputDetails?: HistoryEventExecutionDataDetails;
  /** The maximum allowed duration of the Lambda function (present only when the state sets a timeout). */
  timeoutInSeconds?: number;
  /** The credentials Step Functions uses for the task. */
  taskCredentials?: TaskCredentials;
}

/** Contains details about a Lambda function that successfully terminated during an execution. */
export interface LambdaFunctionSucceededEventDetails {
  /** The JSON data output by the Lambda function (its payload), as a string. */
  output?: string;
  /** Details about the output of an execution history event. */
  outputDetails?: HistoryEventExecutionDataDetails;
}

/** Contains details about a Lambda function that failed during an execution. */
export interface LambdaFunctionFailedEventDetails {
  /** The error code of the failure. */
  error?: string;
  /** A more detailed explanation of the cause of the failure. */
  cause?: string;
}

/** Contains details about a Lambda function timeout that occurred during an execution. */
export interface LambdaFunctionTimedOutEventDetails {
  /** The error code of the failure (AWS: `States.Timeout`). */
  error?: string;
  /** A more detailed explanation of the cause of the timeout. */
  cause?: string;
}

/** Contains details about a Lambda function that failed to start during an execution. */
export interface LambdaFunctionStartFailedEventDetails {
  /** The error code of the failure. */
  error?: string;
  /** A more detailed explanation of the cause of the failure. */
  cause?: string;
}

/** Contains details about a failed Lambda function schedule event that occurred during an execution. */
export interface LambdaFunctionScheduleFailedEventDetails {
  /** The error code of the failure. */
  error?: string;
  /** A more detailed explanation of the cause of the failure. */
  cause?: string;
}

// ---------------------------------------------------------------------------------------------------
// Activity details
// ---------------------------------------------------------------------------------------------------

/** Contains details about an activity scheduled during an execution. */
export interface ActivityScheduledEventDetails {
  /** The ARN of the scheduled activity (1–256 chars). */
  resource: string;
  /** The JSON data input to the activity task, as a string. */
  input?: string;
  /** Details about the input for an execution history event. */
  inputDetails?: HistoryEventExecutionDataDetails;
  /** The maximum allowed duration of the activity task. */
  timeoutInSeconds?: number;
  /** The maximum allowed duration between two heartbeats for the activity task. */
  heartbeatInSeconds?: number;
}

/** Contains details about the start of an activity during an execution. */
export interface ActivityStartedEventDetails {
  /** The worker name passed to GetActivityTask (omitted when the worker gave none). */
  workerName?: string;
}

/** Contains details about an activity that successfully terminated during an execution. */
export interface ActivitySucceededEventDetails {
  /** The JSON data output by the activity task, as a string. */
  output?: string;
  /** Details about the output of an execution history event. */
  outputDetails?: HistoryEventExecutionDataDetails;
}

/** Contains details about an activity that failed during an execution. */
export interface ActivityFailedEventDetails {
  /** The error code of the failure. */
  error?: string;
  /** A more detailed explanation of the cause of the failure. */
  cause?: string;
}

/** Contains details about an activity timeout that occurred during an execution. */
export interface ActivityTimedOutEventDetails {
  /** The error code of the failure. */
  error?: string;
  /** A more detailed explanation of the cause of the timeout. */
  cause?: string;
}

/** Contains details about an activity schedule failure that occurred during an execution. */
export interface ActivityScheduleFailedEventDetails {
  /** The error code of the failure. */
  error?: string;
  /** A more detailed explanation of the cause of the failure. */
  cause?: string;
}

// ---------------------------------------------------------------------------------------------------
// Map details
// ---------------------------------------------------------------------------------------------------

/** Details about a Map state that was started. */
export interface MapStateStartedEventDetails {
  /** The size of the array for Map state iterations (0 when an ItemReader is used). */
  length?: number;
}

/** Contains details about an iteration of a Map state (started / succeeded / failed / aborted). */
export interface MapIterationEventDetails {
  /** The name of the iteration's parent Map state (not a state inside the iterator). */
  name?: string;
  /** The index of the array item this iteration processes (0-based). */
  index?: number;
}

/** Contains details about a Map Run that was started during a state machine execution. */
export interface MapRunStartedEventDetails {
  /** The ARN of the Map Run that was started (1–2000 chars). */
  mapRunArn?: string;
}

/** Contains details about a Map Run failure event that occurred during a state machine execution. */
export interface MapRunFailedEventDetails {
  /** The error code of the Map Run failure. */
  error?: string;
  /** A more detailed explanation of the cause of the failure. */
  cause?: string;
}

/** Contains details about a Map Run that was redriven. */
export interface MapRunRedrivenEventDetails {
  /** The ARN of the Map Run that was redriven. */
  mapRunArn?: string;
  /** Number of times the Map Run has been redriven at this point in the history (always > 0). */
  redriveCount?: number;
}

// ---------------------------------------------------------------------------------------------------
// Event types and their details keys
// ---------------------------------------------------------------------------------------------------

/** Every `HistoryEventType` value, in the order of the API reference. */
export const HISTORY_EVENT_TYPES = [
  "ActivityFailed",
  "ActivityScheduled",
  "ActivityScheduleFailed",
  "ActivityStarted",
  "ActivitySucceeded",
  "ActivityTimedOut",
  "ChoiceStateEntered",
  "ChoiceStateExited",
  "ExecutionAborted",
  "ExecutionFailed",
  "ExecutionStarted",
  "ExecutionSucceeded",
  "ExecutionTimedOut",
  "FailStateEntered",
  "LambdaFunctionFailed",
  "LambdaFunctionScheduled",
  "LambdaFunctionScheduleFailed",
  "LambdaFunctionStarted",
  "LambdaFunctionStartFailed",
  "LambdaFunctionSucceeded",
  "LambdaFunctionTimedOut",
  "MapIterationAborted",
  "MapIterationFailed",
  "MapIterationStarted",
  "MapIterationSucceeded",
  "MapStateAborted",
  "MapStateEntered",
  "MapStateExited",
  "MapStateFailed",
  "MapStateStarted",
  "MapStateSucceeded",
  "ParallelStateAborted",
  "ParallelStateEntered",
  "ParallelStateExited",
  "ParallelStateFailed",
  "ParallelStateStarted",
  "ParallelStateSucceeded",
  "PassStateEntered",
  "PassStateExited",
  "SucceedStateEntered",
  "SucceedStateExited",
  "TaskFailed",
  "TaskScheduled",
  "TaskStarted",
  "TaskStartFailed",
  "TaskStateAborted",
  "TaskStateEntered",
  "TaskStateExited",
  "TaskSubmitFailed",
  "TaskSubmitted",
  "TaskSucceeded",
  "TaskTimedOut",
  "WaitStateAborted",
  "WaitStateEntered",
  "WaitStateExited",
  "MapRunAborted",
  "MapRunFailed",
  "MapRunStarted",
  "MapRunSucceeded",
  "ExecutionRedriven",
  "MapRunRedriven",
  "EvaluationFailed",
] as const;

/** The `type` of a history event. */
export type HistoryEventType = (typeof HISTORY_EVENT_TYPES)[number];

/** Every details member of `HistoryEvent` and the data type it holds (API reference, all optional there). */
export interface HistoryEventDetailsMap {
  /** Details of an `ActivityFailed` event. */
  activityFailedEventDetails: ActivityFailedEventDetails;
  /** Details of an `ActivityScheduleFailed` event. */
  activityScheduleFailedEventDetails: ActivityScheduleFailedEventDetails;
  /** Details of an `ActivityScheduled` event. */
  activityScheduledEventDetails: ActivityScheduledEventDetails;
  /** Details of an `ActivityStarted` event. */
  activityStartedEventDetails: ActivityStartedEventDetails;
  /** Details of an `ActivitySucceeded` event. */
  activitySucceededEventDetails: ActivitySucceededEventDetails;
  /** Details of an `ActivityTimedOut` event. */
  activityTimedOutEventDetails: ActivityTimedOutEventDetails;
  /** Details of a `TaskFailed` event. */
  taskFailedEventDetails: TaskFailedEventDetails;
  /** Details of a `TaskScheduled` event. */
  taskScheduledEventDetails: TaskScheduledEventDetails;
  /** Details of a `TaskStartFailed` event. */
  taskStartFailedEventDetails: TaskStartFailedEventDetails;
  /** Details of a `TaskStarted` event. */
  taskStartedEventDetails: TaskStartedEventDetails;
  /** Details of a `TaskSubmitFailed` event. */
  taskSubmitFailedEventDetails: TaskSubmitFailedEventDetails;
  /** Details of a `TaskSubmitted` event. */
  taskSubmittedEventDetails: TaskSubmittedEventDetails;
  /** Details of a `TaskSucceeded` event. */
  taskSucceededEventDetails: TaskSucceededEventDetails;
  /** Details of a `TaskTimedOut` event. */
  taskTimedOutEventDetails: TaskTimedOutEventDetails;
  /** Details of an `ExecutionFailed` event. */
  executionFailedEventDetails: ExecutionFailedEventDetails;
  /** Details of an `ExecutionStarted` event. */
  executionStartedEventDetails: ExecutionStartedEventDetails;
  /** Details of an `ExecutionSucceeded` event. */
  executionSucceededEventDetails: ExecutionSucceededEventDetails;
  /** Details of an `ExecutionAborted` event. */
  executionAbortedEventDetails: ExecutionAbortedEventDetails;
  /** Details of an `ExecutionTimedOut` event. */
  executionTimedOutEventDetails: ExecutionTimedOutEventDetails;
  /** Details of an `ExecutionRedriven` event. */
  executionRedrivenEventDetails: ExecutionRedrivenEventDetails;
  /** Details of a `MapStateStarted` event. */
  mapStateStartedEventDetails: MapStateStartedEventDetails;
  /** Details of a `MapIterationStarted` event. */
  mapIterationStartedEventDetails: MapIterationEventDetails;
  /** Details of a `MapIterationSucceeded` event. */
  mapIterationSucceededEventDetails: MapIterationEventDetails;
  /** Details of a `MapIterationFailed` event. */
  mapIterationFailedEventDetails: MapIterationEventDetails;
  /** Details of a `MapIterationAborted` event. */
  mapIterationAbortedEventDetails: MapIterationEventDetails;
  /** Details of a `LambdaFunctionFailed` event. */
  lambdaFunctionFailedEventDetails: LambdaFunctionFailedEventDetails;
  /** Details of a `LambdaFunctionScheduleFailed` event. */
  lambdaFunctionScheduleFailedEventDetails: LambdaFunctionScheduleFailedEventDetails;
  /** Details of a `LambdaFunctionScheduled` event. */
  lambdaFunctionScheduledEventDetails: LambdaFunctionScheduledEventDetails;
  /** Details of a `LambdaFunctionStartFailed` event. */
  lambdaFunctionStartFailedEventDetails: LambdaFunctionStartFailedEventDetails;
  /** Details of a `LambdaFunctionSucceeded` event. */
  lambdaFunctionSucceededEventDetails: LambdaFunctionSucceededEventDetails;
  /** Details of a `LambdaFunctionTimedOut` event. */
  lambdaFunctionTimedOutEventDetails: LambdaFunctionTimedOutEventDetails;
  /** Details of every `*StateEntered` event (including `FailStateEntered`). */
  stateEnteredEventDetails: StateEnteredEventDetails;
  /** Details of every `*StateExited` event. */
  stateExitedEventDetails: StateExitedEventDetails;
  /** Details of a `MapRunStarted` event. */
  mapRunStartedEventDetails: MapRunStartedEventDetails;
  /** Details of a `MapRunFailed` event. */
  mapRunFailedEventDetails: MapRunFailedEventDetails;
  /** Details of a `MapRunRedriven` event. */
  mapRunRedrivenEventDetails: MapRunRedrivenEventDetails;
  /** Details of an `EvaluationFailed` event. */
  evaluationFailedEventDetails: EvaluationFailedEventDetails;
}

/** Name of a details member of `HistoryEvent`. */
export type HistoryEventDetailsKey = keyof HistoryEventDetailsMap;

/** For each event type, the details key AWS attaches to it; `never` means the event carries no details. */
export interface DetailsKeyByEventType {
  /** Activity task failed (SendTaskFailure from the worker). */
  ActivityFailed: "activityFailedEventDetails";
  /** Activity task scheduled. */
  ActivityScheduled: "activityScheduledEventDetails";
  /** Activity task could not be scheduled. */
  ActivityScheduleFailed: "activityScheduleFailedEventDetails";
  /** A worker picked the activity task up (GetActivityTask). */
  ActivityStarted: "activityStartedEventDetails";
  /** Activity task succeeded (SendTaskSuccess). */
  ActivitySucceeded: "activitySucceededEventDetails";
  /** Activity task timed out (TimeoutSeconds or HeartbeatSeconds). */
  ActivityTimedOut: "activityTimedOutEventDetails";
  /** Entered a Choice state. */
  ChoiceStateEntered: "stateEnteredEventDetails";
  /** Left a Choice state. */
  ChoiceStateExited: "stateExitedEventDetails";
  /** Execution stopped with StopExecution. */
  ExecutionAborted: "executionAbortedEventDetails";
  /** Execution failed. */
  ExecutionFailed: "executionFailedEventDetails";
  /** Execution started (always event 1). */
  ExecutionStarted: "executionStartedEventDetails";
  /** Execution succeeded. */
  ExecutionSucceeded: "executionSucceededEventDetails";
  /** Execution exceeded the state machine's TimeoutSeconds. */
  ExecutionTimedOut: "executionTimedOutEventDetails";
  /** Entered a Fail state (there is no FailStateExited). */
  FailStateEntered: "stateEnteredEventDetails";
  /** Legacy Lambda task failed. */
  LambdaFunctionFailed: "lambdaFunctionFailedEventDetails";
  /** Legacy Lambda task scheduled. */
  LambdaFunctionScheduled: "lambdaFunctionScheduledEventDetails";
  /** Legacy Lambda task could not be scheduled. */
  LambdaFunctionScheduleFailed: "lambdaFunctionScheduleFailedEventDetails";
  /** Legacy Lambda task started; carries no details (no such data type exists). */
  LambdaFunctionStarted: never;
  /** Legacy Lambda task failed to start. */
  LambdaFunctionStartFailed: "lambdaFunctionStartFailedEventDetails";
  /** Legacy Lambda task succeeded. */
  LambdaFunctionSucceeded: "lambdaFunctionSucceededEventDetails";
  /** Legacy Lambda task timed out. */
  LambdaFunctionTimedOut: "lambdaFunctionTimedOutEventDetails";
  /** A Map iteration was aborted because another iteration failed. */
  MapIterationAborted: "mapIterationAbortedEventDetails";
  /** A Map iteration failed. */
  MapIterationFailed: "mapIterationFailedEventDetails";
  /** A Map iteration started. */
  MapIterationStarted: "mapIterationStartedEventDetails";
  /** A Map iteration succeeded. */
  MapIterationSucceeded: "mapIterationSucceededEventDetails";
  /** A Map state was aborted (enclosing branch/iteration failed). */
  MapStateAborted: never;
  /** Entered a Map state. */
  MapStateEntered: "stateEnteredEventDetails";
  /** Left a Map state. */
  MapStateExited: "stateExitedEventDetails";
  /** A Map state failed (no details; the error lives in the following events). */
  MapStateFailed: never;
  /** A Map state started processing (emitted again on each Retry attempt). */
  MapStateStarted: "mapStateStartedEventDetails";
  /** All Map iterations succeeded. */
  MapStateSucceeded: never;
  /** A Parallel state was aborted. */
  ParallelStateAborted: never;
  /** Entered a Parallel state. */
  ParallelStateEntered: "stateEnteredEventDetails";
  /** Left a Parallel state. */
  ParallelStateExited: "stateExitedEventDetails";
  /** A Parallel state failed (no details). */
  ParallelStateFailed: never;
  /** A Parallel state started its branches (emitted again on each Retry attempt). */
  ParallelStateStarted: never;
  /** All Parallel branches succeeded. */
  ParallelStateSucceeded: never;
  /** Entered a Pass state. */
  PassStateEntered: "stateEnteredEventDetails";
  /** Left a Pass state. */
  PassStateExited: "stateExitedEventDetails";
  /** Entered a Succeed state. */
  SucceedStateEntered: "stateEnteredEventDetails";
  /** Left a Succeed state. */
  SucceedStateExited: "stateExitedEventDetails";
  /** Service-integration task failed. */
  TaskFailed: "taskFailedEventDetails";
  /** Service-integration task scheduled. */
  TaskScheduled: "taskScheduledEventDetails";
  /** Service-integration task started. */
  TaskStarted: "taskStartedEventDetails";
  /** Service-integration task failed to start. */
  TaskStartFailed: "taskStartFailedEventDetails";
  /** A Task state was aborted (enclosing Map/Parallel failed or execution stopped). */
  TaskStateAborted: never;
  /** Entered a Task state. */
  TaskStateEntered: "stateEnteredEventDetails";
  /** Left a Task state. */
  TaskStateExited: "stateExitedEventDetails";
  /** `.sync`/`.waitForTaskToken` submission failed. */
  TaskSubmitFailed: "taskSubmitFailedEventDetails";
  /** `.sync`/`.waitForTaskToken` request accepted; now waiting for completion/callback. */
  TaskSubmitted: "taskSubmittedEventDetails";
  /** Service-integration task succeeded. */
  TaskSucceeded: "taskSucceededEventDetails";
  /** Service-integration task timed out. */
  TaskTimedOut: "taskTimedOutEventDetails";
  /** A Wait state was aborted. */
  WaitStateAborted: never;
  /** Entered a Wait state. */
  WaitStateEntered: "stateEnteredEventDetails";
  /** Left a Wait state. */
  WaitStateExited: "stateExitedEventDetails";
  /** A Distributed Map run was aborted. */
  MapRunAborted: never;
  /** A Distributed Map run failed. */
  MapRunFailed: "mapRunFailedEventDetails";
  /** A Distributed Map run started. */
  MapRunStarted: "mapRunStartedEventDetails";
  /** A Distributed Map run succeeded. */
  MapRunSucceeded: never;
  /** The execution was redriven. */
  ExecutionRedriven: "executionRedrivenEventDetails";
  /** A Distributed Map run was redriven. */
  MapRunRedriven: "mapRunRedrivenEventDetails";
  /** A JSONata expression (or other evaluation) failed while processing a state. */
  EvaluationFailed: "evaluationFailedEventDetails";
}

/**
 * Event types whose details object AWS may omit: not yet seen in an AWS-recorded history, so the engine
 * may leave them out. All others always carry their details key (an empty object `{}` when AWS has
 * nothing to put in it, e.g. `executionFailedEventDetails: {}` for a Fail state without Error/Cause).
 */
export type EventTypesWithOptionalDetails = "ExecutionAborted" | "ExecutionTimedOut";

/** Fields common to every history event. */
export interface HistoryEventBase<T extends HistoryEventType = HistoryEventType> {
  /** When the event occurred (ISO-8601 string in this engine). */
  timestamp: Timestamp;
  /** The type of the event; discriminates the union. */
  type: T;
  /** The id of the event; numbered sequentially from 1 in emission order. */
  id: number;
  /** The id of the causing/preceding event (0 for the first events); optional in the API, always sent by AWS. */
  previousEventId?: number;
}

/** The details part of an event of type `T`: `{}` when it has none, one (maybe optional) key otherwise. */
export type HistoryEventDetailsOf<T extends HistoryEventType> = [DetailsKeyByEventType[T]] extends [never]
  ? unknown
  : T extends EventTypesWithOptionalDetails
    ? { [K in DetailsKeyByEventType[T]]?: HistoryEventDetailsMap[K] }
    : { [K in DetailsKeyByEventType[T]]: HistoryEventDetailsMap[K] };

/** A history event of one given type. */
export type HistoryEventOf<T extends HistoryEventType> = HistoryEventBase<T> & HistoryEventDetailsOf<T>;

/** One history event, as this engine emits it: a discriminated union keyed on `type`. */
export type HistoryEvent = { [T in HistoryEventType]: HistoryEventOf<T> }[HistoryEventType];

/**
 * The wire shape exactly as the API reference states it: one flat object whose details members are all
 * optional. Useful for reading histories recorded from AWS.
 */
export type ApiHistoryEvent = HistoryEventBase & Partial<HistoryEventDetailsMap>;

/** `GetExecutionHistory` response body. */
export interface GetExecutionHistoryOutput {
  /** The list of events that occurred in the execution (ascending `id` unless reverseOrder). */
  events: HistoryEvent[];
  /** Pagination token; present only when more results are available. */
  nextToken?: string;
}

/** Runtime mirror of `DetailsKeyByEventType`: the details key for each event type, or `null` for none. */
export const HISTORY_EVENT_DETAILS_KEY: {
  readonly [T in HistoryEventType]: [DetailsKeyByEventType[T]] extends [never]
    ? null
    : DetailsKeyByEventType[T];
} = {
  ActivityFailed: "activityFailedEventDetails",
  ActivityScheduled: "activityScheduledEventDetails",
  ActivityScheduleFailed: "activityScheduleFailedEventDetails",
  ActivityStarted: "activityStartedEventDetails",
  ActivitySucceeded: "activitySucceededEventDetails",
  ActivityTimedOut: "activityTimedOutEventDetails",
  ChoiceStateEntered: "stateEnteredEventDetails",
  ChoiceStateExited: "stateExitedEventDetails",
  ExecutionAborted: "executionAbortedEventDetails",
  ExecutionFailed: "executionFailedEventDetails",
  ExecutionStarted: "executionStartedEventDetails",
  ExecutionSucceeded: "executionSucceededEventDetails",
  ExecutionTimedOut: "executionTimedOutEventDetails",
  FailStateEntered: "stateEnteredEventDetails",
  LambdaFunctionFailed: "lambdaFunctionFailedEventDetails",
  LambdaFunctionScheduled: "lambdaFunctionScheduledEventDetails",
  LambdaFunctionScheduleFailed: "lambdaFunctionScheduleFailedEventDetails",
  LambdaFunctionStarted: null,
  LambdaFunctionStartFailed: "lambdaFunctionStartFailedEventDetails",
  LambdaFunctionSucceeded: "lambdaFunctionSucceededEventDetails",
  LambdaFunctionTimedOut: "lambdaFunctionTimedOutEventDetails",
  MapIterationAborted: "mapIterationAbortedEventDetails",
  MapIterationFailed: "mapIterationFailedEventDetails",
  MapIterationStarted: "mapIterationStartedEventDetails",
  MapIterationSucceeded: "mapIterationSucceededEventDetails",
  MapStateAborted: null,
  MapStateEntered: "stateEnteredEventDetails",
  MapStateExited: "stateExitedEventDetails",
  MapStateFailed: null,
  MapStateStarted: "mapStateStartedEventDetails",
  MapStateSucceeded: null,
  ParallelStateAborted: null,
  ParallelStateEntered: "stateEnteredEventDetails",
  ParallelStateExited: "stateExitedEventDetails",
  ParallelStateFailed: null,
  ParallelStateStarted: null,
  ParallelStateSucceeded: null,
  PassStateEntered: "stateEnteredEventDetails",
  PassStateExited: "stateExitedEventDetails",
  SucceedStateEntered: "stateEnteredEventDetails",
  SucceedStateExited: "stateExitedEventDetails",
  TaskFailed: "taskFailedEventDetails",
  TaskScheduled: "taskScheduledEventDetails",
  TaskStarted: "taskStartedEventDetails",
  TaskStartFailed: "taskStartFailedEventDetails",
  TaskStateAborted: null,
  TaskStateEntered: "stateEnteredEventDetails",
  TaskStateExited: "stateExitedEventDetails",
  TaskSubmitFailed: "taskSubmitFailedEventDetails",
  TaskSubmitted: "taskSubmittedEventDetails",
  TaskSucceeded: "taskSucceededEventDetails",
  TaskTimedOut: "taskTimedOutEventDetails",
  WaitStateAborted: null,
  WaitStateEntered: "stateEnteredEventDetails",
  WaitStateExited: "stateExitedEventDetails",
  MapRunAborted: null,
  MapRunFailed: "mapRunFailedEventDetails",
  MapRunStarted: "mapRunStartedEventDetails",
  MapRunSucceeded: null,
  ExecutionRedriven: "executionRedrivenEventDetails",
  MapRunRedriven: "mapRunRedrivenEventDetails",
  EvaluationFailed: "evaluationFailedEventDetails",
};
