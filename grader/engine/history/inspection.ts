/**
 * TestState-style inspection: the data after each stage of a state visit, recorded when `inspect` is on.
 */
import { variablesOf } from "../dataflow/variables.ts";
import type { Interpreter } from "../interpreter.ts";
import type { Frame, StateInspection } from "../record/types.ts";

// ----- inspection ---------------------------------------------------------------------
export function noteInspection(run: Interpreter, frame: Frame, patch: Partial<StateInspection>): void {
  if (frame.inspection) Object.assign(frame.inspection, patch);
}

export function closeInspection(
  run: Interpreter,
  frame: Frame,
  status: StateInspection["status"],
  patch: Partial<StateInspection>,
): void {
  const inspection = frame.inspection;
  if (!inspection) return;
  frame.inspection = undefined;
  Object.assign(inspection, patch, { status });
  if (run.env.machine.usesVariables) inspection.variables = { ...variablesOf(run, frame) };
  (run.record.inspections ??= []).push(inspection);
}
