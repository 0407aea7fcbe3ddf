import { describe, expect, it } from "vitest";
import { compileChoiceRule, stringMatches } from "../../grader/engine/choice.ts";
import { DefinitionError, StatesError } from "../../grader/engine/errors.ts";
import type { PathScope } from "../../grader/engine/jsonpath.ts";

const LOCATION = "/States/Decidir/Choices/0";

function scope(data: unknown, context: unknown = {}, variables: Record<string, unknown> = {}): PathScope {
  return { data, context, variables };
}

/** Compiles `rule` and evaluates it against `data`. */
function evaluate(rule: unknown, data: unknown): boolean {
  return compileChoiceRule(rule, LOCATION)(scope(data));
}

/** The StatesError a rule raises on `data`, or a failure when it raises nothing. */
function runtimeError(rule: unknown, data: unknown): StatesError {
  const predicate = compileChoiceRule(rule, LOCATION);
  try {
    predicate(scope(data));
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error("expected a StatesError");
}

/** The DefinitionError compiling `rule` raises. */
function definitionError(rule: unknown): DefinitionError {
  try {
    compileChoiceRule(rule, LOCATION);
  } catch (error) {
    if (error instanceof DefinitionError) return error;
    throw error;
  }
  throw new Error("expected a DefinitionError");
}

const invalidPathCause = (path: string) =>
  `Invalid path '${path}': The choice state's condition path references an invalid value.`;

// https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html — "Choice Rules (JSONPath)" examples
describe("AWS Choice page examples", () => {
  it("NumericEquals 1", () => {
    const rule = { Variable: "$.foo", NumericEquals: 1, Next: "FirstMatchState" };
    expect(evaluate(rule, { foo: 1 })).toBe(true);
    expect(evaluate(rule, { foo: 2 })).toBe(false);
  });

  it("StringEquals MyString", () => {
    const rule = { Variable: "$.foo", StringEquals: "MyString", Next: "FirstMatchState" };
    expect(evaluate(rule, { foo: "MyString" })).toBe(true);
    expect(evaluate(rule, { foo: "mystring" })).toBe(false);
  });

  it("StringGreaterThan MyStringABC", () => {
    const rule = { Variable: "$.foo", StringGreaterThan: "MyStringABC", Next: "FirstMatchState" };
    expect(evaluate(rule, { foo: "MyStringABD" })).toBe(true);
    expect(evaluate(rule, { foo: "MyStringABC" })).toBe(false);
    expect(evaluate(rule, { foo: "MyString" })).toBe(false);
  });

  it("IsNull on $.possiblyNullValue", () => {
    const rule = { Variable: "$.possiblyNullValue", IsNull: true };
    expect(evaluate(rule, { possiblyNullValue: null })).toBe(true);
    expect(evaluate(rule, { possiblyNullValue: 0 })).toBe(false);
  });

  it("IsPresent guards the StringEquals that follows it in an And", () => {
    const rule = {
      And: [
        { Variable: "$.keyThatMightNotExist", IsPresent: true },
        { Variable: "$.keyThatMightNotExist", StringEquals: "foo" },
      ],
      Next: "X",
    };
    expect(evaluate(rule, {})).toBe(false);
    expect(evaluate(rule, { keyThatMightNotExist: "foo" })).toBe(true);
    expect(evaluate(rule, { keyThatMightNotExist: "bar" })).toBe(false);
  });

  it("StringMatches log-*.txt", () => {
    const rule = { Variable: "$.foo", StringMatches: "log-*.txt" };
    expect(evaluate(rule, { foo: "log-2024-01-01.txt" })).toBe(true);
    expect(evaluate(rule, { foo: "log-.txt" })).toBe(true);
    expect(evaluate(rule, { foo: "log-1.txt.gz" })).toBe(false);
  });

  it("TimestampEquals 2001-01-01T12:00:00Z", () => {
    const rule = { Variable: "$.foo", TimestampEquals: "2001-01-01T12:00:00Z", Next: "FirstMatchState" };
    expect(evaluate(rule, { foo: "2001-01-01T12:00:00Z" })).toBe(true);
    expect(evaluate(rule, { foo: "2001-01-01T12:00:01Z" })).toBe(false);
  });

  it("StringEqualsPath compares with another value from the input", () => {
    const rule = { Variable: "$.foo", StringEqualsPath: "$.bar" };
    expect(evaluate(rule, { foo: "a", bar: "a" })).toBe(true);
    expect(evaluate(rule, { foo: "a", bar: "b" })).toBe(false);
  });

  it("the Choice State Example routes {type: Private, value: 22} to ValueInTwenties", () => {
    const choices = [
      { Not: { Variable: "$.type", StringEquals: "Private" }, Next: "Public" },
      { Variable: "$.value", NumericEquals: 0, Next: "ValueIsZero" },
      {
        And: [
          { Variable: "$.value", NumericGreaterThanEquals: 20 },
          { Variable: "$.value", NumericLessThan: 30 },
        ],
        Next: "ValueInTwenties",
      },
    ].map((rule, index) => compileChoiceRule(rule, `/States/ChoiceStateX/Choices/${index}`));
    expect(choices.map((predicate) => predicate(scope({ type: "Private", value: 22 })))).toEqual([
      false,
      false,
      true,
    ]);
  });
});

// https://states-language.net/spec.html — "JSONPath Choice Rules" example (DispatchEvent)
describe("ASL spec DispatchEvent example", () => {
  const rules = [
    { Not: { Variable: "$.type", StringEquals: "Private" }, Next: "Public" },
    {
      And: [
        { Variable: "$.value", IsPresent: true },
        { Variable: "$.value", IsNumeric: true },
        { Variable: "$.value", NumericGreaterThanEquals: 20 },
        { Variable: "$.value", NumericLessThan: 30 },
      ],
      Assign: { range: "twenties" },
      Next: "ValueInTwenties",
    },
    { Variable: "$.rating", NumericGreaterThanPath: "$.auditThreshold", Next: "StartAudit" },
  ].map((rule, index) => compileChoiceRule(rule, `/States/DispatchEvent/Choices/${index}`));

  it("input {type: Private, value: 22} matches the second rule", () => {
    const input = scope({ type: "Private", value: 22 });
    expect(rules[0]!(input)).toBe(false);
    expect(rules[1]!(input)).toBe(true);
  });

  it("the And's IsPresent/IsNumeric guards stop evaluation before the numeric tests", () => {
    expect(rules[1]!(scope({ type: "Private" }))).toBe(false);
    expect(rules[1]!(scope({ type: "Private", value: "22" }))).toBe(false);
  });

  it("NumericGreaterThanPath compares two input fields", () => {
    expect(rules[2]!(scope({ rating: 7, auditThreshold: 5 }))).toBe(true);
    expect(rules[2]!(scope({ rating: 5, auditThreshold: 5 }))).toBe(false);
  });
});

// https://states-language.net/spec.html — Boolean expression: "ceasing array processing when the boolean
// value has been unambiguously determined"; Not "returns the inverse"
describe("And / Or / Not", () => {
  const present = { Variable: "$.x", IsPresent: true };
  const xIsOne = { Variable: "$.x", NumericEquals: 1 };

  it("Or stops at the first true rule (a later missing path is never read)", () => {
    const rule = { Or: [{ Variable: "$.y", IsPresent: false }, xIsOne] };
    expect(evaluate(rule, {})).toBe(true);
  });

  it("And stops at the first false rule", () => {
    expect(evaluate({ And: [present, xIsOne] }, {})).toBe(false);
  });

  it("evaluates in order: a missing path before the deciding rule still fails", () => {
    expect(runtimeError({ Or: [xIsOne, present] }, {}).cause).toBe(invalidPathCause("$.x"));
  });

  it("nests And, Or and Not", () => {
    const rule = {
      Or: [
        {
          And: [
            { Variable: "$.a", NumericGreaterThan: 0 },
            { Not: { Variable: "$.b", BooleanEquals: true } },
          ],
        },
        { Variable: "$.c", StringEquals: "force" },
        { Not: { Not: { Variable: "$.d", IsNull: true } } },
      ],
      Next: "Somewhere",
    };
    const base = { a: 0, b: true, c: "no", d: 1 };
    expect(evaluate(rule, base)).toBe(false);
    expect(evaluate(rule, { ...base, a: 1 })).toBe(false);
    expect(evaluate(rule, { ...base, a: 1, b: false })).toBe(true);
    expect(evaluate(rule, { ...base, c: "force" })).toBe(true);
    expect(evaluate(rule, { ...base, d: null })).toBe(true);
  });

  it("And/Or with one, two and many rules", () => {
    const t = { Variable: "$.t", BooleanEquals: true };
    const f = { Variable: "$.t", BooleanEquals: false };
    const data = { t: true };
    expect(evaluate({ And: [t] }, data)).toBe(true);
    expect(evaluate({ And: [t, f] }, data)).toBe(false);
    expect(evaluate({ And: [t, t, t, t] }, data)).toBe(true);
    expect(evaluate({ And: [t, t, t, f] }, data)).toBe(false);
    expect(evaluate({ Or: [f] }, data)).toBe(false);
    expect(evaluate({ Or: [f, t] }, data)).toBe(true);
    expect(evaluate({ Or: [f, f, f, t] }, data)).toBe(true);
    expect(evaluate({ Or: [f, f, f, f] }, data)).toBe(false);
  });
});

// https://states-language.net/spec.html — "if the values are not both of the appropriate type ... the
// comparison will return false"; https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html —
// "Step Functions doesn't attempt to match a numeric field to a string value"
describe("type mismatch is false, never an error", () => {
  it.each([
    [{ NumericEquals: 1 }, "1"],
    [{ NumericLessThan: 5 }, true],
    [{ NumericGreaterThanEquals: 0 }, null],
    [{ NumericEquals: 1 }, [1]],
    [{ StringEquals: "1" }, 1],
    [{ StringLessThan: "z" }, { a: 1 }],
    [{ StringMatches: "*" }, 5],
    [{ BooleanEquals: true }, "true"],
    [{ BooleanEquals: false }, 0],
    [{ TimestampEquals: "2001-01-01T12:00:00Z" }, 978350400],
    [{ TimestampLessThan: "2001-01-01T12:00:00Z" }, "not-a-timestamp"],
  ])("%o against %o", (operator, value) => {
    expect(evaluate({ Variable: "$.v", ...operator }, { v: value })).toBe(false);
  });

  it("a Path operand of the wrong type is false too", () => {
    expect(evaluate({ Variable: "$.a", NumericEqualsPath: "$.b" }, { a: 1, b: "1" })).toBe(false);
    expect(evaluate({ Variable: "$.a", StringEqualsPath: "$.b" }, { a: "1", b: 1 })).toBe(false);
    expect(evaluate({ Variable: "$.a", BooleanEqualsPath: "$.b" }, { a: true, b: "true" })).toBe(false);
    expect(
      evaluate({ Variable: "$.a", TimestampEqualsPath: "$.b" }, { a: "2025-01-01T12:00:00Z", b: "x" }),
    ).toBe(false);
  });

  it("Not of a mismatched comparison is true", () => {
    expect(evaluate({ Not: { Variable: "$.v", NumericEquals: 1 } }, { v: "1" })).toBe(true);
  });
});

// https://states-language.net/spec.html — IsPresent: "if the Variable-field Path fails to match anything in
// the input no exception is thrown and the Choice Rule just returns false". Cause text as recorded on AWS
// (ExecutionFailed: "Invalid path '$.x': The choice state's condition path references an invalid value.").
describe("missing paths", () => {
  it.each([
    { StringEquals: "a" },
    { StringMatches: "*" },
    { NumericEquals: 1 },
    { BooleanEquals: true },
    { TimestampEquals: "2001-01-01T12:00:00Z" },
    { IsNull: true },
    { IsNull: false },
    { IsNumeric: false },
    { IsString: true },
    { IsBoolean: false },
    { IsTimestamp: false },
  ])("%o on a missing Variable raises States.Runtime", (operator) => {
    const error = runtimeError({ Variable: "$.missing.deep", ...operator }, { other: 1 });
    expect(error.error).toBe("States.Runtime");
    expect(error.cause).toBe(invalidPathCause("$.missing.deep"));
  });

  it("IsPresent: true is false and IsPresent: false is true when the path matches nothing", () => {
    expect(evaluate({ Variable: "$.missing", IsPresent: true }, {})).toBe(false);
    expect(evaluate({ Variable: "$.missing", IsPresent: false }, {})).toBe(true);
    expect(evaluate({ Variable: "$.a[3]", IsPresent: true }, { a: [1] })).toBe(false);
  });

  it("a field holding null is present", () => {
    expect(evaluate({ Variable: "$.x", IsPresent: true }, { x: null })).toBe(true);
    expect(evaluate({ Variable: "$.x", IsPresent: false }, { x: null })).toBe(false);
  });

  it("a missing …Path operand raises States.Runtime naming that path (inferred)", () => {
    const error = runtimeError(
      { Variable: "$.left", TimestampEqualsPath: "$.right" },
      { left: "2025-01-01T00:00:00Z" },
    );
    expect(error.error).toBe("States.Runtime");
    expect(error.cause).toBe(invalidPathCause("$.right"));
  });

  it("the Variable is resolved before the …Path operand (inferred)", () => {
    expect(runtimeError({ Variable: "$.left", NumericEqualsPath: "$.right" }, {}).cause).toBe(
      invalidPathCause("$.left"),
    );
  });

  it("missing context and variable paths fail the same way", () => {
    const rule = compileChoiceRule({ Variable: "$$.Execution.Nope", StringEquals: "x" }, LOCATION);
    expect(() => rule(scope({}, { Execution: {} }))).toThrowError(invalidPathCause("$$.Execution.Nope"));
    const byVariable = compileChoiceRule({ Variable: "$limite", NumericEquals: 1 }, LOCATION);
    expect(() => byVariable(scope({}))).toThrowError(invalidPathCause("$limite"));
  });
});

// https://states-language.net/spec.html — operators 18–23 (IsNull, IsPresent, IsNumeric, IsString,
// IsBoolean, IsTimestamp); IsNull "means the value is the built-in JSON literal null"
describe("type tests, with true and with false", () => {
  const samples: Record<string, unknown> = {
    nulo: null,
    numero: 3.5,
    inteiro: 0,
    texto: "olá",
    vazio: "",
    booleano: false,
    objeto: {},
    lista: [],
    timestamp: "2016-08-18T17:33:00Z",
  };
  const expected: Record<string, readonly string[]> = {
    IsNull: ["nulo"],
    IsNumeric: ["numero", "inteiro"],
    IsString: ["texto", "vazio", "timestamp"],
    IsBoolean: ["booleano"],
    IsTimestamp: ["timestamp"],
    IsPresent: Object.keys(samples),
  };
  for (const [operator, matching] of Object.entries(expected)) {
    for (const key of Object.keys(samples)) {
      const is = matching.includes(key);
      it(`${operator} on ${key}: true → ${is}, false → ${!is}`, () => {
        expect(evaluate({ Variable: `$.${key}`, [operator]: true }, samples)).toBe(is);
        expect(evaluate({ Variable: `$.${key}`, [operator]: false }, samples)).toBe(!is);
      });
    }
  }

  it("IsTimestamp is false for numbers and URL-escaped or lowercase forms", () => {
    for (const value of [
      1735689600,
      "2025-01-01T00%3A00%3A00Z",
      "2025-01-01t00:00:00Z",
      "2025-01-01T00:00:00z",
    ]) {
      expect(evaluate({ Variable: "$.v", IsTimestamp: true }, { v: value })).toBe(false);
    }
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html — timestamps "must conform to RFC3339
// profile ISO 8601", uppercase T, uppercase Z when no numeric offset; "a field considered to be a timestamp can
// be matched by a StringEquals comparator"
describe("timestamps", () => {
  const at = (operator: string, literal: string, value: string) =>
    evaluate({ Variable: "$.t", [operator]: literal }, { t: value });

  it("compares instants, not text: offsets are applied", () => {
    expect(at("TimestampEquals", "2025-01-01T12:00:00Z", "2025-01-01T07:00:00-05:00")).toBe(true);
    expect(at("TimestampEquals", "2025-01-01T12:00:00Z", "2025-01-01T13:30:00+01:30")).toBe(true);
    expect(at("TimestampLessThan", "2025-01-01T12:00:00Z", "2025-01-01T12:00:00+00:01")).toBe(true);
    expect(at("TimestampGreaterThan", "2025-01-01T00:00:00+14:00", "2024-12-31T10:00:01Z")).toBe(true);
  });

  it("the same instant written differently is not StringEquals, but is TimestampEquals", () => {
    expect(at("StringEquals", "2025-01-01T12:00:00Z", "2025-01-01T12:00:00.000Z")).toBe(false);
    expect(at("TimestampEquals", "2025-01-01T12:00:00Z", "2025-01-01T12:00:00.000Z")).toBe(true);
    expect(at("StringEquals", "2016-08-18T17:33:00Z", "2016-08-18T17:33:00Z")).toBe(true);
  });

  it("fractional seconds count, down to nanoseconds", () => {
    expect(at("TimestampLessThan", "2025-01-01T12:00:00.5Z", "2025-01-01T12:00:00.499999999Z")).toBe(true);
    expect(at("TimestampEquals", "2025-01-01T12:00:00.5Z", "2025-01-01T12:00:00.500000000Z")).toBe(true);
    expect(at("TimestampGreaterThan", "2025-01-01T12:00:00Z", "2025-01-01T12:00:00.000000001Z")).toBe(true);
  });

  it("all five relations, with literals and with paths", () => {
    const early = "2001-01-01T12:00:00Z";
    const late = "2001-01-02T00:00:00+01:00";
    const table: [string, boolean, boolean, boolean][] = [
      // operator, early vs late, late vs early, early vs early
      ["Equals", false, false, true],
      ["LessThan", true, false, false],
      ["GreaterThan", false, true, false],
      ["LessThanEquals", true, false, true],
      ["GreaterThanEquals", false, true, true],
    ];
    for (const [relation, el, le, ee] of table) {
      const operator = `Timestamp${relation}`;
      expect(at(operator, late, early)).toBe(el);
      expect(at(operator, early, late)).toBe(le);
      expect(at(operator, early, early)).toBe(ee);
      const byPath = { Variable: "$.a", [`${operator}Path`]: "$.b" };
      expect(evaluate(byPath, { a: early, b: late })).toBe(el);
      expect(evaluate(byPath, { a: late, b: early })).toBe(le);
      expect(evaluate(byPath, { a: early, b: early })).toBe(ee);
    }
  });

  it("dates before 1970 and across years order correctly", () => {
    expect(at("TimestampLessThan", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z")).toBe(true);
    expect(at("TimestampLessThan", "2000-01-01T00:00:00Z", "0001-06-15T00:00:00Z")).toBe(true);
    expect(at("TimestampGreaterThan", "2024-02-28T23:59:59Z", "2024-02-29T00:00:00Z")).toBe(true);
  });

  it.each([
    "2025-01-01t12:00:00Z",
    "2025-01-01T12:00:00z",
    "2025-01-01 12:00:00Z",
    "2025-01-01T12:00:00",
    "2025-01-01",
    "2025-13-01T00:00:00Z",
    "2025-02-29T00:00:00Z",
    "2025-04-31T00:00:00Z",
    "2025-01-01T24:00:00Z",
    "2025-01-01T12:60:00Z",
    "2025-01-01T12:00:60Z",
    "2025-01-01T12:00:00.Z",
    "2025-01-01T12:00:00+0100",
    "2025-01-01T12:00:00+01",
    "25-01-01T12:00:00Z",
  ])("'%s' is not a timestamp", (text) => {
    expect(evaluate({ Variable: "$.t", IsTimestamp: true }, { t: text })).toBe(false);
    expect(definitionError({ Variable: "$.t", TimestampEquals: text }).location).toBe(
      `${LOCATION}/TimestampEquals`,
    );
  });

  it("leap days exist in leap years only", () => {
    expect(evaluate({ Variable: "$.t", IsTimestamp: true }, { t: "2024-02-29T00:00:00Z" })).toBe(true);
    expect(evaluate({ Variable: "$.t", IsTimestamp: true }, { t: "2000-02-29T00:00:00Z" })).toBe(true);
    expect(evaluate({ Variable: "$.t", IsTimestamp: true }, { t: "1900-02-29T00:00:00Z" })).toBe(false);
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html — "To understand the behavior of string
// comparisons, see the Java compareTo documentation"; https://states-language.net/spec.html — "character-by-
// character with no special treatments such as case-folding, white-space collapsing, or Unicode form
// normalization"
describe("string comparison (Java String.compareTo)", () => {
  const compare = (operator: string, literal: string, value: string) =>
    evaluate({ Variable: "$.s", [operator]: literal }, { s: value });

  it("orders by UTF-16 code unit: uppercase before lowercase, prefix before longer", () => {
    expect(compare("StringLessThan", "a", "B")).toBe(true);
    expect(compare("StringLessThan", "abc", "ab")).toBe(true);
    expect(compare("StringGreaterThan", "", "a")).toBe(true);
    expect(compare("StringLessThanEquals", "ab", "ab")).toBe(true);
    expect(compare("StringGreaterThanEquals", "ab", "ab")).toBe(true);
    expect(compare("StringGreaterThanEquals", "ab", "aa")).toBe(false);
  });

  it("an astral character sorts by its surrogates, below U+FFFF (Java), not above it (code points)", () => {
    // U+1F600 is \uD83D\uDE00 in UTF-16; Java compares 0xD83D with 0xFFFF.
    expect(compare("StringLessThan", "\uFFFF", "\u{1F600}")).toBe(true);
    expect(compare("StringGreaterThan", "\uE000", "\u{1F600}")).toBe(false);
  });

  it("no case folding, no trimming, no Unicode normalization", () => {
    expect(compare("StringEquals", "Sim", "sim")).toBe(false);
    expect(compare("StringEquals", "sim", "sim ")).toBe(false);
    expect(compare("StringEquals", "\u00E9", "e\u0301")).toBe(false);
  });

  it("…Path variants compare two strings, including $$ context and $variables", () => {
    const rule = compileChoiceRule({ Variable: "$.nome", StringEqualsPath: "$$.Execution.Name" }, LOCATION);
    expect(rule(scope({ nome: "exec-1" }, { Execution: { Name: "exec-1" } }))).toBe(true);
    expect(rule(scope({ nome: "exec-2" }, { Execution: { Name: "exec-1" } }))).toBe(false);
    const byVariable = compileChoiceRule({ Variable: "$limite", StringLessThanPath: "$.valor" }, LOCATION);
    expect(byVariable(scope({ valor: "m" }, {}, { limite: "a" }))).toBe(true);
    expect(byVariable(scope({ valor: "a" }, {}, { limite: "m" }))).toBe(false);
  });
});

// https://states-language.net/spec.html — numeric operators; values are IEEE 754 binary64
describe("numeric comparison", () => {
  const numeric = (operator: string, literal: number, value: unknown) =>
    evaluate({ Variable: "$.n", [operator]: literal }, { n: value });

  it("integers and floats compare by value", () => {
    expect(numeric("NumericEquals", 1, 1.0)).toBe(true);
    expect(numeric("NumericEquals", 0.3, 0.1 + 0.2)).toBe(false);
    expect(numeric("NumericLessThan", 2, 1.5)).toBe(true);
    expect(numeric("NumericGreaterThan", -1, -0.5)).toBe(true);
    expect(numeric("NumericLessThanEquals", 10, 10)).toBe(true);
    expect(numeric("NumericGreaterThanEquals", 10.5, 10)).toBe(false);
    expect(numeric("NumericEquals", 1e21, 1e21)).toBe(true);
  });

  it("all five relations by path", () => {
    const results = ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"].map(
      (relation) => evaluate({ Variable: "$.a", [`Numeric${relation}Path`]: "$.b" }, { a: 2, b: 2.5 }),
    );
    expect(results).toEqual([false, true, false, true, false]);
  });

  it("BooleanEquals and BooleanEqualsPath", () => {
    expect(evaluate({ Variable: "$.b", BooleanEquals: false }, { b: false })).toBe(true);
    expect(evaluate({ Variable: "$.b", BooleanEquals: true }, { b: false })).toBe(false);
    expect(evaluate({ Variable: "$.a", BooleanEqualsPath: "$.b" }, { a: true, b: true })).toBe(true);
    expect(evaluate({ Variable: "$.a", BooleanEqualsPath: "$.b" }, { a: true, b: false })).toBe(false);
  });

  it("reads array elements and nested fields", () => {
    expect(
      evaluate({ Variable: "$.itens[1].preco", NumericGreaterThan: 10 }, { itens: [{}, { preco: 11 }] }),
    ).toBe(true);
  });
});

// https://states-language.net/spec.html — StringMatches: '"*" in the value matches zero or more characters.
// Thus, foo*.log matches foo23.log, *.log matches zebra.log, and foo*.* matches foobar.zebra'; "\*" is "*",
// "\\" is "\"; "If an open escape backslash \ is found in the StringMatches string, the interpreter will throw
// a runtime error."
describe("StringMatches", () => {
  it("spec examples", () => {
    expect(stringMatches("foo23.log", "foo*.log")).toBe(true);
    expect(stringMatches("zebra.log", "*.log")).toBe(true);
    expect(stringMatches("foobar.zebra", "foo*.*")).toBe(true);
  });

  it("* matches zero or more characters; nothing else is special", () => {
    expect(stringMatches("", "*")).toBe(true);
    expect(stringMatches("", "")).toBe(true);
    expect(stringMatches("a", "")).toBe(false);
    expect(stringMatches("abc", "abc")).toBe(true);
    expect(stringMatches("abc", "ab")).toBe(false);
    expect(stringMatches("abc", "a*c")).toBe(true);
    expect(stringMatches("ac", "a*c")).toBe(true);
    expect(stringMatches("abcb", "a*c")).toBe(false);
    expect(stringMatches("aXbXc", "a**b*c")).toBe(true);
    expect(stringMatches("a.c", "a?c")).toBe(false);
    expect(stringMatches("a?c", "a?c")).toBe(true);
    expect(stringMatches("abc", "a.c")).toBe(false);
    expect(stringMatches("[x]", "[x]")).toBe(true);
    expect(stringMatches("x", "[x]")).toBe(false);
    expect(stringMatches("aaa", "a*a*a")).toBe(true);
    expect(stringMatches("aa", "a*a*a")).toBe(false);
    expect(stringMatches("mississippi", "*iss*ipp*")).toBe(true);
    expect(stringMatches("mississippi", "*iss*iss*ipp*")).toBe(true);
    expect(stringMatches("mississippi", "*ipp*iss*")).toBe(false);
  });

  it("\\* is a literal star and \\\\ a literal backslash", () => {
    expect(stringMatches("a*b", "a\\*b")).toBe(true);
    expect(stringMatches("axb", "a\\*b")).toBe(false);
    expect(stringMatches("C:\\temp\\x.log", "C:\\\\*\\\\*.log")).toBe(true);
    expect(stringMatches("C:/temp/x.log", "C:\\\\*\\\\*.log")).toBe(false);
    expect(stringMatches("2*3 = 6", "*\\**")).toBe(true);
    expect(stringMatches("23 = 6", "*\\**")).toBe(false);
  });

  it("a backslash before another character makes it literal (inferred)", () => {
    expect(stringMatches("abc", "a\\bc")).toBe(true);
  });

  it("an open escape backslash is a States.Runtime error", () => {
    expect(() => stringMatches("abc\\", "abc\\")).toThrowError(StatesError);
    const error = runtimeError({ Variable: "$.s", StringMatches: "log-\\" }, { s: "log-" });
    expect(error.error).toBe("States.Runtime");
    // The missing-Variable error still comes first.
    expect(runtimeError({ Variable: "$.s", StringMatches: "log-\\" }, {}).cause).toBe(
      invalidPathCause("$.s"),
    );
  });

  it("runs in linear time on pathological patterns", () => {
    const as = "a".repeat(10_000);
    const started = performance.now();
    expect(stringMatches(as, "*a*a*a*a*a*a*a*a*b")).toBe(false);
    expect(stringMatches(as + "b", "*a*a*a*a*a*a*a*a*b")).toBe(true);
    const long = "a".repeat(200_000);
    expect(stringMatches(long, `*${"a".repeat(5_000)}b*`)).toBe(false);
    expect(stringMatches(long, `${"a".repeat(5_000)}*${"a".repeat(5_000)}*b`)).toBe(false);
    // A backtracking matcher needs astronomically long here; a linear one a few ms. The bound only has to
    // tell the two apart, on a machine as busy as it gets.
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("as a rule, on an astral-plane string", () => {
    expect(evaluate({ Variable: "$.s", StringMatches: "*\u{1F600}*" }, { s: "olá \u{1F600}!" })).toBe(true);
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html — "the corresponding value must be of
// the appropriate type"; "The values of Variable and Path fields in a comparison must be valid Reference
// Paths"; "The values of the And and Or operators must be non-empty arrays of Choice Rules that must not
// themselves contain Next fields"; https://states-language.net/spec.html — "Each choice rule MUST contain
// exactly one field containing a comparison operator"
describe("malformed rules are definition errors", () => {
  it.each<[string, unknown, string]>([
    ["not an object", "StringEquals", LOCATION],
    ["an array", [], LOCATION],
    ["no operator", { Variable: "$.x", Next: "A" }, LOCATION],
    ["two operators", { Variable: "$.x", StringEquals: "a", StringMatches: "a*", Next: "A" }, LOCATION],
    [
      "operator plus And",
      { Variable: "$.x", IsPresent: true, And: [{ Variable: "$.x", IsNull: true }] },
      LOCATION,
    ],
    ["missing Variable", { NumericEquals: 1, Next: "A" }, `${LOCATION}/Variable`],
    ["non-string Variable", { Variable: 1, IsNull: true }, `${LOCATION}/Variable`],
    ["Variable without $", { Variable: "x", IsNull: true }, `${LOCATION}/Variable`],
    [
      "Variable beside And",
      { Variable: "$.x", And: [{ Variable: "$.x", IsNull: true }] },
      `${LOCATION}/Variable`,
    ],
    ["And not an array", { And: { Variable: "$.x", IsNull: true } }, `${LOCATION}/And`],
    ["empty Or", { Or: [] }, `${LOCATION}/Or`],
    ["Not with an array", { Not: [{ Variable: "$.x", IsNull: true }] }, `${LOCATION}/Not`],
    ["Next inside And", { And: [{ Variable: "$.x", IsNull: true, Next: "A" }] }, `${LOCATION}/And/0/Next`],
    ["Next inside Not", { Not: { Variable: "$.x", IsNull: true, Next: "A" } }, `${LOCATION}/Not/Next`],
    ["bad rule deep inside", { Or: [{ Not: { Variable: "$.x" } }] }, `${LOCATION}/Or/0/Not`],
    ["NumericEquals with a string", { Variable: "$.x", NumericEquals: "1" }, `${LOCATION}/NumericEquals`],
    ["NumericLessThan with null", { Variable: "$.x", NumericLessThan: null }, `${LOCATION}/NumericLessThan`],
    ["StringEquals with a number", { Variable: "$.x", StringEquals: 1 }, `${LOCATION}/StringEquals`],
    ["StringMatches with a number", { Variable: "$.x", StringMatches: 1 }, `${LOCATION}/StringMatches`],
    ["BooleanEquals with a string", { Variable: "$.x", BooleanEquals: "true" }, `${LOCATION}/BooleanEquals`],
    ["TimestampEquals with a number", { Variable: "$.x", TimestampEquals: 0 }, `${LOCATION}/TimestampEquals`],
    [
      "TimestampLessThan bad text",
      { Variable: "$.x", TimestampLessThan: "ontem" },
      `${LOCATION}/TimestampLessThan`,
    ],
    ["IsNull with a string", { Variable: "$.x", IsNull: "true" }, `${LOCATION}/IsNull`],
    ["IsPresent with a number", { Variable: "$.x", IsPresent: 1 }, `${LOCATION}/IsPresent`],
    [
      "Path variant with a literal",
      { Variable: "$.x", StringEqualsPath: "abc" },
      `${LOCATION}/StringEqualsPath`,
    ],
    [
      "Path variant with a number",
      { Variable: "$.x", NumericEqualsPath: 3 },
      `${LOCATION}/NumericEqualsPath`,
    ],
    [
      "Path variant, bad syntax",
      { Variable: "$.x", NumericLessThanPath: "$.a[" },
      `${LOCATION}/NumericLessThanPath`,
    ],
    ["unknown operator", { Variable: "$.x", StringMatchesPath: "$.y" }, `${LOCATION}/StringMatchesPath`],
    ["unknown field", { Variable: "$.x", IsNull: true, Default: "A" }, `${LOCATION}/Default`],
    ["Assign inside Or", { Or: [{ Variable: "$.x", IsNull: true, Assign: {} }] }, `${LOCATION}/Or/0/Assign`],
  ])("%s", (_label, rule, location) => {
    const error = definitionError(rule);
    expect(error.location).toBe(location);
    expect(error.message).toContain(`(em ${location})`);
  });

  it("messages are in Portuguese and name the problem", () => {
    expect(definitionError({ Variable: "$.x", NumericEquals: "1" }).message).toMatch(
      /'NumericEquals' deve ser um número, mas é a string "1"/,
    );
    expect(definitionError({ Variable: "$.x", StringEquals: "a", NumericEquals: 1 }).message).toMatch(
      /exatamente um operador, mas tem 2: 'StringEquals', 'NumericEquals'/,
    );
    expect(definitionError({ Variable: "$.x" }).message).toMatch(/não tem operador/);
    expect(definitionError({ Variable: "$.x", TimestampEquals: "2025-01-01" }).message).toMatch(
      /não é um timestamp RFC3339 válido/,
    );
  });

  it("accepts Next, Assign and Comment at the top level, Comment when nested", () => {
    expect(() =>
      compileChoiceRule(
        {
          Comment: "ok",
          And: [{ Comment: "aninhada", Variable: "$.x", IsPresent: true }],
          Assign: { a: 1 },
          Next: "A",
        },
        LOCATION,
      ),
    ).not.toThrow();
  });
});

describe("compile once, run many", () => {
  it("one compiled predicate serves many inputs", () => {
    const predicate = compileChoiceRule(
      {
        And: [
          { Variable: "$.pedido.total", NumericGreaterThanEquals: 100 },
          { Variable: "$.pedido.cliente", StringMatches: "vip-*" },
          { Variable: "$.pedido.criadoEm", TimestampLessThan: "2030-01-01T00:00:00Z" },
        ],
        Next: "Desconto",
      },
      LOCATION,
    );
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      const pedido = {
        total: i % 200,
        cliente: i % 2 ? "vip-ana" : "ana",
        criadoEm: "2025-06-01T10:00:00-03:00",
      };
      if (predicate(scope({ pedido }))) matched++;
    }
    expect(matched).toBe(5_000);
  });
});
