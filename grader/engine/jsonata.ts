/**
 * JSONata in Step Functions: `{% expression %}` strings inside a state's JSONata fields (Arguments,
 * Output, Assign, Condition, Items, ItemSelector, Seconds, Timestamp, …), evaluated with the
 * `jsonata` package at the version AWS runs (2.0.6), with AWS's reserved `$states` variable, the
 * workflow variables, and Step Functions' extra functions ($partition, $range, $hash, $random,
 * $uuid, $parse; `$eval` is not available).
 *
 * Expressions are parsed once, when the definition is compiled. Evaluation is asynchronous (jsonata
 * 2 evaluates with async functions), so the interpreter runs it as an invocation of the execution
 * actor. Time is the execution's virtual time ($now, $millis), randomness the execution's seeded
 * generator, and every evaluation has a step and depth budget, so no expression can hang the
 * process or exhaust its memory.
 *
 * Sources: https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html and
 * https://docs.aws.amazon.com/step-functions/latest/dg/jsonata-functions.html (listed in
 * docs/research/jsonata-and-variables.md).
 */
import jsonata from "jsonata";
import { DefinitionError, StatesError, StatesErrors } from "./errors.ts";
import { HASH_ALGORITHMS } from "./intrinsics/encoding-and-hashing.ts";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { nextRandom, seedFromString } from "./random.ts";
import {
  DataGuard,
  ownLookup,
  SafeRegExp,
  secureFrame,
  stripPrototypes,
  type JsonataFrame,
} from "./jsonata-sandbox.ts";

/** Evaluation steps (JSONata AST nodes visited) one expression may take before it is stopped. */
export const JSONATA_MAX_STEPS = 1_000_000;
/**
 * Items one intermediate sequence may hold. AWS fails such expressions with a memory limit (it
 * rejects `[1..900000] ~> $count()`); this bound keeps a browser tab's memory safe.
 */
export const JSONATA_MAX_SEQUENCE = 1_000_000;
/** Nesting depth of one evaluation (deep or endless recursion). */
export const JSONATA_MAX_DEPTH = 4_000;

const EXPRESSION = /^\{%([\s\S]*)%\}$/;

/**
 * A JSONata expression failed (States.QueryEvaluationError). `location` is the field path AWS
 * reports: `Output`, `Output/v`, `Arguments/items[2]`, `Choices[1]/Condition`, `Catch[0]/Output`.
 */
export class QueryEvaluationError extends StatesError {
  readonly location: string;

  constructor(location: string, cause: string) {
    super(StatesErrors.QueryEvaluationError, cause);
    this.location = location;
  }
}

/** Whether a string is a JSONata expression: the whole string is `{% … %}`. */
export function isJsonataString(value: unknown): value is string {
  return typeof value === "string" && EXPRESSION.test(value);
}

/** What `$states` and the variables hold while one field is evaluated. */
export interface JsonataScope {
  readonly input: unknown;
  readonly context: unknown;
  /** Task/Parallel/Map result: only for the state's Output and Assign. */
  readonly result?: unknown;
  /** A caught error's output: only for a Catch's Output and Assign. */
  readonly errorOutput?: unknown;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** The execution's clock and random generator, as the expression sees them. */
export interface JsonataRuntime {
  readonly nowMillis: number;
  random(): number;
  uuid(): string;
}

/** A JSONata field value: a single expression, or JSON with `{% %}` strings anywhere inside. */
export interface CompiledJsonataValue {
  /** The field's name in AWS's error messages, e.g. `Arguments`. */
  readonly field: string;
  /** True when nothing in it is an expression: `evaluate` returns the literal itself. */
  readonly isStatic: boolean;
  readonly literal: unknown;
  evaluate(scope: JsonataScope, runtime: JsonataRuntime): Promise<unknown>;
}

type Node =
  | { readonly kind: "literal"; readonly value: unknown }
  | { readonly kind: "expression"; readonly text: string; readonly expression: jsonata.Expression }
  | { readonly kind: "object"; readonly entries: ReadonlyArray<readonly [string, Node]> }
  | { readonly kind: "array"; readonly items: readonly Node[] };

/** Wall-clock time one evaluation may take (checked every few hundred steps). */
export const JSONATA_MAX_MILLIS = 5_000;
const CLOCK_CHECK_EVERY = 256;

interface Budget {
  steps: number;
  depth: number;
  readonly deadline: number;
}

/**
 * Each evaluation's budget, keyed by jsonata's frames: a frame inherits its enclosing frame's budget,
 * and the evaluation's first frame (whose parent is the compiled expression) starts a new one. No
 * expression can reach or rebind it.
 */
const budgets = new WeakMap<object, Budget>();

function budgetExceeded(message: string): never {
  throw { code: "Partitura.Budget", message };
}

function onCreateFrame(enclosing: JsonataFrame, frame: JsonataFrame): void {
  secureFrame(enclosing, frame);
  budgets.set(
    frame,
    budgets.get(enclosing) ?? { steps: 0, depth: 0, deadline: Date.now() + JSONATA_MAX_MILLIS },
  );
}

function onEvaluateEntry(node: { type?: string }, input: unknown, environment: jsonata.Environment): void {
  const budget = budgets.get(environment);
  if (!budget) budgetExceeded("a expressão foi avaliada fora do seu ambiente");
  if (++budget.steps > JSONATA_MAX_STEPS) {
    budgetExceeded(
      `a expressão passou de ${JSONATA_MAX_STEPS.toLocaleString("pt-BR")} passos de avaliação (laço ou recursão sem fim?)`,
    );
  }
  if (++budget.depth > JSONATA_MAX_DEPTH) {
    budgetExceeded(`a expressão passou de ${JSONATA_MAX_DEPTH} níveis de recursão (recursão sem fim?)`);
  }
  if (budget.steps % CLOCK_CHECK_EVERY === 0 && Date.now() > budget.deadline) {
    budgetExceeded(`a expressão passou de ${JSONATA_MAX_MILLIS / 1000} s de avaliação`);
  }
  if (node.type === "name") stripPrototypes(input);
  else if (node.type === "regex") useSafeRegex();
}

function onEvaluateExit(
  _node: unknown,
  _input: unknown,
  environment: jsonata.Environment,
  result: unknown,
): void {
  const budget = budgets.get(environment);
  if (budget) budget.depth--;
  if (Array.isArray(result) && result.length > JSONATA_MAX_SEQUENCE) {
    budgetExceeded(
      `a expressão criou uma sequência de ${result.length.toLocaleString("pt-BR")} itens; o limite é ${JSONATA_MAX_SEQUENCE.toLocaleString("pt-BR")} (a AWS também falha por memória)`,
    );
  }
}

const JSONATA_OPTIONS = { RegexEngine: SafeRegExp as unknown as RegExp };

/** jsonata keeps its regular-expression class in a global that every `jsonata()` call resets. */
function useSafeRegex(): void {
  (jsonata as unknown as { RegexEngine: unknown }).RegexEngine = SafeRegExp;
}

function functionError(message: string): never {
  throw { message };
}

/** $partition(array, size): AWS's JSONata counterpart of States.ArrayPartition. */
/**
 * "Built-in JSONata functions that require integer values as parameters will automatically round down
 * any non-integer numbers provided" (transforming-data.html).
 */
function integerArgument(value: unknown, message: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) functionError(message);
  return Math.floor(value);
}

function partition(array: unknown, chunk: unknown): unknown[][] {
  if (!Array.isArray(array)) functionError("$partition: the first argument must be an array");
  const size = integerArgument(chunk, "$partition: the chunk size must be a number");
  if (size <= 0) functionError("$partition: the chunk size must be a positive integer");
  const chunks: unknown[][] = [];
  for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size));
  return chunks;
}

const MAX_RANGE_ITEMS = 1000;

/** $range(start, end, step): AWS's JSONata counterpart of States.ArrayRange (end inclusive). */
function range(start: unknown, end: unknown, step: unknown): number[] {
  const message = "$range: start, end and step must be numbers";
  const [from, to, by] = [start, end, step].map((value) => integerArgument(value, message)) as [
    number,
    number,
    number,
  ];
  if (by === 0) functionError("$range: the step must not be zero");
  if ((by > 0 && from > to) || (by < 0 && from < to)) return [];
  const count = Math.floor((to - from) / by) + 1;
  if (count > MAX_RANGE_ITEMS) {
    functionError(`$range: the array would have ${count} items; the maximum is ${MAX_RANGE_ITEMS}`);
  }
  // A JSONata sequence, as AWS's $range returns: a one-item sequence is that item ($range(1, 1) = 1).
  const out = Object.assign([] as number[], { sequence: true });
  for (let i = 0; i < count; i++) out.push(from + i * by);
  return out;
}

/** $hash(data, algorithm): hex digest, as States.Hash. */
function hash(data: unknown, algorithm: unknown): string {
  if (typeof data !== "string") functionError("$hash: the data must be a string");
  const run =
    typeof algorithm === "string" && Object.prototype.hasOwnProperty.call(HASH_ALGORITHMS, algorithm)
      ? HASH_ALGORITHMS[algorithm]
      : undefined;
  if (!run) {
    functionError(
      `$hash: unsupported algorithm ${JSON.stringify(algorithm)}; use one of ${Object.keys(HASH_ALGORITHMS).join(", ")}`,
    );
  }
  return bytesToHex(run(utf8ToBytes(data)));
}

/** $parse(text): the JSON value of a string (the replacement for `$eval`). */
function parse(text: unknown): unknown {
  if (typeof text !== "string") functionError("$parse: the argument must be a string");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return functionError(`$parse: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function notAvailable(): never {
  return functionError("$eval is not available in Step Functions; use $parse");
}

const FROM_MILLIS = jsonata("$fromMillis($ms, $picture, $timezone)", JSONATA_OPTIONS);

function compileExpression(text: string, location: string): jsonata.Expression {
  let expression: jsonata.Expression;
  try {
    expression = jsonata(text, JSONATA_OPTIONS);
  } catch (error) {
    const detail = error as { message?: string; position?: number };
    throw new DefinitionError(
      `Expressão JSONata inválida '${text}': ${detail.message ?? String(error)}` +
        (detail.position !== undefined ? ` (posição ${detail.position})` : ""),
      location,
    );
  }
  expression.registerFunction("partition", partition, "<an:a>");
  expression.registerFunction("range", range, "<nnn:a<n>>");
  expression.registerFunction("hash", hash, "<ss:s>");
  expression.registerFunction("parse", parse, "<s:x>");
  expression.registerFunction("eval", notAvailable);
  expression.registerFunction("lookup", ownLookup, "<x-s:x>");
  const assign = expression.assign as (name: string | symbol, value: unknown) => void;
  assign(Symbol.for("jsonata.__createFrame_push"), onCreateFrame);
  assign(Symbol.for("jsonata.__evaluate_entry"), onEvaluateEntry);
  assign(Symbol.for("jsonata.__evaluate_exit"), onEvaluateExit);
  return expression;
}

function compileNode(value: unknown, location: string): Node {
  if (typeof value === "string") {
    const match = EXPRESSION.exec(value);
    if (!match) {
      // "The string must start with {% with no leading spaces, and must end with %} with no trailing
      // spaces. Improperly opening or closing the expression will result in a validation error."
      if (EXPRESSION.test(value.trim())) {
        throw new DefinitionError(
          "Uma expressão JSONata deve começar com {% e terminar com %}, sem espaços antes ou depois: " +
            `escreva "${value.trim()}"`,
          location,
        );
      }
      return { kind: "literal", value };
    }
    const text = match[1]!.trim();
    return { kind: "expression", text, expression: compileExpression(text, location) };
  }
  if (Array.isArray(value)) {
    const items = value.map((item, index) => compileNode(item, `${location}/${index}`));
    return items.every((item) => item.kind === "literal")
      ? { kind: "literal", value }
      : { kind: "array", items };
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(
      ([key, item]) => [key, compileNode(item, `${location}/${key}`)] as const,
    );
    return entries.every(([, node]) => node.kind === "literal")
      ? { kind: "literal", value }
      : { kind: "object", entries };
  }
  return { kind: "literal", value };
}

/**
 * A JSON value of a query result: jsonata's sequences become arrays, and anything JSON cannot hold
 * (a function, a non-finite number) is a QueryEvaluationError.
 */
function toJson(value: unknown, fail: (what: string) => never): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number")
    return Number.isFinite(value) ? value : fail("returned a non-finite number.");
  if (value === undefined) return undefined;
  if (typeof value === "function") return fail("returned a function.");
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const converted = toJson(item, fail);
      if (converted !== undefined) out.push(converted);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const converted = toJson(item, fail);
    if (converted === undefined) continue;
    Object.defineProperty(out, key, {
      value: converted,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function describeExpression(text: string, field: string): string {
  return `The JSONata expression '${text}' specified for the field '${field}'`;
}

async function evaluateExpression(
  node: Extract<Node, { kind: "expression" }>,
  field: string,
  scope: JsonataScope,
  runtime: JsonataRuntime,
): Promise<unknown> {
  const fail = (what: string): never => {
    throw new QueryEvaluationError(field, `${describeExpression(node.text, field)} ${what}`);
  };
  const guard = new DataGuard();
  const states: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  states.input = guard.view(scope.input);
  states.context = guard.view(scope.context);
  if ("result" in scope) states.result = guard.view(scope.result);
  if ("errorOutput" in scope) states.errorOutput = guard.view(scope.errorOutput);
  const bindings: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(scope.variables)) bindings[name] = guard.view(value);
  bindings.states = states;
  bindings.now = (picture?: string, timezone?: string) =>
    picture === undefined && timezone === undefined
      ? new Date(runtime.nowMillis).toISOString()
      : FROM_MILLIS.evaluate(undefined, { ms: runtime.nowMillis, picture, timezone });
  bindings.millis = () => runtime.nowMillis;
  bindings.random = (seed?: unknown) => {
    if (seed === undefined) return runtime.random();
    const [, value] = nextRandom(typeof seed === "number" ? seed | 0 : seedFromString(String(seed)));
    return value;
  };
  bindings.uuid = () => runtime.uuid();
  let value: unknown;
  try {
    value = await node.expression.evaluate(undefined, bindings);
  } catch (error) {
    if (error instanceof StatesError) throw error;
    // A JavaScript error from inside the library (not a JSONata error) says nothing a student can use.
    if (error instanceof Error) return fail("threw an error during evaluation.");
    const detail = error as { message?: string; code?: string };
    const message = detail.message ?? String(error);
    // A coded JSONata error is a sentence of its own ("… evaluation. T2001: …"); others follow a colon.
    const coded = typeof detail.code === "string" && /^[A-Z]\d{4}$/.test(detail.code);
    return fail(`threw an error during evaluation${coded ? `. ${detail.code}: ${message}` : `: ${message}`}`);
  }
  if (value === undefined) return fail("returned nothing (undefined).");
  return toJson(value, fail);
}

async function evaluateNode(
  node: Node,
  field: string,
  scope: JsonataScope,
  runtime: JsonataRuntime,
): Promise<unknown> {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "expression":
      return evaluateExpression(node, field, scope, runtime);
    case "array": {
      const out: unknown[] = [];
      for (const [index, item] of node.items.entries()) {
        out.push(await evaluateNode(item, `${field}[${index}]`, scope, runtime));
      }
      return out;
    }
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, item] of node.entries) {
        const value = await evaluateNode(item, `${field}/${key}`, scope, runtime);
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}

/**
 * Compiles a JSONata field value. `location` is the AWS pointer of the field (for definition errors),
 * `field` its name in run-time error messages.
 */
export function compileJsonataValue(value: unknown, location: string, field: string): CompiledJsonataValue {
  const root = compileNode(value, location);
  return {
    field,
    isStatic: root.kind === "literal",
    literal: value,
    evaluate: (scope, runtime) => evaluateNode(root, field, scope, runtime),
  };
}

/** The JSON type name AWS uses in "Expected '<T>', but was '<U>'" messages. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** A QueryEvaluationError for a value of the wrong type, worded as AWS words it. */
export function unexpectedType(
  compiled: CompiledJsonataValue,
  expected: string,
  value: unknown,
): StatesError {
  const text =
    typeof compiled.literal === "string" ? (EXPRESSION.exec(compiled.literal)?.[1]?.trim() ?? "") : "";
  return new QueryEvaluationError(
    compiled.field,
    `${describeExpression(text, compiled.field)} returned an unexpected result type. Expected '${expected}', but was '${jsonTypeName(value)}' for value: ${JSON.stringify(value)}`,
  );
}
