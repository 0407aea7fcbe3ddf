/**
 * The TestState API's request and response, field for field as AWS's API reference defines them:
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html
 * Every payload (definition, input, output, inspection stages) is JSON text, as in the real API.
 */

export type InspectionLevel = "INFO" | "DEBUG" | "TRACE";
export type FieldValidationMode = "STRICT" | "PRESENT" | "NONE";
export type TestExecutionStatus = "SUCCEEDED" | "FAILED" | "RETRIABLE" | "CAUGHT_ERROR";

/** https://docs.aws.amazon.com/step-functions/latest/apireference/API_MockInput.html */
export interface MockInput {
  readonly result?: string;
  readonly errorOutput?: { readonly error?: string; readonly cause?: string };
  readonly fieldValidationMode?: FieldValidationMode;
}

/** https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestStateConfiguration.html */
export interface TestStateConfiguration {
  readonly retrierRetryCount?: number;
  readonly errorCausedByState?: string;
  readonly mapIterationFailureCount?: number;
  readonly mapItemReaderData?: string;
}

export interface TestStateRequest {
  readonly definition: string;
  readonly roleArn?: string;
  readonly input?: string;
  readonly inspectionLevel?: InspectionLevel;
  readonly revealSecrets?: boolean;
  readonly variables?: string;
  readonly stateName?: string;
  readonly mock?: MockInput;
  readonly context?: string;
  readonly stateConfiguration?: TestStateConfiguration;
}

/** https://docs.aws.amazon.com/step-functions/latest/apireference/API_InspectionErrorDetails.html */
export interface InspectionErrorDetails {
  catchIndex?: number;
  retryIndex?: number;
  retryBackoffIntervalSeconds?: number;
}

/** https://docs.aws.amazon.com/step-functions/latest/apireference/API_InspectionDataRequest.html */
export interface InspectionDataRequest {
  protocol?: string;
  method?: string;
  url?: string;
  headers?: string;
  body?: string;
}

/** https://docs.aws.amazon.com/step-functions/latest/apireference/API_InspectionDataResponse.html */
export interface InspectionDataResponse {
  protocol?: string;
  statusCode?: string;
  statusMessage?: string;
  headers?: string;
  body?: string;
}

/** https://docs.aws.amazon.com/step-functions/latest/apireference/API_InspectionData.html */
export interface InspectionData {
  input?: string;
  afterArguments?: string;
  afterInputPath?: string;
  afterParameters?: string;
  result?: string;
  afterResultSelector?: string;
  afterResultPath?: string;
  afterItemsPath?: string;
  afterItemsPointer?: string;
  afterItemSelector?: string;
  afterItemBatcher?: string;
  maxConcurrency?: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  request?: InspectionDataRequest;
  response?: InspectionDataResponse;
  variables?: string;
  errorDetails?: InspectionErrorDetails;
}

export interface TestStateResponse {
  output?: string;
  error?: string;
  cause?: string;
  inspectionData?: InspectionData;
  nextState?: string;
  status: TestExecutionStatus;
}

/** The exceptions TestState declares: https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html#API_TestState_Errors */
export type TestStateException =
  "InvalidArn" | "InvalidDefinition" | "InvalidExecutionInput" | "ValidationException";

/**
 * A request TestState refuses. `exception` and `message` are AWS's (the exception name and its English
 * message); `explanation` says the same in Portuguese for the student. `exception` is null when AWS would
 * accept the request but Partitura cannot do it offline (a Task with no mock would call the real service).
 */
export class TestStateError extends Error {
  readonly exception: TestStateException | null;
  readonly explanation: string;

  constructor(exception: TestStateException | null, message: string, explanation: string) {
    super(message);
    this.name = "TestStateError";
    this.exception = exception;
    this.explanation = explanation;
  }
}
