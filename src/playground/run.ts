/**
 * Runs a playground's definition on Partitura's engine (the same one the CLI uses), with the virtual clock,
 * the selected mock scenario and inspection on. Every failure before the run (unreadable text, validator
 * errors, a DefinitionError, a bad input or mock file) becomes a located pt-BR problem, never a stack trace.
 */
import {
  compileStateMachine,
  createMockResolver,
  DefinitionError,
  Execution,
  MockConfigError,
  parseMockConfig,
  type ExecutionResult,
  type TaskResolver,
} from "../../grader/engine/index.ts";
import { ui } from "../i18n/pt-BR.ts";
import { analyze, locatePointer, type Format } from "./diagnostics.ts";
import { explainError } from "./known-errors.ts";
import { locateInJson, readJson } from "./read-json.ts";

export interface Problem {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  readonly from?: number;
  readonly to?: number;
  /** Which field the problem is in. */
  readonly field: "definition" | "input" | "mocks";
  /** The validator's lesson section for it, when it is a validator diagnostic (see lesson-links.ts). */
  readonly lessonSection?: string;
}

export type RunOutcome =
  | { readonly kind: "problems"; readonly problems: readonly Problem[] }
  | {
      readonly kind: "ran";
      readonly result: ExecutionResult;
      readonly express: boolean;
      /** A pt-BR explanation of the execution's error, when it is a known one (known-errors.ts). */
      readonly explanation?: string;
    };

export interface RunRequest {
  readonly definition: string;
  readonly format: Format;
  readonly input: string;
  readonly mocks: string;
  readonly testCase: string;
  readonly express: boolean;
}

/** Runaway loops stop here with the engine's own error, long before the page would freeze. */
const MAX_STATE_TRANSITIONS = 25_000;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function resolverFor(request: RunRequest): TaskResolver | Problem {
  if (request.mocks.trim() === "" || request.testCase === "") return undefinedResolver;
  const json = readJson(request.mocks);
  if (!json.ok) return { field: "mocks", ...json.problem };
  try {
    const config = parseMockConfig(json.value);
    const [machine] = config.stateMachines.keys();
    return createMockResolver(config, {
      ...(machine === undefined ? {} : { stateMachineName: machine }),
      testCaseName: request.testCase,
    });
  } catch (error) {
    if (error instanceof MockConfigError) {
      return { field: "mocks", message: error.message, ...locateInJson(request.mocks, error.pointer) };
    }
    return { field: "mocks", message: errorMessage(error) };
  }
}

/** Without a scenario every Task fails, naming the state, as the engine's default resolver does. */
const undefinedResolver: TaskResolver = (request) => ({
  kind: "failure",
  error: "States.TaskFailed",
  cause: ui.playground.noScenarioCause(request.stateName),
});

export async function runPlayground(request: RunRequest): Promise<RunOutcome> {
  const analysis = analyze(request.definition, { format: request.format, express: request.express });
  const errors = analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (analysis.definition === undefined || errors.length > 0) {
    const list = errors.length > 0 ? errors : analysis.diagnostics;
    return {
      kind: "problems",
      problems: (list.length > 0
        ? list
        : [{ message: ui.playground.nothingToRun, line: 1, column: 1, from: 0, to: 0 }]
      ).map((diagnostic) => ({
        field: "definition",
        message: diagnostic.message,
        line: diagnostic.line,
        column: diagnostic.column,
        from: diagnostic.from,
        to: diagnostic.to,
        ...("lessonSection" in diagnostic && diagnostic.lessonSection
          ? { lessonSection: diagnostic.lessonSection }
          : {}),
      })),
    };
  }
  let machine;
  try {
    machine = compileStateMachine(analysis.definition);
  } catch (error) {
    if (error instanceof DefinitionError) {
      const where = locatePointer(request.definition, request.format, error.location);
      return {
        kind: "problems",
        problems: [{ field: "definition", message: error.message, ...(where ?? {}) }],
      };
    }
    return { kind: "problems", problems: [{ field: "definition", message: errorMessage(error) }] };
  }
  const input = request.input.trim() === "" ? { ok: true as const, value: {} } : readJson(request.input);
  if (!input.ok) return { kind: "problems", problems: [{ field: "input", ...input.problem }] };
  const resolveTask = resolverFor(request);
  if (typeof resolveTask !== "function") return { kind: "problems", problems: [resolveTask] };
  try {
    const execution = Execution.start(machine, input.value, {
      resolveTask,
      inspect: true,
      type: request.express ? "EXPRESS" : "STANDARD",
      maxStateTransitions: MAX_STATE_TRANSITIONS,
      stateMachineName: "playground",
      executionName: "execucao-no-navegador",
    });
    const result = await execution.settle();
    const explanation = result.status === "SUCCEEDED" ? undefined : explainError(result.error, result.cause);
    return { kind: "ran", result, express: request.express, ...(explanation ? { explanation } : {}) };
  } catch (error) {
    return { kind: "problems", problems: [{ field: "definition", message: errorMessage(error) }] };
  }
}
