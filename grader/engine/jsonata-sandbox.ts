/**
 * What a JSONata expression can reach. jsonata 2.0.6 reads a field as `object[key]`, so an expression
 * could climb to `Object.prototype` (`$states.input.__proto__`, `{}.constructor`) and, by calling
 * `__defineGetter__` on it, change every object of the page or worker. Three structural rules close
 * that, whatever the spelling:
 *
 * - The execution's data is seen through read-only views whose lookups return own properties only
 *   and whose prototype is null (`guardValue`); the engine's own objects are never changed.
 * - Objects the expression builds itself (`{…}`, `$merge`, `$match`, …) lose their prototype right
 *   before a field is read from them (`stripPrototypes`, called before every field lookup).
 * - jsonata's variable frames are re-backed by `Map`s (`secureFrame`), so no variable name
 *   (`$__proto__`, `$hasOwnProperty`) can reshape a frame or hide the engine's hooks and budget.
 *
 * Regular expressions run on RE2 (linear time, `SafeRegExp`): a catastrophic pattern cannot block
 * the thread in one native call.
 */
import { RE2JS } from "re2js";

const guards = new WeakSet<object>();

/** A JSONata frame, as jsonata 2.0.6 builds it (`createFrame`). */
export interface JsonataFrame {
  bind(name: string | symbol, value: unknown): void;
  lookup(name: string | symbol): unknown;
}

const INDEX = /^(?:0|[1-9]\d*)$/;

/** One evaluation's read-only views of the engine's data (fresh per evaluation). */
export class DataGuard {
  readonly #views = new WeakMap<object, object>();
  /** jsonata marks result arrays (`keepSingleton`); the marks stay in this evaluation's view. */
  readonly #marks = new WeakMap<object, Map<PropertyKey, unknown>>();

  view(value: unknown): unknown {
    if (value === null || typeof value !== "object" || guards.has(value)) return value;
    const known = this.#views.get(value);
    if (known) return known;
    const view = Object.isExtensible(value) ? this.#proxy(value) : this.#copy(value);
    this.#views.set(value, view);
    return view;
  }

  #proxy(target: object): object {
    const view = Array.isArray(target) ? this.#arrayView(target) : this.#objectView(target);
    guards.add(view);
    return view;
  }

  /** A frozen value (proxies must report its real prototype): a null-prototype copy instead. */
  #copy(value: object): object {
    if (Array.isArray(value)) {
      const out = value.map((item: unknown) => this.view(item));
      guards.add(out);
      return out;
    }
    const out = Object.create(null) as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) out[key] = this.view(item);
    guards.add(out);
    return out;
  }

  #objectView(target: object): object {
    const record = target as Record<string, unknown>;
    return new Proxy(record, {
      get: (_, key) =>
        typeof key === "string" && Object.hasOwn(record, key) ? this.view(record[key]) : undefined,
      has: (_, key) => Object.hasOwn(record, key),
      getPrototypeOf: () => null,
      set: () => true,
      defineProperty: () => true,
      deleteProperty: () => true,
      setPrototypeOf: () => false,
    });
  }

  #arrayView(target: unknown[]): object {
    return new Proxy(target, {
      get: (_, key, receiver) => {
        if (typeof key === "string" && INDEX.test(key)) return this.view(target[Number(key)]);
        const marks = this.#marks.get(target);
        if (marks?.has(key)) return marks.get(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
      set: (_, key, value) => {
        if (typeof key === "string" && (INDEX.test(key) || key === "length")) return true;
        let marks = this.#marks.get(target);
        if (!marks) this.#marks.set(target, (marks = new Map()));
        marks.set(key, value);
        return true;
      },
      defineProperty: () => true,
      deleteProperty: () => true,
      setPrototypeOf: () => false,
    });
  }
}

function isJsonataFunction(value: object): boolean {
  const marked = value as { _jsonata_lambda?: unknown; _jsonata_function?: unknown };
  return marked._jsonata_lambda === true || marked._jsonata_function === true;
}

/**
 * Removes the prototype of every object the expression built that a field lookup is about to read:
 * the value itself, or the objects inside it when it is a (nested) sequence.
 */
export function stripPrototypes(value: unknown): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item === null || typeof item !== "object" || guards.has(item)) continue;
    if (Array.isArray(item)) {
      for (const inner of item) if (inner !== null && typeof inner === "object") pending.push(inner);
      continue;
    }
    if (isJsonataFunction(item) || Object.getPrototypeOf(item) === null) continue;
    if (!Reflect.setPrototypeOf(item, null)) {
      throw { code: "Partitura.Sandbox", message: "the expression read a field of a sealed object" };
    }
  }
}

/**
 * Re-backs a frame jsonata has just created with a `Map`, linked to its enclosing frame: binding
 * `$__proto__` or `$hasOwnProperty` is then an ordinary variable.
 */
export function secureFrame(enclosing: JsonataFrame, frame: JsonataFrame): void {
  const values = new Map<string | symbol, unknown>();
  frame.bind = (name, value) => {
    values.set(name, value);
  };
  frame.lookup = (name) => (values.has(name) ? values.get(name) : enclosing.lookup(name));
}

/** `$lookup(object, key)` with own properties only (jsonata's reads inherited ones). */
export function ownLookup(input: unknown, key: string): unknown {
  if (Array.isArray(input)) {
    const out: unknown[] = [];
    for (const item of input) {
      const found = ownLookup(item, key);
      if (Array.isArray(found)) for (const inner of found as unknown[]) out.push(inner);
      else if (found !== undefined) out.push(found);
    }
    return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
  }
  if (input === null || typeof input !== "object" || isJsonataFunction(input)) return undefined;
  stripPrototypes(input);
  return Object.hasOwn(input, key) ? (input as Record<string, unknown>)[key] : undefined;
}

const compiledPatterns = new Map<string, RE2JS>();
const MAX_CACHED_PATTERNS = 500;

function compilePattern(source: string, flags: string): RE2JS {
  const key = `${flags}/${source}`;
  let pattern = compiledPatterns.get(key);
  if (!pattern) {
    let re2Flags = 0;
    if (flags.includes("i")) re2Flags |= RE2JS.CASE_INSENSITIVE;
    if (flags.includes("m")) re2Flags |= RE2JS.MULTILINE;
    try {
      pattern = RE2JS.compile(source, re2Flags);
    } catch (error) {
      throw {
        code: "Partitura.Regex",
        message:
          `the regular expression /${source}/ uses a feature Partitura does not run ` +
          `(backreferences and lookaround can take exponential time): ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    if (compiledPatterns.size >= MAX_CACHED_PATTERNS) compiledPatterns.clear();
    compiledPatterns.set(key, pattern);
  }
  return pattern;
}

/**
 * The regular-expression class jsonata uses (`RegexEngine` option): the `exec`/`lastIndex` contract of
 * a global `RegExp`, matched by RE2 in time linear in the text.
 */
export class SafeRegExp {
  lastIndex = 0;
  readonly #pattern: RE2JS;

  constructor(regex: RegExp) {
    this.#pattern = compilePattern(regex.source, regex.flags);
  }

  exec(text: string): RegExpExecArray | null {
    if (this.lastIndex > text.length) {
      this.lastIndex = 0;
      return null;
    }
    const matcher = this.#pattern.matcher(text);
    if (!matcher.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [];
    for (let i = 0; i <= matcher.groupCount(); i++) groups.push(matcher.group(i) ?? undefined);
    const match = Object.assign(groups, {
      index: matcher.start(),
      input: text,
    }) as unknown as RegExpExecArray;
    this.lastIndex = matcher.end();
    return match;
  }
}
