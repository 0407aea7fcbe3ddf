import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DefinitionError, StatesError } from "../../grader/engine/errors.ts";
import { compileIntrinsic, isIntrinsicCall, type IntrinsicEnv } from "../../grader/engine/intrinsics.ts";
import type { PathScope } from "../../grader/engine/jsonpath.ts";

// Expected values come from two kinds of source:
// - AWS's documentation page, quoted next to each test:
//   https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
// - executions recorded against real AWS by LocalStack's snapshot tests ("recorded on AWS"):
//   https://github.com/localstack/localstack/tree/main/tests/aws/services/stepfunctions/v2/intrinsic_functions

interface RunOptions {
  readonly context?: unknown;
  readonly variables?: Record<string, unknown>;
  readonly env?: Partial<IntrinsicEnv>;
}

function makeEnv(overrides: Partial<IntrinsicEnv> = {}): IntrinsicEnv {
  return {
    random: overrides.random ?? (() => 0.5),
    uuid: overrides.uuid ?? (() => "ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8"),
  };
}

function scopeOf(data: unknown, options: RunOptions = {}): PathScope {
  return { data, context: options.context ?? {}, variables: options.variables ?? {} };
}

function run(text: string, data: unknown = {}, options: RunOptions = {}): unknown {
  return compileIntrinsic(text).evaluate(scopeOf(data, options), makeEnv(options.env));
}

/** Runs an expression that must fail at run time and returns the error. */
function failure(text: string, data: unknown = {}, options: RunOptions = {}): StatesError {
  const compiled = compileIntrinsic(text);
  try {
    compiled.evaluate(scopeOf(data, options), makeEnv(options.env));
  } catch (error) {
    expect(error).toBeInstanceOf(StatesError);
    return error as StatesError;
  }
  throw new Error(`expected '${text}' to fail, but it succeeded`);
}

function expectIntrinsicFailure(text: string, data: unknown = {}, options: RunOptions = {}): StatesError {
  const error = failure(text, data, options);
  expect(error.error).toBe("States.IntrinsicFailure");
  expect(error.cause.startsWith(`The function '${text}' had the following error: `)).toBe(true);
  return error;
}

function definitionError(text: string, location = "/States/P/Parameters"): DefinitionError {
  try {
    compileIntrinsic(text, location);
  } catch (error) {
    expect(error).toBeInstanceOf(DefinitionError);
    return error as DefinitionError;
  }
  throw new Error(`expected '${text}' to be rejected at compile time`);
}

describe("isIntrinsicCall", () => {
  it.each(["States.Format('x')", "States.UUID()", "States.Array ($.a)", "States.Array(", "States.Foo(1)"])(
    "recognises %s as a call",
    (text) => expect(isIntrinsicCall(text)).toBe(true),
  );

  it.each([
    "$.a",
    "$",
    "States.Format",
    "states.Format('x')",
    " States.UUID()",
    "States.()",
    "MyStates.UUID()",
    "",
  ])("does not treat %j as a call", (text) => expect(isIntrinsicCall(text)).toBe(false));
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#intrinsic-functions-escapes (reserved characters)
describe("parsing arguments", () => {
  it("reads string, number, boolean and null literals", () => {
    expect(run("States.Array('a', 1, -2, 3.5, -0.25, 1e3, 2E-1, true, false, null)")).toEqual([
      "a",
      1,
      -2,
      3.5,
      -0.25,
      1000,
      0.2,
      true,
      false,
      null,
    ]);
  });

  // DOC "Reserved characters in intrinsic functions": \' → ', \{ → {, \} → }, \\ → \
  it("resolves the four documented escapes in string literals", () => {
    expect(run(String.raw`States.Array('it\'s', '\{\}', 'a\\b', '\\')`)).toEqual([
      "it's",
      "{}",
      "a\\b",
      "\\",
    ]);
  });

  // DOC: "If an open escape backslash \ is found in the intrinsic invocation string, the interpreter will
  // return a runtime error."
  it("fails at run time, not at compile time, on an open escape", () => {
    const text = String.raw`States.Array('a\nb')`;
    expect(() => compileIntrinsic(text)).not.toThrow();
    expect(failure(text).error).toBe("States.Runtime");
  });

  it("treats a quoted '$.a' as a literal string, not a path", () => {
    const data = { a: "from the input" };
    expect(run("States.Array('$.a')", data)).toEqual(["$.a"]);
    expect(run("States.Array($.a)", data)).toEqual(["from the input"]);
    expect(run("States.Array('States.UUID()')", data)).toEqual(["States.UUID()"]);
  });

  it("keeps commas, parentheses and unescaped braces inside string literals", () => {
    expect(run("States.Array('a, b)', '(c', '{\"k\": 1}')")).toEqual(["a, b)", "(c", '{"k": 1}']);
  });

  // Recorded on AWS (test_generic::test_escape_sequence): a real newline inside a literal is a character.
  it("accepts a real newline character inside a literal", () => {
    expect(run("States.StringSplit('Hello\nWorld', '\n')")).toEqual(["Hello", "World"]);
  });

  it("reads $, $$ (context) and $name (variables) paths", () => {
    const context = { Execution: { Id: "arn:aws:states:us-east-1:123456789012:execution:M:e1" } };
    const variables = { total: { x: 7 } };
    expect(run("States.Array($, $$.Execution.Id, $total.x)", { a: 1 }, { context, variables })).toEqual([
      { a: 1 },
      "arn:aws:states:us-east-1:123456789012:execution:M:e1",
      7,
    ]);
  });

  it("reads array indexes and bracketed names containing commas, spaces and parentheses", () => {
    const data = { list: [10, 20], m: { "k, (v)": "odd key" } };
    expect(run("States.Array($.list[1], $.m['k, (v)'])", data)).toEqual([20, "odd key"]);
  });

  it("tolerates whitespace between tokens", () => {
    expect(run("States.Array (  $.a ,'x' ,\t1  )", { a: "A" })).toEqual(["A", "x", 1]);
  });

  it("parses once and evaluates many times against different scopes", () => {
    const compiled = compileIntrinsic("States.Format('n={}', $.n)");
    expect(compiled.text).toBe("States.Format('n={}', $.n)");
    expect(compiled.evaluate(scopeOf({ n: 1 }), makeEnv())).toBe("n=1");
    expect(compiled.evaluate(scopeOf({ n: 2 }), makeEnv())).toBe("n=2");
  });

  it("evaluates nested calls inside out", () => {
    const data = { csv: "a,b,c" };
    expect(run("States.ArrayLength(States.StringSplit($.csv, ','))", data)).toBe(3);
    expect(
      run(
        "States.Format('{}-{}', States.ArrayGetItem(States.StringSplit($.csv, ','), 2), States.MathAdd(1, 2))",
        data,
      ),
    ).toBe("c-3");
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html (nesting limit, function names)
describe("definition errors (compile time)", () => {
  it("rejects an unknown function and names it, in Portuguese, with the location", () => {
    const error = definitionError("States.Foo(1)", "/States/Passo/Parameters");
    expect(error.message).toContain("desconhecida");
    expect(error.message).toContain("States.Foo");
    expect(error.location).toBe("/States/Passo/Parameters");
  });

  it("is case-sensitive about function names", () => {
    definitionError("States.format('x')");
    definitionError("States.arrayLength($.a)");
  });

  it.each([
    "States.Format()",
    "States.StringToJson()",
    "States.StringToJson($.a, $.b)",
    "States.JsonToString()",
    "States.ArrayPartition($.a)",
    "States.ArrayContains($.a)",
    "States.ArrayRange(1, 2)",
    "States.ArrayRange(1, 2, 3, 4)",
    "States.ArrayGetItem($.a)",
    "States.ArrayLength()",
    "States.ArrayLength($.a, $.b)",
    "States.ArrayUnique()",
    "States.Base64Encode()",
    "States.Base64Decode('a', 'b')",
    "States.Hash('a')",
    "States.JsonMerge($.a, $.b)",
    "States.MathRandom(1)",
    "States.MathRandom(1, 2, 3, 4)",
    "States.MathAdd(1)",
    "States.StringSplit('a')",
    "States.UUID(1)",
    "States.Array(States.ArrayLength())",
  ])("rejects the wrong number of arguments in %s", (text) => {
    expect(definitionError(text).message).toMatch(/espera/);
  });

  it.each([
    ["States.Array($.a", "missing ')'"],
    ["States.Array(States.UUID()", "missing ')' of the outer call"],
    ["States.Array('x'))", "an extra ')'"],
    ["States.Array('x') + 1", "trailing content"],
    ["States.Array('abc)", "an unterminated string"],
    [String.raw`States.Array('abc\')`, "a quote escaped away"],
    ["States.Array(1,)", "an empty last argument"],
    ["States.Array(,1)", "an empty first argument"],
    ["States.Array(foo)", "a bare word"],
    ["States.Array(12abc)", "a malformed number"],
    ["States.Array(1.)", "a number without decimals"],
    ['States.Array("x")', "a double-quoted string"],
    ["States.Array($.a.)", "an invalid path"],
    ["States.", "no function name"],
  ])("rejects %s (%s)", (text) => {
    definitionError(text);
  });

  // DOC: "You can nest up to 10 intrinsic functions within a field." Its example "includes nine nested
  // intrinsic functions" counting every call (depth 5), so the limit is on the number of calls.
  it("accepts 10 calls and rejects 11, nested or side by side", () => {
    expect(run(`${"States.Array(".repeat(10)}${")".repeat(10)}`)).toEqual([[[[[[[[[[]]]]]]]]]]);
    expect(definitionError(`${"States.Array(".repeat(11)}${")".repeat(11)}`).message).toContain("10");
    const nineUuids = Array.from({ length: 9 }, () => "States.UUID()").join(", ");
    expect(() => compileIntrinsic(`States.Array(${nineUuids})`)).not.toThrow();
    definitionError(`States.Array(${nineUuids}, States.UUID(), States.UUID())`);
  });

  // DOC: the myArn example with nine nested calls.
  it("compiles the documentation's nine-call example", () => {
    const myArn =
      "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))";
    const data = {
      ImageRecipe: { Arn: "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.0.2" },
    };
    // As printed, the template has three {} for two values, so it can only fail when run.
    expectIntrinsicFailure(myArn, data);
    expect(run(myArn.replace("'{}.{}.{}'", "'{}.{}'"), data)).toBe("1.0");
  });
});

describe("paths that match nothing", () => {
  // Recorded on AWS (quoted in user reports): "The function 'States.Array(<path>)' had the following error:
  // The JsonPath argument for the field '<path>' could not be found in the input '…'" — States.Runtime.
  it("fail with States.Runtime naming the whole expression, the path and the input", () => {
    const error = failure("States.Format('x={}', $.nope)", { other: 1 });
    expect(error.error).toBe("States.Runtime");
    expect(error.cause).toBe(
      "The function 'States.Format('x={}', $.nope)' had the following error: " +
        "The JsonPath argument for the field '$.nope' could not be found in the input '{\"other\":1}'",
    );
  });

  it("fail the same way when the path sits inside a nested call or reads the context or a variable", () => {
    expect(failure("States.Array(States.Format('{}', $.nope))", {}).cause).toContain(
      "The function 'States.Array(States.Format('{}', $.nope))'",
    );
    expect(failure("States.Array($$.Map.Item.Value)", {}, { context: { Execution: {} } }).error).toBe(
      "States.Runtime",
    );
    expect(failure("States.Array($missing)").error).toBe("States.Runtime");
  });

  it("do not confuse a null value with a missing one", () => {
    expect(run("States.Array($.n)", { n: null })).toEqual([null]);
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays (States.Array)
describe("States.Array", () => {
  it('doc: {"Id": 123456} with "States.Array($.Id)" returns [123456]', () => {
    expect(run("States.Array($.Id)", { Id: 123456 })).toEqual([123456]);
  });

  it("returns [] with zero arguments (recorded on AWS: test_array_0)", () => {
    expect(run("States.Array()")).toEqual([]);
  });

  it("keeps every kind of value in order (recorded on AWS: test_array_2)", () => {
    const value = { Arg1: 1, Arg2: [] };
    expect(run("States.Array($.fst, $.snd)", { fst: "", snd: " " })).toEqual(["", " "]);
    expect(run("States.Array($.fst, $.snd, $.n)", { fst: value, snd: 1.1, n: null })).toEqual([
      value,
      1.1,
      null,
    ]);
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays (States.ArrayPartition)
describe("States.ArrayPartition", () => {
  it("doc: [1..9] with chunk 4 returns [[1,2,3,4],[5,6,7,8],[9]]", () => {
    expect(run("States.ArrayPartition($.inputArray,4)", { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] })).toEqual(
      [[1, 2, 3, 4], [5, 6, 7, 8], [9]],
    );
  });

  it("partitions an empty array into [] and a short array into one chunk", () => {
    expect(run("States.ArrayPartition($.a, 3)", { a: [] })).toEqual([]);
    expect(run("States.ArrayPartition($.a, 5)", { a: [0, 1] })).toEqual([[0, 1]]);
    expect(run("States.ArrayPartition($.a, 1)", { a: [0, 1] })).toEqual([[0], [1]]);
  });

  // DOC: "If you specify a non-integer value for the second argument, Step Functions will round it off to
  // the nearest integer." (The rounding mode is inferred from MathAdd's recorded results.)
  it("rounds a non-integer chunk size", () => {
    expect(run("States.ArrayPartition($.a, 1.5)", { a: [1, 2, 3] })).toEqual([[1, 2], [3]]);
    expect(run("States.ArrayPartition($.a, 2.4)", { a: [1, 2, 3] })).toEqual([[1, 2], [3]]);
  });

  // DOC: "You must specify a non-zero, positive integer for the second argument"
  it.each(["0", "-1", "0.4", "'2'", "null"])(
    "fails with States.IntrinsicFailure for chunk size %s",
    (size) => {
      expectIntrinsicFailure(`States.ArrayPartition($.a, ${size})`, { a: [1, 2] });
    },
  );

  it("fails when the first argument is not an array", () => {
    expectIntrinsicFailure("States.ArrayPartition($.a, 2)", { a: { x: 1 } });
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays (States.ArrayContains)
describe("States.ArrayContains", () => {
  it('doc: inputArray [1..9] and lookingFor 5 returns {"contains": true}', () => {
    expect(
      run("States.ArrayContains($.inputArray, $.lookingFor)", {
        inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9],
        lookingFor: 5,
      }),
    ).toBe(true);
  });

  it("compares arrays and objects deeply, ignoring key order", () => {
    const data = { arr: [[1, 2, 3], 2, { a: 1, b: [true] }] };
    expect(run("States.ArrayContains($.arr, $.v)", { ...data, v: [1, 2, 3] })).toBe(true);
    expect(run("States.ArrayContains($.arr, $.v)", { ...data, v: [1, 2] })).toBe(false);
    expect(run("States.ArrayContains($.arr, $.v)", { ...data, v: { b: [true], a: 1 } })).toBe(true);
    expect(run("States.ArrayContains($.arr, $.v)", { ...data, v: { a: 1 } })).toBe(false);
  });

  it("handles null, booleans and types strictly", () => {
    expect(run("States.ArrayContains($.arr, null)", { arr: [] })).toBe(false);
    expect(run("States.ArrayContains($.arr, null)", { arr: [0, null] })).toBe(true);
    expect(run("States.ArrayContains($.arr, false)", { arr: [true, false] })).toBe(true);
    expect(run("States.ArrayContains($.arr, '1')", { arr: [1] })).toBe(false);
  });

  it("fails when the first argument is not an array", () => {
    expectIntrinsicFailure("States.ArrayContains($.s, 'a')", { s: "abc" });
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays (States.ArrayRange)
describe("States.ArrayRange", () => {
  it('doc: "States.ArrayRange(1, 9, 2)" returns [1,3,5,7,9]', () => {
    expect(run("States.ArrayRange(1, 9, 2)")).toEqual([1, 3, 5, 7, 9]);
  });

  // Recorded on AWS (test_array_range): (0, 9, 3), (0, 10, 3), (1, 9, 9).
  it("includes the end only when a step lands on it", () => {
    expect(run("States.ArrayRange(0, 9, 3)")).toEqual([0, 3, 6, 9]);
    expect(run("States.ArrayRange(0, 10, 3)")).toEqual([0, 3, 6, 9]);
    expect(run("States.ArrayRange(1, 9, 9)")).toEqual([1]);
  });

  it("counts down with a negative step and reads its arguments from paths", () => {
    expect(run("States.ArrayRange($.a, $.b, $.c)", { a: 10, b: 0, c: -3 })).toEqual([10, 7, 4, 1]);
  });

  it("returns [] when the step points away from the end (inferred)", () => {
    expect(run("States.ArrayRange(5, 1, 1)")).toEqual([]);
  });

  // DOC: "If you specify a non-integer value for any of the arguments, Step Functions will round it off"
  it("rounds non-integer arguments", () => {
    expect(run("States.ArrayRange(0.6, 3.4, 1)")).toEqual([1, 2, 3]);
  });

  // DOC: "The newly generated array can't contain more than 1000 items."
  it("allows exactly 1000 items and fails above", () => {
    const thousand = run("States.ArrayRange(1, 1000, 1)") as number[];
    expect(thousand).toHaveLength(1000);
    expect(thousand[999]).toBe(1000);
    expectIntrinsicFailure("States.ArrayRange(1, 1001, 1)");
    expectIntrinsicFailure("States.ArrayRange(0, 100000000, 1)");
  });

  // DOC: "You must specify a non-zero value for the third argument."
  it.each(["States.ArrayRange(1, 9, 0)", "States.ArrayRange(1, 9, 0.4)", "States.ArrayRange('1', 9, 1)"])(
    "fails with States.IntrinsicFailure for %s",
    (text) => {
      expectIntrinsicFailure(text);
    },
  );
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays (States.ArrayGetItem)
describe("States.ArrayGetItem", () => {
  it('doc: inputArray [1..9] and index 5 returns {"item": 6}', () => {
    expect(
      run("States.ArrayGetItem($.inputArray, $.index)", {
        inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9],
        index: 5,
      }),
    ).toBe(6);
  });

  it("returns nested values as they are", () => {
    expect(run("States.ArrayGetItem($.a, 0)", { a: [{ k: [1] }] })).toEqual({ k: [1] });
  });

  it.each(["9", "-1", "1.5", "'0'"])("fails with States.IntrinsicFailure for index %s", (index) => {
    expectIntrinsicFailure(`States.ArrayGetItem($.a, ${index})`, { a: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays (States.ArrayLength)
describe("States.ArrayLength", () => {
  it('doc: inputArray [1..9] returns {"length": 9}', () => {
    expect(run("States.ArrayLength($.inputArray)", { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] })).toBe(9);
  });

  it("returns 0 for an empty array and fails on anything else", () => {
    expect(run("States.ArrayLength($.a)", { a: [] })).toBe(0);
    expectIntrinsicFailure("States.ArrayLength($.a)", { a: "abc" });
    expectIntrinsicFailure("States.ArrayLength($.a)", { a: { length: 3 } });
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays (States.ArrayUnique)
describe("States.ArrayUnique", () => {
  it("doc: [1,2,3,3,3,3,3,3,4] returns [1,2,3,4]", () => {
    expect(run("States.ArrayUnique($.inputArray)", { inputArray: [1, 2, 3, 3, 3, 3, 3, 3, 4] })).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it("removes deep duplicates, keeps first occurrences in order and tells 1 from '1'", () => {
    const inputArray = [
      { a: 1, b: 2 },
      { b: 2, a: 1 },
      [null],
      [null],
      "x",
      "x",
      1,
      "1",
      null,
      null,
      { a: 1, b: 1 },
    ];
    expect(run("States.ArrayUnique($.inputArray)", { inputArray })).toEqual([
      { a: 1, b: 2 },
      [null],
      "x",
      1,
      "1",
      null,
      { a: 1, b: 1 },
    ]);
  });

  it("fails when the argument is not an array", () => {
    expectIntrinsicFailure("States.ArrayUnique($.a)", { a: 3 });
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-data-encode-decode (States.Base64Encode / States.Base64Decode)
describe("States.Base64Encode and States.Base64Decode", () => {
  it('doc: {"input": "Data to encode"} encodes to "RGF0YSB0byBlbmNvZGU="', () => {
    expect(run("States.Base64Encode($.input)", { input: "Data to encode" })).toBe("RGF0YSB0byBlbmNvZGU=");
  });

  // The doc prints {"data": "Decoded data"} for this input, which is not what the Base64 decodes to.
  it('doc: {"base64": "RGF0YSB0byBlbmNvZGU="} decodes (to "Data to encode")', () => {
    expect(run("States.Base64Decode($.base64)", { base64: "RGF0YSB0byBlbmNvZGU=" })).toBe("Data to encode");
  });

  it("encodes and decodes the empty string (recorded on AWS input)", () => {
    expect(run("States.Base64Encode('')")).toBe("");
    expect(run("States.Base64Decode('')")).toBe("");
  });

  it("works on the UTF-8 bytes of the text", () => {
    expect(run("States.Base64Encode($.s)", { s: "ação ✓ 😀" })).toBe("YcOnw6NvIOKckyDwn5iA");
    expect(run("States.Base64Decode('YcOnw6NvIOKckyDwn5iA')")).toBe("ação ✓ 😀");
    expect(run("States.Base64Decode(States.Base64Encode($.s))", { s: "{'round': \"trip\"}" })).toBe(
      "{'round': \"trip\"}",
    );
  });

  it("accepts unpadded input (inferred from Java's decoder) and rejects characters outside the alphabet", () => {
    expect(run("States.Base64Decode('RGF0YSB0byBlbmNvZGU')")).toBe("Data to encode");
    expectIntrinsicFailure("States.Base64Decode('@@@@')");
    expectIntrinsicFailure("States.Base64Decode('RGF0Y')");
    expectIntrinsicFailure("States.Base64Decode('RG=0')");
  });

  // DOC: "This function takes a data string of up to 10,000 characters"
  it("accepts 10,000 characters and fails on 10,001", () => {
    expect(run("States.Base64Encode($.s)", { s: "a".repeat(10_000) })).toHaveLength(13_336);
    expectIntrinsicFailure("States.Base64Encode($.s)", { s: "a".repeat(10_001) });
    expect(run("States.Base64Decode($.s)", { s: "QUFB".repeat(2_500) })).toBe("AAA".repeat(2_500));
    expectIntrinsicFailure("States.Base64Decode($.s)", { s: `${"QUFB".repeat(2_500)}QQ==` });
  });

  it("fails on non-string arguments", () => {
    expectIntrinsicFailure("States.Base64Encode($.n)", { n: 12 });
    expectIntrinsicFailure("States.Base64Decode($.n)", { n: null });
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-hash-calc (States.Hash)
describe("States.Hash", () => {
  // The doc prints "aaff4a450a104cd177d28d18d7485e8cae074b7" (39 hex digits, one dropped); the real SHA-1
  // of "input data" is the 40-digit value below.
  it('doc: {"Data": "input data", "Algorithm": "SHA-1"} returns the SHA-1 hex digest', () => {
    expect(run("States.Hash($.Data, $.Algorithm)", { Data: "input data", Algorithm: "SHA-1" })).toBe(
      "aaff4a450a104cd177d28d18d74485e8cae074b7",
    );
  });

  it.each([
    ["MD5", "md5"],
    ["SHA-1", "sha1"],
    ["SHA-256", "sha256"],
    ["SHA-384", "sha384"],
    ["SHA-512", "sha512"],
  ])("computes %s as lowercase hex of the UTF-8 bytes", (algorithm, nodeName) => {
    for (const data of ["input data", "", "ação ✓ 😀"]) {
      expect(run("States.Hash($.d, $.alg)", { d: data, alg: algorithm })).toBe(
        createHash(nodeName).update(data, "utf8").digest("hex"),
      );
    }
  });

  it.each(["SHA1", "sha-256", "SHA-224", "md5"])(
    "fails on the unsupported algorithm name %s",
    (algorithm) => {
      expectIntrinsicFailure("States.Hash('x', $.alg)", { alg: algorithm });
    },
  );

  // DOC: "The data you provide must be an object string containing 10,000 characters or less."
  it("accepts 10,000 characters, fails on 10,001 and on a non-string", () => {
    expect(run("States.Hash($.s, 'MD5')", { s: "a".repeat(10_000) })).toHaveLength(32);
    expectIntrinsicFailure("States.Hash($.s, 'MD5')", { s: "a".repeat(10_001) });
    expectIntrinsicFailure("States.Hash($.n, 'MD5')", { n: 5 });
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-json-manipulate (States.JsonMerge)
describe("States.JsonMerge", () => {
  it("doc: merges json1 and json2 shallowly; json2's key a replaces json1's", () => {
    const data = { json1: { a: { a1: 1, a2: 2 }, b: 2 }, json2: { a: { a3: 1, a4: 2 }, c: 3 } };
    expect(run("States.JsonMerge($.json1, $.json2, false)", data)).toEqual({
      a: { a3: 1, a4: 2 },
      b: 2,
      c: 3,
    });
  });

  it("lets the second object win on shared keys (recorded on AWS: test_json_merge)", () => {
    const data = { fst: { a: { a1: 1, a2: 2 }, b: 2, d: 3 }, snd: { a: { a3: 1, a4: 2 }, c: 3, d: 4 } };
    expect(run("States.JsonMerge($.fst, $.snd, false)", data)).toEqual({
      a: { a3: 1, a4: 2 },
      b: 2,
      c: 3,
      d: 4,
    });
  });

  // Recorded on AWS (test_json_merge_escaped_argument): a literal object built with StringToJson.
  it("merges an object produced by a nested call with one read from the context", () => {
    const text = `States.JsonMerge(States.StringToJson('{"constant_in_literal": "false"}'), $$.Execution.Input.input_field, false)`;
    const context = { Execution: { Input: { input_field: { constant_input_field: "constant_value" } } } };
    expect(run(text, {}, { context })).toEqual({
      constant_in_literal: "false",
      constant_input_field: "constant_value",
    });
  });

  // DOC: "Currently, Step Functions only supports the shallow merging mode; therefore, you must specify the
  // boolean value as false."
  it.each([
    ["deep merge requested", "States.JsonMerge($.a, $.b, true)"],
    ["a string instead of a boolean", "States.JsonMerge($.a, $.b, 'false')"],
    ["an array argument", "States.JsonMerge($.a, $.arr, false)"],
    ["a null argument", "States.JsonMerge(null, $.b, false)"],
  ])("fails with States.IntrinsicFailure on %s", (_label, text) => {
    expectIntrinsicFailure(text, { a: { x: 1 }, b: { y: 2 }, arr: [1] });
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-json-manipulate (States.StringToJson)
describe("States.StringToJson", () => {
  it('doc: "{\\"foo\\": \\"bar\\"}" returns { "foo": "bar" }', () => {
    expect(run("States.StringToJson($.escapedJsonString)", { escapedJsonString: '{"foo": "bar"}' })).toEqual({
      foo: "bar",
    });
  });

  // Recorded on AWS (test_string_to_json).
  it.each([
    ["", null],
    [" ", null],
    ["null", null],
    ["-0", 0],
    ["1", 1],
    ["1.1", 1.1],
    ["true", true],
    ['"HelloWorld"', "HelloWorld"],
    ['[1, 2, "HelloWorld"]', [1, 2, "HelloWorld"]],
    ['{"Arg1": 1, "Arg2": []}', { Arg1: 1, Arg2: [] }],
  ])("parses %j into %j", (input, expected) => {
    expect(run("States.StringToJson($.s)", { s: input })).toEqual(expected);
  });

  it("treats a string of JSON whitespace as blank", () => {
    expect(run("States.StringToJson($.s)", { s: " \t\r\n " })).toBeNull();
  });

  it("fails with States.IntrinsicFailure on invalid JSON and on a non-string", () => {
    expectIntrinsicFailure("States.StringToJson($.s)", { s: "{" });
    expectIntrinsicFailure("States.StringToJson($.s)", { s: "{'a': 1}" });
    expectIntrinsicFailure("States.StringToJson($.s)", { s: { a: 1 } });
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-json-manipulate (States.JsonToString)
describe("States.JsonToString", () => {
  // The doc prints {\"foo\": \"bar\"}; AWS's recorded output is compact, without the space.
  it('doc: {"unescapedJson": {"foo": "bar"}} returns the JSON text, compact', () => {
    expect(run("States.JsonToString($.unescapedJson)", { unescapedJson: { foo: "bar" } })).toBe(
      '{"foo":"bar"}',
    );
  });

  // Recorded on AWS (test_json_to_string).
  it.each([
    [null, "null"],
    [0, "0"],
    [1, "1"],
    [1.1, "1.1"],
    [true, "true"],
    ["HelloWorld", '"HelloWorld"'],
    [[1, 2, "HelloWorld"], '[1,2,"HelloWorld"]'],
    [{ Arg1: 1, Arg2: [] }, '{"Arg1":1,"Arg2":[]}'],
  ])("serialises %j as %s", (value, expected) => {
    expect(run("States.JsonToString($.v)", { v: value })).toBe(expected);
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-math-operation (States.MathRandom)
describe("States.MathRandom", () => {
  // DOC: "return a random number between the specified start number (inclusive) and end number (exclusive)"
  it('doc: {"start": 1, "end": 999} returns a number in [1, 999)', () => {
    const data = { start: 1, end: 999 };
    expect(run("States.MathRandom($.start, $.end)", data, { env: { random: () => 0 } })).toBe(1);
    expect(run("States.MathRandom($.start, $.end)", data, { env: { random: () => 0.999999 } })).toBe(998);
    expect(run("States.MathRandom($.start, $.end)", data, { env: { random: () => 0.5 } })).toBe(500);
  });

  it("uses the engine's seeded random source when no seed is given", () => {
    const values = [0.1, 0.7];
    const env = { random: () => values.shift() ?? 0 };
    const compiled = compileIntrinsic("States.MathRandom(0, 10)");
    expect(compiled.evaluate(scopeOf({}), makeEnv(env))).toBe(1);
    expect(compiled.evaluate(scopeOf({}), makeEnv(env))).toBe(7);
  });

  // DOC: "if you use this function with the same seed value, it will return identical numbers."
  it("returns identical numbers for the same seed, ignoring the engine's random source", () => {
    const text = "States.MathRandom($.fst, $.snd, $.trd)";
    const data = { fst: 0, snd: 999, trd: 3 }; // the input AWS recorded for test_math_random_seeded
    const a = run(text, data, { env: { random: () => 0.1 } }) as number;
    const b = run(text, data, { env: { random: () => 0.9 } }) as number;
    expect(a).toBe(b);
    expect(Number.isInteger(a) && a >= 0 && a < 999).toBe(true);
  });

  // The generator behind a seed is inferred to be java.util.Random; new Random(42).nextInt(10) is 0.
  it("draws seeded numbers like java.util.Random (inferred)", () => {
    expect(run("States.MathRandom(0, 10, 42)")).toBe(0);
    expect(run("States.MathRandom(5, 15, 42)")).toBe(5);
  });

  // Recorded on AWS (test_math_random): (12.50, 44.51), (9999, 99999), (-99999, -9999) all succeed.
  it("rounds non-integer bounds and accepts negative ranges", () => {
    expect(run("States.MathRandom(12.5, 44.51)", {}, { env: { random: () => 0 } })).toBe(13);
    expect(run("States.MathRandom(12.5, 44.51)", {}, { env: { random: () => 0.999999 } })).toBe(44);
    const high = run("States.MathRandom(9999, 99999)") as number;
    expect(high >= 9999 && high < 99999).toBe(true);
    const low = run("States.MathRandom(-99999, -9999)") as number;
    expect(low >= -99999 && low < -9999).toBe(true);
  });

  it.each([
    "States.MathRandom(5, 5)",
    "States.MathRandom(10, 1)",
    "States.MathRandom('1', 9)",
    "States.MathRandom(1, 9, 'x')",
  ])("fails with States.IntrinsicFailure for %s", (text) => {
    expectIntrinsicFailure(text);
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-math-operation (States.MathAdd)
describe("States.MathAdd", () => {
  it('doc: {"value1": 111, "step": -1} returns 110', () => {
    expect(run("States.MathAdd($.value1, $.step)", { value1: 111, step: -1 })).toBe(110);
  });

  // Recorded on AWS (test_math_add): floats are rounded first, as Java's Math.round does (half towards +∞).
  it.each([
    [-9, 3, -6],
    [1.49, 1.5, 3],
    [1.5, 1.51, 4],
    [-1.49, -1.5, -2],
    [-1.5, -1.51, -3],
    [1.49, 0, 1],
    [1.49, -1.49, 0],
    [1.5, 0, 2],
    [1.51, 0, 2],
    [-1.49, 0, -1],
    [-1.5, 0, -1],
    [-1.51, 0, -2],
    [0.5, 0, 1],
    [2.5, 0, 3],
    [3.5, 0, 4],
    [-0.5, 0.5, 1],
    [-0.5, 0, 0],
  ])("MathAdd(%d, %d) = %d", (fst, snd, expected) => {
    const result = run("States.MathAdd($.fst, $.snd)", { fst, snd });
    expect(Object.is(result, expected)).toBe(true);
  });

  // DOC: "You must specify integer values in the range of -2147483648 and 2147483647."
  it("accepts the int range and fails outside it", () => {
    expect(run("States.MathAdd(2147483647, -2147483648)")).toBe(-1);
    expectIntrinsicFailure("States.MathAdd(2147483648, 0)");
    expectIntrinsicFailure("States.MathAdd(0, -2147483649)");
  });

  it.each([
    "States.MathAdd('1', 2)",
    "States.MathAdd(true, 2)",
    "States.MathAdd(null, 2)",
    "States.MathAdd($.a, 1)",
  ])("fails with States.IntrinsicFailure for %s", (text) => {
    expectIntrinsicFailure(text, { a: [1] });
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-string-operation (States.StringSplit)
describe("States.StringSplit", () => {
  it('doc: "1,2,3,4,5" split on "," returns ["1","2","3","4","5"]', () => {
    expect(
      run("States.StringSplit($.inputString, $.splitter)", { inputString: "1,2,3,4,5", splitter: "," }),
    ).toEqual(["1", "2", "3", "4", "5"]);
  });

  it('doc: "This.is+a,test=string" split on ".+,=" returns ["This","is","a","test","string"]', () => {
    expect(
      run("States.StringSplit($.inputString, $.splitter)", {
        inputString: "This.is+a,test=string",
        splitter: ".+,=",
      }),
    ).toEqual(["This", "is", "a", "test", "string"]);
  });

  it("treats the second argument as a set of single characters, not a separator string", () => {
    expect(run("States.StringSplit('This.is+a', '.+')")).toEqual(["This", "is", "a"]);
    expect(run("States.StringSplit('a+.b', '.+')")).toEqual(["a", "b"]);
    expect(run("States.StringSplit('aXYb', 'YX')")).toEqual(["a", "b"]);
  });

  it("drops empty pieces", () => {
    expect(run("States.StringSplit(',,,,', ',')")).toEqual([]);
    expect(run("States.StringSplit(',a,,b,', ',')")).toEqual(["a", "b"]);
    expect(run("States.StringSplit('', ',')")).toEqual([]);
  });

  it("returns the whole string when no delimiter occurs, and handles characters beyond the BMP", () => {
    expect(run("States.StringSplit('abc', ',')")).toEqual(["abc"]);
    expect(run("States.StringSplit('abc', '')")).toEqual(["abc"]);
    expect(run("States.StringSplit('a😀b😀c', '😀')")).toEqual(["a", "b", "c"]);
  });

  it("fails with States.IntrinsicFailure on non-string arguments", () => {
    expectIntrinsicFailure("States.StringSplit($.n, ',')", { n: 123 });
    expectIntrinsicFailure("States.StringSplit('a,b', $.n)", { n: null });
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-uuid-generate (States.UUID)
describe("States.UUID", () => {
  it('doc: "States.UUID()" returns a v4 UUID such as "ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8"', () => {
    expect(run("States.UUID()")).toBe("ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8");
  });

  it("asks the engine for a fresh UUID on every evaluation", () => {
    let n = 0;
    const env = makeEnv({ uuid: () => `00000000-0000-4000-8000-00000000000${++n}` });
    const compiled = compileIntrinsic("States.Array(States.UUID(), States.UUID())");
    expect(compiled.evaluate(scopeOf({}), env)).toEqual([
      "00000000-0000-4000-8000-000000000001",
      "00000000-0000-4000-8000-000000000002",
    ]);
  });
});

// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-generic (States.Format)
describe("States.Format", () => {
  it('doc: "States.Format(\'Hello, my name is {}.\', $.name)" returns "Hello, my name is Arnav."', () => {
    const data = { name: "Arnav", template: "Hello, my name is {}." };
    expect(run("States.Format('Hello, my name is {}.', $.name)", data)).toBe("Hello, my name is Arnav.");
  });

  it('doc: "States.Format($.template, $.name)" returns the same string', () => {
    const data = { name: "Arnav", template: "Hello, my name is {}." };
    expect(run("States.Format($.template, $.name)", data)).toBe("Hello, my name is Arnav.");
  });

  it("returns a template without placeholders unchanged", () => {
    expect(run("States.Format('no placeholders')")).toBe("no placeholders");
  });

  // Recorded on AWS (test_format_1 / test_format_2).
  it.each([
    ["", "Formatting argument ."],
    [" ", "Formatting argument  ."],
    ["HelloWorld", "Formatting argument HelloWorld."],
    [null, "Formatting argument null."],
    [1, "Formatting argument 1."],
    [1.1, "Formatting argument 1.1."],
    ['{"Arg1": 1, "Arg2": []}', 'Formatting argument {"Arg1": 1, "Arg2": []}.'],
  ])("renders %j as recorded", (value, expected) => {
    expect(run("States.Format('Formatting argument {}.', $.v)", { v: value })).toBe(expected);
  });

  it("renders objects in Java map style (recorded on AWS: {Arg1=1, Arg2=[]})", () => {
    const v = { Arg1: 1, Arg2: [] };
    expect(
      run("States.Format('Formatting arguments fst={} and snd={}.', $.fst, $.snd)", { fst: v, snd: v }),
    ).toBe("Formatting arguments fst={Arg1=1, Arg2=[]} and snd={Arg1=1, Arg2=[]}.");
  });

  // Recorded on AWS (test_context_json_path): $$.StateMachine renders as {Id=arn…, Name=…}.
  it("renders context objects the same way", () => {
    const context = {
      Execution: { Id: "arn:aws:states:us-east-1:111111111111:execution:M:e" },
      StateMachine: { Id: "arn:aws:states:us-east-1:111111111111:stateMachine:M", Name: "M" },
    };
    expect(
      run("States.Format('fst={} and snd={}.', $$.Execution.Id, $$.StateMachine)", {}, { context }),
    ).toBe(
      "fst=arn:aws:states:us-east-1:111111111111:execution:M:e and snd={Id=arn:aws:states:us-east-1:111111111111:stateMachine:M, Name=M}.",
    );
  });

  it("renders arrays as [a, b] with nested values unquoted, and booleans plainly", () => {
    expect(run("States.Format('{} {}', $.a, $.b)", { a: [1, "x", { k: null }, [true]], b: false })).toBe(
      "[1, x, {k=null}, [true]] false",
    );
  });

  it("inserts values containing braces verbatim, without treating them as placeholders", () => {
    expect(run("States.Format('{}|{}', $.a, 'b')", { a: "{}" })).toBe("{}|b");
  });

  // DOC "Reserved characters": \{ and \} stand for literal braces, so \{\} is not a placeholder.
  it("does not count escaped braces as placeholders", () => {
    expect(run(String.raw`States.Format('\{\} is {}', 'x')`)).toBe("{} is x");
    expect(run(String.raw`States.Format('\{} and {\}')`)).toBe("{} and {}");
    expect(run(String.raw`States.Format('it\'s {}', 'ok')`)).toBe("it's ok");
  });

  // DOC: "There must be as many remaining arguments … as there are occurrences of {}."
  it.each([
    "States.Format('{} and {}', 'one')",
    "States.Format('{}', 'one', 'two')",
    "States.Format('none', 'extra')",
  ])("fails with States.IntrinsicFailure when placeholders and values differ: %s", (text) => {
    expect(expectIntrinsicFailure(text).cause).toContain(
      "number of arguments do not match the occurrences of {}",
    );
  });

  it("checks the placeholder count of a template read from a path at run time", () => {
    expectIntrinsicFailure("States.Format($.t, 'a')", { t: "{} {}" });
  });

  it("fails with States.IntrinsicFailure when the template is not a string", () => {
    expectIntrinsicFailure("States.Format($.t, 'a')", { t: 5 });
    expectIntrinsicFailure("States.Format(1)");
  });
});
