/**
 * Grading one submission against one exercise: read it, run every scenario on the engine (virtual
 * time, mocked tasks, a fixed seed), evaluate the checks, score. Deterministic: the same submission
 * gives the same SubmissionResult, byte for byte.
 */
import {
  createMockResolver,
  DefinitionError,
  Execution,
  parseMockConfig,
  type CompiledStateMachine,
  type ExecutionResult,
} from "../engine/index.ts";
import type { TaskResolver } from "../engine/task-resolver.ts";
import type { MockConfig } from "../engine/mocks.ts";
import { evaluateScenarioCheck, evaluateStaticCheck, stoppedRunReason, type ScenarioRun } from "./checks.ts";
import { runProblem } from "./run-problem.ts";
import { calledResource } from "./resource-check.ts";
import type {
  ExecutionStatusName,
  Exercise,
  Scenario,
  ScenarioCheck,
  StaticCheck,
  WorkflowType,
} from "./exercise-format.ts";
import { allStates } from "./checks.ts";
import { traceExecution, withExpectedTypes } from "./history.ts";
import { fail, type Verdict } from "./matchers.ts";
import { gradingMessages as m } from "./messages.ts";
import { readSubmission } from "./read-submission.ts";
import type { CheckResult, ScenarioResult, SubmissionResult } from "./result-model.ts";

export interface Submission {
  /** Student identifier (file or folder name without extension). */
  readonly student: string;
  /** File name (relative to the graded folder); its extension says JSON or YAML. */
  readonly fileName: string;
  readonly text: string;
}

export interface GradeOptions {
  /** Run hidden scenarios too (instructor CLI `--hidden`). Otherwise they are left out of the score. */
  readonly includeHidden: boolean;
  /** Called with the definition that is graded, once it was read (the class report's structural view). */
  readonly onDefinition?: (definition: unknown) => void;
}

const parsedMocks = new WeakMap<Scenario, MockConfig>();

function mockConfigOf(scenario: Scenario): MockConfig {
  let config = parsedMocks.get(scenario);
  if (!config) {
    config = parseMockConfig(scenario.mocks.config);
    parsedMocks.set(scenario, config);
  }
  return config;
}

interface Reference {
  /** State name → the type the reference solution gives it (`Task`, `Map`…). */
  readonly types: ReadonlyMap<string, string>;
  /** Task state name → the Lambda function the reference calls, when the statement names it. */
  readonly functions: ReadonlyMap<string, string>;
  readonly machine?: CompiledStateMachine;
  readonly workflowType?: WorkflowType;
  /** The state names an exercise is about: they pick the machine to grade in a multi-machine IaC file. */
  readonly expectedStates: readonly string[];
}

const references = new WeakMap<Exercise, Reference>();

/** What the reference solution says about an exercise's states, read once per exercise. */
function referenceOf(exercise: Exercise): Reference {
  let reference = references.get(exercise);
  if (reference) return reference;
  const types = new Map<string, string>();
  const functions = new Map<string, string>();
  let machine: CompiledStateMachine | undefined;
  let workflowType: WorkflowType | undefined;
  try {
    const reading = readSubmission(exercise.solution.text, {
      fileName: exercise.solution.fileName,
      preferredName: exercise.stateMachineName,
    });
    if (reading.ok) {
      for (const { name, state } of allStates(reading.definition)) {
        if (typeof state["Type"] === "string") types.set(name, state["Type"]);
        const called = state["Type"] === "Task" ? calledResource(state) : undefined;
        // Only a function the statement names is a requirement; others are the reference's choice.
        if (called?.function !== undefined && exercise.statement.includes(called.function))
          functions.set(name, called.function);
      }
      machine = reading.machine;
      workflowType = reading.workflowType;
    }
  } catch {
    // The reference was read when the exercise loaded; a failure here only weakens the checks.
  }
  const found = new Set(types.keys());
  for (const check of exercise.staticChecks) if ("state" in check && check.state) found.add(check.state);
  reference = { types, functions, machine, workflowType, expectedStates: [...found] };
  references.set(exercise, reference);
  return reference;
}

function expectedStatesOf(exercise: Exercise): readonly string[] {
  return referenceOf(exercise).expectedStates;
}

const referenceEnds = new WeakMap<Scenario, Map<number, Promise<ExecutionStatusName | undefined>>>();

/** How the reference solution's run of a scenario ends: the end the scenario expects. */
function expectedStatusOf(exercise: Exercise, scenario: Scenario): Promise<ExecutionStatusName | undefined> {
  let byLimit = referenceEnds.get(scenario);
  if (!byLimit) referenceEnds.set(scenario, (byLimit = new Map()));
  let status = byLimit.get(exercise.maxStateTransitions);
  if (!status) {
    const { machine, workflowType } = referenceOf(exercise);
    const type = scenario.workflowType ?? workflowType ?? exercise.workflowType;
    status = machine
      ? runScenario(exercise, scenario, machine, type).then(
          ({ result }) => (result.status === "RUNNING" ? undefined : result.status),
          () => undefined,
        )
      : Promise.resolve(undefined);
    byLimit.set(exercise.maxStateTransitions, status);
  }
  return status;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The check's feedback, or its first variant whose `when` holds on the submission. */
function feedbackFor(
  check: StaticCheck | ScenarioCheck,
  definition: unknown,
  workflowType: WorkflowType,
): string {
  const variant = check.feedbackVariants?.find(
    (candidate) =>
      evaluateStaticCheck(
        { ...candidate.when, id: "", description: "", points: 0, feedback: "" },
        definition,
        workflowType,
      ).passed,
  );
  return variant?.feedback ?? check.feedback;
}

function checkResult(check: StaticCheck | ScenarioCheck, verdict: Verdict, hidden: boolean): CheckResult {
  const message = verdict.passed
    ? m.passed
    : verdict.notReached && verdict.detail !== undefined
      ? // The check's feedback assumes the state ran; it did not, so say that instead.
        m.checkNotReached(verdict.detail)
      : hidden || verdict.detail === undefined
        ? (verdict.feedback ?? check.feedback)
        : m.detail(verdict.feedback ?? check.feedback, verdict.detail);
  return {
    id: check.id,
    description: check.description,
    status: verdict.passed ? "passed" : "failed",
    points: verdict.passed ? check.points : 0,
    maxPoints: check.points,
    message,
  };
}

export interface ScenarioExecution {
  readonly result: ExecutionResult;
  /** Task states the scenario does not simulate: they answered `{}` (a neutral result). */
  readonly unmocked: readonly string[];
}

/** Runs one scenario to its end in virtual time. Throws DefinitionError when the type rejects the machine. */
export async function runScenario(
  exercise: Exercise,
  scenario: Scenario,
  machine: CompiledStateMachine,
  workflowType: WorkflowType,
  wrongFunctions: ReadonlyMap<string, string> = new Map(),
): Promise<ScenarioExecution> {
  const unmocked = new Set<string>();
  const mocked = createMockResolver(mockConfigOf(scenario), {
    stateMachineName: scenario.mocks.stateMachine,
    testCaseName: scenario.mocks.testCase,
    // A state the exercise does not name (a log step, a notification the student added) is not an
    // error: it answers `{}` and the feedback says so.
    unmocked: "neutral",
    onUnmocked: (name) => unmocked.add(name),
  });
  // The scenario simulates the functions the statement names. Another function does not exist in the
  // scenario's account: Lambda answers ResourceNotFoundException, as AWS does for a missing function
  // (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
  const resolveTask: TaskResolver = (request) => {
    const wrong = wrongFunctions.get(request.stateName);
    return wrong === undefined
      ? mocked(request)
      : {
          kind: "failure",
          error: "Lambda.ResourceNotFoundException",
          cause: `Function not found: arn:aws:lambda:us-east-1:123456789012:function:${wrong}`,
        };
  };
  const execution = Execution.start(machine, structuredClone(scenario.input), {
    resolveTask,
    type: workflowType,
    seed: `${exercise.slug}/${scenario.id}`,
    stateMachineName: exercise.stateMachineName,
    executionName: scenario.id,
    maxStateTransitions: exercise.maxStateTransitions,
  });
  let result = await execution.settle();
  // Mocks answer every task, so nothing should stay waiting; if a callback never comes, let the
  // timeouts happen (bounded), as AWS would.
  for (let guard = 0; result.status === "RUNNING" && guard < 1000; guard++) {
    const before = execution.record.now;
    execution.advanceClock();
    result = await execution.settle();
    if (result.status === "RUNNING" && execution.record.now === before) break;
  }
  return { result, unmocked: [...unmocked].sort() };
}

/** Task states of the submission that call another function than the one the statement names. */
function wrongFunctionsOf(exercise: Exercise, definition: unknown): ReadonlyMap<string, string> {
  const wrong = new Map<string, string>();
  const expected = referenceOf(exercise).functions;
  for (const { name, state } of allStates(definition)) {
    const wanted = expected.get(name);
    if (wanted === undefined || state["Type"] !== "Task") continue;
    const called = calledResource(state);
    if (called?.function !== undefined && !called.fromVariable && called.function !== wanted)
      wrong.set(name, called.function);
  }
  return wrong;
}

/**
 * A state the run went through that has the name of one of the exercise's working states (a Task, a
 * Parallel, a Map) but another type: a Pass called "AtualizarEstoque" updates no stock, so the scenario
 * did not happen as the statement asks.
 */
function impostorIn(
  exercise: Exercise,
  trace: ReturnType<typeof traceExecution>,
): { name: string; got: string; expected: string } | undefined {
  const types = referenceOf(exercise).types;
  for (const visit of trace.visits) {
    const expected = types.get(visit.name);
    if (
      expected !== undefined &&
      ["Task", "Parallel", "Map"].includes(expected) &&
      visit.stateType !== expected
    )
      return { name: visit.name, got: visit.stateType, expected };
  }
  return undefined;
}

function scenarioTitle(scenario: Scenario): string {
  return scenario.visibility === "hidden" ? (scenario.concept ?? scenario.title) : scenario.title;
}

function failedScenario(scenario: Scenario, reason: string): ScenarioResult {
  const hidden = scenario.visibility === "hidden";
  return {
    id: scenario.id,
    title: scenarioTitle(scenario),
    visibility: scenario.visibility,
    status: "failed",
    points: 0,
    maxPoints: scenario.points,
    checks: scenario.checks.map((check) => ({
      id: check.id,
      description: check.description,
      status: "failed" as const,
      points: 0,
      maxPoints: check.points,
      message: hidden ? check.feedback : m.detail(check.feedback, reason),
    })),
  };
}

export async function gradeScenario(
  exercise: Exercise,
  scenario: Scenario,
  machine: CompiledStateMachine,
  declaredType: WorkflowType | undefined,
  definition: unknown = machine.definition,
): Promise<{ result: ScenarioResult; stopped: boolean }> {
  const workflowType = scenario.workflowType ?? declaredType ?? exercise.workflowType;
  const hidden = scenario.visibility === "hidden";
  let result: ExecutionResult;
  let unmocked: readonly string[];
  try {
    ({ result, unmocked } = await runScenario(
      exercise,
      scenario,
      machine,
      workflowType,
      wrongFunctionsOf(exercise, definition),
    ));
  } catch (error) {
    const reason =
      error instanceof DefinitionError
        ? m.expressRejected(error.message)
        : m.engineFailure(error instanceof Error ? error.message : String(error));
    return { result: failedScenario(scenario, reason), stopped: true };
  }
  const rawTrace = traceExecution(result, failErrorLookup(machine));
  const wrongFunction = [...wrongFunctionsOf(exercise, definition).keys()].find((name) =>
    rawTrace.visitsOf(name).some((visit) => visit.attempts.length > 0),
  );
  if (wrongFunction !== undefined)
    return {
      result: failedScenario(
        scenario,
        m.wrongFunctionRan(wrongFunction, referenceOf(exercise).functions.get(wrongFunction) ?? ""),
      ),
      stopped: false,
    };
  const impostor = impostorIn(exercise, rawTrace);
  if (impostor !== undefined)
    return {
      result: failedScenario(scenario, m.impostorState(impostor.name, impostor.got, impostor.expected)),
      stopped: false,
    };
  const trace = withExpectedTypes(rawTrace, referenceOf(exercise).types);
  const expectedStatus = await expectedStatusOf(exercise, scenario);
  const problem = [
    runProblem(result, rawTrace, expectedStatus)?.message,
    unmocked.length > 0 ? m.unmockedTasks(unmocked) : undefined,
  ]
    .filter((line) => line !== undefined)
    .join(" ");
  const run: ScenarioRun = { result, trace, workflowType, ...(expectedStatus ? { expectedStatus } : {}) };
  const checks = scenario.checks.map((check) => {
    let verdict: Verdict;
    try {
      verdict = evaluateScenarioCheck(check, run);
      if (!verdict.passed && check.feedbackVariants)
        verdict = { ...verdict, feedback: feedbackFor(check, machine.definition, workflowType) };
    } catch (error) {
      return {
        ...checkResult(check, { passed: false }, hidden),
        status: "error" as const,
        message: m.engineFailure(error instanceof Error ? error.message : String(error)),
      };
    }
    return checkResult(check, verdict, hidden);
  });
  const points = checks.reduce((sum, check) => sum + check.points, 0);
  const status = checks.some((check) => check.status === "error")
    ? "error"
    : checks.every((check) => check.status === "passed")
      ? "passed"
      : "failed";
  const stopped = stoppedRunReason(result) !== undefined;
  const summary =
    result.status === "RUNNING"
      ? undefined
      : {
          status: result.status,
          // An engine-internal error name is never shown: `problem` says what happened.
          ...(result.error !== undefined && !stopped ? { error: result.error } : {}),
          stateTransitions: result.stateTransitions,
          durationSeconds: (trace.endAt - trace.startAt) / 1000,
        };
  const graded: ScenarioResult = {
    id: scenario.id,
    title: scenarioTitle(scenario),
    visibility: scenario.visibility,
    status,
    points: round2(points),
    maxPoints: scenario.points,
    checks,
    ...(problem && !hidden ? { problem } : {}),
    ...(hidden || !summary ? {} : { execution: summary }),
  };
  return { result: graded, stopped: stopped || result.status === "RUNNING" };
}

/** Error names of the machine's Fail states (static `Error`), to name a caught branch failure. */
function failErrorLookup(machine: CompiledStateMachine) {
  const errors = new Map<string, string>();
  for (const { name, state } of allStates(machine.definition)) {
    if (state["Type"] === "Fail" && typeof state["Error"] === "string") errors.set(name, state["Error"]);
  }
  return (name: string) => errors.get(name);
}

function visibleScenarios(exercise: Exercise, options: GradeOptions): Scenario[] {
  return exercise.scenarios.filter((scenario) => options.includeHidden || scenario.visibility === "public");
}

/** Points a submission can earn under these options (static checks + the scenarios that run). */
export function maxPointsOf(exercise: Exercise, options: GradeOptions): number {
  const statics = exercise.staticChecks.reduce((sum, check) => sum + check.points, 0);
  return round2(
    visibleScenarios(exercise, options).reduce((sum, scenario) => sum + scenario.points, statics),
  );
}

export async function gradeSubmission(
  exercise: Exercise,
  submission: Submission,
  options: GradeOptions,
): Promise<SubmissionResult> {
  const maxPoints = maxPointsOf(exercise, options);
  const base = { student: submission.student, exercise: exercise.slug, file: submission.fileName };
  let reading;
  try {
    reading = readSubmission(submission.text, {
      fileName: submission.fileName,
      preferredName: exercise.stateMachineName,
      expectedStates: expectedStatesOf(exercise),
    });
  } catch (error) {
    return {
      ...base,
      status: "error",
      reason: m.engineFailure(error instanceof Error ? error.message : String(error)),
      points: 0,
      maxPoints,
      percent: 0,
      diagnostics: [],
      staticChecks: [],
      scenarios: [],
    };
  }
  if (!reading.ok) {
    return {
      ...base,
      status: "invalid",
      reason: reading.reason,
      points: 0,
      maxPoints,
      percent: 0,
      diagnostics: reading.diagnostics,
      staticChecks: [],
      scenarios: [],
    };
  }
  options.onDefinition?.(reading.definition);
  const declaredType = reading.workflowType;
  const typeForStatic = declaredType ?? exercise.workflowType;
  const scenarios: ScenarioResult[] = [];
  let finishedRuns = 0;
  for (const scenario of visibleScenarios(exercise, options)) {
    const graded = await gradeScenario(exercise, scenario, reading.machine, declaredType, reading.definition);
    if (!graded.stopped) finishedRuns++;
    scenarios.push(graded.result);
  }
  // A workflow that never finishes in any scenario (an endless loop) does nothing: what its text
  // declares earns nothing either.
  const neverFinished = scenarios.length > 0 && finishedRuns === 0;
  const staticChecks = exercise.staticChecks.map((check) => {
    const verdict = neverFinished
      ? fail(m.neverFinished)
      : evaluateStaticCheck(check, reading.definition, typeForStatic);
    const feedback = verdict.passed ? undefined : feedbackFor(check, reading.definition, typeForStatic);
    return checkResult(check, { ...verdict, ...(feedback ? { feedback } : {}) }, false);
  });
  const points = round2(
    staticChecks.reduce((sum, check) => sum + check.points, 0) +
      scenarios.reduce((sum, scenario) => sum + scenario.points, 0),
  );
  return {
    ...base,
    status: "graded",
    points,
    maxPoints,
    percent: maxPoints === 0 ? 0 : round2((points / maxPoints) * 100),
    diagnostics: reading.diagnostics,
    staticChecks,
    scenarios,
  };
}
