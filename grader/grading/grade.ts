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
import type { MockConfig } from "../engine/mocks.ts";
import { evaluateScenarioCheck, evaluateStaticCheck, type ScenarioRun } from "./checks.ts";
import type { Exercise, Scenario, ScenarioCheck, StaticCheck, WorkflowType } from "./exercise-format.ts";
import { allStates } from "./checks.ts";
import { traceExecution } from "./history.ts";
import type { Verdict } from "./matchers.ts";
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

const exerciseStates = new WeakMap<Exercise, readonly string[]>();

/**
 * The state names an exercise is about (its reference solution's, plus those its checks and mocks
 * name): they pick the machine to grade when a student's IaC file defines several.
 */
function expectedStatesOf(exercise: Exercise): readonly string[] {
  let names = exerciseStates.get(exercise);
  if (!names) {
    const found = new Set<string>();
    try {
      const reference = readSubmission(exercise.solution.text, {
        fileName: exercise.solution.fileName,
        preferredName: exercise.stateMachineName,
      });
      if (reference.ok) for (const { name } of allStates(reference.definition)) found.add(name);
    } catch {
      // The reference was read when the exercise loaded; a failure here only weakens the choice.
    }
    for (const check of exercise.staticChecks) if ("state" in check && check.state) found.add(check.state);
    names = [...found];
    exerciseStates.set(exercise, names);
  }
  return names;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function checkResult(check: StaticCheck | ScenarioCheck, verdict: Verdict, hidden: boolean): CheckResult {
  const message = verdict.passed
    ? m.passed
    : hidden || verdict.detail === undefined
      ? check.feedback
      : m.detail(check.feedback, verdict.detail);
  return {
    id: check.id,
    description: check.description,
    status: verdict.passed ? "passed" : "failed",
    points: verdict.passed ? check.points : 0,
    maxPoints: check.points,
    message,
  };
}

/** Runs one scenario to its end in virtual time. Throws DefinitionError when the type rejects the machine. */
export async function runScenario(
  exercise: Exercise,
  scenario: Scenario,
  machine: CompiledStateMachine,
  workflowType: WorkflowType,
): Promise<ExecutionResult> {
  const resolveTask = createMockResolver(mockConfigOf(scenario), {
    stateMachineName: scenario.mocks.stateMachine,
    testCaseName: scenario.mocks.testCase,
  });
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
  return result;
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
): Promise<ScenarioResult> {
  const workflowType = scenario.workflowType ?? declaredType ?? exercise.workflowType;
  const hidden = scenario.visibility === "hidden";
  let result: ExecutionResult;
  try {
    result = await runScenario(exercise, scenario, machine, workflowType);
  } catch (error) {
    if (error instanceof DefinitionError) return failedScenario(scenario, m.expressRejected(error.message));
    return failedScenario(scenario, m.engineFailure(error instanceof Error ? error.message : String(error)));
  }
  const trace = traceExecution(result, failErrorLookup(machine));
  const run: ScenarioRun = { result, trace, workflowType };
  const checks = scenario.checks.map((check) => {
    let verdict: Verdict;
    try {
      verdict = evaluateScenarioCheck(check, run);
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
  const summary =
    result.status === "RUNNING"
      ? undefined
      : {
          status: result.status,
          ...(result.error !== undefined ? { error: result.error } : {}),
          stateTransitions: result.stateTransitions,
          durationSeconds: (trace.endAt - trace.startAt) / 1000,
        };
  return {
    id: scenario.id,
    title: scenarioTitle(scenario),
    visibility: scenario.visibility,
    status,
    points: round2(points),
    maxPoints: scenario.points,
    checks,
    ...(hidden || !summary ? {} : { execution: summary }),
  };
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
  const staticChecks = exercise.staticChecks.map((check) =>
    checkResult(check, evaluateStaticCheck(check, reading.definition, typeForStatic), false),
  );
  const scenarios: ScenarioResult[] = [];
  for (const scenario of visibleScenarios(exercise, options)) {
    scenarios.push(await gradeScenario(exercise, scenario, reading.machine, declaredType));
  }
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
