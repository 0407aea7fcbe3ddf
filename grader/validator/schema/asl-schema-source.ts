/**
 * The JSON Schema for ASL, one schema per (object kind × query language), so that the validator picks
 * the schema by the state's `Type` and never sees `oneOf` noise. This module is the SOURCE: the build
 * script (`npm run build:schema`) compiles it ahead of time with ajv's standalone mode into
 * `../generated/asl-schema.js`, which is what runs (no `new Function` at run time).
 *
 * Structure only: types, required fields, allowed fields, enums and bounds. Everything that needs
 * context (Next/End, transitions, paths, JSONata, variables, Retry order…) is in the semantic layer.
 */
import { FIELDS, STATE_TYPES, type QueryLanguage, type StateType } from "../fields.ts";

type Schema = Record<string, unknown>;

const MAX_SECONDS = 99_999_999;
const JSONATA_PATTERN = "^\\{%[\\s\\S]*%\\}$";

const string: Schema = { type: "string" };
const nonEmptyString: Schema = { type: "string", not: { const: "" } };
const object: Schema = { type: "object" };
const pathOrNull: Schema = { type: ["string", "null"] };
const boolean: Schema = { type: "boolean" };
const anyValue: Schema = {};

function integer(minimum: number, maximum?: number): Schema {
  return maximum === undefined ? { type: "integer", minimum } : { type: "integer", minimum, maximum };
}

/** JSONata mode: a literal number or a whole-string `{% … %}` expression. */
function integerOrJsonata(minimum: number, maximum?: number): Schema {
  return { ...integer(minimum, maximum), type: ["integer", "string"], pattern: JSONATA_PATTERN };
}

function stringOrJsonata(): Schema {
  return { type: "string" };
}

function retrier(): Schema {
  return {
    type: "object",
    required: ["ErrorEquals"],
    additionalProperties: false,
    properties: {
      ErrorEquals: { type: "array", minItems: 1, items: nonEmptyString },
      IntervalSeconds: integer(1, MAX_SECONDS),
      MaxAttempts: integer(0, MAX_SECONDS),
      BackoffRate: { type: "number", minimum: 1 },
      MaxDelaySeconds: integer(1, 31_622_400),
      JitterStrategy: { enum: ["FULL", "NONE"] },
      Comment: string,
    },
  };
}

function catcher(language: QueryLanguage): Schema {
  return {
    type: "object",
    required: ["ErrorEquals", "Next"],
    additionalProperties: false,
    properties: {
      ErrorEquals: { type: "array", minItems: 1, items: nonEmptyString },
      Next: nonEmptyString,
      Comment: string,
      Assign: object,
      ...(language === "JSONPath" ? { ResultPath: pathOrNull } : { Output: anyValue }),
    },
  };
}

/** The schema of one field, by name, for a language. Fields not listed here accept any value. */
function fieldSchema(name: string, language: QueryLanguage, type: StateType): Schema {
  const jsonata = language === "JSONata";
  switch (name) {
    case "Type":
      return { const: type };
    case "Comment":
      return string;
    case "QueryLanguage":
      return { enum: ["JSONPath", "JSONata"] };
    case "Next":
    case "Default":
      return nonEmptyString;
    case "End":
      return boolean;
    case "InputPath":
    case "OutputPath":
    case "ResultPath":
      return pathOrNull;
    case "ItemsPath":
    case "SecondsPath":
    case "TimestampPath":
    case "TimeoutSecondsPath":
    case "HeartbeatSecondsPath":
    case "MaxConcurrencyPath":
    case "ToleratedFailureCountPath":
    case "ToleratedFailurePercentagePath":
    case "ErrorPath":
    case "CausePath":
      return string;
    case "ItemSelector":
      // JSONata: an object, or any JSON value / a whole-string expression.
      return jsonata ? anyValue : object;
    case "Parameters":
    case "ResultSelector":
    case "Assign":
    case "Credentials":
      return object;
    case "Arguments":
      return { type: ["object", "string"] };
    case "Resource":
      return nonEmptyString;
    case "TimeoutSeconds":
    case "HeartbeatSeconds":
      return jsonata ? integerOrJsonata(1, MAX_SECONDS) : integer(1, MAX_SECONDS);
    case "Seconds":
      return jsonata ? integerOrJsonata(0, MAX_SECONDS) : integer(0, MAX_SECONDS);
    case "Timestamp":
    case "Error":
    case "Cause":
      return stringOrJsonata();
    case "MaxConcurrency":
    case "ToleratedFailureCount":
      return jsonata ? integerOrJsonata(0) : integer(0);
    case "ToleratedFailurePercentage":
      return jsonata
        ? { type: ["number", "string"], minimum: 0, maximum: 100, pattern: JSONATA_PATTERN }
        : { type: "number", minimum: 0, maximum: 100 };
    case "Items":
      return { type: ["array", "string"], pattern: JSONATA_PATTERN };
    case "Retry":
      return { type: "array", items: retrier() };
    case "Catch":
      return { type: "array", items: catcher(language) };
    case "Choices":
      return { type: "array", minItems: 1, items: object };
    case "Branches":
      return { type: "array", minItems: 1, items: object };
    case "ItemProcessor":
    case "Iterator":
      return object;
    case "Label":
      return string;
    case "ItemReader":
      return {
        type: "object",
        required: ["Resource"],
        additionalProperties: false,
        properties: {
          Resource: nonEmptyString,
          ReaderConfig: {
            type: "object",
            properties: {
              MaxItems: jsonata ? integerOrJsonata(0, 100_000_000) : integer(0, 100_000_000),
              ...(jsonata ? {} : { MaxItemsPath: string }),
              InputType: { enum: ["CSV", "JSON", "JSONL", "PARQUET", "MANIFEST"] },
              CSVHeaderLocation: { enum: ["FIRST_ROW", "GIVEN"] },
              CSVHeaders: { type: "array", items: string },
            },
          },
          ...(jsonata ? { Arguments: { type: ["object", "string"] } } : { Parameters: object }),
        },
      };
    case "ItemBatcher":
      return {
        type: "object",
        additionalProperties: false,
        properties: {
          MaxItemsPerBatch: jsonata ? integerOrJsonata(1) : integer(1),
          MaxInputBytesPerBatch: jsonata ? integerOrJsonata(1, 262_144) : integer(1, 262_144),
          BatchInput: jsonata ? { type: ["object", "string"] } : object,
          ...(jsonata ? {} : { MaxItemsPerBatchPath: string, MaxInputBytesPerBatchPath: string }),
        },
      };
    case "ResultWriter":
      return {
        type: "object",
        additionalProperties: false,
        properties: {
          Resource: nonEmptyString,
          WriterConfig: {
            type: "object",
            additionalProperties: false,
            properties: {
              Transformation: { enum: ["NONE", "COMPACT", "FLATTEN"] },
              OutputType: { enum: ["JSON", "JSONL"] },
            },
          },
          ...(jsonata ? { Arguments: { type: ["object", "string"] } } : { Parameters: object }),
        },
      };
    default:
      return anyValue;
  }
}

function stateSchema(type: StateType, language: QueryLanguage): Schema {
  const fields = FIELDS[type][language];
  const properties: Record<string, Schema> = {};
  for (const name of fields) properties[name] = fieldSchema(name, language, type);
  const required = ["Type"];
  if (type === "Task") required.push("Resource");
  if (type === "Choice") required.push("Choices");
  if (type === "Parallel") required.push("Branches");
  return { type: "object", required, additionalProperties: false, properties };
}

const machine: Schema = {
  type: "object",
  required: ["StartAt", "States"],
  additionalProperties: false,
  properties: {
    StartAt: nonEmptyString,
    States: object,
    Comment: string,
    Version: string,
    TimeoutSeconds: integer(1, MAX_SECONDS),
    QueryLanguage: { enum: ["JSONPath", "JSONata"] },
  },
};

const branch: Schema = {
  type: "object",
  required: ["StartAt", "States"],
  additionalProperties: false,
  properties: { StartAt: nonEmptyString, States: object, Comment: string },
};

const processor: Schema = {
  type: "object",
  required: ["StartAt", "States"],
  additionalProperties: false,
  properties: {
    StartAt: nonEmptyString,
    States: object,
    Comment: string,
    ProcessorConfig: {
      type: "object",
      additionalProperties: false,
      properties: {
        Mode: { enum: ["INLINE", "DISTRIBUTED"] },
        ExecutionType: { enum: ["STANDARD", "EXPRESS"] },
      },
    },
  },
};

const jsonataChoiceRule: Schema = {
  type: "object",
  required: ["Condition", "Next"],
  additionalProperties: false,
  properties: {
    Condition: { type: ["string", "boolean"] },
    Next: nonEmptyString,
    Comment: string,
    Output: anyValue,
    Assign: object,
  },
};

/** Every compiled validator, by export name. */
export function buildSchemas(): Record<string, Schema> {
  const schemas: Record<string, Schema> = { machine, branch, processor, jsonataChoiceRule };
  for (const type of STATE_TYPES) {
    schemas[`${type}JSONPath`] = stateSchema(type, "JSONPath");
    schemas[`${type}JSONata`] = stateSchema(type, "JSONata");
  }
  return schemas;
}
