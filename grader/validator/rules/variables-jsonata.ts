/**
 * Variables and JSONata (AWS's rules): Assign's variable names, where a variable can be read and written,
 * and each `{% … %}` expression (it parses; it uses only what Step Functions allows there).
 */
import { messages as m } from "../messages.ts";
import type { Segment } from "../source.ts";
import { readJsonata, variablesRead } from "./expressions.ts";
import type { Assignment, DefinitionModel, VarScope } from "./model.ts";
import { defineRule } from "./rule.ts";
import { MAX_NAME, VARIABLE_NAME } from "./values.ts";

/** What is wrong with an Assign key as a variable name, if anything. */
function nameProblem({ name, language }: Assignment): string | undefined {
  if (name.includes(".") || name.includes("[")) return m.variableSubPath(name);
  if (!VARIABLE_NAME.test(name) || name.length > MAX_NAME) return m.badVariableName(name, MAX_NAME);
  if (name === "states" && language === "JSONata") return m.reservedVariable;
  return undefined;
}

/** The variables each scope assigns (first Assign of each name) and reads. */
export function variableUse(model: DefinitionModel) {
  const assigned = new Map<VarScope, Map<string, Segment[]>>();
  const reads = new Map<VarScope, { name: string; path: Segment[] }[]>();
  for (const scope of model.varScopes) {
    assigned.set(scope, new Map());
    reads.set(scope, []);
  }
  for (const assignment of model.assignments) {
    const names = assigned.get(assignment.vars)!;
    if (!nameProblem(assignment) && !names.has(assignment.name)) names.set(assignment.name, assignment.path);
  }
  for (const site of model.sites) {
    for (const name of variablesRead(site, model.options.iac))
      reads.get(site.vars)!.push({ name, path: site.path });
  }
  return { assigned, reads };
}

export const variableNames = defineRule({
  name: "variable-names",
  kind: "aws",
  description:
    "Assign keys are whole variable names: letters, digits and _, at most 80, not `states` in JSONata.",
  codes: { SCHEMA_VALIDATION_FAILED: "error" },
  check(model, report) {
    for (const assignment of model.assignments) {
      const problem = nameProblem(assignment);
      if (problem) report("SCHEMA_VALIDATION_FAILED", assignment.path, problem, "intro", true);
    }
  },
});

export const variableShadowing = defineRule({
  name: "variable-shadowing",
  kind: "aws",
  description: "A Parallel branch or Map processor does not assign a variable of an outer scope.",
  codes: { SCHEMA_VALIDATION_FAILED: "error" },
  check(model, report) {
    const { assigned } = variableUse(model);
    for (const vars of model.varScopes) {
      for (const [name, path] of assigned.get(vars)!) {
        for (let s = vars.isolated ? undefined : vars.parent; s; s = s.isolated ? undefined : s.parent) {
          if (assigned.get(s)!.has(name)) {
            report("SCHEMA_VALIDATION_FAILED", path, m.variableShadows(name), "intro", true);
            break;
          }
        }
      }
    }
  },
});

export const jsonataExpressions = defineRule({
  name: "jsonata-expressions",
  kind: "aws",
  description: "Each `{% … %}` is closed and parses, uses only what AWS allows there.",
  codes: { INVALID_JSONATA_EXPRESSION: "error", UNSUPPORTED_JSONATA_EXPRESSION: "error" },
  check(model, report) {
    for (const site of model.sites) {
      if (site.kind !== "jsonata") continue;
      const analysis = readJsonata(site);
      if (analysis === "unclosed") {
        report("INVALID_JSONATA_EXPRESSION", site.path, m.jsonataUnclosed(site.text), "intro");
      } else if (analysis.syntaxError) {
        const { message, position } = analysis.syntaxError;
        report("INVALID_JSONATA_EXPRESSION", site.path, m.jsonataSyntax(message, position), "intro");
      } else {
        for (const problem of analysis.unsupported)
          report("UNSUPPORTED_JSONATA_EXPRESSION", site.path, m.jsonataUnsupported(problem), "intro");
      }
    }
  },
});
