/**
 * What went wrong in a run, said first and in the student's terms: the state that failed, AWS's error
 * name and cause (verbatim), and a pt-BR explanation. Engine-internal names never appear here: a run the
 * engine stopped is described by what the student can change.
 */
import type { ExecutionResult } from "../engine/index.ts";
import type { ExecutionStatusName } from "./exercise-format.ts";
import type { ExecutionTrace } from "./history.ts";
import { gradingMessages as m } from "./messages.ts";
import { stoppedRunReason } from "./checks.ts";

/** Errors that come from the definition itself (a path, an expression, a Choice), not from a service. */
const DEFINITION_ERRORS: Readonly<Record<string, string>> = m.runtimeErrorExplanations;

export interface RunProblem {
  /** pt-BR sentence: state, AWS's error and cause, explanation. */
  readonly message: string;
  /** The failure comes from the definition (a States.* runtime error) or the engine stopped the run. */
  readonly fromDefinition: boolean;
}

/** The state where the run ended badly: the last one entered that never exited. */
function failingState(trace: ExecutionTrace): string | undefined {
  for (let i = trace.visits.length - 1; i >= 0; i--) {
    const visit = trace.visits[i]!;
    if (visit.exitedAt === undefined) return visit.name;
  }
  return trace.visits[trace.visits.length - 1]?.name;
}

/**
 * The run's problem, when it did not end as the scenario expects, or ended on an error the definition
 * caused. Undefined for a run that ended as expected.
 */
export function runProblem(
  result: ExecutionResult,
  trace: ExecutionTrace,
  expectedStatus: ExecutionStatusName | undefined,
): RunProblem | undefined {
  const stopped = stoppedRunReason(result);
  if (stopped !== undefined) return { message: m.runStopped(stopped), fromDefinition: true };
  if (result.status === "RUNNING" || result.status === "SUCCEEDED") return undefined;
  const error = result.error ?? "";
  const explanation = DEFINITION_ERRORS[error];
  if (explanation === undefined && result.status === expectedStatus) return undefined;
  const state = failingState(trace);
  return {
    message: m.runFailed(result.status, state, error, result.cause, explanation),
    fromDefinition: explanation !== undefined,
  };
}
