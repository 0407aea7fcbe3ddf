/**
 * Structure and transitions (AWS's rules): the machine's shape, nested machines, state names, each
 * state's Type and QueryLanguage, Next/End, transition targets and a way to end.
 */
import { STATE_TYPES } from "../fields.ts";
import { messages as m } from "../messages.ts";
import type { Segment } from "../source.ts";
import { MAX_NESTING_DEPTH, transitionsOf, type DefinitionModel, type ScopeNode } from "./model.ts";
import { defineRule } from "./rule.ts";
import { checkSchema } from "./schema.ts";
import { hasControlCharacter, isObject, MAX_NAME, suggest } from "./values.ts";

export const machineShape = defineRule({
  name: "machine-shape",
  kind: "aws",
  description:
    "The definition, each Parallel branch and each Map processor is an object with StartAt and States.",
  codes: { SCHEMA_VALIDATION_FAILED: "error", DUPLICATE_STATE_NAME: "error" },
  check(model, report) {
    const definition = model.definition;
    if (!isObject(definition)) {
      report("SCHEMA_VALIDATION_FAILED", [], m.notAnObject, "intro");
      return;
    }
    checkSchema(report, "machine", definition, []);
    for (const dup of model.options.duplicateKeys) {
      if (dup.path[dup.path.length - 1] === "States")
        report(
          "DUPLICATE_STATE_NAME",
          [...dup.path, dup.key],
          m.duplicateStateName(dup.key),
          "anatomy",
          true,
        );
    }
    for (const { node } of model.entries) {
      if (node?.type === "Parallel" && Array.isArray(node.state["Branches"])) {
        node.state["Branches"].forEach((branch, index) => {
          const branchPath = [...node.path, "Branches", index];
          if (!isObject(branch))
            report("SCHEMA_VALIDATION_FAILED", branchPath, m.branchNotObject, "parallel");
          else checkSchema(report, "branch", branch, branchPath);
        });
      }
      if (node?.type === "Map") {
        const key = node.state["ItemProcessor"] !== undefined ? "ItemProcessor" : "Iterator";
        const processor = node.state[key];
        if (isObject(processor)) checkSchema(report, "processor", processor, [...node.path, key]);
      }
    }
  },
});

export const nestingDepth = defineRule({
  name: "nesting-depth",
  kind: "aws",
  description: `Parallel and Map states nest at most ${MAX_NESTING_DEPTH} levels.`,
  codes: { TOO_DEEPLY_NESTED: "error" },
  check(model, report) {
    for (const scope of model.scopes) {
      if (scope.tooDeep)
        report("TOO_DEEPLY_NESTED", scope.path, m.tooDeeplyNested(MAX_NESTING_DEPTH), "parallel");
    }
  },
});

export const stateNames = defineRule({
  name: "state-names",
  kind: "aws",
  description: "State names are 1 to 80 characters without control characters, unique in the whole machine.",
  codes: { INVALID_STATE_NAME: "error", DUPLICATE_STATE_NAME: "error" },
  check(model, report) {
    const first = new Map<string, Segment[]>();
    for (const { name, path } of model.entries) {
      if (name.length === 0 || name.length > MAX_NAME || hasControlCharacter(name))
        report("INVALID_STATE_NAME", path, m.invalidStateName(name, MAX_NAME), "anatomy", true);
      const earlier = first.get(name);
      if (earlier)
        report(
          "DUPLICATE_STATE_NAME",
          path,
          m.duplicateStateNameNested(name, "/" + earlier.join("/")),
          "anatomy",
          true,
        );
      else first.set(name, path);
    }
  },
});

export const stateShape = defineRule({
  name: "state-shape",
  kind: "aws",
  description: "Each state is an object with a known Type; a JSONata machine has no JSONPath states.",
  codes: { SCHEMA_VALIDATION_FAILED: "error" },
  check(model, report) {
    for (const { value, path, node } of model.entries) {
      if (!isObject(value)) report("SCHEMA_VALIDATION_FAILED", path, m.stateNotObject, "anatomy");
      else if (value["Type"] === undefined)
        report("SCHEMA_VALIDATION_FAILED", path, m.missingType(STATE_TYPES), "anatomy");
      else if (!node)
        report(
          "SCHEMA_VALIDATION_FAILED",
          [...path, "Type"],
          m.badType(String(value["Type"]), STATE_TYPES),
          "anatomy",
        );
      else if (model.topLanguage === "JSONata" && node.state["QueryLanguage"] === "JSONPath")
        report("SCHEMA_VALIDATION_FAILED", [...path, "QueryLanguage"], m.jsonPathInsideJsonata, "intro");
    }
  },
});

export const emptyStates = defineRule({
  name: "empty-states",
  kind: "aws",
  description: "A States object holds at least one state.",
  codes: { SCHEMA_VALIDATION_FAILED: "error" },
  check(model, report) {
    for (const scope of model.scopes) {
      if (!scope.tooDeep && scope.names.size === 0)
        report("SCHEMA_VALIDATION_FAILED", [...scope.path, "States"], m.emptyStates, "anatomy");
    }
  },
});

export const nextOrEnd = defineRule({
  name: "next-or-end",
  kind: "aws",
  description: "Every state but Choice, Succeed and Fail has exactly one of Next and End: true.",
  codes: { SCHEMA_VALIDATION_FAILED: "error" },
  check(model, report) {
    for (const { state, type, path } of model.states) {
      if (type === "Choice" || type === "Succeed" || type === "Fail") continue;
      const hasNext = state["Next"] !== undefined;
      const hasEnd = state["End"] !== undefined;
      if (hasNext && hasEnd) report("SCHEMA_VALIDATION_FAILED", path, m.nextAndEnd, "sequential");
      else if (!hasNext && !hasEnd) report("SCHEMA_VALIDATION_FAILED", path, m.nextOrEnd, "sequential");
      else if (state["End"] === false)
        report("SCHEMA_VALIDATION_FAILED", [...path, "End"], m.endFalse, "sequential");
    }
  },
});

export const transitionTargets = defineRule({
  name: "transition-targets",
  kind: "aws",
  description: "StartAt, Next, Default and each Catch's Next name a state of the same States object.",
  codes: { MISSING_TRANSITION_TARGET: "error" },
  check(model, report) {
    const missing = (target: string, scope: ScopeNode) =>
      model.everyName().has(target)
        ? m.jumpOutside(target)
        : m.missingTarget(target, suggest(target, scope.names));
    for (const scope of model.scopes) {
      if (scope.tooDeep) continue;
      const startAt = scope.container["StartAt"];
      if (typeof startAt === "string" && startAt !== "" && !scope.names.has(startAt))
        report(
          "MISSING_TRANSITION_TARGET",
          [...scope.path, "StartAt"],
          missing(startAt, scope),
          "sequential",
        );
    }
    for (const node of model.states) {
      for (const { target, path } of transitionsOf(node)) {
        if (!node.scope.names.has(target))
          report("MISSING_TRANSITION_TARGET", path, missing(target, node.scope), "sequential");
      }
    }
  },
});

export const endState = defineRule({
  name: "end-state",
  kind: "aws",
  description: "Each States object has a terminal state (End: true, Succeed or Fail).",
  codes: { MISSING_END_STATE: "error" },
  check(model, report) {
    for (const scope of model.scopes) {
      if (scope.tooDeep || scope.names.size === 0) continue;
      // A state of unknown Type may or may not end the flow: count it as terminal to avoid a cascade.
      const terminal = scope.entries.some(
        ({ value, node }) =>
          isObject(value) &&
          (!node ? true : node.type === "Succeed" || node.type === "Fail" || node.state["End"] === true),
      );
      if (!terminal) report("MISSING_END_STATE", [...scope.path, "States"], m.missingEndState, "sequential");
    }
  },
});

/** Used by the teaching lints: the state names a path from StartAt reaches. */
export function reachableNames(model: DefinitionModel, scope: ScopeNode): Set<string> | undefined {
  const startAt = scope.container["StartAt"];
  if (typeof startAt !== "string" || !scope.names.has(startAt)) return undefined;
  const edges = new Map<string, string[]>();
  for (const node of model.states) {
    if (node.scope === scope)
      edges.set(
        node.name,
        transitionsOf(node).map((t) => t.target),
      );
  }
  const seen = new Set<string>([startAt]);
  const queue = [startAt];
  while (queue.length > 0) {
    for (const next of edges.get(queue.pop()!) ?? []) {
      if (scope.names.has(next) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
