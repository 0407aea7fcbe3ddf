/** Compiling a path once (cached by text) into a `select` closure; definite paths walk a flat key list. */
import { parsePath } from "./path-parser.ts";
import { selectAll } from "./select.ts";
import {
  type CompiledPath,
  type ParsedPath,
  type PathScope,
  type Root,
  type Step,
  PathSyntaxError,
} from "./syntax.ts";
import { hasOwn, lengthOf, mergeNames, walk } from "./values.ts";

export interface Compiled extends CompiledPath {
  /** For a definite path without function or union: the keys `walk` follows. */
  readonly keys: readonly (string | number)[] | undefined;
  readonly root: Root;
}

function isSingle(step: Step): step is Extract<Step, { kind: "name" | "index" }> {
  return step.kind === "name" || step.kind === "index";
}

function makeRootReader(parsed: ParsedPath): (scope: PathScope) => unknown {
  switch (parsed.root) {
    case "data":
      return (scope) => scope.data;
    case "context":
      return (scope) => scope.context;
    case "variable": {
      const name = parsed.variable;
      return (scope) => (hasOwn.call(scope.variables, name) ? scope.variables[name] : undefined);
    }
  }
}

function makeSelect(
  parsed: ParsedPath,
  keys: readonly (string | number)[] | undefined,
): CompiledPath["select"] {
  const steps = parsed.steps;
  if (keys !== undefined) {
    // Specialised closures: no dispatch on the root, no loop setup for the common short paths.
    if (parsed.root === "data") {
      if (keys.length === 0) return (scope) => scope.data;
      return (scope) => walk(scope.data, keys);
    }
    if (parsed.root === "context") return (scope) => walk(scope.context, keys);
    const name = parsed.variable;
    return (scope) => (hasOwn.call(scope.variables, name) ? walk(scope.variables[name], keys) : undefined);
  }
  const readRoot = makeRootReader(parsed);
  const last = steps[steps.length - 1];
  const prefix = steps.slice(0, -1);
  const prefixKeys = prefix.every(isSingle)
    ? prefix.map((s) => (s.kind === "name" ? s.name : s.index))
    : undefined;
  if (last?.kind === "names" && prefixKeys !== undefined) {
    // Definite in Jayway: a trailing union of names yields a single merged object.
    return (scope) => mergeNames(walk(readRoot(scope), prefixKeys), last.names);
  }
  if (last?.kind === "length") {
    if (prefixKeys !== undefined) return (scope) => lengthOf(walk(readRoot(scope), prefixKeys));
    return (scope) => selectAll(prefix, readRoot(scope)).length;
  }
  return (scope) => selectAll(steps, readRoot(scope));
}

const MAX_CACHE = 10_000;
const cache = new Map<string, Compiled>();

export function compile(text: string): Compiled {
  const cached = cache.get(text);
  if (cached) return cached;
  if (typeof text !== "string") throw new PathSyntaxError(String(text), "um caminho deve ser um texto", 0);
  const parsed = parsePath(text);
  const steps = parsed.steps;
  const allSingle = steps.every(isSingle);
  const keys = allSingle ? steps.map((s) => (s.kind === "name" ? s.name : s.index)) : undefined;
  const last = steps[steps.length - 1];
  const prefixSingle = steps.slice(0, -1).every(isSingle);
  // Jayway counts a trailing union of names (merged into one object) and a function as definite.
  const isDefinite = allSingle || last?.kind === "length" || (prefixSingle && last?.kind === "names");
  const isReference = allSingle && steps.every((s) => s.kind === "name" || s.index >= 0);
  const compiled: Compiled = {
    text,
    isDefinite,
    isReference,
    keys,
    root: parsed.root,
    select: makeSelect(parsed, keys),
  };
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(text, compiled);
  return compiled;
}

/** Compiles a path once; later calls with the same text return the same compiled path. */
export function compilePath(text: string): CompiledPath {
  return compile(text);
}

/**
 * Whether `text` is a Reference Path as AWS defines it: it names a single node using only `.name`,
 * `['name']` and `[index]` (no `@ .. , : ? *`, no filters, no functions). `$`, `$$…` and `$var…` roots
 * all qualify; whether a given field accepts `$$` or variables is the caller's rule. Negative indices
 * (`[-1]`) are not counted as reference paths. Never throws: invalid syntax is simply `false`.
 */
export function isReferencePath(text: string): boolean {
  try {
    return compile(text).isReference;
  } catch (error) {
    if (error instanceof PathSyntaxError) return false;
    throw error;
  }
}
