/**
 * The 18 intrinsic functions of JSONPath states (`"key.$": "States.Format('{}', $.name)"`), as AWS
 * Step Functions runs them. An expression is parsed once by a hand-written tokenizer into a small
 * tree (`compileIntrinsic`) and evaluated against a `PathScope` as many times as needed.
 *
 * Sources: https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html (arguments,
 * limits, examples) and AWS-recorded executions (MathAdd rounding, Format's Java-style rendering,
 * StringToJson on blank strings, the cause of an argument path that matches nothing). Behaviour that
 * neither source pins down is marked "inferred" where it is implemented.
 *
 * Failures at run time:
 * - an argument path that matches nothing → `States.Runtime` (recorded AWS cause text);
 * - an unfinished escape (`\x`) inside a string literal → `States.Runtime` (the doc says "runtime error");
 * - any other bad argument (type, range, limit, arity of Format's placeholders) → `States.IntrinsicFailure`.
 */
import { md5, sha1 } from "@noble/hashes/legacy.js";
import { sha256, sha384, sha512 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { DefinitionError, StatesError, StatesErrors } from "./errors.ts";
import { compilePath, type CompiledPath, type PathScope } from "./jsonpath.ts";

/** What an intrinsic needs from the outside world; both must be deterministic under test. */
export interface IntrinsicEnv {
  /** Seeded pseudo-random number in [0, 1). */
  random(): number;
  /** A version 4 UUID. */
  uuid(): string;
}

export interface CompiledIntrinsic {
  readonly text: string;
  evaluate(scope: PathScope, env: IntrinsicEnv): unknown;
}

/** AWS: "You can nest up to 10 intrinsic functions within a field" (its 9-call example counts every call). */
const MAX_CALLS = 10;
const MAX_CODEC_CHARS = 10_000;
const MAX_RANGE_ITEMS = 1000;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const PREFIX = "States.";

// ---------------------------------------------------------------------------------------------
// Syntax tree

interface ValueNode {
  readonly kind: "value";
  readonly value: number | boolean | null;
}

interface StringNode {
  readonly kind: "string";
  /** The literal with its escapes resolved. */
  readonly value: string;
  /** The literal cut at its unescaped `{}` placeholders (used when it is a Format template). */
  readonly pieces: readonly string[];
  /** A backslash not followed by `'`, `{`, `}` or `\`: AWS fails the call at run time. */
  readonly openEscape: boolean;
}

interface PathNode {
  readonly kind: "path";
  readonly text: string;
  readonly path: CompiledPath;
}

interface CallNode {
  readonly kind: "call";
  readonly name: FunctionName;
  readonly args: readonly Node[];
}

type Node = ValueNode | StringNode | PathNode | CallNode;

// ---------------------------------------------------------------------------------------------
// Function table

interface EvalContext {
  readonly text: string;
  readonly scope: PathScope;
  readonly env: IntrinsicEnv;
}

interface FunctionSpec {
  readonly min: number;
  readonly max: number;
  run(args: unknown[], ctx: EvalContext, node: CallNode): unknown;
}

const FUNCTIONS = {
  "States.Format": { min: 1, max: Infinity, run: statesFormat },
  "States.StringToJson": { min: 1, max: 1, run: statesStringToJson },
  "States.JsonToString": { min: 1, max: 1, run: (args) => JSON.stringify(args[0]) },
  "States.Array": { min: 0, max: Infinity, run: (args) => args },
  "States.ArrayPartition": { min: 2, max: 2, run: statesArrayPartition },
  "States.ArrayContains": { min: 2, max: 2, run: statesArrayContains },
  "States.ArrayRange": { min: 3, max: 3, run: statesArrayRange },
  "States.ArrayGetItem": { min: 2, max: 2, run: statesArrayGetItem },
  "States.ArrayLength": {
    min: 1,
    max: 1,
    run: (args, ctx) => expectArray(ctx, "States.ArrayLength", args[0]).length,
  },
  "States.ArrayUnique": { min: 1, max: 1, run: statesArrayUnique },
  "States.Base64Encode": { min: 1, max: 1, run: statesBase64Encode },
  "States.Base64Decode": { min: 1, max: 1, run: statesBase64Decode },
  "States.Hash": { min: 2, max: 2, run: statesHash },
  "States.JsonMerge": { min: 3, max: 3, run: statesJsonMerge },
  "States.MathRandom": { min: 2, max: 3, run: statesMathRandom },
  "States.MathAdd": { min: 2, max: 2, run: statesMathAdd },
  "States.StringSplit": { min: 2, max: 2, run: statesStringSplit },
  "States.UUID": { min: 0, max: 0, run: (_args, ctx) => ctx.env.uuid() },
} satisfies Record<string, FunctionSpec>;

type FunctionName = keyof typeof FUNCTIONS;

function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

// ---------------------------------------------------------------------------------------------
// Public API

/** True when `text` starts like an intrinsic call: `States.<Name>(` (whitespace allowed before `(`). */
export function isIntrinsicCall(text: string): boolean {
  if (!text.startsWith(PREFIX)) return false;
  let i = PREFIX.length;
  while (i < text.length && isAlphaNumeric(text.charCodeAt(i))) i++;
  if (i === PREFIX.length) return false;
  while (i < text.length && isWhitespace(text[i])) i++;
  return text[i] === "(";
}

/**
 * Parses an intrinsic call once. Throws `DefinitionError` for a syntax error, an unknown function,
 * a wrong number of arguments, an invalid argument path or more than 10 calls in the expression.
 */
export function compileIntrinsic(text: string, location = "/"): CompiledIntrinsic {
  const root = new Parser(text, location).parse();
  return {
    text,
    evaluate(scope: PathScope, env: IntrinsicEnv): unknown {
      return evaluateNode(root, { text, scope, env });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Parser (hand-written, linear, no regular expressions)

class Parser {
  private readonly text: string;
  private readonly location: string;
  private pos = 0;
  private calls = 0;

  constructor(text: string, location: string) {
    this.text = text;
    this.location = location;
  }

  parse(): CallNode {
    if (!this.text.startsWith(PREFIX)) this.fail("uma chamada intrínseca deve começar com 'States.'");
    const root = this.parseCall();
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      this.fail(
        `conteúdo inesperado após o fim da chamada, na posição ${this.pos}: '${this.text.slice(this.pos)}'`,
      );
    }
    return root;
  }

  private fail(detail: string): never {
    throw new DefinitionError(`Função intrínseca inválida '${this.text}': ${detail}`, this.location);
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length && isWhitespace(this.text[this.pos])) this.pos++;
  }

  private parseCall(): CallNode {
    const start = this.pos;
    this.pos += PREFIX.length;
    while (this.pos < this.text.length && isAlphaNumeric(this.text.charCodeAt(this.pos))) this.pos++;
    const name = this.text.slice(start, this.pos);
    if (name === PREFIX) this.fail(`nome de função ausente na posição ${start}`);
    if (!isFunctionName(name)) {
      this.fail(`função desconhecida '${name}'; as funções válidas são ${Object.keys(FUNCTIONS).join(", ")}`);
    }
    this.calls++;
    if (this.calls > MAX_CALLS) {
      this.fail(`mais de ${MAX_CALLS} chamadas de funções intrínsecas aninhadas num mesmo campo`);
    }
    this.skipWhitespace();
    if (this.text[this.pos] !== "(") this.fail(`esperado '(' depois de '${name}', na posição ${this.pos}`);
    this.pos++;

    const args: Node[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ")") {
      this.pos++;
    } else {
      for (;;) {
        args.push(this.parseArgument());
        this.skipWhitespace();
        const ch = this.text[this.pos];
        if (ch === ",") {
          this.pos++;
          continue;
        }
        if (ch === ")") {
          this.pos++;
          break;
        }
        if (ch === undefined) this.fail(`parênteses desbalanceados: falta ')' para fechar '${name}('`);
        this.fail(`esperado ',' ou ')' na posição ${this.pos}, encontrado '${ch}'`);
      }
    }

    const spec: FunctionSpec = FUNCTIONS[name];
    if (args.length < spec.min || args.length > spec.max) {
      this.fail(`'${name}' espera ${describeArity(spec)}, mas recebeu ${args.length}`);
    }
    return { kind: "call", name, args };
  }

  private parseArgument(): Node {
    this.skipWhitespace();
    const ch = this.text[this.pos];
    if (ch === undefined) this.fail("parênteses desbalanceados: a expressão terminou no meio dos argumentos");
    if (ch === "'") return this.parseString();
    if (ch === "$") return this.parsePath();
    if (ch === "-" || isDigit(ch)) return this.parseNumber();
    if (this.text.startsWith(PREFIX, this.pos)) return this.parseCall();
    if (isAlphaNumeric(ch.charCodeAt(0))) return this.parseKeyword();
    if (ch === "," || ch === ")") this.fail(`argumento vazio na posição ${this.pos}`);
    this.fail(`argumento inesperado na posição ${this.pos}: '${ch}'`);
  }

  private parseString(): StringNode {
    const start = this.pos;
    this.pos++; // opening quote
    let value = "";
    let piece = "";
    const pieces: string[] = [];
    let openEscape = false;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined)
        this.fail(`texto iniciado na posição ${start} não tem o apóstrofo (') de fechamento`);
      if (ch === "'") {
        this.pos++;
        break;
      }
      if (ch === "\\") {
        const next = this.text[this.pos + 1];
        if (next === "'" || next === "{" || next === "}" || next === "\\") {
          value += next;
          piece += next;
          this.pos += 2;
        } else {
          // AWS: "If an open escape backslash \ is found … the interpreter will return a runtime error."
          openEscape = true;
          value += ch;
          piece += ch;
          this.pos++;
        }
        continue;
      }
      if (ch === "{" && this.text[this.pos + 1] === "}") {
        value += "{}";
        pieces.push(piece);
        piece = "";
        this.pos += 2;
        continue;
      }
      value += ch;
      piece += ch;
      this.pos++;
    }
    pieces.push(piece);
    return { kind: "string", value, pieces, openEscape };
  }

  private parsePath(): PathNode {
    const start = this.pos;
    let brackets = 0;
    let parens = 0;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (brackets > 0 && (ch === "'" || ch === '"')) {
        this.skipQuoted(ch);
        continue;
      }
      if (ch === "[") brackets++;
      else if (ch === "]") brackets = Math.max(0, brackets - 1);
      else if (ch === "(") parens++;
      else if (ch === ")") {
        if (parens === 0 && brackets === 0) break;
        parens = Math.max(0, parens - 1);
      } else if (brackets === 0 && parens === 0 && (ch === "," || isWhitespace(ch))) break;
      this.pos++;
    }
    const text = this.text.slice(start, this.pos);
    let path: CompiledPath;
    try {
      path = compilePath(text);
    } catch (error) {
      this.fail(`caminho inválido '${text}': ${error instanceof Error ? error.message : String(error)}`);
    }
    return { kind: "path", text, path };
  }

  private skipQuoted(quote: string): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === "\\") {
        this.pos += 2;
        continue;
      }
      this.pos++;
      if (ch === quote) return;
    }
    this.fail(`aspas abertas na posição ${start} dentro de um caminho não foram fechadas`);
  }

  private parseNumber(): ValueNode {
    const start = this.pos;
    if (this.text[this.pos] === "-") this.pos++;
    if (!this.readDigits()) this.fail(`número inválido na posição ${start}`);
    if (this.text[this.pos] === ".") {
      this.pos++;
      if (!this.readDigits()) this.fail(`número inválido na posição ${start}: faltam dígitos depois do '.'`);
    }
    const e = this.text[this.pos];
    if (e === "e" || e === "E") {
      this.pos++;
      const sign = this.text[this.pos];
      if (sign === "+" || sign === "-") this.pos++;
      if (!this.readDigits()) this.fail(`número inválido na posição ${start}: expoente sem dígitos`);
    }
    const raw = this.text.slice(start, this.pos);
    this.expectArgumentEnd(raw);
    const value = Number(raw);
    if (!Number.isFinite(value)) this.fail(`número fora do intervalo representável: ${raw}`);
    return { kind: "value", value: value + 0 };
  }

  private readDigits(): boolean {
    const start = this.pos;
    while (this.pos < this.text.length && isDigit(this.text[this.pos])) this.pos++;
    return this.pos > start;
  }

  private parseKeyword(): ValueNode {
    const start = this.pos;
    while (this.pos < this.text.length && isAlphaNumeric(this.text.charCodeAt(this.pos))) this.pos++;
    const word = this.text.slice(start, this.pos);
    this.expectArgumentEnd(word);
    if (word === "true") return { kind: "value", value: true };
    if (word === "false") return { kind: "value", value: false };
    if (word === "null") return { kind: "value", value: null };
    this.fail(
      `argumento inválido '${word}' na posição ${start}: use um texto entre apóstrofos, um número, true, false, null, um caminho ou outra função`,
    );
  }

  private expectArgumentEnd(token: string): void {
    const ch = this.text[this.pos];
    if (ch === undefined || ch === "," || ch === ")" || isWhitespace(ch)) return;
    this.fail(`argumento inválido '${token}${ch}…' na posição ${this.pos - token.length}`);
  }
}

function describeArity(spec: FunctionSpec): string {
  const plural = (n: number) => (n === 1 ? "argumento" : "argumentos");
  if (spec.max === Infinity) return `pelo menos ${spec.min} ${plural(spec.min)}`;
  if (spec.min === spec.max) return `exatamente ${spec.min} ${plural(spec.min)}`;
  return `de ${spec.min} a ${spec.max} argumentos`;
}

function isWhitespace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

function isAlphaNumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// ---------------------------------------------------------------------------------------------
// Evaluation

function evaluateNode(node: Node, ctx: EvalContext): unknown {
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

function functionPrefix(ctx: EvalContext): string {
  return `The function '${ctx.text}' had the following error: `;
}

function fail(ctx: EvalContext, detail: string): never {
  throw new StatesError(StatesErrors.IntrinsicFailure, `${functionPrefix(ctx)}${detail}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function expectArray(ctx: EvalContext, fn: string, value: unknown, position = 1): unknown[] {
  if (!Array.isArray(value))
    fail(ctx, `Invalid arguments in ${fn}: argument ${position} must be an array, got ${describe(value)}.`);
  return value;
}

function expectString(ctx: EvalContext, fn: string, value: unknown, position: number): string {
  if (typeof value !== "string") {
    fail(ctx, `Invalid arguments in ${fn}: argument ${position} must be a string, got ${describe(value)}.`);
  }
  return value;
}

function expectObject(
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
function roundedInteger(ctx: EvalContext, fn: string, value: unknown, position: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fail(ctx, `Invalid arguments in ${fn}: argument ${position} must be an integer, got ${describe(value)}.`);
  }
  return Math.round(value) + 0;
}

function checkCodecLength(ctx: EvalContext, fn: string, value: string): void {
  if (value.length > MAX_CODEC_CHARS) {
    fail(
      ctx,
      `Invalid arguments in ${fn}: the input string must have at most ${MAX_CODEC_CHARS} characters, got ${value.length}.`,
    );
  }
}

/** Deep equality of two JSON values (object key order does not matter). */
function jsonEquals(a: unknown, b: unknown): boolean {
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

// --- States.Format -----------------------------------------------------------------------------

function statesFormat(args: unknown[], ctx: EvalContext, node: CallNode): string {
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
function renderFormatValue(value: unknown): string {
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

function statesStringToJson(args: unknown[], ctx: EvalContext): unknown {
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

function statesJsonMerge(args: unknown[], ctx: EvalContext): Record<string, unknown> {
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

// --- Arrays ----------------------------------------------------------------------------------------

function statesArrayPartition(args: unknown[], ctx: EvalContext): unknown[][] {
  const array = expectArray(ctx, "States.ArrayPartition", args[0]);
  const size = roundedInteger(ctx, "States.ArrayPartition", args[1], 2);
  if (size <= 0) {
    fail(
      ctx,
      `Invalid arguments in States.ArrayPartition: the chunk size must be a positive integer, got ${size}.`,
    );
  }
  const chunks: unknown[][] = [];
  for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size));
  return chunks;
}

function statesArrayContains(args: unknown[], ctx: EvalContext): boolean {
  const array = expectArray(ctx, "States.ArrayContains", args[0]);
  return array.some((item) => jsonEquals(item, args[1]));
}

function statesArrayRange(args: unknown[], ctx: EvalContext): number[] {
  const start = roundedInteger(ctx, "States.ArrayRange", args[0], 1);
  const end = roundedInteger(ctx, "States.ArrayRange", args[1], 2);
  const step = roundedInteger(ctx, "States.ArrayRange", args[2], 3);
  if (step === 0)
    fail(ctx, "Invalid arguments in States.ArrayRange: the step (argument 3) must not be zero.");
  // A step pointing away from the end yields no element (inferred).
  if ((step > 0 && start > end) || (step < 0 && start < end)) return [];
  const count = Math.floor((end - start) / step) + 1;
  if (count > MAX_RANGE_ITEMS) {
    fail(
      ctx,
      `Invalid arguments in States.ArrayRange: the array would have ${count} items; the maximum is ${MAX_RANGE_ITEMS}.`,
    );
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(start + i * step);
  return out;
}

function statesArrayGetItem(args: unknown[], ctx: EvalContext): unknown {
  const array = expectArray(ctx, "States.ArrayGetItem", args[0]);
  const index = args[1];
  if (typeof index !== "number" || !Number.isInteger(index)) {
    fail(
      ctx,
      `Invalid arguments in States.ArrayGetItem: the index (argument 2) must be an integer, got ${JSON.stringify(index)}.`,
    );
  }
  if (index < 0 || index >= array.length) {
    fail(
      ctx,
      `Invalid arguments in States.ArrayGetItem: index ${index} is out of bounds for an array of length ${array.length}.`,
    );
  }
  return array[index];
}

function statesArrayUnique(args: unknown[], ctx: EvalContext): unknown[] {
  const array = expectArray(ctx, "States.ArrayUnique", args[0]);
  const out: unknown[] = [];
  for (const item of array) if (!out.some((kept) => jsonEquals(kept, item))) out.push(item);
  return out;
}

// --- Encoding and hashing ---------------------------------------------------------------------------

const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function statesBase64Encode(args: unknown[], ctx: EvalContext): string {
  const text = expectString(ctx, "States.Base64Encode", args[0], 1);
  checkCodecLength(ctx, "States.Base64Encode", text);
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function statesBase64Decode(args: unknown[], ctx: EvalContext): string {
  const text = expectString(ctx, "States.Base64Decode", args[0], 1);
  checkCodecLength(ctx, "States.Base64Decode", text);
  const bytes = decodeBase64(text);
  if (!bytes) fail(ctx, "Invalid arguments in States.Base64Decode: the input is not a valid Base64 string.");
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

/** RFC 4648 basic alphabet; padding optional, as Java's Base64 decoder accepts. */
function decodeBase64(text: string): Uint8Array | undefined {
  let end = text.length;
  let padding = 0;
  while (end > 0 && text[end - 1] === "=" && padding < 2) {
    end--;
    padding++;
  }
  if (padding > 0 && text.length % 4 !== 0) return undefined;
  if (end % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((end * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let out = 0;
  for (let i = 0; i < end; i++) {
    const sextet = BASE64_ALPHABET.indexOf(text[i]!);
    if (sextet < 0) return undefined;
    buffer = ((buffer << 6) | sextet) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** The digests States.Hash and JSONata's $hash accept, by AWS's algorithm names. */
export const HASH_ALGORITHMS: Readonly<Record<string, (data: Uint8Array) => Uint8Array>> = {
  MD5: (data) => md5(data),
  "SHA-1": (data) => sha1(data),
  "SHA-256": (data) => sha256(data),
  "SHA-384": (data) => sha384(data),
  "SHA-512": (data) => sha512(data),
};

function statesHash(args: unknown[], ctx: EvalContext): string {
  const data = expectString(ctx, "States.Hash", args[0], 1);
  const algorithm = expectString(ctx, "States.Hash", args[1], 2);
  checkCodecLength(ctx, "States.Hash", data);
  const hash = Object.prototype.hasOwnProperty.call(HASH_ALGORITHMS, algorithm)
    ? HASH_ALGORITHMS[algorithm]
    : undefined;
  if (!hash) {
    fail(
      ctx,
      `Invalid arguments in States.Hash: unsupported algorithm '${algorithm}'; use one of ${Object.keys(HASH_ALGORITHMS).join(", ")}.`,
    );
  }
  return bytesToHex(hash(utf8ToBytes(data)));
}

// --- Math --------------------------------------------------------------------------------------------

function statesMathAdd(args: unknown[], ctx: EvalContext): number {
  const a = roundedInteger(ctx, "States.MathAdd", args[0], 1);
  const b = roundedInteger(ctx, "States.MathAdd", args[1], 2);
  for (const [position, value] of [
    [1, a],
    [2, b],
  ] as const) {
    if (value < INT_MIN || value > INT_MAX) {
      fail(
        ctx,
        `Invalid arguments in States.MathAdd: argument ${position} (${value}) is outside the range ${INT_MIN} to ${INT_MAX}.`,
      );
    }
  }
  return a + b + 0;
}

function statesMathRandom(args: unknown[], ctx: EvalContext): number {
  const start = roundedInteger(ctx, "States.MathRandom", args[0], 1);
  const end = roundedInteger(ctx, "States.MathRandom", args[1], 2);
  const bound = end - start;
  // AWS: start inclusive, end exclusive; so end must exceed start (inferred: a failure otherwise).
  if (bound <= 0 || bound > INT_MAX) {
    fail(
      ctx,
      `Invalid arguments in States.MathRandom: the end (${end}) must be greater than the start (${start}).`,
    );
  }
  if (args.length === 3) {
    const seed = roundedInteger(ctx, "States.MathRandom", args[2], 3);
    // Same seed → same number (documented). The generator is java.util.Random (inferred).
    return start + new JavaRandom(BigInt(seed)).nextInt(bound);
  }
  return start + Math.floor(ctx.env.random() * bound);
}

const MASK_48 = (1n << 48n) - 1n;
const MULTIPLIER = 0x5deece66dn;

/** java.util.Random's 48-bit linear congruential generator. */
class JavaRandom {
  private seed: bigint;

  constructor(seed: bigint) {
    this.seed = (seed ^ MULTIPLIER) & MASK_48;
  }

  private next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + 0xbn) & MASK_48;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  nextInt(bound: number): number {
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; u = this.next(31));
    return r;
  }
}

// --- Strings --------------------------------------------------------------------------------------------

/** The second argument is a set of delimiter characters; empty pieces are dropped (recorded on AWS). */
function statesStringSplit(args: unknown[], ctx: EvalContext): string[] {
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
