/**
 * The engine's record of one state visit → TestState's `inspectionData`, with the stages AWS reports for
 * that state type and query language (https://docs.aws.amazon.com/step-functions/latest/apireference/API_InspectionData.html).
 * A stage the state does not define is reported as the value passing through it (no Parameters: afterParameters
 * is afterInputPath; no ResultSelector: afterResultSelector is the result), as AWS does.
 */
import type { CompiledState, MapState } from "../definition.ts";
import type { StateInspection } from "../record/types.ts";
import type { InspectionData, InspectionErrorDetails, TestExecutionStatus } from "./types.ts";

const text = (value: unknown): string => JSON.stringify(value === undefined ? null : value);

export interface InspectionInputs {
  readonly visit: StateInspection;
  /** The tested state as written (field presence decides some stages). */
  readonly raw: Readonly<Record<string, unknown>>;
  /** The tested state as compiled from the definition as written. */
  readonly compiled: CompiledState;
  readonly status: TestExecutionStatus;
  readonly errorDetails?: InspectionErrorDetails;
  /** Variables the request set, reported when the engine tracked none. */
  readonly requestVariables?: Record<string, unknown>;
}

function set(data: InspectionData, key: keyof InspectionData, value: unknown, present: boolean): void {
  if (present) (data as Record<string, unknown>)[key] = text(value);
}

function jsonPathStages(
  data: InspectionData,
  visit: StateInspection,
  raw: Readonly<Record<string, unknown>>,
  status: TestExecutionStatus,
): void {
  const type = raw.Type;
  const has = (key: keyof StateInspection) => Object.hasOwn(visit, key);
  const ended = status === "SUCCEEDED";
  if (type === "Pass" && "Result" in raw) {
    set(data, "result", visit.result, has("result"));
    set(data, "afterResultSelector", visit.result, has("result"));
    set(data, "afterResultPath", visit.afterResultPath, ended && has("afterResultPath"));
    return;
  }
  // A Fail state has no InputPath: its input passes through.
  set(
    data,
    "afterInputPath",
    has("afterInputPath") ? visit.afterInputPath : visit.input,
    has("afterInputPath") || type === "Fail",
  );
  if (type === "Choice" || type === "Succeed" || type === "Fail" || type === "Wait") return;
  // A stage the state defines is shown only once it ran; one it does not define passes the value through.
  const parametersRan = has("afterParameters") || !("Parameters" in raw);
  const afterParameters = has("afterParameters") ? visit.afterParameters : visit.afterInputPath;
  set(data, "afterParameters", afterParameters, has("afterInputPath") && parametersRan);
  if (type === "Pass") {
    set(data, "afterResultSelector", afterParameters, has("afterInputPath") && has("result"));
  } else {
    set(data, "result", visit.result, has("result"));
    const selected = has("afterResultSelector") ? visit.afterResultSelector : visit.result;
    const selectorRan = has("afterResultSelector") || !("ResultSelector" in raw);
    set(data, "afterResultSelector", selected, has("result") && selectorRan);
  }
  set(data, "afterResultPath", visit.afterResultPath, ended && has("afterResultPath"));
}

function mapStages(
  data: InspectionData,
  visit: StateInspection,
  raw: Readonly<Record<string, unknown>>,
  map: MapState,
): void {
  if (!map.jsonata && "InputPath" in raw && Object.hasOwn(visit, "afterInputPath")) {
    set(data, "afterInputPath", visit.afterInputPath, true);
  }
  if (!map.jsonata && map.itemsPath && "ItemsPath" in raw && Object.hasOwn(visit, "afterInputPath")) {
    const items = map.itemsPath.select({ data: visit.afterInputPath, context: undefined, variables: {} });
    set(data, "afterItemsPath", items, items !== undefined);
  }
  data.maxConcurrency = typeof raw.MaxConcurrency === "number" ? raw.MaxConcurrency : 0;
  if (typeof raw.ToleratedFailureCount === "number") data.toleratedFailureCount = raw.ToleratedFailureCount;
  if (typeof raw.ToleratedFailurePercentage === "number") {
    data.toleratedFailurePercentage = raw.ToleratedFailurePercentage;
  }
}

export function inspectionData(inputs: InspectionInputs): InspectionData {
  const { visit, raw, compiled, status } = inputs;
  const data: InspectionData = { input: text(visit.input) };
  if (compiled.type === "Map") mapStages(data, visit, raw, compiled);
  else if (!compiled.jsonata) jsonPathStages(data, visit, raw, status);
  else if (compiled.type === "Task" || compiled.type === "Parallel") {
    set(
      data,
      "afterArguments",
      Object.hasOwn(visit, "afterArguments") ? visit.afterArguments : visit.input,
      true,
    );
    set(data, "result", visit.result, Object.hasOwn(visit, "result"));
  }
  // RETRIABLE: the state will run again, so no Catch ran and nothing was assigned.
  const variables =
    status === "RETRIABLE" ? inputs.requestVariables : (visit.variables ?? inputs.requestVariables);
  if (variables !== undefined) data.variables = text(variables);
  if (inputs.errorDetails) data.errorDetails = inputs.errorDetails;
  return data;
}
