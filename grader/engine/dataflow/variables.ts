/**
 * Workflow variables: what a frame sees (its scope and the enclosing ones), and storing assignments.
 */
import { StatesError, StatesErrors } from "../errors.ts";
import type { Interpreter } from "../interpreter.ts";
import type { Assigned } from "../jsonata-plans.ts";
import { exceedsPayloadQuota, json } from "../record/json-text.ts";
import { MAX_PAYLOAD_BYTES } from "../record/quotas.ts";
import type { Frame } from "../record/types.ts";

/**
 * The variables a state in this frame sees: its own scope's and every enclosing scope's (a
 * Distributed Map's iterations see none from outside).
 */

export function variablesOf(run: Interpreter, frame: Frame): Readonly<Record<string, unknown>> {
  if (!run.env.machine.usesVariables) return run.emptyVariables;
  const chain: Frame[] = [];
  for (let current: Frame | undefined = frame; current;) {
    chain.push(current);
    if (current.parentId === null) break;
    const parent: Frame | undefined = run.record.frames[current.parentId];
    if (parent) {
      const parentState = run.stateOf(parent);
      if (parentState.type === "Map" && parentState.mode === "DISTRIBUTED") break;
    }
    current = parent;
  }
  if (chain.length === 1) return frame.variables ?? run.emptyVariables;
  const merged: Record<string, unknown> = {};
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(merged, chain[i]!.variables);
  return merged;
}

/** Stores assigned variables in the frame's scope; visible from the next state on. */
export function assignVariables(run: Interpreter, frame: Frame, assigned: Assigned): void {
  if (!assigned) return;
  for (const [name, value] of Object.entries(assigned)) {
    const text = json(value);
    if (exceedsPayloadQuota(text)) {
      throw new StatesError(
        StatesErrors.Runtime,
        `The value assigned to the variable '${name}' exceeds the maximum size of ${MAX_PAYLOAD_BYTES} bytes.`,
      );
    }
  }
  frame.variables = { ...frame.variables, ...assigned };
}
