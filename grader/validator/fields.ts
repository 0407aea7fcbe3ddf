/** Which fields each state type accepts, per query language (AWS docs, 2026). Shared by the schema and the messages. */

export const STATE_TYPES = ["Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"] as const;
export type StateType = (typeof STATE_TYPES)[number];
export type QueryLanguage = "JSONPath" | "JSONata";

const COMMON = ["Type", "Comment", "QueryLanguage"];
const FLOW = ["Next", "End"];
const IO = ["InputPath", "OutputPath"];
const RESULT = ["ResultPath", "ResultSelector"];
const ERRORS = ["Retry", "Catch"];

export const FIELDS: Record<StateType, Record<QueryLanguage, readonly string[]>> = {
  Pass: {
    JSONPath: [...COMMON, ...FLOW, ...IO, "Result", "Parameters", "ResultPath", "Assign"],
    JSONata: [...COMMON, ...FLOW, "Output", "Assign", "Result"],
  },
  Task: {
    JSONPath: [
      ...COMMON,
      ...FLOW,
      ...IO,
      ...RESULT,
      ...ERRORS,
      "Resource",
      "Parameters",
      "TimeoutSeconds",
      "TimeoutSecondsPath",
      "HeartbeatSeconds",
      "HeartbeatSecondsPath",
      "Credentials",
      "Assign",
    ],
    JSONata: [
      ...COMMON,
      ...FLOW,
      ...ERRORS,
      "Resource",
      "Arguments",
      "Output",
      "TimeoutSeconds",
      "HeartbeatSeconds",
      "Credentials",
      "Assign",
    ],
  },
  Choice: {
    JSONPath: [...COMMON, ...IO, "Choices", "Default", "Assign"],
    JSONata: [...COMMON, "Choices", "Default", "Output", "Assign"],
  },
  Wait: {
    JSONPath: [...COMMON, ...FLOW, ...IO, "Seconds", "SecondsPath", "Timestamp", "TimestampPath", "Assign"],
    JSONata: [...COMMON, ...FLOW, "Seconds", "Timestamp", "Output", "Assign"],
  },
  Succeed: {
    JSONPath: [...COMMON, ...IO],
    JSONata: [...COMMON, "Output"],
  },
  Fail: {
    JSONPath: [...COMMON, "Error", "ErrorPath", "Cause", "CausePath"],
    JSONata: [...COMMON, "Error", "Cause"],
  },
  Parallel: {
    JSONPath: [...COMMON, ...FLOW, ...IO, ...RESULT, ...ERRORS, "Branches", "Parameters", "Assign"],
    JSONata: [...COMMON, ...FLOW, ...ERRORS, "Branches", "Arguments", "Output", "Assign"],
  },
  Map: {
    JSONPath: [
      ...COMMON,
      ...FLOW,
      ...IO,
      ...RESULT,
      ...ERRORS,
      "ItemProcessor",
      "Iterator",
      "ItemsPath",
      "ItemSelector",
      "Parameters",
      "MaxConcurrency",
      "MaxConcurrencyPath",
      "ToleratedFailureCount",
      "ToleratedFailureCountPath",
      "ToleratedFailurePercentage",
      "ToleratedFailurePercentagePath",
      "ItemReader",
      "ItemBatcher",
      "ResultWriter",
      "Label",
      "Assign",
    ],
    JSONata: [
      ...COMMON,
      ...FLOW,
      ...ERRORS,
      "ItemProcessor",
      "Iterator",
      "Items",
      "ItemSelector",
      "MaxConcurrency",
      "ToleratedFailureCount",
      "ToleratedFailurePercentage",
      "ItemReader",
      "ItemBatcher",
      "ResultWriter",
      "Label",
      "Output",
      "Assign",
    ],
  },
};

/** True when a field exists for this state type in the other query language only. */
export function fieldOfOtherLanguage(type: StateType, language: QueryLanguage, field: string): boolean {
  const other: QueryLanguage = language === "JSONPath" ? "JSONata" : "JSONPath";
  return !FIELDS[type][language].includes(field) && FIELDS[type][other].includes(field);
}

/** State types (other than `type`) that accept `field` in some language. */
export function typesWithField(field: string): StateType[] {
  return STATE_TYPES.filter((t) => FIELDS[t].JSONPath.includes(field) || FIELDS[t].JSONata.includes(field));
}

export function isStateType(value: unknown): value is StateType {
  return typeof value === "string" && (STATE_TYPES as readonly string[]).includes(value);
}
