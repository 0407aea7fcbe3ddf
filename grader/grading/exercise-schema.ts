/**
 * JSON Schema (draft-07) of an exercise file (`exercises/<slug>/exercicio.yaml`). `parseExercise` validates
 * with ajv against it; `exercises/exercise.schema.json` is the same object written out for editors
 * (a test keeps the two equal).
 */

const identifier = { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$", maxLength: 80 } as const;
const text = { type: "string", minLength: 1 } as const;
const stateName = { type: "string", minLength: 1, maxLength: 80 } as const;
const nonNegative = { type: "number", minimum: 0 } as const;
const positiveInteger = { type: "integer", minimum: 1 } as const;
const workflowType = { enum: ["STANDARD", "EXPRESS"] } as const;
const stringList = { type: "array", items: text, minItems: 1 } as const;
const stateList = { type: "array", items: stateName, minItems: 1 } as const;

const checkBase = {
  id: identifier,
  description: text,
  points: nonNegative,
  feedback: text,
} as const;
const checkRequired = ["id", "description", "points", "feedback", "type"];

const pathAssertion = {
  type: "object",
  additionalProperties: false,
  required: ["path"],
  properties: {
    path: { type: "string", pattern: "^\\$" },
    equals: {},
    includes: {},
    exists: { type: "boolean" },
    length: { type: "integer", minimum: 0 },
  },
} as const;

const matcherProperties = {
  equals: {},
  includes: {},
  paths: { type: "array", items: pathAssertion, minItems: 1 },
} as const;
/** Exactly one of equals / includes / paths. */
const oneMatcher = {
  oneOf: [{ required: ["equals"] }, { required: ["includes"] }, { required: ["paths"] }],
} as const;

function check(type: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    type: "object",
    additionalProperties: false,
    required: [...checkRequired, ...((extra.required as string[] | undefined) ?? [])],
    properties: {
      ...checkBase,
      feedbackVariants: { $ref: "#/definitions/feedbackVariants" },
      type: { const: type },
      ...properties,
    },
    ...Object.fromEntries(Object.entries(extra).filter(([key]) => key !== "required")),
  };
}

/** A scenario check: any type may name the states the execution must reach for it to count. */
function scenarioCheck(
  type: string,
  properties: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return check(type, { requires: stateList, ...properties }, extra);
}

const scenarioChecks = [
  scenarioCheck(
    "status",
    { expect: { enum: ["SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"] }, error: text },
    { required: ["expect"] },
  ),
  scenarioCheck("output", matcherProperties, oneMatcher),
  scenarioCheck(
    "visited",
    { order: stateList, includes: stateList, excludes: stateList },
    { anyOf: [{ required: ["order"] }, { required: ["includes"] }, { required: ["excludes"] }] },
  ),
  scenarioCheck(
    "retries",
    {
      state: stateName,
      count: { type: "integer", minimum: 0 },
      backoffSeconds: { type: "array", items: nonNegative },
      visit: positiveInteger,
    },
    { required: ["state"], anyOf: [{ required: ["count"] }, { required: ["backoffSeconds"] }] },
  ),
  scenarioCheck(
    "caught",
    { state: stateName, next: stateName, error: text, none: { const: true } },
    { required: ["state"] },
  ),
  scenarioCheck(
    "duration",
    { state: stateName, minSeconds: nonNegative, maxSeconds: nonNegative },
    { anyOf: [{ required: ["minSeconds"] }, { required: ["maxSeconds"] }] },
  ),
  scenarioCheck(
    "overlap",
    { states: { type: "array", items: stateName, minItems: 2 } },
    { required: ["states"] },
  ),
  scenarioCheck(
    "transitions",
    { min: { type: "integer", minimum: 0 }, max: { type: "integer", minimum: 0 } },
    { anyOf: [{ required: ["min"] }, { required: ["max"] }] },
  ),
  scenarioCheck("workflowType", { expect: workflowType }, { required: ["expect"] }),
  scenarioCheck(
    "cost",
    { executionsPerMonth: positiveInteger, maxUsd: nonNegative, memoryMb: positiveInteger },
    { required: ["executionsPerMonth", "maxUsd"] },
  ),
  scenarioCheck(
    "stateInput",
    { state: stateName, visit: positiveInteger, ...matcherProperties },
    {
      required: ["state"],
      ...oneMatcher,
    },
  ),
  scenarioCheck(
    "taskParameters",
    { state: stateName, invocation: positiveInteger, allowExtra: stringList, ...matcherProperties },
    {
      required: ["state"],
      ...oneMatcher,
    },
  ),
  scenarioCheck(
    "invocations",
    {
      state: stateName,
      count: { type: "integer", minimum: 0 },
      min: { type: "integer", minimum: 0 },
      max: { type: "integer", minimum: 0 },
    },
    { required: ["state"], anyOf: [{ required: ["count"] }, { required: ["min"] }, { required: ["max"] }] },
  ),
];

const staticChecks = [
  check(
    "stateTypeUsed",
    {
      stateType: { enum: ["Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"] },
      min: { type: "integer", minimum: 0 },
      max: { type: "integer", minimum: 0 },
    },
    { required: ["stateType"] },
  ),
  check("everyTaskHasRetry", { errors: stringList }),
  check(
    "retrier",
    {
      state: stateName,
      errors: stringList,
      intervalSeconds: nonNegative,
      maxAttempts: { type: "integer", minimum: 0 },
      backoffRate: nonNegative,
      backoffRateAtLeast: nonNegative,
    },
    { required: ["state", "errors"] },
  ),
  check(
    "catcher",
    { state: stateName, errors: stringList, next: stateName, resultPath: { type: ["string", "null"] } },
    { required: ["state"] },
  ),
  check("resource", { state: stateName, contains: text }, { required: ["contains"] }),
  check(
    "taskResource",
    {
      state: stateName,
      function: text,
      service: text,
      pattern: { enum: ["request-response", "sync", "wait-for-task-token"] },
    },
    {
      required: ["state"],
      anyOf: [{ required: ["function"] }, { required: ["service"] }, { required: ["pattern"] }],
    },
  ),
  check(
    "stateField",
    {
      state: stateName,
      field: text,
      exists: { type: "boolean" },
      equals: {},
      atLeast: { type: "number" },
      atMost: { type: "number" },
    },
    {
      required: ["state", "field"],
      anyOf: [
        { required: ["exists"] },
        { required: ["equals"] },
        { required: ["atLeast"] },
        { required: ["atMost"] },
      ],
    },
  ),
  check("workflowType", { expect: workflowType }, { required: ["expect"] }),
  check("maxStates", { max: positiveInteger }, { required: ["max"] }),
];

/** The static checks' rules alone (no id, points or feedback): the `when` of a feedback variant. */
const staticRules = staticChecks.map((schema) => ({
  ...schema,
  required: schema.required.filter((field) => !["id", "description", "points", "feedback"].includes(field)),
  properties: Object.fromEntries(
    Object.entries(schema.properties).filter(
      ([field]) => !["id", "description", "points", "feedback", "feedbackVariants"].includes(field),
    ),
  ),
}));

const feedbackVariants = {
  type: "array",
  minItems: 1,
  items: {
    type: "object",
    additionalProperties: false,
    required: ["when", "feedback"],
    properties: { when: discriminated(staticRules), feedback: text },
  },
} as const;

function discriminated(variants: ReadonlyArray<Record<string, unknown>>) {
  return {
    type: "object",
    required: ["type"],
    discriminator: { propertyName: "type" },
    oneOf: variants,
  };
}

const mockedResponse = {
  type: "object",
  minProperties: 1,
  propertyNames: { pattern: "^[0-9]+(-([0-9]+|\\*))?$" },
  additionalProperties: {
    type: "object",
    additionalProperties: false,
    properties: {
      Return: {},
      Throw: {
        type: "object",
        additionalProperties: false,
        required: ["Error"],
        properties: { Error: text, Cause: { type: "string" } },
      },
      DurationSeconds: nonNegative,
      Service: {
        description: "What the service does; the Task sees it through its integration pattern.",
        type: "object",
        additionalProperties: false,
        required: ["Status"],
        properties: {
          Status: { enum: ["SUCCEEDED", "FAILED"] },
          DurationSeconds: nonNegative,
          Output: {},
          Error: text,
          Cause: { type: "string" },
        },
      },
    },
    oneOf: [
      { required: ["Return"] },
      { required: ["Throw"] },
      { required: ["Service"], not: { anyOf: [{ required: ["DurationSeconds"] }] } },
    ],
  },
} as const;

const scenario = {
  type: "object",
  additionalProperties: false,
  required: ["id", "title", "visibility", "checks"],
  properties: {
    id: identifier,
    title: text,
    visibility: { enum: ["public", "hidden"] },
    concept: text,
    input: {},
    inputFile: text,
    workflowType,
    mocks: {
      description: "Task state name → mocked response (Step Functions Local's MockedResponses entry).",
      type: "object",
      additionalProperties: mockedResponse,
    },
    mockConfig: {
      type: "object",
      additionalProperties: false,
      required: ["file", "testCase"],
      properties: { file: text, testCase: text, stateMachine: text },
    },
    checks: { type: "array", minItems: 1, items: discriminated(scenarioChecks) },
  },
  allOf: [
    { if: { properties: { visibility: { const: "hidden" } } }, then: { required: ["concept"] } },
    { not: { required: ["input", "inputFile"] } },
    { not: { required: ["mocks", "mockConfig"] } },
  ],
} as const;

export const exerciseSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://partitura.dev/schemas/exercise.schema.json",
  title: "Exercício do Partitura",
  type: "object",
  additionalProperties: false,
  required: [
    "slug",
    "title",
    "points",
    "lessonSection",
    "learningGoals",
    "statement",
    "starter",
    "solution",
    "scenarios",
  ],
  definitions: { feedbackVariants },
  properties: {
    $schema: { type: "string" },
    slug: identifier,
    title: text,
    points: { type: "number", exclusiveMinimum: 0 },
    lessonSection: text,
    learningGoals: stringList,
    statement: text,
    starter: text,
    solution: text,
    stateMachineName: { type: "string", pattern: "^[A-Za-z0-9_-]{1,80}$" },
    workflowType,
    maxStateTransitions: { type: "integer", minimum: 1, maximum: 1000000 },
    staticChecks: { type: "array", items: discriminated(staticChecks) },
    scenarios: { type: "array", minItems: 1, items: scenario },
    equivalentMutants: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "reason"],
        properties: { id: { type: "string", minLength: 1 }, reason: text },
      },
    },
    latePolicy: {
      description:
        "Optional late policy: after the deadline, each started day late costs penaltyPercentPerDay of the score.",
      type: "object",
      additionalProperties: false,
      required: ["deadline", "penaltyPercentPerDay"],
      properties: {
        deadline: {
          description: "ISO 8601 date and time with its UTC offset, e.g. 2026-12-10T23:59:00-03:00.",
          type: "string",
          pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$",
        },
        penaltyPercentPerDay: { type: "number", minimum: 0, maximum: 100 },
        maxDaysLate: {
          description: "After this many days late the score is zero.",
          type: "integer",
          minimum: 0,
        },
        graceMinutes: {
          description: "Minutes after the deadline still on time.",
          type: "integer",
          minimum: 0,
        },
      },
    },
  },
} as const;
