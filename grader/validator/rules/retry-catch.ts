/** Retry and Catch (AWS's rules): `States.ALL` alone in its ErrorEquals and in the last retrier or catcher. */
import { messages as m } from "../messages.ts";
import type { Segment } from "../source.ts";
import type { DefinitionModel } from "./model.ts";
import { defineRule } from "./rule.ts";
import { isObject } from "./values.ts";

/** Each Retry / Catch list of a Task, Parallel or Map, with its entries' string error names. */
export function* errorLists(model: DefinitionModel): Generator<{
  field: "Retry" | "Catch";
  path: Segment[];
  entries: { index: number; errors: string[]; names: unknown[]; last: boolean }[];
}> {
  for (const { state, path, type } of model.states) {
    if (type !== "Task" && type !== "Parallel" && type !== "Map") continue;
    for (const field of ["Retry", "Catch"] as const) {
      const list = state[field];
      if (!Array.isArray(list)) continue;
      const entries: { index: number; errors: string[]; names: unknown[]; last: boolean }[] = [];
      list.forEach((entry, index) => {
        if (!isObject(entry) || !Array.isArray(entry["ErrorEquals"])) return;
        const names = entry["ErrorEquals"] as unknown[];
        const errors = names.filter((e): e is string => typeof e === "string");
        entries.push({ index, errors, names, last: index === list.length - 1 });
      });
      yield { field, path: [...path, field], entries };
    }
  }
}

export const statesAllPlacement = defineRule({
  name: "states-all-placement",
  kind: "aws",
  description: "States.ALL appears alone in its ErrorEquals, in the last retrier or catcher.",
  codes: { SCHEMA_VALIDATION_FAILED: "error" },
  check(model, report) {
    for (const { field, path, entries } of errorLists(model)) {
      for (const { index, errors, last } of entries) {
        if (!errors.includes("States.ALL")) continue;
        if (errors.length > 1)
          report(
            "SCHEMA_VALIDATION_FAILED",
            [...path, index, "ErrorEquals"],
            m.statesAllAlone(field),
            "errors",
          );
        if (!last) report("SCHEMA_VALIDATION_FAILED", [...path, index], m.statesAllLast(field), "errors");
      }
    }
  },
});
