/**
 * JSONPath as Step Functions evaluates it (AWS follows Jayway JsonPath): `$` (state data), `$$` (context
 * object) and `$name` (workflow variables).
 *
 * Every path is parsed once, by the hand-written parser below, into a list of steps; `compilePath` caches
 * the result by text. Nothing here ever calls `eval`, `new Function` or a regular expression at evaluation
 * time, so the engine runs unchanged under a strict Content-Security-Policy, and no path text can execute
 * code: anything outside the grammar is a `PathSyntaxError` at compile time.
 *
 * - Reference paths (`$.a.b`, `$['a b']`, `$.a[0]`, `$$.Execution.Id`, `$var.x`) compile into a flat array of
 *   keys walked by one loop (the hot path).
 * - The rest of JSONPath, where AWS allows it: wildcards (`.*`, `[*]`), slices (`[1:3]`, `[-1:]`), unions
 *   (`[0,1]`, `['a','b']`), deep scan (`..`), the `length()` function and filters (`[?(@.price > 10)]`).
 *   An indefinite path yields an array of matches (`[]` when nothing matched).
 *
 * Lookups read own properties only: `$.constructor`, `$.__proto__` or `$.toString` on a plain object are
 * absent, and a field named `__proto__` in the data is read (or written by ResultPath) as plain data.
 *
 * Why not jsonpath-plus: its path tokenizer is a chain of regular expressions that mis-reads legitimate
 * field names (`$['a]b']`, `$['a;b']`, `$['a^b']` match nothing) and string literals inside filters, and it
 * filters the members of an object where Jayway tests the object itself. Walking our own syntax tree is
 * simpler, exact, and leaves no script evaluator in the engine at all.
 *
 * Semantics taken from Jayway where AWS documents nothing (see the notes at each step):
 * - a filter tests array elements, or the object it is applied to; per the AWS docs, `@` only matches
 *   objects, never scalars (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html);
 * - a trailing union of names (`$['a','b']`) yields one object holding those fields, and counts as definite;
 * - a filter that names a missing field is false (`!=` is then true); comparisons never convert types.
 */
import { StatesError, StatesErrors } from "./errors.ts";

export interface PathScope {
  /** The data the path starts from: `$`. */
  readonly data: unknown;
  /** The context object: `$$`. */
  readonly context: unknown;
  /** Workflow variables, read as `$name`. */
  readonly variables: Readonly<Record<string, unknown>>;
}

export interface CompiledPath {
  readonly text: string;
  /** True when the path names a single node (no wildcard, filter, slice, union or deep scan). */
  readonly isDefinite: boolean;
  /** True when the path is a Reference Path as AWS defines it; see `isReferencePath`. */
  readonly isReference: boolean;
  /**
   * The selected value. A definite path yields the node, or `undefined` when it is absent.
   * An indefinite path always yields an array of the matches (`[]` when none matched).
   * Values are shared with the data, not copied: callers must not mutate them.
   */
  select(scope: PathScope): unknown;
}

/** A path that does not follow the grammar. `position` is the offending character's index (from 0). */
export class PathSyntaxError extends Error {
  readonly path: string;
  readonly position: number;
  readonly detail: string;

  constructor(path: string, detail: string, position = 0) {
    super(`JSONPath inválido '${path}': ${detail} (posição ${position}, contando a partir de 0)`);
    this.name = "PathSyntaxError";
    this.path = path;
    this.position = position;
    this.detail = detail;
  }
}

// ---------------------------------------------------------------------------------------------------
// Syntax tree

type Root = "data" | "context" | "variable";

type Step =
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "index"; readonly index: number }
  | { readonly kind: "names"; readonly names: readonly string[] }
  | { readonly kind: "indices"; readonly indices: readonly number[] }
  | { readonly kind: "wildcard" }
  | { readonly kind: "slice"; readonly start: number | undefined; readonly end: number | undefined }
  | { readonly kind: "filter"; readonly test: FilterExpr }
  | { readonly kind: "scan"; readonly target: Step }
  | { readonly kind: "length" };

type Literal = string | number | boolean | null;

/** A path inside a filter: from `@` (the candidate) or `$` (the root). `length` ends it with `length()`. */
interface FilterPath {
  readonly kind: "path";
  readonly from: "@" | "$";
  readonly keys: readonly (string | number)[];
  readonly length: boolean;
}

type Operand = FilterPath | { readonly kind: "literal"; readonly value: Literal };

type Comparison = "==" | "!=" | "<" | "<=" | ">" | ">=";

type FilterExpr =
  | { readonly kind: "or" | "and"; readonly left: FilterExpr; readonly right: FilterExpr }
  | { readonly kind: "not"; readonly operand: FilterExpr }
  | { readonly kind: "exists"; readonly path: FilterPath }
  | { readonly kind: "compare"; readonly op: Comparison; readonly left: Operand; readonly right: Operand };

interface ParsedPath {
  readonly root: Root;
  readonly variable: string;
  readonly steps: readonly Step[];
}

// ---------------------------------------------------------------------------------------------------
// Parser: one pass, left to right; every error names the character where it was found.

const MAX_FILTER_DEPTH = 32;
const UNSUPPORTED_WORD_OPERATORS = new Set([
  "in",
  "nin",
  "subsetof",
  "anyof",
  "noneof",
  "size",
  "empty",
  "contains",
]);

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

function isVariableStart(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || ch === "_");
}

function isVariableChar(ch: string | undefined): boolean {
  return isVariableStart(ch) || isDigit(ch);
}

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

/** Characters allowed in a dotted name inside a filter (`@.a_b-1`); anything else needs `['...']`. */
function isFilterNameChar(ch: string | undefined): boolean {
  return (
    ch !== undefined &&
    ((ch >= "a" && ch <= "z") ||
      (ch >= "A" && ch <= "Z") ||
      isDigit(ch) ||
      ch === "_" ||
      ch === "-" ||
      ch.charCodeAt(0) >= 0x80)
  );
}

class Parser {
  private pos = 0;
  private depth = 0;

  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  private fail(detail: string, at: number = this.pos): never {
    throw new PathSyntaxError(this.text, detail, at);
  }

  private peek(offset = 0): string | undefined {
    return this.text[this.pos + offset];
  }

  private describe(at: number = this.pos): string {
    const ch = this.text[at];
    return ch === undefined ? "o fim do caminho" : `'${ch}'`;
  }

  private skipSpaces(): void {
    while (isSpace(this.peek())) this.pos++;
  }

  private expect(ch: string, what: string): void {
    if (this.peek() !== ch) this.fail(`esperava ${what}, encontrou ${this.describe()}`);
    this.pos++;
  }

  parse(): ParsedPath {
    const text = this.text;
    if (text[0] !== "$") this.fail("um caminho deve começar com '$'", 0);
    let root: Root = "data";
    let variable = "";
    this.pos = 1;
    if (text[1] === "$") {
      root = "context";
      this.pos = 2;
    } else if (isVariableStart(text[1])) {
      root = "variable";
      while (isVariableChar(this.peek())) this.pos++;
      variable = text.slice(1, this.pos);
    }
    const steps: Step[] = [];
    while (this.pos < text.length) {
      const ch = text[this.pos];
      if (ch === ".") {
        if (text[this.pos + 1] === ".") {
          this.pos += 2;
          steps.push({ kind: "scan", target: this.parseAfterScan() });
        } else {
          this.pos++;
          steps.push(this.parseAfterDot());
        }
      } else if (ch === "[") {
        steps.push(this.parseBracket());
      } else if (isSpace(ch)) {
        this.fail("espaço em branco fora de colchetes");
      } else {
        this.fail(`caractere inesperado '${ch}'; depois de um passo do caminho vem '.' ou '['`);
      }
    }
    return { root, variable, steps };
  }

  private parseAfterDot(): Step {
    const ch = this.peek();
    if (ch === undefined) this.fail("o caminho não pode terminar em '.'", this.pos - 1);
    if (ch === "*") {
      this.pos++;
      this.expectStepEnd();
      return { kind: "wildcard" };
    }
    if (ch === "[") return this.parseBracket();
    const start = this.pos;
    const name = this.parseDotName();
    if (this.peek() === "(") return this.parseFunction(name, start);
    return { kind: "name", name };
  }

  private parseAfterScan(): Step {
    const ch = this.peek();
    if (ch === undefined) this.fail("o caminho não pode terminar em '..'", this.pos - 2);
    if (ch === ".") this.fail("'...' não é válido; use '..' para a busca recursiva");
    if (ch === "*") {
      this.pos++;
      this.expectStepEnd();
      return { kind: "wildcard" };
    }
    if (ch === "[") return this.parseBracket();
    const start = this.pos;
    const name = this.parseDotName();
    if (this.peek() === "(") this.fail(`a função ${name}() não pode seguir '..'`, start);
    return { kind: "name", name };
  }

  private expectStepEnd(): void {
    const ch = this.peek();
    if (ch !== undefined && ch !== "." && ch !== "[") {
      this.fail(`caractere inesperado '${ch}' depois de '*'`);
    }
  }

  /** A name after `.`: runs to the next unescaped `.` or `[`; `\x` stands for `x` (ASL spec examples). */
  private parseDotName(): string {
    const start = this.pos;
    let name = "";
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (ch === "." || ch === "[" || ch === "(") break;
      if (ch === "\\") {
        if (this.pos + 1 >= this.text.length) this.fail("barra invertida sem caractere depois dela");
        name += this.text[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (isSpace(ch)) {
        this.fail(
          "espaço em branco em nome de campo; use a notação de colchetes, por exemplo $['meu campo']",
        );
      }
      name += ch;
      this.pos++;
    }
    if (this.pos === start) this.fail("nome de campo vazio", start);
    return name;
  }

  private parseFunction(name: string, start: number): Step {
    if (name !== "length") this.fail(`a função ${name}() não é suportada; só length() é`, start);
    this.pos++;
    this.skipSpaces();
    this.expect(")", "')' (length() não recebe argumentos)");
    if (this.pos < this.text.length) this.fail("a função length() só pode encerrar o caminho");
    return { kind: "length" };
  }

  private parseBracket(): Step {
    const open = this.pos;
    this.pos++;
    this.skipSpaces();
    const ch = this.peek();
    let step: Step;
    if (ch === undefined) this.fail("colchete '[' sem o ']' correspondente", open);
    if (ch === "]") this.fail("colchetes vazios");
    if (ch === "*") {
      this.pos++;
      step = { kind: "wildcard" };
    } else if (ch === "?") {
      this.pos++;
      this.skipSpaces();
      this.expect("(", "'(' depois de '?' (a forma do filtro é [?(...)])");
      const test = this.parseOr();
      this.skipSpaces();
      this.expect(")", "')' ou um operador no filtro");
      step = { kind: "filter", test };
    } else if (ch === "'" || ch === '"') {
      const names = [this.parseString()];
      this.skipSpaces();
      while (this.peek() === ",") {
        this.pos++;
        this.skipSpaces();
        const quote = this.peek();
        if (quote !== "'" && quote !== '"') this.fail("uma união de nomes só aceita nomes entre aspas");
        names.push(this.parseString());
        this.skipSpaces();
      }
      step = names.length === 1 ? { kind: "name", name: names[0]! } : { kind: "names", names };
    } else if (isDigit(ch) || ch === "-" || ch === ":") {
      step = this.parseIndexOrSlice();
    } else if (ch === "(") {
      this.fail("expressões de script [(...)] não são suportadas");
    } else {
      this.fail(`seletor inválido dentro de colchetes: '${ch}'`);
    }
    this.skipSpaces();
    if (this.peek() === undefined) this.fail("colchete '[' sem o ']' correspondente", open);
    this.expect("]", "']'");
    return step;
  }

  private parseInteger(): number {
    const start = this.pos;
    if (this.peek() === "-") this.pos++;
    if (!isDigit(this.peek())) this.fail(`esperava um número inteiro, encontrou ${this.describe()}`);
    while (isDigit(this.peek())) this.pos++;
    const value = Number(this.text.slice(start, this.pos));
    if (!Number.isSafeInteger(value)) this.fail("índice grande demais", start);
    return value;
  }

  private parseIndexOrSlice(): Step {
    const first = this.peek() === ":" ? undefined : this.parseInteger();
    this.skipSpaces();
    if (this.peek() === ":") {
      this.pos++;
      this.skipSpaces();
      const next = this.peek();
      const end = isDigit(next) || next === "-" ? this.parseInteger() : undefined;
      this.skipSpaces();
      if (this.peek() === ":") this.fail("fatias com passo ([início:fim:passo]) não são suportadas");
      return { kind: "slice", start: first, end };
    }
    const indices = [first!];
    while (this.peek() === ",") {
      this.pos++;
      this.skipSpaces();
      indices.push(this.parseInteger());
      this.skipSpaces();
    }
    return indices.length === 1 ? { kind: "index", index: indices[0]! } : { kind: "indices", indices };
  }

  /** A quoted string, `'...'` or `"..."`, with JSON-style escapes (and `\'`). */
  private parseString(): string {
    const start = this.pos;
    const quote = this.text[this.pos]!;
    this.pos++;
    let value = "";
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.fail("texto sem as aspas de fechamento", start);
      if (ch === quote) {
        this.pos++;
        return value;
      }
      if (ch !== "\\") {
        value += ch;
        this.pos++;
        continue;
      }
      const escaped = this.peek(1);
      switch (escaped) {
        case "'":
        case '"':
        case "\\":
        case "/":
          value += escaped;
          break;
        case "b":
          value += "\b";
          break;
        case "f":
          value += "\f";
          break;
        case "n":
          value += "\n";
          break;
        case "r":
          value += "\r";
          break;
        case "t":
          value += "\t";
          break;
        case "u": {
          const hex = this.text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("escape \\u precisa de 4 dígitos hexadecimais");
          value += String.fromCharCode(parseInt(hex, 16));
          this.pos += 4;
          break;
        }
        default:
          this.fail(`sequência de escape inválida '\\${escaped ?? ""}'`);
      }
      this.pos += 2;
    }
  }

  // --- filters: or := and ('||' and)* ; and := unary ('&&' unary)* ; unary := '!' unary | primary

  private enter(): void {
    if (++this.depth > MAX_FILTER_DEPTH) this.fail("expressão de filtro aninhada demais");
  }

  private parseOr(): FilterExpr {
    this.enter();
    let left = this.parseAnd();
    for (;;) {
      this.skipSpaces();
      if (this.peek() !== "|" || this.peek(1) !== "|") break;
      this.pos += 2;
      left = { kind: "or", left, right: this.parseAnd() };
    }
    this.depth--;
    return left;
  }

  private parseAnd(): FilterExpr {
    let left = this.parseUnary();
    for (;;) {
      this.skipSpaces();
      if (this.peek() !== "&" || this.peek(1) !== "&") break;
      this.pos += 2;
      left = { kind: "and", left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterExpr {
    this.skipSpaces();
    if (this.peek() === "!" && this.peek(1) !== "=") {
      this.pos++;
      this.enter();
      const operand = this.parseUnary();
      this.depth--;
      return { kind: "not", operand };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterExpr {
    this.skipSpaces();
    if (this.peek() === "(") {
      this.pos++;
      const inner = this.parseOr();
      this.skipSpaces();
      this.expect(")", "')' ou um operador no filtro");
      return inner;
    }
    const leftAt = this.pos;
    const left = this.parseOperand();
    this.skipSpaces();
    const op = this.parseComparison();
    if (op === undefined) {
      if (left.kind === "path") return { kind: "exists", path: left };
      this.fail("um valor literal sozinho não é uma condição; compare-o com algo (==, !=, <, ...)", leftAt);
    }
    return { kind: "compare", op, left, right: this.parseOperand() };
  }

  private parseComparison(): Comparison | undefined {
    const at = this.pos;
    const a = this.peek();
    const b = this.peek(1);
    let op: Comparison | undefined;
    if (a === "=" && b === "=") op = "==";
    else if (a === "!" && b === "=") op = "!=";
    else if (a === "<" && b === "=") op = "<=";
    else if (a === ">" && b === "=") op = ">=";
    else if (a === "<") op = "<";
    else if (a === ">") op = ">";
    else if (a === "=" && b === "~") {
      this.fail("filtros por expressão regular (=~) não são suportados");
    } else if (a === "=") {
      this.fail("'=' sozinho não é um operador; para comparar use '=='");
    } else if (isVariableStart(a)) {
      let end = at;
      while (isVariableChar(this.text[end])) end++;
      const word = this.text.slice(at, end);
      if (UNSUPPORTED_WORD_OPERATORS.has(word)) this.fail(`o operador '${word}' não é suportado`);
      this.fail(`esperava um operador de comparação, encontrou '${word}'`);
    }
    if (op === undefined) return undefined;
    this.pos += op.length;
    if (this.peek() === "=") this.fail(`'${op}=' não existe em JSONPath; use '${op}'`, at);
    return op;
  }

  private parseOperand(): Operand {
    this.skipSpaces();
    const at = this.pos;
    const ch = this.peek();
    if (ch === "@" || ch === "$") {
      this.pos++;
      const next = this.peek();
      if (next !== undefined && next !== "." && next !== "[" && !isSpace(next) && !")=!<>&|".includes(next)) {
        this.fail(
          ch === "@"
            ? `depois de '@' vem '.', '[' ou o fim do operando; '@${next}…' não existe`
            : "dentro de um filtro, '$' é a raiz dos dados e não pode ser seguido de um nome",
        );
      }
      return this.parseFilterPath(ch);
    }
    if (ch === "'" || ch === '"') return { kind: "literal", value: this.parseString() };
    if (isDigit(ch) || ch === "-") return { kind: "literal", value: this.parseNumber() };
    if (isVariableStart(ch)) {
      while (isVariableChar(this.peek())) this.pos++;
      const word = this.text.slice(at, this.pos);
      if (word === "true") return { kind: "literal", value: true };
      if (word === "false") return { kind: "literal", value: false };
      if (word === "null") return { kind: "literal", value: null };
      this.fail(`identificador '${word}' não é permitido no filtro; use @ para o item atual`, at);
    }
    this.fail(
      ch === undefined
        ? "filtro incompleto: esperava um operando"
        : `operando inválido no filtro: '${ch}' (use @, @.campo, um texto, um número, true, false ou null)`,
    );
  }

  private parseNumber(): number {
    const start = this.pos;
    if (this.peek() === "-") this.pos++;
    if (!isDigit(this.peek())) this.fail(`esperava um número, encontrou ${this.describe()}`);
    while (isDigit(this.peek())) this.pos++;
    if (this.peek() === "." && isDigit(this.peek(1))) {
      this.pos++;
      while (isDigit(this.peek())) this.pos++;
    }
    if (this.peek() === "e" || this.peek() === "E") {
      this.pos++;
      if (this.peek() === "+" || this.peek() === "-") this.pos++;
      if (!isDigit(this.peek())) this.fail("expoente sem dígitos");
      while (isDigit(this.peek())) this.pos++;
    }
    return Number(this.text.slice(start, this.pos));
  }

  private parseFilterPath(from: "@" | "$"): FilterPath {
    const keys: (string | number)[] = [];
    for (;;) {
      const ch = this.peek();
      if (ch === ".") {
        this.pos++;
        const next = this.peek();
        if (next === ".") this.fail("a busca recursiva '..' não é suportada dentro de filtros");
        if (next === "*") this.fail("curingas não são suportados dentro de filtros");
        if (next === "[") continue;
        const start = this.pos;
        while (isFilterNameChar(this.peek())) this.pos++;
        if (this.pos === start) this.fail(`nome de campo inválido no filtro: ${this.describe()}`);
        const name = this.text.slice(start, this.pos);
        if (this.peek() === "(") {
          if (name !== "length") this.fail(`a função ${name}() não é suportada; só length() é`, start);
          this.pos++;
          this.skipSpaces();
          this.expect(")", "')' (length() não recebe argumentos)");
          if (this.peek() === "." || this.peek() === "[") this.fail("length() só pode encerrar o caminho");
          return { kind: "path", from, keys, length: true };
        }
        keys.push(name);
      } else if (ch === "[") {
        this.pos++;
        this.skipSpaces();
        const inner = this.peek();
        if (inner === "'" || inner === '"') keys.push(this.parseString());
        else if (isDigit(inner) || inner === "-") keys.push(this.parseInteger());
        else if (inner === "?") this.fail("filtros aninhados não são suportados");
        else if (inner === "*") this.fail("curingas não são suportados dentro de filtros");
        else this.fail(`seletor inválido dentro de colchetes: ${this.describe()}`);
        this.skipSpaces();
        this.expect("]", "']'");
      } else {
        return { kind: "path", from, keys, length: false };
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Evaluation

const hasOwn = Object.prototype.hasOwnProperty;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The hot path: a definite walk over own properties and in-range indices (negative counts from the end). */
function walk(root: unknown, keys: readonly (string | number)[]): unknown {
  let node = root;
  for (let i = 0; i < keys.length; i++) {
    if (node === null || typeof node !== "object") return undefined;
    const key = keys[i]!;
    if (typeof key === "number") {
      if (!Array.isArray(node)) return undefined;
      const index = key < 0 ? node.length + key : key;
      if (index < 0 || index >= node.length) return undefined;
      node = node[index];
    } else {
      if (Array.isArray(node) || !hasOwn.call(node, key)) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
  }
  return node;
}

function defineField(target: Record<string, unknown>, key: string, value: unknown): void {
  // Never `target[key] = value`: for the key "__proto__" that would replace the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Jayway's leaf union of names: one object with the fields that exist. */
function mergeNames(node: unknown, names: readonly string[]): Record<string, unknown> | undefined {
  if (!isObject(node)) return undefined;
  const merged: Record<string, unknown> = {};
  for (const name of names) if (hasOwn.call(node, name)) defineField(merged, name, node[name]);
  return merged;
}

function lengthOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (isObject(value)) return Object.keys(value).length;
  return undefined;
}

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
function passes(filter: FilterExpr, candidate: unknown, root: unknown): boolean {
  return isObject(candidate) && evaluateFilter(filter, candidate, root);
}

function pushIndex(node: unknown[], index: number, out: unknown[]): void {
  const i = index < 0 ? node.length + index : index;
  if (i >= 0 && i < node.length) out.push(node[i]);
}

function pushChildren(node: unknown, out: unknown[]): void {
  if (Array.isArray(node)) for (const item of node) out.push(item);
  else if (isObject(node)) for (const key of Object.keys(node)) out.push(node[key]);
}

/** Applies one step to one node, appending what it selects to `out`. */
function applyStep(step: Step, node: unknown, out: unknown[], root: unknown, leaf: boolean): void {
  switch (step.kind) {
    case "name":
      if (isObject(node) && hasOwn.call(node, step.name)) out.push(node[step.name]);
      return;
    case "index":
      if (Array.isArray(node)) pushIndex(node, step.index, out);
      return;
    case "names":
      if (!isObject(node)) return;
      if (leaf) out.push(mergeNames(node, step.names));
      else for (const name of step.names) if (hasOwn.call(node, name)) out.push(node[name]);
      return;
    case "indices":
      if (Array.isArray(node)) for (const index of step.indices) pushIndex(node, index, out);
      return;
    case "wildcard":
      pushChildren(node, out);
      return;
    case "slice": {
      if (!Array.isArray(node)) return;
      const length = node.length;
      const clamp = (value: number): number =>
        Math.min(Math.max(value < 0 ? length + value : value, 0), length);
      const end = step.end === undefined ? length : clamp(step.end);
      for (let i = step.start === undefined ? 0 : clamp(step.start); i < end; i++) out.push(node[i]);
      return;
    }
    case "filter":
      // Jayway: a filter on an array tests its elements; on an object, it tests the object itself.
      if (Array.isArray(node)) {
        for (const item of node) if (passes(step.test, item, root)) out.push(item);
      } else if (passes(step.test, node, root)) {
        out.push(node);
      }
      return;
    case "scan":
      scan(step.target, node, out, root, leaf);
      return;
    case "length":
      // Handled by `select`: it applies to the whole result.
      return;
  }
}

/** `..target`: visits the node and all its descendants in document order (pre-order), without recursion. */
function scan(target: Step, node: unknown, out: unknown[], root: unknown, leaf: boolean): void {
  const stack: unknown[] = [node];
  const children: unknown[] = [];
  while (stack.length > 0) {
    const current = stack.pop();
    if (target.kind === "filter") {
      // Under a scan a filter tests every descendant once (as RFC 9535 does), not its container too.
      children.length = 0;
      pushChildren(current, children);
      for (const child of children) if (passes(target.test, child, root)) out.push(child);
    } else if (target.kind === "names" && leaf) {
      // Jayway merges at the objects that hold every one of the names.
      if (isObject(current) && target.names.every((name) => hasOwn.call(current, name))) {
        out.push(mergeNames(current, target.names));
      }
    } else {
      applyStep(target, current, out, root, false);
    }
    children.length = 0;
    pushChildren(current, children);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== null && typeof child === "object") stack.push(child);
    }
  }
}

function selectAll(steps: readonly Step[], start: unknown): unknown[] {
  let current: unknown[] = [start];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const next: unknown[] = [];
    const leaf = i === steps.length - 1;
    for (const node of current) applyStep(step, node, next, start, leaf);
    current = next;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------------
// Compilation

interface Compiled extends CompiledPath {
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

function compile(text: string): Compiled {
  const cached = cache.get(text);
  if (cached) return cached;
  if (typeof text !== "string") throw new PathSyntaxError(String(text), "um caminho deve ser um texto", 0);
  const parsed = new Parser(text).parse();
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

// ---------------------------------------------------------------------------------------------------
// ResultPath

function resultPathFailure(resultPath: string, input: unknown): StatesError {
  return new StatesError(
    StatesErrors.ResultPathMatchFailure,
    `Unable to apply ResultPath "${resultPath}" to input ${JSON.stringify(input)}`,
  );
}

/**
 * Places `result` into `input` at a reference path, as ResultPath does
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html,
 * https://states-language.net/spec.html):
 * - `$` replaces the input with the result;
 * - an existing field is overwritten in place; a missing one is appended, with missing intermediate
 *   objects created on the way;
 * - an index (`$.list[1]`) replaces an element of an existing array; arrays are never created or grown;
 * - landing on anything else (a string, a number, `null`, an array reached by name, an index out of range)
 *   fails with `States.ResultPathMatchFailure`.
 *
 * The input is never mutated: the objects along the path are copied, the rest is shared.
 * `"ResultPath": null` (discard the result, keep the input) is not a path: the caller handles it before
 * calling this. Throws `PathSyntaxError` when `resultPath` is not a reference path on `$`.
 */
export function applyResultPath(input: unknown, resultPath: string, result: unknown): unknown {
  const compiled = compile(resultPath);
  if (compiled.root !== "data") {
    throw new PathSyntaxError(
      resultPath,
      "ResultPath deve começar com '$' seguido de '.' ou '[' (nem '$$' nem variáveis)",
      1,
    );
  }
  if (!compiled.isReference) {
    throw new PathSyntaxError(
      resultPath,
      "ResultPath aceita só caminhos de referência: campos com '.' ou ['...'] e índices [n]",
      0,
    );
  }
  const keys = compiled.keys!;
  if (keys.length === 0) return result;

  const write = (node: unknown, depth: number): unknown => {
    const key = keys[depth]!;
    const last = depth === keys.length - 1;
    if (typeof key === "number") {
      if (!Array.isArray(node) || key >= node.length) throw resultPathFailure(resultPath, input);
      const copy = node.slice();
      copy[key] = last ? result : write(node[key], depth + 1);
      return copy;
    }
    if (!isObject(node)) throw resultPathFailure(resultPath, input);
    const copy: Record<string, unknown> = { ...node };
    let value: unknown;
    if (last) value = result;
    else if (hasOwn.call(node, key)) value = write(node[key], depth + 1);
    else value = write({}, depth + 1);
    defineField(copy, key, value);
    return copy;
  };
  return write(input, 0);
}
