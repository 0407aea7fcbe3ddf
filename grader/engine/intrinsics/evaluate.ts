/**
 * Evaluating an intrinsic's syntax tree, and the argument checks every function family shares.
 */
import { StatesError, StatesErrors } from "../errors.ts";
import { FUNCTIONS, type IntrinsicEnv } from "../intrinsics.ts";
import type { CallNode, Node } from "./syntax.ts";
import type { PathScope } from "../jsonpath.ts";

export const MAX_CODEC_CHARS = 10_000;

export interface EvalContext {
  readonly text: string;
  readonly scope: PathScope;
  readonly env: IntrinsicEnv;
}

export interface FunctionSpec {
  readonly min: number;
  readonly max: number;
  run(args: unknown[], ctx: EvalContext, node: CallNode): unknown;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

export function evaluateNode(node: Node, ctx: EvalContext): unknown {
  switch (node.kind) {
    case "value":
      return node.value;
    case "string":
      if (node.openEscape) {
        throw new StatesError(
          StatesErrors.Runtime,
          `${functionPrefix(ctx)}An open escape backslash was found in the string literal '${node.value}'. ` +
            "Only \\', \\{, \\} and \\\\ are valid escape sequences.",
        );
      }
      return node.value;
    case "path": {
      const value = node.path.select(ctx.scope);
      if (value === undefined) {
        const input = node.text.startsWith("$$") ? ctx.scope.context : ctx.scope.data;
        throw new StatesError(
          StatesErrors.Runtime,
          `${functionPrefix(ctx)}The JsonPath argument for the field '${node.text}' could not be found in the input '${JSON.stringify(input)}'`,
        );
      }
      return value;
    }
    case "call": {
      const args = node.args.map((arg) => evaluateNode(arg, ctx));
      const spec: FunctionSpec = FUNCTIONS[node.name];
      return spec.run(args, ctx, node);
    }
  }
}

export function functionPrefix(ctx: EvalContext): string {
  return `The function '${ctx.text}' had the following error: `;
}

export function fail(ctx: EvalContext, detail: string): never {
  throw new StatesError(StatesErrors.IntrinsicFailure, `${functionPrefix(ctx)}${detail}`);
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

export function expectArray(ctx: EvalContext, fn: string, value: unknown, position = 1): unknown[] {
  if (!Array.isArray(value))
    fail(ctx, `Invalid arguments in ${fn}: argument ${position} must be an array, got ${describe(value)}.`);
  return value;
}

export function expectString(ctx: EvalContext, fn: string, value: unknown, position: number): string {
  if (typeof value !== "string") {
    fail(ctx, `Invalid arguments in ${fn}: argument ${position} must be a string, got ${describe(value)}.`);
  }
  return value;
}

export function expectObject(
  ctx: EvalContext,
  fn: string,
  value: unknown,
  position: number,
): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    fail(
      ctx,
      `Invalid arguments in ${fn}: argument ${position} must be a JSON object, got ${describe(value)}.`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * AWS: "If you specify a non-integer value …, Step Functions will round it off to the nearest integer."
 * Recorded MathAdd results show Java's Math.round (half towards +∞: 2.5 → 3, -2.5 → -2, -0.5 → 0),
 * which is exactly JavaScript's Math.round. `+ 0` turns -0 into 0.
 */
export function roundedInteger(ctx: EvalContext, fn: string, value: unknown, position: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fail(ctx, `Invalid arguments in ${fn}: argument ${position} must be an integer, got ${describe(value)}.`);
  }
  return Math.round(value) + 0;
}

export function checkCodecLength(ctx: EvalContext, fn: string, value: string): void {
  if (value.length > MAX_CODEC_CHARS) {
    fail(
      ctx,
      `Invalid arguments in ${fn}: the input string must have at most ${MAX_CODEC_CHARS} characters, got ${value.length}.`,
    );
  }
}

/** Deep equality of two JSON values (object key order does not matter). */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEquals(item, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ob = b as Record<string, unknown>;
  const oa = a as Record<string, unknown>;
  return ka.every((key) => Object.prototype.hasOwnProperty.call(ob, key) && jsonEquals(oa[key], ob[key]));
}
