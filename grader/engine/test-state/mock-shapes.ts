/**
 * `mock.fieldValidationMode`: a mocked result is checked against the response model of the API the Task
 * calls (STRICT: required fields present and present fields well typed; PRESENT: present fields well typed;
 * NONE: nothing) — https://docs.aws.amazon.com/step-functions/latest/apireference/API_MockInput.html.
 * For a `.sync` integration the model is the API Step Functions polls (`states:startExecution.sync:2` →
 * DescribeExecution). Only the integrations below carry a model here; for the others (aws-sdk:*, Lambda
 * function ARNs, callbacks) no check is made, as with NONE. Field names are as Step Functions shows them
 * (first letter upper-cased); fields the model does not know are accepted.
 */
import { parseResource } from "../resources.ts";
import { aws, explain } from "./messages.ts";
import { TestStateError } from "./types.ts";

type Shape =
  | { readonly kind: "string"; readonly values?: readonly string[] }
  | { readonly kind: "timestamp" | "integer" | "blob" | "any" }
  | { readonly kind: "list"; readonly member: Shape }
  | { readonly kind: "map"; readonly value: Shape }
  | {
      readonly kind: "structure";
      readonly members: Readonly<Record<string, Shape>>;
      readonly required?: readonly string[];
    };

const string: Shape = { kind: "string" };
const timestamp: Shape = { kind: "timestamp" };
const integer: Shape = { kind: "integer" };
const anyValue: Shape = { kind: "any" };
const structure = (members: Record<string, Shape>, required: string[] = []): Shape => ({
  kind: "structure",
  members,
  required,
});

const describeExecution = structure(
  {
    ExecutionArn: string,
    StateMachineArn: string,
    Name: string,
    Status: {
      kind: "string",
      values: ["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"],
    },
    StartDate: timestamp,
    StopDate: timestamp,
    Input: string,
    Output: string,
    Error: string,
    Cause: string,
  },
  ["ExecutionArn", "StateMachineArn", "Status", "StartDate"],
);

/** Response models (botocore's service-2.json output shapes), by `service:action`. */
const MODELS: Readonly<Record<string, Shape>> = {
  "lambda:invoke": structure({
    StatusCode: integer,
    FunctionError: string,
    LogResult: string,
    Payload: { kind: "blob" },
    ExecutedVersion: string,
  }),
  "sqs:sendMessage": structure({
    MD5OfMessageBody: string,
    MD5OfMessageAttributes: string,
    MD5OfMessageSystemAttributes: string,
    MessageId: string,
    SequenceNumber: string,
  }),
  "sns:publish": structure({ MessageId: string, SequenceNumber: string }),
  "events:putEvents": structure({
    FailedEntryCount: integer,
    Entries: {
      kind: "list",
      member: structure({ EventId: string, ErrorCode: string, ErrorMessage: string }),
    },
  }),
  "dynamodb:getItem": structure({ Item: { kind: "map", value: anyValue }, ConsumedCapacity: anyValue }),
  "dynamodb:putItem": structure({
    Attributes: { kind: "map", value: anyValue },
    ConsumedCapacity: anyValue,
    ItemCollectionMetrics: anyValue,
  }),
  "states:startExecution": structure({ ExecutionArn: string, StartDate: timestamp }, [
    "ExecutionArn",
    "StartDate",
  ]),
  "states:startExecution.sync": describeExecution,
};

function modelFor(resourceArn: string): Shape | undefined {
  const resource = parseResource(resourceArn);
  if (!resource || resource.kind !== "service" || resource.pattern === "wait-for-task-token")
    return undefined;
  const action = resource.resource.replace(/\.sync(:\d+)?$/, resource.pattern === "sync" ? ".sync" : "");
  return MODELS[`${resource.resourceType}:${action}`];
}

const TYPE_WORDS: Record<string, string> = {
  array: "an array",
  object: "an object",
  string: "a string",
  number: "a number",
  boolean: "a boolean",
};

function typeError(field: string, type: keyof typeof TYPE_WORDS): TestStateError {
  return new TestStateError(
    "ValidationException",
    aws.schemaFieldType(field, TYPE_WORDS[type]!),
    explain.schemaFieldType(field, explain.typeNames[type]!),
  );
}

function check(value: unknown, shape: Shape, field: string, strict: boolean): void {
  switch (shape.kind) {
    case "any":
      return;
    case "string":
    case "timestamp":
    case "blob":
      if (typeof value !== "string") throw typeError(field, "string");
      if (shape.kind === "string" && shape.values && !shape.values.includes(value)) {
        throw new TestStateError("ValidationException", aws.schemaEnum(field), explain.schemaEnum(field));
      }
      return;
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value)) throw typeError(field, "number");
      return;
    case "list":
      if (!Array.isArray(value)) throw typeError(field, "array");
      for (const item of value) check(item, shape.member, field, strict);
      return;
    case "map":
      if (value === null || typeof value !== "object" || Array.isArray(value))
        throw typeError(field, "object");
      for (const item of Object.values(value)) check(item, shape.value, field, strict);
      return;
    case "structure": {
      if (value === null || typeof value !== "object" || Array.isArray(value))
        throw typeError(field, "object");
      const record = value as Record<string, unknown>;
      if (strict) {
        for (const name of shape.required ?? []) {
          if (!(name in record)) {
            throw new TestStateError(
              "ValidationException",
              aws.schemaRequired(name),
              explain.schemaRequired(name),
            );
          }
        }
      }
      for (const [name, member] of Object.entries(record)) {
        const memberShape = shape.members[name];
        if (memberShape) check(member, memberShape, name, strict);
      }
      return;
    }
  }
}

/** Throws AWS's ValidationException when `result` does not fit the model of the API `resourceArn` calls. */
export function validateMockResult(
  resourceArn: string,
  result: unknown,
  mode: "STRICT" | "PRESENT" | "NONE",
): void {
  if (mode === "NONE") return;
  const model = modelFor(resourceArn);
  if (!model) return;
  check(result, model, "", mode === "STRICT");
}
