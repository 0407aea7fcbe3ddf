/**
 * AWS Step Functions' TestState API, offline: one state (alone, or by `stateName` inside a full
 * definition) runs once on the engine, with a mocked result or error, and the answer has TestState's
 * shape — status (SUCCEEDED, FAILED, RETRIABLE, CAUGHT_ERROR), nextState, output, error, cause and, at
 * DEBUG/TRACE, inspectionData. https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html
 */
import { compileStateMachine, type CompiledState, type CompiledStateMachine } from "../definition.ts";
import { DefinitionError } from "../errors.ts";
import { runExecution } from "../execution.ts";
import { nextRandom, seedFromString } from "../random.ts";
import type { StateInspection } from "../record/types.ts";
import { backoffSeconds, findRetrier } from "../retry.ts";
import { inspectionData } from "./inspection.ts";
import { locateState, type LocatedState } from "./locate.ts";
import { mockOutcome } from "./mock-outcome.ts";
import { awsGeneric, explain } from "./messages.ts";
import { parseRequest, type ParsedRequest } from "./request.ts";
import { checkRequestAgainstState } from "./rules.ts";
import { buildSyntheticMachine } from "./synthetic.ts";
import {
  TestStateError,
  type InspectionErrorDetails,
  type TestExecutionStatus,
  type TestStateResponse,
} from "./types.ts";

export * from "./types.ts";
export { REQUEST_FIELDS } from "./request.ts";

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

interface Outcome {
  readonly status: TestExecutionStatus;
  readonly error?: string;
  readonly cause?: string;
  readonly errorDetails?: InspectionErrorDetails;
}

/**
 * The visit's status as TestState reports it. A failure a retrier matches, with fewer retries behind it
 * (`retrierRetryCount`) than its MaxAttempts, is RETRIABLE: the state would run again after
 * `retryBackoffIntervalSeconds` (IntervalSeconds × BackoffRate^retrierRetryCount, capped by MaxDelaySeconds).
 * Otherwise a Catch makes it CAUGHT_ERROR, or it is FAILED.
 */
function outcomeOf(visit: StateInspection, compiled: CompiledState, retrierRetryCount: number): Outcome {
  if (visit.status !== "CAUGHT_ERROR" && visit.status !== "FAILED") return { status: "SUCCEEDED" };
  const failure = visit.attempts.at(-1);
  const error = visit.status === "FAILED" ? visit.error : failure?.error;
  const cause = visit.status === "FAILED" ? visit.cause : failure?.cause;
  if (error !== undefined && "retriers" in compiled) {
    const retryIndex = findRetrier(compiled.retriers, error);
    const retrier = compiled.retriers[retryIndex];
    if (retrier && retrierRetryCount < retrier.maxAttempts) {
      let seed = seedFromString("test-state");
      const random = () => {
        const [next, value] = nextRandom(seed);
        seed = next;
        return value;
      };
      const seconds = Math.round(backoffSeconds(retrier, retrierRetryCount, random));
      return {
        status: "RETRIABLE",
        error,
        cause,
        errorDetails: { retryBackoffIntervalSeconds: seconds, retryIndex },
      };
    }
  }
  if (visit.status === "CAUGHT_ERROR") {
    return {
      status: "CAUGHT_ERROR",
      error,
      cause,
      errorDetails: { catchIndex: visit.errorDetails?.catchIndex },
    };
  }
  return { status: "FAILED", error, cause };
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
      resolveTask: () => mockOutcome(parsed, compiled),
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

  const { status, error, cause, errorDetails } = outcomeOf(visit, compiled, parsed.retrierRetryCount);
  const response: TestStateResponse = { status };
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
