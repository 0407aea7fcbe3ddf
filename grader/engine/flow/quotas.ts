/**
 * The execution-wide quotas, checked wherever an execution can grow: entering a state, and scheduling
 * a retry (a Retry with a huge MaxAttempts never enters a state again, yet writes events every attempt).
 * "Maximum execution history size: 25,000 events. If the execution history reaches this quota, the
 * execution fails" — https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
 */
import { EngineFault, StatesErrors } from "../errors.ts";
import type { Interpreter } from "../interpreter.ts";
import { MAX_HISTORY_EVENTS } from "../record/quotas.ts";
import type { Frame } from "../record/types.ts";
import { engineFault, failExecution } from "./end-frame.ts";

/**
 * True (and the execution is ended) when `frame` may not take another step named `stateName`: the
 * history of a Standard execution is full, or the run passed the engine's transition limit.
 */
export function quotaReached(run: Interpreter, frame: Frame, stateName: string): boolean {
  const record = run.record;
  if (record.stateTransitions >= run.env.maxStateTransitions) {
    engineFault(
      run,
      new EngineFault(
        "Partitura.TooManyTransitions",
        `A execução passou de ${run.env.maxStateTransitions} transições de estado sem terminar ` +
          `(último estado: '${stateName}'). Verifique se um laço de Choice tem condição de saída.`,
      ),
    );
    return true;
  }
  // Standard workflows keep a history of at most 25,000 events; Express keeps none in AWS.
  if (record.type === "STANDARD" && record.events.length >= MAX_HISTORY_EVENTS - 1) {
    failExecution(
      run,
      StatesErrors.Runtime,
      `The execution history reached the limit of ${MAX_HISTORY_EVENTS} events.`,
      frame.lastEventId,
    );
    return true;
  }
  return false;
}
