/**
 * Checks a TestState request the way the API does before anything runs — types, lengths, enums, JSON
 * payloads — and turns it into parsed values. Constraints from
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html (Request Parameters).
 */
import { aws, awsGeneric, explain } from "./messages.ts";
import { TestStateError, type FieldValidationMode, type InspectionLevel } from "./types.ts";

const MAX_DEFINITION = 1_048_576;
const MAX_PAYLOAD = 262_144;
const LEVELS = ["INFO", "DEBUG", "TRACE"] as const;
const MODES = ["STRICT", "PRESENT", "NONE"] as const;

/** The request's top-level fields, as the API names them (anything else is ignored, as AWS's JSON protocol does). */
export const REQUEST_FIELDS = [
  "definition",
  "roleArn",
  "input",
  "inspectionLevel",
  "revealSecrets",
  "variables",
  "stateName",
  "mock",
  "context",
  "stateConfiguration",
] as const;

export type ParsedMock =
  | { readonly kind: "result"; readonly value: unknown; readonly fieldValidationMode: FieldValidationMode }
  | { readonly kind: "error"; readonly error?: string; readonly cause?: string };

export interface ParsedRequest {
  readonly definition: Record<string, unknown>;
  readonly input: unknown;
  readonly inputText: string;
  readonly level: InspectionLevel;
  readonly roleArn?: string;
  readonly revealSecrets: boolean;
  readonly variables?: Record<string, unknown>;
  readonly context?: Record<string, unknown>;
  readonly stateName?: string;
  readonly mock?: ParsedMock;
  readonly retrierRetryCount: number;
  readonly errorCausedByState?: string;
  readonly mapIterationFailureCount?: number;
  readonly mapItemReaderData?: string;
}

const invalid = (message: string, explanation: string) =>
  new TestStateError("ValidationException", message, explanation);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function optionalString(
  container: Record<string, unknown>,
  key: string,
  path: string,
  limits: { min?: number; max: number },
): string | undefined {
  const value = container[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalid(awsGeneric.ValidationException, explain.notString(path));
  if (value.length > limits.max)
    throw invalid(aws.tooLong(path, limits.max), explain.tooLong(path, limits.max));
  if (limits.min !== undefined && value.length < limits.min) {
    throw invalid(aws.tooShort(path, limits.min), explain.tooShort(path, limits.min));
  }
  return value;
}

function optionalCount(container: Record<string, unknown>, key: string, path: string): number | undefined {
  const value = container[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw invalid(awsGeneric.ValidationException, explain.notInteger(path));
  }
  if (value < 0) throw invalid(aws.belowMinimum(value, path), explain.negative(path));
  return value;
}

function optionalEnum<T extends string>(
  container: Record<string, unknown>,
  key: string,
  path: string,
  values: readonly T[],
): T | undefined {
  const value = container[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !values.includes(value as T)) {
    throw invalid(aws.notInEnum(String(value), path, values), explain.notInEnum(path, values));
  }
  return value as T;
}

/** Where JSON.parse stopped, in Portuguese (its own message is English). */
function syntaxProblem(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  const at = /line (\d+) column (\d+)/.exec(message);
  if (at) return explain.jsonSyntaxAt(Number(at[1]), Number(at[2]));
  const position = /position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1])).split("\n");
    return explain.jsonSyntaxAt(before.length, before.at(-1)!.length + 1);
  }
  return text.trim() === "" ? explain.jsonEmpty : explain.jsonSyntax;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: syntaxProblem(text, error) };
  }
}

function jsonObjectField(
  text: string | undefined,
  field: "variables" | "context",
): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  const parsed = parseJson(text);
  if (!parsed.ok) throw invalid(awsGeneric.ValidationException, explain.badJson(field, parsed.reason));
  if (!isObject(parsed.value)) {
    throw invalid(
      awsGeneric.ValidationException,
      field === "variables" ? explain.variablesNotObject : explain.contextNotObject,
    );
  }
  return parsed.value;
}

function parseMock(value: unknown, revealSecrets: boolean): ParsedMock | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw invalid(awsGeneric.ValidationException, explain.notObject("mock"));
  const result = optionalString(value, "result", "mock.result", { max: MAX_PAYLOAD });
  const mode = optionalEnum(value, "fieldValidationMode", "mock.fieldValidationMode", MODES) ?? "STRICT";
  const errorOutput = value.errorOutput;
  if (errorOutput !== undefined && errorOutput !== null && !isObject(errorOutput)) {
    throw invalid(awsGeneric.ValidationException, explain.notObject("mock.errorOutput"));
  }
  if (revealSecrets) throw invalid(aws.revealSecretsWithMock, explain.revealSecretsWithMock);
  if (result !== undefined && isObject(errorOutput))
    throw invalid(aws.bothMockFields, explain.bothMockFields);
  if (result !== undefined) {
    const parsed = parseJson(result);
    if (!parsed.ok) throw invalid(aws.mockResultNotJson, explain.mockResultNotJson(parsed.reason));
    return { kind: "result", value: parsed.value, fieldValidationMode: mode };
  }
  if (isObject(errorOutput)) {
    return {
      kind: "error",
      error: optionalString(errorOutput, "error", "mock.errorOutput.error", { max: 256 }),
      cause: optionalString(errorOutput, "cause", "mock.errorOutput.cause", { max: 32_768 }),
    };
  }
  throw invalid(awsGeneric.ValidationException, explain.emptyMock);
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\-/]+$/;

/** Validates the request's own fields (not yet the definition's meaning) and parses its JSON texts. */
export function parseRequest(request: unknown): ParsedRequest {
  if (!isObject(request)) throw invalid(aws.mustNotBeNull("definition"), explain.missingField("definition"));
  if (request.definition === undefined || request.definition === null) {
    throw invalid(aws.mustNotBeNull("definition"), explain.missingField("definition"));
  }
  const definitionText = optionalString(request, "definition", "definition", {
    min: 1,
    max: MAX_DEFINITION,
  })!;
  const inputText = optionalString(request, "input", "input", { max: MAX_PAYLOAD }) ?? "{}";
  const level = optionalEnum(request, "inspectionLevel", "inspectionLevel", LEVELS) ?? "INFO";
  const roleArn = optionalString(request, "roleArn", "roleArn", { min: 1, max: 256 });
  const stateName = optionalString(request, "stateName", "stateName", { min: 1, max: 80 });
  const variablesText = optionalString(request, "variables", "variables", { max: MAX_PAYLOAD });
  const contextText = optionalString(request, "context", "context", { max: MAX_PAYLOAD });
  const revealSecrets = request.revealSecrets ?? false;
  if (typeof revealSecrets !== "boolean")
    throw invalid(awsGeneric.ValidationException, explain.notBoolean("revealSecrets"));

  const configuration = request.stateConfiguration ?? {};
  if (!isObject(configuration))
    throw invalid(awsGeneric.ValidationException, explain.notObject("stateConfiguration"));
  const retrierRetryCount = optionalCount(
    configuration,
    "retrierRetryCount",
    "stateConfiguration.retrierRetryCount",
  );
  const mapIterationFailureCount = optionalCount(
    configuration,
    "mapIterationFailureCount",
    "stateConfiguration.mapIterationFailureCount",
  );
  const errorCausedByState = optionalString(
    configuration,
    "errorCausedByState",
    "stateConfiguration.errorCausedByState",
    {
      min: 1,
      max: 80,
    },
  );
  const mapItemReaderData = optionalString(
    configuration,
    "mapItemReaderData",
    "stateConfiguration.mapItemReaderData",
    {
      max: MAX_PAYLOAD,
    },
  );

  const mock = parseMock(request.mock, revealSecrets);

  if (roleArn !== undefined && !ROLE_ARN.test(roleArn)) {
    throw new TestStateError("InvalidArn", awsGeneric.InvalidArn, explain.invalidRoleArn(roleArn));
  }
  const definition = parseJson(definitionText);
  if (!definition.ok) {
    throw new TestStateError(
      "InvalidDefinition",
      awsGeneric.InvalidDefinition,
      explain.definitionNotJson(definition.reason),
    );
  }
  if (!isObject(definition.value)) {
    throw new TestStateError("InvalidDefinition", awsGeneric.InvalidDefinition, explain.definitionNotObject);
  }
  const input = parseJson(inputText);
  if (!input.ok) {
    throw new TestStateError(
      "InvalidExecutionInput",
      awsGeneric.InvalidExecutionInput,
      explain.invalidInput(input.reason),
    );
  }
  const variables = jsonObjectField(variablesText, "variables");
  const context = jsonObjectField(contextText, "context");
  if (context && !mock) throw invalid(awsGeneric.ValidationException, explain.contextWithoutMock);

  return {
    definition: definition.value,
    input: input.value,
    inputText,
    level,
    roleArn,
    revealSecrets,
    variables,
    context,
    stateName,
    mock,
    retrierRetryCount: retrierRetryCount ?? 0,
    errorCausedByState,
    mapIterationFailureCount,
    mapItemReaderData,
  };
}
