/**
 * The run's input and the mock file, read like definitions (grader/validator's reader): a syntax error is
 * explained in Portuguese at its line and column, not as the browser's English JSON.parse message.
 */
import { parseJsonSource } from "../../grader/validator/source.ts";
import { ui } from "../i18n/pt-BR.ts";

/** Where the text is wrong and why (offsets for selecting it, 1-based line and column for reading). */
export interface JsonProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly from: number;
  readonly to: number;
}

export type JsonRead =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: JsonProblem };

export function readJson(text: string): JsonRead {
  const parsed = parseJsonSource(text);
  const [error] = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (!error && parsed.value !== undefined) return { ok: true, value: parsed.value };
  const start = error?.range?.start;
  const end = error?.range?.end;
  return {
    ok: false,
    problem: {
      message: error?.message ?? ui.playground.jsonUnreadable,
      line: start?.line ?? 1,
      column: start?.column ?? 1,
      from: start?.offset ?? 0,
      to: Math.max(end?.offset ?? 0, start?.offset ?? 0),
    },
  };
}

/** Where a JSON pointer (`/StateMachines/M/TestCases`) sits in the text; its nearest existing parent. */
export function locateInJson(
  text: string,
  pointer: string,
): Pick<JsonProblem, "line" | "column" | "from" | "to"> | undefined {
  const parsed = parseJsonSource(text);
  if (parsed.value === undefined) return undefined;
  const segments = pointer
    .split("/")
    .slice(1)
    // Mock files point into objects only (invocation keys such as "0" are object keys).
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
  const range = parsed.locator.range(segments);
  if (!range) return undefined;
  return {
    line: range.start.line,
    column: range.start.column,
    from: range.start.offset,
    to: range.end.offset,
  };
}
