/** Evaluating a filter expression against a candidate: comparisons never convert types. */
import type { Comparison, FilterExpr, FilterPath, Operand } from "./syntax.ts";
import { hasOwn, isObject, lengthOf, walk } from "./values.ts";

function readFilterPath(path: FilterPath, current: unknown, root: unknown): unknown {
  const value = walk(path.from === "@" ? current : root, path.keys);
  return path.length ? lengthOf(value) : value;
}

function operandValue(operand: Operand, current: unknown, root: unknown): unknown {
  return operand.kind === "literal" ? operand.value : readFilterPath(operand, current, root);
}

function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEquals(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!hasOwn.call(b, key)) return false;
    if (!jsonEquals((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function compare(op: Comparison, left: unknown, right: unknown): boolean {
  if (op === "==") return left !== undefined && right !== undefined && jsonEquals(left, right);
  if (op === "!=") return !(left !== undefined && right !== undefined && jsonEquals(left, right));
  const numbers = typeof left === "number" && typeof right === "number";
  if (!numbers && !(typeof left === "string" && typeof right === "string")) return false;
  const l = left as number | string;
  const r = right as number | string;
  switch (op) {
    case "<":
      return l < r;
    case "<=":
      return l <= r;
    case ">":
      return l > r;
    case ">=":
      return l >= r;
  }
}

function evaluateFilter(expr: FilterExpr, current: unknown, root: unknown): boolean {
  switch (expr.kind) {
    case "or":
      return evaluateFilter(expr.left, current, root) || evaluateFilter(expr.right, current, root);
    case "and":
      return evaluateFilter(expr.left, current, root) && evaluateFilter(expr.right, current, root);
    case "not":
      return !evaluateFilter(expr.operand, current, root);
    case "exists":
      return readFilterPath(expr.path, current, root) !== undefined;
    case "compare":
      return compare(
        expr.op,
        operandValue(expr.left, current, root),
        operandValue(expr.right, current, root),
      );
  }
}

/** `@` only matches objects (AWS docs), so scalars and arrays never pass a filter. */
export function passes(filter: FilterExpr, candidate: unknown, root: unknown): boolean {
  return isObject(candidate) && evaluateFilter(filter, candidate, root);
}
