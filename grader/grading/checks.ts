/** Evaluating checks: static ones on the definition, scenario ones on an execution's result and history. */
import type { ExecutionResult } from "../engine/index.ts";
import { errorMatches } from "../engine/retry.ts";
import type { ExecutionStatusName, ScenarioCheck, StaticCheck, WorkflowType } from "./exercise-format.ts";
import { backoffsOf, type ExecutionTrace, type StateVisit, type TaskAttempt } from "./history.ts";
import { deepEqual, fail, matchValue, PASS, type Verdict } from "./matchers.ts";
import { gradingMessages as m } from "./messages.ts";
import { evaluateTaskResource } from "./resource-check.ts";

// ---------------------------------------------------------------------------------------------
// Static checks
// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface DefinitionState {
  readonly name: string;
  readonly state: Json;
}

/** Every state of a definition, nested Parallel branches and Map processors included, in file order. */
export function allStates(definition: unknown): DefinitionState[] {
  const found: DefinitionState[] = [];
  const visit = (scope: unknown, depth: number) => {
    if (!isObject(scope) || depth > 40) return;
    const states = scope["States"];
    if (!isObject(states)) return;
    for (const name of Object.keys(states)) {
      const state = states[name];
      if (!isObject(state)) continue;
      found.push({ name, state });
      if (Array.isArray(state["Branches"])) for (const branch of state["Branches"]) visit(branch, depth + 1);
      visit(state["ItemProcessor"], depth + 1);
      visit(state["Iterator"], depth + 1);
    }
  };
  visit(definition, 0);
  return found;
}

function errorsCovered(errorEquals: unknown, wanted: readonly string[]): boolean {
  return Array.isArray(errorEquals) && wanted.every((error) => errorEquals.includes(error));
}

function errorNames(entry: Json): string[] {
  const names = entry["ErrorEquals"];
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === "string") : [];
}

/** Names that match errors they do not spell out, business errors included (States.Timeout does not). */
const WILDCARD_ERRORS = ["States.ALL", "States.TaskFailed"];

/**
 * The retrier a state's Retry uses for each wanted error, as AWS picks it: the first whose ErrorEquals
 * matches, wildcards (`States.ALL`, `States.TaskFailed`) included.
 */
function retrierFor(retry: readonly Json[], wanted: readonly string[]) {
  const missing: string[] = [];
  const handling = new Set<Json>();
  let wildcard: string | undefined;
  for (const error of wanted) {
    const retrier = retry.find((entry) => errorMatches(errorNames(entry), error));
    if (!retrier) {
      missing.push(error);
      continue;
    }
    handling.add(retrier);
    if (!errorNames(retrier).includes(error))
      wildcard ??= errorNames(retrier).find((name) => WILDCARD_ERRORS.includes(name));
  }
  return { missing, handling: [...handling], wildcard };
}

function retrierProblem(
  check: Extract<StaticCheck, { type: "retrier" }>,
  retrier: Json,
): Verdict | undefined {
  const interval = retrier["IntervalSeconds"] ?? 1;
  const attempts = retrier["MaxAttempts"] ?? 3;
  const rate = retrier["BackoffRate"] ?? 2;
  if (check.intervalSeconds !== undefined && interval !== check.intervalSeconds) {
    return fail(m.retrierField("IntervalSeconds", String(check.intervalSeconds), interval));
  }
  if (check.maxAttempts !== undefined && attempts !== check.maxAttempts) {
    return fail(m.retrierField("MaxAttempts", String(check.maxAttempts), attempts));
  }
  if (check.backoffRate !== undefined && rate !== check.backoffRate) {
    return fail(m.retrierField("BackoffRate", String(check.backoffRate), rate));
  }
  if (
    check.backoffRateAtLeast !== undefined &&
    !(typeof rate === "number" && rate >= check.backoffRateAtLeast)
  ) {
    return fail(m.retrierField("BackoffRate", `≥ ${check.backoffRateAtLeast}`, rate));
  }
  return undefined;
}

function fieldAt(state: Json, field: string): unknown {
  let value: unknown = state;
  for (const part of field.split(".")) {
    if (!isObject(value) || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = value[part];
  }
  return value;
}

export function evaluateStaticCheck(
  check: StaticCheck,
  definition: unknown,
  workflowType: WorkflowType,
): Verdict {
  const states = allStates(definition);
  const stateNamed = (name: string) => states.find((entry) => entry.name === name)?.state;
  switch (check.type) {
    case "stateTypeUsed": {
      const count = states.filter((entry) => entry.state["Type"] === check.stateType).length;
      const min = check.min ?? (check.max === undefined ? 1 : 0);
      return count >= min && (check.max === undefined || count <= check.max)
        ? PASS
        : fail(m.stateTypeCount(check.stateType, count));
    }
    case "everyTaskHasRetry": {
      const missing = states
        .filter((entry) => entry.state["Type"] === "Task")
        .filter((entry) => {
          const retry = entry.state["Retry"];
          if (!Array.isArray(retry) || retry.length === 0) return true;
          if (!check.errors) return false;
          return !check.errors.every((error) =>
            retry.some(
              (retrier) =>
                isObject(retrier) &&
                Array.isArray(retrier["ErrorEquals"]) &&
                (retrier["ErrorEquals"].includes(error) || retrier["ErrorEquals"].includes("States.ALL")),
            ),
          );
        })
        .map((entry) => entry.name);
      return missing.length === 0 ? PASS : fail(m.tasksWithoutRetry(missing));
    }
    case "retrier": {
      const state = stateNamed(check.state);
      if (!state) return fail(m.stateMissing(check.state));
      const retry = Array.isArray(state["Retry"]) ? state["Retry"].filter(isObject) : [];
      const { missing, handling, wildcard } = retrierFor(retry, check.errors);
      if (missing.length > 0) return fail(m.noMatchingRetrier(check.state, missing));
      // A wildcard retries the wanted errors, but every other error too (business errors included):
      // the check asks for these errors by name.
      if (wildcard !== undefined) return fail(m.retrierWildcard(check.state, wildcard, check.errors));
      for (const retrier of handling) {
        const problem = retrierProblem(check, retrier);
        if (problem) return problem;
      }
      return PASS;
    }
    case "catcher": {
      const state = stateNamed(check.state);
      if (!state) return fail(m.stateMissing(check.state));
      const catchers = Array.isArray(state["Catch"]) ? state["Catch"].filter(isObject) : [];
      const found = catchers.some(
        (catcher) =>
          (check.errors === undefined || errorsCovered(catcher["ErrorEquals"], check.errors)) &&
          (check.next === undefined || catcher["Next"] === check.next) &&
          (check.resultPath === undefined ||
            (check.resultPath === null
              ? catcher["ResultPath"] === null
              : catcher["ResultPath"] === check.resultPath)),
      );
      return found ? PASS : fail(m.noMatchingCatcher(check.state));
    }
    case "resource": {
      if (check.state !== undefined) {
        const state = stateNamed(check.state);
        if (!state) return fail(m.stateMissing(check.state));
        const resource = state["Resource"];
        return typeof resource === "string" && resource.includes(check.contains)
          ? PASS
          : fail(m.resourceOfState(check.state, resource));
      }
      return states.some((entry) => String(entry.state["Resource"] ?? "").includes(check.contains))
        ? PASS
        : fail(m.resourceMissing(check.contains));
    }
    case "taskResource":
      return evaluateTaskResource(check, stateNamed(check.state));
    case "stateField": {
      const state = stateNamed(check.state);
      if (!state) return fail(m.stateMissing(check.state));
      const value = fieldAt(state, check.field);
      const problem = fail(m.fieldGot(check.state, check.field, value));
      if (check.exists !== undefined && (value !== undefined) !== check.exists) return problem;
      if (check.equals !== undefined && !deepEqual(value, check.equals)) return problem;
      if (check.atLeast !== undefined && !(typeof value === "number" && value >= check.atLeast))
        return problem;
      if (check.atMost !== undefined && !(typeof value === "number" && value <= check.atMost)) return problem;
      return PASS;
    }
    case "workflowType":
      return workflowType === check.expect ? PASS : fail(m.workflowTypeGot(check.expect, workflowType));
    case "maxStates":
      return states.length <= check.max ? PASS : fail(m.maxStatesGot(states.length, check.max));
  }
}

// ---------------------------------------------------------------------------------------------
// Scenario checks
// ---------------------------------------------------------------------------------------------

export interface ScenarioRun {
  readonly result: ExecutionResult;
  /** The execution's visits, without those to states that ran as another type than expected. */
  readonly trace: ExecutionTrace;
  readonly workflowType: WorkflowType;
  /** How the scenario's run should end (the reference solution's end): time checks count only then. */
  readonly expectedStatus?: ExecutionStatusName;
}

/** AWS list prices (us-east-1, 2025): what the cost lesson's estimates use. */
export const PRICING = {
  standardPerTransition: 0.000025,
  expressPerRequest: 0.000001,
  expressPerGbSecond: 0.00001667,
  expressMinimumMemoryMb: 64,
  expressBillingIncrementMs: 100,
} as const;

export function estimateMonthlyCost(
  type: WorkflowType,
  executions: number,
  transitions: number,
  durationSeconds: number,
  memoryMb: number = PRICING.expressMinimumMemoryMb,
): number {
  if (type === "STANDARD") return executions * transitions * PRICING.standardPerTransition;
  const billedMs =
    Math.max(1, Math.ceil((durationSeconds * 1000) / PRICING.expressBillingIncrementMs)) *
    PRICING.expressBillingIncrementMs;
  const gbSeconds = (Math.max(memoryMb, PRICING.expressMinimumMemoryMb) / 1024) * (billedMs / 1000);
  return executions * (PRICING.expressPerRequest + gbSeconds * PRICING.expressPerGbSecond);
}

function visitNumber(trace: ExecutionTrace, state: string, visit = 1): StateVisit | Verdict {
  const visits = trace.visitsOf(state);
  if (visits.length === 0) return { ...fail(m.stateNeverEntered(state)), notReached: true };
  const chosen = visits[visit - 1];
  return chosen ?? fail(m.stateVisitMissing(state, visit, visits.length));
}

/**
 * Parameters a service treats as absent because they only repeat its default. Lambda's Invoke: the
 * InvocationType defaults to RequestResponse and LogType to None
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
 */
const SERVICE_DEFAULTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  "lambda:invoke": { InvocationType: "RequestResponse", LogType: "None" },
  "lambda:invoke.waitForTaskToken": { LogType: "None" },
};

/** What a task sent, without AWS's defaults said out loud and without the extra fields a check allows. */
function withoutAllowedFields(attempt: TaskAttempt, allowExtra: readonly string[]): unknown {
  const sent = attempt.parameters;
  if (!isObject(sent)) return sent;
  const defaults = SERVICE_DEFAULTS[attempt.resource ?? ""] ?? {};
  const kept: Json = {};
  for (const [key, value] of Object.entries(sent)) {
    if (allowExtra.includes(key)) continue;
    if (Object.prototype.hasOwnProperty.call(defaults, key) && deepEqual(defaults[key], value)) continue;
    kept[key] = value;
  }
  return kept;
}

function isVerdict(value: StateVisit | Verdict): value is Verdict {
  return "passed" in value;
}

function endOf(visit: StateVisit): number {
  return visit.exitedAt ?? visit.lastEventAt;
}

function isSubsequence(expected: readonly string[], path: readonly string[]): boolean {
  let index = 0;
  for (const name of path) if (name === expected[index]) index++;
  return index === expected.length;
}

/** The engine's guard against endless loops: the execution was stopped, it never finished. */
export const RUNAWAY_ERROR = "Partitura.TooManyTransitions";
/** Errors only the engine raises (a guard or a fault): never the student's, never AWS's. */
const ENGINE_ERROR_PREFIX = "Partitura.";

/** Whether a Task was invoked, or a Parallel/Map started: the state did its work, not just got entered. */
function ran(trace: ExecutionTrace, state: string): boolean {
  return trace.visitsOf(state).some((visit) => visit.attempts.length > 0);
}

/** Checks about time, cost and concurrency: they only mean something on a run that ended as it should. */
const TIMING_CHECKS: ReadonlySet<ScenarioCheck["type"]> = new Set([
  "duration",
  "overlap",
  "transitions",
  "cost",
]);

/**
 * Why a run earns nothing in its scenario: stopped by the loop guard, or by the engine (a scenario
 * that could not answer a call, an internal fault). Undefined for a run that ended on its own.
 */
export function stoppedRunReason(result: ExecutionResult): string | undefined {
  if (result.error === RUNAWAY_ERROR) return m.runawayExecution(result.stateTransitions);
  if (result.error?.startsWith(ENGINE_ERROR_PREFIX)) return m.engineStopped;
  return undefined;
}

/**
 * A scenario check's verdict. An execution stopped by the loop guard or by the engine never finished,
 * so nothing about it holds. With `requires`, the check counts only once the listed Task/Parallel/Map
 * states ran: "nothing was charged" means something only if the flow got to where it could charge.
 * Time checks count only on a run that ended the way the scenario expects.
 */
export function evaluateScenarioCheck(check: ScenarioCheck, run: ScenarioRun): Verdict {
  const stopped = stoppedRunReason(run.result);
  if (stopped !== undefined) return { ...fail(stopped), notReached: true };
  const unreached = (check.requires ?? []).filter((name) => !ran(run.trace, name));
  if (unreached.length > 0) return { ...fail(m.requiredNotReached(unreached)), notReached: true };
  if (
    TIMING_CHECKS.has(check.type) &&
    run.expectedStatus !== undefined &&
    run.result.status !== run.expectedStatus
  )
    return {
      ...fail(m.timingOnWrongEnd(run.expectedStatus, run.result.status, run.result.error)),
      notReached: true,
    };
  return evaluateRule(check, run);
}

function evaluateRule(check: ScenarioCheck, run: ScenarioRun): Verdict {
  const { result, trace } = run;
  switch (check.type) {
    case "status": {
      if (result.status !== check.expect) return fail(m.statusGot(check.expect, result.status, result.error));
      if (check.error !== undefined && result.error !== check.error)
        return fail(m.statusErrorGot(check.error, result.error));
      return PASS;
    }
    case "output":
      if (result.status !== "SUCCEEDED") return fail(m.outputNoResult(result.status));
      return matchValue(result.output, check);
    case "visited": {
      const path = trace.path;
      if (check.order && !isSubsequence(check.order, path)) return fail(m.orderBroken(check.order, path));
      const missing = (check.includes ?? []).filter((name) => !path.includes(name));
      if (missing.length > 0) return fail(m.notVisited(missing));
      const forbidden = (check.excludes ?? []).filter((name) => path.includes(name));
      if (forbidden.length > 0) return fail(m.visitedForbidden(forbidden));
      return PASS;
    }
    case "retries": {
      const visit = visitNumber(trace, check.state, check.visit);
      if (isVerdict(visit)) return visit;
      // "No retry" is only meaningful for a state that ran something (a Task, Parallel or Map).
      if (visit.attempts.length === 0) return fail(m.taskNeverInvoked(check.state, 1));
      const retries = visit.attempts.length - 1;
      if (check.count !== undefined && retries !== check.count)
        return fail(m.retriesGot(check.count, retries));
      if (check.backoffSeconds) {
        const got = backoffsOf(visit);
        const same =
          got.length === check.backoffSeconds.length &&
          got.every((value, index) => Math.abs(value - check.backoffSeconds![index]!) < 0.0015);
        if (!same) return fail(m.backoffGot(check.backoffSeconds, got));
      }
      return PASS;
    }
    case "caught": {
      const visits = trace.visitsOf(check.state);
      if (visits.length === 0) return { ...fail(m.stateNeverEntered(check.state)), notReached: true };
      const caught = visits.find((visit) => visit.caught)?.caught;
      if (check.none) {
        // "Nothing was caught" says something only about a state that did its work.
        if (!ran(trace, check.state))
          return { ...fail(m.taskNeverInvoked(check.state, 1)), notReached: true };
        return caught ? fail(m.caughtUnexpected(check.state, caught.error, caught.next ?? "?")) : PASS;
      }
      if (!caught) return fail(m.nothingCaught(check.state));
      if (check.next !== undefined && caught.next !== check.next)
        return fail(m.caughtWrongNext(check.next, caught.next ?? "?"));
      if (check.error !== undefined && caught.error !== check.error)
        return fail(m.caughtWrongError(check.error, caught.error));
      return PASS;
    }
    case "duration": {
      let seconds: number;
      if (check.state !== undefined) {
        const visit = visitNumber(trace, check.state);
        if (isVerdict(visit)) return visit;
        if (visit.exitedAt === undefined && visit.stateType !== "Fail")
          return fail(m.stateNotFinished(check.state));
        seconds = (endOf(visit) - visit.enteredAt) / 1000;
      } else {
        seconds = (trace.endAt - trace.startAt) / 1000;
      }
      const ok =
        (check.minSeconds === undefined || seconds >= check.minSeconds - 1e-9) &&
        (check.maxSeconds === undefined || seconds <= check.maxSeconds + 1e-9);
      return ok ? PASS : fail(m.durationGot(seconds, check.minSeconds, check.maxSeconds));
    }
    case "overlap": {
      const intervals: Array<{ name: string; start: number; end: number }> = [];
      for (const name of check.states) {
        const visit = visitNumber(trace, name);
        if (isVerdict(visit)) return visit;
        intervals.push({ name, start: visit.enteredAt, end: endOf(visit) });
      }
      for (let i = 0; i < intervals.length; i++) {
        for (let j = i + 1; j < intervals.length; j++) {
          const a = intervals[i]!;
          const b = intervals[j]!;
          if (!(a.start < b.end && b.start < a.end)) return fail(m.notOverlapping(a.name, b.name));
        }
      }
      return PASS;
    }
    case "transitions": {
      const got = result.stateTransitions;
      const ok =
        (check.min === undefined || got >= check.min) && (check.max === undefined || got <= check.max);
      return ok ? PASS : fail(m.transitionsGot(got, check.min, check.max));
    }
    case "workflowType":
      return run.workflowType === check.expect
        ? PASS
        : fail(m.workflowTypeGot(check.expect, run.workflowType));
    case "cost": {
      const usd = estimateMonthlyCost(
        run.workflowType,
        check.executionsPerMonth,
        result.stateTransitions,
        (trace.endAt - trace.startAt) / 1000,
        check.memoryMb,
      );
      return usd <= check.maxUsd + 1e-9
        ? PASS
        : fail(m.costGot(run.workflowType, usd, check.maxUsd, check.executionsPerMonth));
    }
    case "stateInput": {
      const visit = visitNumber(trace, check.state, check.visit);
      if (isVerdict(visit)) return visit;
      return matchValue(visit.input, check, "input");
    }
    case "taskParameters": {
      const invocation = check.invocation ?? 1;
      const attempt = trace.invocationsOf(check.state)[invocation - 1];
      if (!attempt) return { ...fail(m.taskNeverInvoked(check.state, invocation)), notReached: true };
      return matchValue(withoutAllowedFields(attempt, check.allowExtra ?? []), check, "parameters");
    }
    case "invocations": {
      const got = trace.invocationsOf(check.state).length;
      const ok =
        (check.count === undefined || got === check.count) &&
        (check.min === undefined || got >= check.min) &&
        (check.max === undefined || got <= check.max);
      return ok ? PASS : fail(m.invocationsGot(check.state, got));
    }
  }
}
