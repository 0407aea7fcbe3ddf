/**
 * JSONPath-mode Choice rules (`Variable` + one comparison operator, or `And`/`Or`/`Not`), compiled once
 * into a predicate that does no parsing when it runs.
 *
 * Semantics, with their sources:
 * - Amazon States Language spec, "Data-test expression for JSONPath Choice Rules"
 *   (https://states-language.net/spec.html#choice-state):
 *   - a comparison whose values are not both of the operator's type returns false;
 *   - `IsPresent` never throws: a Variable that matches nothing just makes it false;
 *   - `And`/`Or` evaluate in order and stop as soon as the result is known;
 *   - `StringMatches`: only `*` is special, `\*` is a literal star, `\\` a literal backslash, and an
 *     "open escape backslash" is a runtime error;
 *   - String comparators compare character by character, no case folding or normalization.
 * - AWS "Choice workflow state" (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html):
 *   string ordering follows Java `String.compareTo` (UTF-16 code units, which is what JS `<` does);
 *   timestamps are RFC3339 with an uppercase `T` and an uppercase `Z` when no offset is given;
 *   `Variable` and `…Path` values must be Reference Paths; `And`/`Or` hold non-empty arrays of rules
 *   without `Next`, `Not` holds one rule without `Next`.
 * - Recorded on AWS: a Variable that matches nothing (any operator but `IsPresent`) fails the state with
 *   `States.Runtime`, cause "Invalid path '$.x': The choice state's condition path references an invalid
 *   value." The Choice state itself prefixes "An error occurred while executing the state '…'…".
 *
 * Inferred (not stated by AWS): a missing `…Path` operand fails the same way, naming that path; the Variable
 * is resolved before the `…Path` operand; `IsPresent: false` is true when the path matches nothing;
 * a backslash before any other character makes that character literal (only a trailing backslash is
 * "open"); timestamps take 1–9 fractional digits and seconds 00–59 (Java's ISO parser); offsets follow
 * RFC3339 (`±HH:MM`, hours 00–23).
 */
import { DefinitionError, StatesError, StatesErrors } from "./errors.ts";
import { compilePath, type CompiledPath, type PathScope } from "./jsonpath.ts";
import { timestampKey } from "./timestamps.ts";

export { isRfc3339Timestamp } from "./timestamps.ts";

export type ChoicePredicate = (scope: PathScope) => boolean;

type ValueType = "string" | "numeric" | "boolean" | "timestamp";
type Relation = "Equals" | "LessThan" | "GreaterThan" | "LessThanEquals" | "GreaterThanEquals";
type TypeTest = "IsNull" | "IsNumeric" | "IsString" | "IsBoolean" | "IsTimestamp";

type OperatorSpec =
  | {
      readonly kind: "compare";
      readonly type: ValueType;
      readonly relation: Relation;
      readonly path: boolean;
    }
  | { readonly kind: "matches" }
  | { readonly kind: "isPresent" }
  | { readonly kind: "typeTest"; readonly test: TypeTest }
  | { readonly kind: "andOr"; readonly all: boolean }
  | { readonly kind: "not" };

const TYPE_PREFIX: Readonly<Record<ValueType, string>> = {
  string: "String",
  numeric: "Numeric",
  boolean: "Boolean",
  timestamp: "Timestamp",
};
const RELATIONS: readonly Relation[] = [
  "Equals",
  "LessThan",
  "GreaterThan",
  "LessThanEquals",
  "GreaterThanEquals",
];

const OPERATORS: ReadonlyMap<string, OperatorSpec> = (() => {
  const map = new Map<string, OperatorSpec>();
  for (const type of Object.keys(TYPE_PREFIX) as ValueType[]) {
    for (const relation of type === "boolean" ? (["Equals"] as const) : RELATIONS) {
      const name = TYPE_PREFIX[type] + relation;
      map.set(name, { kind: "compare", type, relation, path: false });
      map.set(`${name}Path`, { kind: "compare", type, relation, path: true });
    }
  }
  map.set("StringMatches", { kind: "matches" });
  map.set("IsPresent", { kind: "isPresent" });
  for (const test of ["IsNull", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"] as const) {
    map.set(test, { kind: "typeTest", test });
  }
  map.set("And", { kind: "andOr", all: true });
  map.set("Or", { kind: "andOr", all: false });
  map.set("Not", { kind: "not" });
  return map;
})();

/** Fields a rule may carry besides its operator and `Variable`. */
const TOP_LEVEL_EXTRAS: ReadonlySet<string> = new Set(["Next", "Assign", "Comment"]);
const NESTED_EXTRAS: ReadonlySet<string> = new Set(["Comment"]);

const TYPE_NAMES: Readonly<Record<ValueType, string>> = {
  string: "uma string",
  numeric: "um número",
  boolean: "um booleano (true ou false)",
  timestamp: "um timestamp RFC3339 (string)",
};

// ---------------------------------------------------------------------------------------------------------
// Compilation

/**
 * Compiles one Choice rule (top-level rule with Next, or a nested rule inside And/Or/Not) into a predicate.
 * `location` is the rule's pointer, e.g. "/States/Decidir/Choices/0". Throws `DefinitionError` on a
 * malformed rule. The predicate throws `StatesError` (`States.Runtime`) when a path it needs matches nothing.
 */
export function compileChoiceRule(rule: unknown, location: string): ChoicePredicate {
  return compileRule(rule, location, false);
}

function compileRule(rule: unknown, location: string, nested: boolean): ChoicePredicate {
  if (!isPlainObject(rule)) {
    throw new DefinitionError(
      `Uma regra de Choice deve ser um objeto JSON, mas é ${describeType(rule)}`,
      location,
    );
  }
  const operatorNames: string[] = [];
  const extras = nested ? NESTED_EXTRAS : TOP_LEVEL_EXTRAS;
  for (const key of Object.keys(rule)) {
    if (OPERATORS.has(key)) operatorNames.push(key);
    else if (key === "Next" && nested) {
      throw new DefinitionError(
        "Uma regra aninhada em 'And', 'Or' ou 'Not' não pode ter o campo 'Next' (só a regra de nível superior)",
        `${location}/Next`,
      );
    } else if (key !== "Variable" && !extras.has(key)) {
      throw new DefinitionError(
        `O campo '${key}' não é suportado numa regra de Choice (JSONPath)`,
        `${location}/${key}`,
      );
    }
  }
  if (operatorNames.length === 0) {
    throw new DefinitionError(
      "A regra de Choice não tem operador: use um operador de comparação (ex.: 'StringEquals', " +
        "'NumericLessThan', 'IsPresent') com 'Variable', ou 'And', 'Or' ou 'Not'",
      location,
    );
  }
  if (operatorNames.length > 1) {
    throw new DefinitionError(
      `A regra de Choice deve ter exatamente um operador, mas tem ${operatorNames.length}: ` +
        operatorNames.map((name) => `'${name}'`).join(", "),
      location,
    );
  }
  const operator = operatorNames[0]!;
  const spec = OPERATORS.get(operator)!;
  const operand = rule[operator];
  const operandLocation = `${location}/${operator}`;

  if (spec.kind === "andOr" || spec.kind === "not") {
    if (Object.prototype.hasOwnProperty.call(rule, "Variable")) {
      throw new DefinitionError(
        `O campo 'Variable' não é permitido numa regra '${operator}'; coloque-o nas regras internas`,
        `${location}/Variable`,
      );
    }
    if (spec.kind === "not") {
      if (!isPlainObject(operand)) {
        throw new DefinitionError(
          `O valor de 'Not' deve ser uma única regra (objeto JSON), mas é ${describeType(operand)}`,
          operandLocation,
        );
      }
      const inner = compileRule(operand, operandLocation, true);
      return (scope) => !inner(scope);
    }
    if (!Array.isArray(operand) || operand.length === 0) {
      throw new DefinitionError(
        `O valor de '${operator}' deve ser um array não vazio de regras, mas é ${describeType(operand)}`,
        operandLocation,
      );
    }
    const rules = operand.map((inner, index) => compileRule(inner, `${operandLocation}/${index}`, true));
    return spec.all ? compileAnd(rules) : compileOr(rules);
  }

  const variable = compileReferencePath(rule["Variable"], "Variable", `${location}/Variable`, operator);
  const select = variable.select;
  const variableError = invalidPathError(variable.text);
  // Reads the Variable, failing as AWS does when it matches nothing.
  const read = (scope: PathScope): unknown => {
    const value = select(scope);
    if (value === undefined) throw variableError;
    return value;
  };

  switch (spec.kind) {
    case "isPresent": {
      const expected = requireBoolean(operand, operator, operandLocation);
      return (scope) => (select(scope) !== undefined) === expected;
    }
    case "typeTest": {
      const expected = requireBoolean(operand, operator, operandLocation);
      const test = TYPE_TESTS[spec.test];
      return expected ? (scope) => test(read(scope)) : (scope) => !test(read(scope));
    }
    case "matches": {
      if (typeof operand !== "string") {
        throw new DefinitionError(
          `O valor de 'StringMatches' deve ser uma string (padrão com '*'), mas é ${describeType(operand)}`,
          operandLocation,
        );
      }
      const pattern = compilePattern(operand);
      if (typeof pattern === "string") {
        // The spec makes an open escape a runtime error, raised when the rule is evaluated.
        const error = new StatesError(StatesErrors.Runtime, pattern);
        return (scope) => {
          read(scope);
          throw error;
        };
      }
      return (scope) => {
        const value = read(scope);
        return typeof value === "string" && matchPattern(value, pattern);
      };
    }
    case "compare":
      return spec.path
        ? compilePathComparison(spec.type, spec.relation, read, operand, operator, operandLocation)
        : compileLiteralComparison(spec.type, spec.relation, read, operand, operator, operandLocation);
  }
}

function compileAnd(rules: readonly ChoicePredicate[]): ChoicePredicate {
  if (rules.length === 1) return rules[0]!;
  if (rules.length === 2) {
    const [first, second] = rules as [ChoicePredicate, ChoicePredicate];
    return (scope) => first(scope) && second(scope);
  }
  return (scope) => {
    for (const rule of rules) if (!rule(scope)) return false;
    return true;
  };
}

function compileOr(rules: readonly ChoicePredicate[]): ChoicePredicate {
  if (rules.length === 1) return rules[0]!;
  if (rules.length === 2) {
    const [first, second] = rules as [ChoicePredicate, ChoicePredicate];
    return (scope) => first(scope) || second(scope);
  }
  return (scope) => {
    for (const rule of rules) if (rule(scope)) return true;
    return false;
  };
}

/** Maps a JSON value to a key that orders like the operator's type, or `undefined` for the wrong type. */
type Normalizer = (value: unknown) => string | number | boolean | undefined;

const NORMALIZERS: Readonly<Record<ValueType, Normalizer>> = {
  // JS compares strings by UTF-16 code unit, exactly like Java's String.compareTo.
  string: (value) => (typeof value === "string" ? value : undefined),
  numeric: (value) => (typeof value === "number" ? value : undefined),
  boolean: (value) => (typeof value === "boolean" ? value : undefined),
  timestamp: (value) => (typeof value === "string" ? timestampKey(value) : undefined),
};

function relate(relation: Relation): (a: string | number | boolean, b: string | number | boolean) => boolean {
  switch (relation) {
    case "Equals":
      return (a, b) => a === b;
    case "LessThan":
      return (a, b) => a < b;
    case "GreaterThan":
      return (a, b) => a > b;
    case "LessThanEquals":
      return (a, b) => a <= b;
    case "GreaterThanEquals":
      return (a, b) => a >= b;
  }
}

function compileLiteralComparison(
  type: ValueType,
  relation: Relation,
  read: (scope: PathScope) => unknown,
  operand: unknown,
  operator: string,
  operandLocation: string,
): ChoicePredicate {
  const normalize = NORMALIZERS[type];
  const literal = type === "numeric" && !Number.isFinite(operand) ? undefined : normalize(operand);
  if (literal === undefined) {
    if (type === "timestamp" && typeof operand === "string") {
      throw new DefinitionError(
        `O valor de '${operator}' não é um timestamp RFC3339 válido: '${operand}' ` +
          "(formato: 2016-08-18T17:33:00Z ou com deslocamento, ex. 2016-08-18T14:33:00.5-03:00)",
        operandLocation,
      );
    }
    throw new DefinitionError(
      `O valor de '${operator}' deve ser ${TYPE_NAMES[type]}, mas é ${describeType(operand)}`,
      operandLocation,
    );
  }
  const holds = relate(relation);
  return (scope) => {
    const value = normalize(read(scope));
    return value !== undefined && holds(value, literal);
  };
}

function compilePathComparison(
  type: ValueType,
  relation: Relation,
  read: (scope: PathScope) => unknown,
  operand: unknown,
  operator: string,
  operandLocation: string,
): ChoicePredicate {
  const other = compileReferencePath(operand, operator, operandLocation, operator);
  const selectOther = other.select;
  const otherError = invalidPathError(other.text);
  const normalize = NORMALIZERS[type];
  const holds = relate(relation);
  return (scope) => {
    const left = read(scope);
    const right = selectOther(scope);
    if (right === undefined) throw otherError;
    const a = normalize(left);
    if (a === undefined) return false;
    const b = normalize(right);
    return b !== undefined && holds(a, b);
  };
}

function compileReferencePath(
  text: unknown,
  field: string,
  location: string,
  operator: string,
): CompiledPath {
  if (text === undefined) {
    throw new DefinitionError(`A regra de Choice com '${operator}' precisa do campo 'Variable'`, location);
  }
  if (typeof text !== "string") {
    throw new DefinitionError(
      `O campo '${field}' deve ser um caminho JSONPath (string começando com '$'), mas é ${describeType(text)}`,
      location,
    );
  }
  let compiled: CompiledPath;
  try {
    compiled = compilePath(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DefinitionError(
      `O campo '${field}' não é um caminho de referência válido: ${detail}`,
      location,
    );
  }
  if (!compiled.isDefinite) {
    throw new DefinitionError(
      `O campo '${field}' deve ser um caminho de referência (um único nó, sem curingas, filtros, ` +
        `fatias, uniões ou '..'): '${text}'`,
      location,
    );
  }
  return compiled;
}

function invalidPathError(path: string): StatesError {
  return new StatesError(
    StatesErrors.Runtime,
    `Invalid path '${path}': The choice state's condition path references an invalid value.`,
  );
}

function requireBoolean(operand: unknown, operator: string, location: string): boolean {
  if (typeof operand !== "boolean") {
    throw new DefinitionError(
      `O valor de '${operator}' deve ser um booleano (true ou false), mas é ${describeType(operand)}`,
      location,
    );
  }
  return operand;
}

const TYPE_TESTS: Readonly<Record<TypeTest, (value: unknown) => boolean>> = {
  IsNull: (value) => value === null,
  IsNumeric: (value) => typeof value === "number",
  IsString: (value) => typeof value === "string",
  IsBoolean: (value) => typeof value === "boolean",
  IsTimestamp: (value) => typeof value === "string" && timestampKey(value) !== undefined,
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "ausente";
  if (Array.isArray(value)) return "um array";
  switch (typeof value) {
    case "string":
      return `a string ${JSON.stringify(value)}`;
    case "number":
      return `o número ${String(value)}`;
    case "boolean":
      return `o booleano ${String(value)}`;
    case "object":
      return "um objeto";
    default:
      return typeof value;
  }
}

// ---------------------------------------------------------------------------------------------------------
// StringMatches

interface Needle {
  readonly text: string;
  /** KMP failure table. */
  readonly fail: Int32Array;
}

interface CompiledPattern {
  /** Set when the pattern has no wildcard: the value must equal it. */
  readonly exact: string | undefined;
  readonly prefix: string;
  readonly suffix: string;
  /** Literal pieces between wildcards, to be found in order. */
  readonly middles: readonly Needle[];
}

/** Parses a StringMatches pattern; a string result is the cause of the open-escape runtime error. */
function compilePattern(pattern: string): CompiledPattern | string {
  const pieces: string[] = [];
  let current = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      if (i + 1 === pattern.length) {
        return `Invalid StringMatches pattern '${pattern}': open escape backslash at the end of the pattern.`;
      }
      current += pattern[++i]!;
    } else if (ch === "*") {
      pieces.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  if (pieces.length === 1) return { exact: pieces[0]!, prefix: "", suffix: "", middles: [] };
  const middles = pieces
    .slice(1, -1)
    .filter((piece) => piece.length > 0)
    .map((text) => ({ text, fail: failureTable(text) }));
  return { exact: undefined, prefix: pieces[0]!, suffix: pieces[pieces.length - 1]!, middles };
}

/**
 * Greedy left-to-right matching is exact for patterns whose only wildcard is `*`: each literal piece is
 * taken at its earliest occurrence. KMP keeps every search linear, so the whole match is O(value + pattern).
 */
function matchPattern(value: string, pattern: CompiledPattern): boolean {
  if (pattern.exact !== undefined) return value === pattern.exact;
  const { prefix, suffix } = pattern;
  const end = value.length - suffix.length;
  if (end < prefix.length || !value.startsWith(prefix) || !value.endsWith(suffix)) return false;
  let position = prefix.length;
  for (const needle of pattern.middles) {
    const found = indexOfWithin(value, needle, position, end);
    if (found < 0) return false;
    position = found + needle.text.length;
  }
  return true;
}

function failureTable(text: string): Int32Array {
  const fail = new Int32Array(text.length);
  let k = 0;
  for (let i = 1; i < text.length; i++) {
    while (k > 0 && text.charCodeAt(i) !== text.charCodeAt(k)) k = fail[k - 1]!;
    if (text.charCodeAt(i) === text.charCodeAt(k)) k++;
    fail[i] = k;
  }
  return fail;
}

/** First index >= from where `needle` occurs entirely before `end`, or -1. */
function indexOfWithin(haystack: string, needle: Needle, from: number, end: number): number {
  const { text, fail } = needle;
  const length = text.length;
  let k = 0;
  for (let i = from; i < end; i++) {
    const code = haystack.charCodeAt(i);
    while (k > 0 && code !== text.charCodeAt(k)) k = fail[k - 1]!;
    if (code === text.charCodeAt(k)) k++;
    if (k === length) return i - length + 1;
  }
  return -1;
}

/**
 * AWS StringMatches: only `*` is a wildcard (zero or more characters); `\*` is a literal star, `\\` a
 * literal backslash (a backslash makes the next character literal). Linear time. A trailing, open escape
 * backslash raises `States.Runtime`, as the ASL spec requires.
 */
export function stringMatches(value: string, pattern: string): boolean {
  const compiled = compilePattern(pattern);
  if (typeof compiled === "string") throw new StatesError(StatesErrors.Runtime, compiled);
  return matchPattern(value, compiled);
}
