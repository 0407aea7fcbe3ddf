/**
 * JSONata expressions as Step Functions checks them when a definition is created: parsed by the jsonata
 * package (2.0.6, the version AWS runs), then AWS's definition-time rules on the syntax tree:
 * no top-level `$` / `$$` / bare field names, `$states.result` only in a Task/Map/Parallel's own
 * Output/Assign, `$states.errorOutput` only in a Catch's Output/Assign.
 */
import jsonata from "jsonata";

/** Where an expression sits: a Task/Map/Parallel Output/Assign ("result"), a Catch ("catch"), anywhere else. */
export type JsonataContext = "result" | "catch" | "other";

export type UnsupportedKind =
  | { kind: "root" }
  | { kind: "context-root" }
  | { kind: "bare-field"; name: string }
  | { kind: "result-here" }
  | { kind: "error-output-here" }
  | { kind: "unknown-states-field"; name: string };

export interface JsonataAnalysis {
  readonly syntaxError?: { message: string; position: number };
  readonly unsupported: UnsupportedKind[];
  /** Workflow variables read (`$name`), minus names bound inside the expression and built-in functions. */
  readonly variables: string[];
}

/** JSONata 2.0 built-in functions plus the ones Step Functions adds. */
const BUILT_INS = new Set(
  (
    "sum count max min average string substring substringBefore substringAfter lowercase uppercase length trim pad " +
    "contains split join match replace now fromMillis toMillis formatNumber formatBase formatInteger parseInteger " +
    "number abs floor ceil round power sqrt random boolean not exists keys lookup spread merge sort reverse shuffle " +
    "distinct zip append each error assert type sift map filter single reduce base64encode base64decode " +
    "encodeUrlComponent encodeUrl decodeUrlComponent decodeUrl eval clone millis " +
    "partition range hash uuid parse"
  ).split(" "),
);

const STATES_FIELDS = new Set(["input", "result", "errorOutput", "context"]);

type AstNode = Record<string, unknown> & { type?: string; value?: unknown };

interface JsonataError {
  message?: string;
  position?: number;
  code?: string;
}

export function analyzeJsonata(expression: string, context: JsonataContext): JsonataAnalysis {
  let ast: AstNode;
  try {
    ast = jsonata(expression).ast() as AstNode;
  } catch (error) {
    const e = error as JsonataError;
    return {
      syntaxError: { message: e.message ?? String(error), position: e.position ?? 0 },
      unsupported: [],
      variables: [],
    };
  }
  const unsupported: UnsupportedKind[] = [];
  const variables = new Set<string>();
  const bound = new Set<string>();

  const visit = (node: unknown, relative: boolean): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, relative);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const n = node as AstNode;
    switch (n.type) {
      case "variable": {
        const name = String(n.value);
        if (name === "") {
          if (!relative) unsupported.push({ kind: "root" });
        } else if (name === "$") {
          unsupported.push({ kind: "context-root" });
        } else if (name !== "states") {
          variables.add(name);
        }
        break;
      }
      case "path": {
        const steps = (n["steps"] as AstNode[] | undefined) ?? [];
        const first = steps[0];
        if (first?.type === "name" && !relative)
          unsupported.push({ kind: "bare-field", name: String(first.value) });
        if (first?.type === "variable" && first.value === "states") {
          const field = steps[1];
          if (field?.type === "name") {
            const name = String(field.value);
            if (!STATES_FIELDS.has(name)) unsupported.push({ kind: "unknown-states-field", name });
            if (name === "result" && context !== "result") unsupported.push({ kind: "result-here" });
            if (name === "errorOutput" && context !== "catch")
              unsupported.push({ kind: "error-output-here" });
          }
        }
        steps.forEach((step, index) => {
          if (index === 0) visitNodeChildren(step, relative, true);
          else visit(step, true);
        });
        visitOthers(n, ["steps", "type", "value", "position"], true);
        return;
      }
      case "name":
        if (!relative) unsupported.push({ kind: "bare-field", name: String(n.value) });
        break;
      case "bind": {
        const lhs = n["lhs"] as AstNode | undefined;
        if (lhs?.type === "variable") bound.add(String(lhs.value));
        visit(n["rhs"], relative);
        return;
      }
      case "lambda": {
        for (const arg of (n["arguments"] as AstNode[] | undefined) ?? []) bound.add(String(arg.value));
        visit(n["body"], true);
        return;
      }
      case "function":
      case "partial": {
        const procedure = n["procedure"] as AstNode | undefined;
        if (procedure?.type !== "variable") visit(procedure, relative);
        else if (!BUILT_INS.has(String(procedure.value))) variables.add(String(procedure.value));
        visit(n["arguments"], relative);
        return;
      }
      default:
        break;
    }
    visitOthers(n, ["type", "value", "position"], relative);
  };

  /** A path's first step: its own predicates/stages are relative to it. */
  const visitNodeChildren = (step: AstNode, relative: boolean, isFirst: boolean): void => {
    if (step.type === "variable" || step.type === "name") {
      if (step.type === "variable") visit({ ...step, stages: undefined, predicate: undefined }, relative);
      visit(step["stages"], true);
      visit(step["predicate"], true);
      visit(step["group"], true);
      return;
    }
    void isFirst;
    visit(step, relative);
  };

  const visitOthers = (n: AstNode, skip: string[], relative: boolean): void => {
    for (const [key, child] of Object.entries(n)) {
      if (skip.includes(key) || child === undefined) continue;
      const isRelative =
        relative || key === "stages" || key === "predicate" || key === "group" || key === "terms";
      visit(child, isRelative);
    }
  };

  visit(ast, false);
  return {
    unsupported: dedupe(unsupported),
    variables: [...variables].filter((name) => !bound.has(name)),
  };
}

function dedupe(list: UnsupportedKind[]): UnsupportedKind[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
