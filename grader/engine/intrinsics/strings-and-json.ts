/**
 * States.Format, States.StringSplit, States.StringToJson, States.JsonToString's partner States.JsonMerge.
 */
import { type EvalContext, describe, expectObject, expectString, fail } from "./evaluate.ts";
import { type CallNode, isWhitespace } from "./syntax.ts";

// --- States.Format -----------------------------------------------------------------------------

export function statesFormat(args: unknown[], ctx: EvalContext, node: CallNode): string {
  const template = expectString(ctx, "States.Format", args[0], 1);
  const templateNode = node.args[0];
  // A literal template honours the \{ \} escapes (already resolved by the parser). A template read from
  // a path has no escapes of its own: every "{}" in it is a placeholder (inferred).
  const pieces = templateNode?.kind === "string" ? templateNode.pieces : template.split("{}");
  const values = args.slice(1);
  if (pieces.length - 1 !== values.length) {
    fail(
      ctx,
      `Invalid arguments in States.Format: number of arguments do not match the occurrences of {}. ` +
        `The template has ${pieces.length - 1} placeholder(s) and ${values.length} argument(s) were given.`,
    );
  }
  let out = pieces[0]!;
  for (let i = 0; i < values.length; i++) out += renderFormatValue(values[i]) + pieces[i + 1]!;
  return out;
}

/** Java `toString` rendering, as AWS records it: `{Arg1=1, Arg2=[]}`, `[a, b]`, `null`. */
export function renderFormatValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(renderFormatValue).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([key, item]) => `${key}=${renderFormatValue(item)}`).join(", ")}}`;
  }
  return String(value);
}

// --- JSON ----------------------------------------------------------------------------------------

export function statesStringToJson(args: unknown[], ctx: EvalContext): unknown {
  const text = expectString(ctx, "States.StringToJson", args[0], 1);
  // Recorded on AWS: "" and " " both give null.
  let blank = true;
  for (const ch of text) {
    if (!isWhitespace(ch)) {
      blank = false;
      break;
    }
  }
  if (blank) return null;
  try {
    // Recorded on AWS: "-0" gives 0 (Java's parser reads it as an integer).
    return JSON.parse(text, (_key, value: unknown) => (Object.is(value, -0) ? 0 : value)) as unknown;
  } catch (error) {
    return fail(
      ctx,
      `Invalid arguments in States.StringToJson: the string is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

export function statesJsonMerge(args: unknown[], ctx: EvalContext): Record<string, unknown> {
  const first = expectObject(ctx, "States.JsonMerge", args[0], 1);
  const second = expectObject(ctx, "States.JsonMerge", args[1], 2);
  const deep = args[2];
  if (typeof deep !== "boolean") {
    fail(ctx, `Invalid arguments in States.JsonMerge: argument 3 must be a boolean, got ${describe(deep)}.`);
  }
  if (deep) {
    fail(
      ctx,
      "Invalid arguments in States.JsonMerge: deep merging is not supported; the third argument must be false.",
    );
  }
  return { ...first, ...second };
}

// --- Strings --------------------------------------------------------------------------------------------

/** The second argument is a set of delimiter characters; empty pieces are dropped (recorded on AWS). */
export function statesStringSplit(args: unknown[], ctx: EvalContext): string[] {
  const text = expectString(ctx, "States.StringSplit", args[0], 1);
  const delimiters = new Set(expectString(ctx, "States.StringSplit", args[1], 2));
  const pieces: string[] = [];
  let current = "";
  for (const ch of text) {
    if (delimiters.has(ch)) {
      if (current) pieces.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}
