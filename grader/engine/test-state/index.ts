/**
 * AWS Step Functions' TestState API, offline: one state (alone, or by `stateName` inside a full
 * definition) runs once on the engine, with a mocked result or error, and the answer has TestState's
 * shape — status (SUCCEEDED, FAILED, RETRIABLE, CAUGHT_ERROR), nextState, output, error, cause and, at
 * DEBUG/TRACE, inspectionData. https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html
 */
import { compileStateMachine, type CompiledStateMachine } from "../definition.ts";
import { DefinitionError, StatesErrors } from "../errors.ts";
import { runExecution } from "../execution.ts";
import type { StateInspection } from "../record/types.ts";
import { backoffSeconds, findRetrier } from "../retry.ts";
import type { TaskOutcome } from "../task-resolver.ts";
import { inspectionData } from "./inspection.ts";
import { locateState, type LocatedState } from "./locate.ts";
import { awsGeneric, explain } from "./messages.ts";
import { parseRequest, type ParsedRequest } from "./request.ts";
import { checkRequestAgainstState } from "./rules.ts";
import { buildSyntheticMachine } from "./synthetic.ts";
import { TestStateError, type InspectionErrorDetails, type TestStateResponse } from "./types.ts";

export * from "./types.ts";
export { REQUEST_FIELDS } from "./request.ts";

/** AWS's cause when a mocked Map's failed iterations pass its tolerance (as AWS words it). */
const THRESHOLD_CAUSE = "The specified tolerated failure threshold was exceeded";

function compile(definition: Record<string, unknown>): CompiledStateMachine {
  try {
    return compileStateMachine(definition);
  } catch (error) {
    if (error instanceof DefinitionError) {
      throw new TestStateError(
        "InvalidDefinition",
        awsGeneric.InvalidDefinition,
        explain.definitionError(error.message),
      );
    }
    throw error;
  }
}

/** How many items a Map would iterate: its ItemsPath's array, else the mocked result's length. */
function mapItemCount(located: LocatedState, input: unknown, mocked: unknown): number {
  const itemsPath = located.state.ItemsPath;
  if (typeof itemsPath === "string" && itemsPath.startsWith("$.") && input && typeof input === "object") {
    let value: unknown = input;
    for (const key of itemsPath.slice(2).split("."))
      value = (value as Record<string, unknown> | undefined)?.[key];
    if (Array.isArray(value)) return value.length;
  }
  return Array.isArray(mocked) ? mocked.length : Array.isArray(input) ? input.length : 0;
}

function exceedsTolerance(located: LocatedState, failures: number, items: number): boolean {
  const { ToleratedFailureCount: count, ToleratedFailurePercentage: percentage } = located.state;
  if (typeof count === "number" && failures > count) return true;
  if (typeof percentage === "number" && items > 0 && (failures / items) * 100 > percentage) return true;
  return false;
}

function mockOutcome(request: ParsedRequest, located: LocatedState): TaskOutcome {
  const mock = request.mock!;
  if (mock.kind === "error") return { kind: "failure", error: mock.error ?? "", cause: mock.cause };
  const failures = request.mapIterationFailureCount;
  if (located.state.Type === "Map" && failures !== undefined) {
    const items = mapItemCount(located, request.input, mock.value);
    if (exceedsTolerance(located, failures, items)) {
      return { kind: "failure", error: StatesErrors.ExceedToleratedFailureThreshold, cause: THRESHOLD_CAUSE };
    }
  }
  return { kind: "success", output: mock.value };
}

/** Context fields TestState fills in: the retry being simulated, and a Map item for a state inside a Map. */
function contextOverrides(
  request: ParsedRequest,
  located: LocatedState,
): Record<string, unknown> | undefined {
  const overrides: Record<string, unknown> = {};
  if (request.retrierRetryCount > 0) overrides.State = { RetryCount: request.retrierRetryCount };
  if (located.insideMap) overrides.Map = { Item: { Index: 0, Value: request.input } };
  for (const [section, value] of Object.entries(request.context ?? {})) {
    const current = overrides[section];
    overrides[section] =
      current && typeof current === "object" && value && typeof value === "object" && !Array.isArray(value)
        ? { ...current, ...value }
        : value;
  }
  return Object.keys(overrides).length > 0 ? overrides : undefined;
}

function testedVisit(
  inspections: readonly StateInspection[] | undefined,
  name: string,
): StateInspection | undefined {
  return inspections?.find((visit) => visit.scopeKey === "/" && visit.stateName === name);
}

/** Runs one TestState request. Throws {@link TestStateError} for a request TestState refuses. */
export async function testState(request: unknown): Promise<TestStateResponse> {
  const parsed = parseRequest(request);
  const located = locateState(parsed.definition, parsed.stateName);
  if (located.machine) compile(located.machine);
  const asWritten = compile(buildSyntheticMachine(located, { mocked: false, keepRetry: true }).definition);
  const compiled = asWritten.root.states.get(located.name)!;
  checkRequestAgainstState(parsed, located, compiled);

  const synthetic = buildSyntheticMachine(located, { mocked: parsed.mock !== undefined, keepRetry: false });
  const compiledSynthetic = compile(synthetic.definition);
  // Variables the request sets exist even when no state of this definition assigns any.
  const machine = parsed.variables ? { ...compiledSynthetic, usesVariables: true } : compiledSynthetic;
  let result;
  try {
    result = await runExecution(machine, parsed.input, {
      resolveTask: () => mockOutcome(parsed, located),
      inspect: true,
      seed: "test-state",
      stateMachineName: "TestState",
      executionName: "test-state",
      initialVariables: parsed.variables,
      contextOverrides: contextOverrides(parsed, located),
      maxStateTransitions: 3,
    });
  } catch (error) {
    // The engine refused to go on (its own safety bounds): a located Portuguese message, never a stack trace.
    throw new TestStateError(
      null,
      String(error),
      explain.engineStopped(error instanceof Error ? error.message : String(error)),
    );
  }
  const visit = testedVisit(result.inspections, located.name);
  if (!visit) {
    // The state never finished (a machine-level failure before it): report the execution's error.
    return { status: "FAILED", error: result.error, cause: result.cause };
  }

  let status = visit.status === "CAUGHT_ERROR" || visit.status === "FAILED" ? visit.status : "SUCCEEDED";
  const failure = visit.attempts.at(-1);
  const error = status === "FAILED" ? visit.error : failure?.error;
  const cause = status === "FAILED" ? visit.cause : failure?.cause;
  let errorDetails: InspectionErrorDetails | undefined;
  if (status !== "SUCCEEDED" && error !== undefined && "retriers" in compiled) {
    const retryIndex = findRetrier(compiled.retriers, error);
    const retrier = compiled.retriers[retryIndex];
    if (retrier && parsed.retrierRetryCount < retrier.maxAttempts) {
      status = "RETRIABLE";
      let seed = 0x9e3779b9;
      const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 0x100000000;
      errorDetails = {
        retryBackoffIntervalSeconds: Math.round(backoffSeconds(retrier, parsed.retrierRetryCount, random)),
        retryIndex,
      };
    }
  }
  if (status === "CAUGHT_ERROR") errorDetails = { catchIndex: visit.errorDetails?.catchIndex };

  const response: TestStateResponse = { status: status as TestStateResponse["status"] };
  if (status === "SUCCEEDED" || status === "CAUGHT_ERROR") {
    response.output = JSON.stringify(visit.output === undefined ? null : visit.output);
    if (visit.nextState !== undefined)
      response.nextState = synthetic.targets.get(visit.nextState) ?? visit.nextState;
  }
  if (status !== "SUCCEEDED") {
    if (error !== undefined && error !== "") response.error = error;
    if (cause !== undefined) response.cause = cause;
  }
  if (parsed.level !== "INFO") {
    response.inspectionData = inspectionData({
      visit,
      raw: located.state,
      compiled,
      status: response.status,
      errorDetails,
      requestVariables: parsed.variables,
    });
  }
  return response;
}
