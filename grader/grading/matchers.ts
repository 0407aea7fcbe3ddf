/** Comparing JSON values the way checks need: deep equality, "includes" (subset), JSONPath assertions. */
import { compilePath, PathSyntaxError } from "../engine/jsonpath.ts";
import type { PathAssertion, ValueMatcher } from "./exercise-format.ts";
import { gradingMessages as m } from "./messages.ts";

export interface Verdict {
  readonly passed: boolean;
  /** pt-BR detail, shown only for public scenarios. */
  readonly detail?: string;
  /**
   * The check failed because the state it is about never ran: its feedback (which assumes the state
   * ran) would claim something the submission may not do, so the student is told what ran instead.
   */
  readonly notReached?: boolean;
  /** The check's feedback variant that fits what the run did, replacing its default feedback. */
  readonly feedback?: string;
}

export const PASS: Verdict = { passed: true };
export const fail = (detail?: string): Verdict => ({ passed: false, detail });

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => deepEqual(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every(
    (key) => Object.prototype.hasOwnProperty.call(right, key) && deepEqual(left[key], right[key]),
  );
}

/**
 * Whether `actual` includes `expected`: objects by field (recursively), arrays element by element in
 * order (same length), scalars by equality. Returns the first mismatching path, or undefined.
 */
export function firstMismatch(actual: unknown, expected: unknown, path = "$"): string | undefined {
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return path;
    const object = actual as Record<string, unknown>;
    for (const key of Object.keys(expected)) {
      const child = `${path}.${key}`;
      if (!Object.prototype.hasOwnProperty.call(object, key)) return child;
      const inner = firstMismatch(object[key], (expected as Record<string, unknown>)[key], child);
      if (inner !== undefined) return inner;
    }
    return undefined;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return path;
    for (let i = 0; i < expected.length; i++) {
      const inner = firstMismatch(actual[i], expected[i], `${path}[${i}]`);
      if (inner !== undefined) return inner;
    }
    return undefined;
  }
  return deepEqual(actual, expected) ? undefined : path;
}

function valueAt(value: unknown, path: string): unknown {
  return compilePath(path).select({ data: value, context: {}, variables: {} });
}

function expectedAt(expected: unknown, mismatch: string): unknown {
  if (mismatch === "$") return expected;
  try {
    return valueAt(expected, mismatch);
  } catch {
    return undefined;
  }
}

function assertPath(value: unknown, assertion: PathAssertion): Verdict {
  let selected: unknown;
  try {
    selected = valueAt(value, assertion.path);
  } catch (error) {
    const detail = error instanceof PathSyntaxError ? error.detail : String(error);
    return fail(m.pathInvalid(assertion.path, detail));
  }
  const present =
    selected !== undefined &&
    !(Array.isArray(selected) && !compilePath(assertion.path).isDefinite && selected.length === 0);
  if (assertion.exists === false) return present ? fail(m.pathShouldNotExist(assertion.path)) : PASS;
  if (!present) return fail(m.pathMissing(assertion.path));
  if (assertion.length !== undefined && (!Array.isArray(selected) || selected.length !== assertion.length)) {
    return fail(m.pathLength(assertion.path, assertion.length, selected));
  }
  if ("equals" in assertion && !deepEqual(selected, assertion.equals)) {
    return fail(m.valueMissingField(assertion.path, assertion.equals, selected));
  }
  if ("includes" in assertion) {
    const mismatch = firstMismatch(selected, assertion.includes, assertion.path);
    if (mismatch !== undefined)
      return fail(
        m.valueMissingField(
          mismatch,
          expectedAt(assertion.includes, mismatch.replace(assertion.path, "$")),
          safeAt(selected, mismatch.replace(assertion.path, "$")),
        ),
      );
  }
  return PASS;
}

function safeAt(value: unknown, path: string): unknown {
  try {
    return path === "$" ? value : valueAt(value, path);
  } catch {
    return undefined;
  }
}

/** What a matcher compares, to name it in a message. */
export type MatchedValue = "output" | "parameters" | "input";

/** Applies an equals / includes / paths matcher. */
export function matchValue(actual: unknown, matcher: ValueMatcher, what: MatchedValue = "output"): Verdict {
  if ("equals" in matcher && matcher.equals !== undefined) {
    return deepEqual(actual, matcher.equals) ? PASS : fail(m.valueNotEqual(what, actual));
  }
  if ("includes" in matcher && matcher.includes !== undefined) {
    const mismatch = firstMismatch(actual, matcher.includes);
    return mismatch === undefined
      ? PASS
      : fail(m.valueMissingField(mismatch, expectedAt(matcher.includes, mismatch), safeAt(actual, mismatch)));
  }
  for (const assertion of matcher.paths ?? []) {
    const verdict = assertPath(actual, assertion);
    if (!verdict.passed) return verdict;
  }
  return PASS;
}
