/**
 * Untrusted JSONata (issue 12): an expression sees the execution's data and nothing else. It cannot
 * reach `Object.prototype` (so it cannot change objects other executions use), cannot rebind the
 * engine's budget, and cannot block the thread with a catastrophic regular expression.
 */
import { afterEach, describe, expect, it } from "vitest";
import { compileStateMachine, runExecution } from "../../grader/engine/index.ts";

function pass(output: unknown) {
  return compileStateMachine({
    QueryLanguage: "JSONata",
    StartAt: "E",
    States: { E: { Type: "Pass", Output: output, End: true } },
  });
}

async function evaluate(expression: string, input: unknown = { order: { id: 7 }, items: [{ a: 1 }] }) {
  return runExecution(pass(`{% ${expression} %}`), input);
}

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const snapshot = () => PROTOTYPES.map((proto) => Reflect.ownKeys(proto).length);
const before = snapshot();

afterEach(() => {
  expect(snapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** Ways a student would try to climb from data to a prototype; none may find anything. */
const CLIMBS = [
  "$states.input.__proto__",
  "$states.input.constructor",
  "$states.input.order.__proto__.__defineGetter__",
  "$states.input.items.__proto__",
  "$states.input.items[0].constructor",
  "$states.context.__proto__",
  '{"a": 1}.__proto__',
  '{"a": 1}.constructor',
  '$merge([{"a": 1}]).__proto__',
  '$match("ab", /a/).__proto__',
  '$spread({"a": 1}).__proto__',
  '$lookup($states.input, "__proto__")',
  '$lookup({"a": 1}, "constructor")',
  '$lookup($states.input.items, "hasOwnProperty")',
  '$parse("{}").__proto__',
  '($o := {"a": 1}; $o.__proto__)',
  '($f := function($x){ $x.__proto__ }; $f({"a": 1}))',
  '$map([{"a": 1}], function($v){ $v.constructor })',
  '$states.input.{"k": __proto__}.k',
  '{"__proto__": {"x": 1}}.x',
  '($states.input ~> |__proto__|{"polluted": 1}|).polluted',
];

describe("JSONata cannot reach a prototype", () => {
  it.each(CLIMBS)("%s finds nothing", async (expression) => {
    const result = await evaluate(`$exists(${expression}) ? "found" : "nothing"`);
    if (result.status === "SUCCEEDED") expect(result.output).toBe("nothing");
    else expect(result.error).toBe("States.QueryEvaluationError");
  });

  it("cannot define a getter on Object.prototype, the attack that broke the next student's grade", async () => {
    for (const expression of [
      '$states.input.__proto__.(__defineGetter__("polluted", $millis))',
      '{"a": 1}.__proto__.(__defineGetter__("polluted", $millis))',
      '($__proto__ := {"hasOwnProperty": $millis}; {"a": 1}.__proto__.(__defineGetter__("polluted", $millis)))',
      '($hasOwnProperty := $millis; {"a": 1}.__proto__.(__defineSetter__("polluted", $millis)))',
    ]) {
      const result = await evaluate(expression);
      expect(result.status, expression).toBe("FAILED");
      expect(result.cause).not.toMatch(/TypeError|is not a function|at .*\.js/);
    }
  });

  it("still reads ordinary fields, arrays and $lookup as before", async () => {
    const result = await evaluate(
      '{"id": $states.input.order.id, "a": $states.input.items.a, "l": $lookup($states.input.order, "id"), "m": $merge([$states.input.order, {"b": 2}]), "k": $keys($states.input.order)}',
    );
    expect(result.output).toEqual({ id: 7, a: 1, l: 7, m: { id: 7, b: 2 }, k: "id" });
  });

  it("does not change the execution's own data", async () => {
    const input = { order: { id: 7 }, items: [{ a: 1 }, { a: 2 }] };
    const result = await evaluate('$states.input ~> |order|{"id": 8}|', input);
    expect(result.output).toEqual({ order: { id: 8 }, items: [{ a: 1 }, { a: 2 }] });
    expect(input).toEqual({ order: { id: 7 }, items: [{ a: 1 }, { a: 2 }] });
    expect(Object.getPrototypeOf(input.order)).toBe(Object.prototype);
  });
});

describe("JSONata budgets cannot be escaped", () => {
  it("stops endless recursion even after rebinding any variable", async () => {
    for (const expression of [
      "($__partituraBudget := null; $f := function($x){ $f($x) }; $f(1))",
      '($__proto__ := {"hasOwnProperty": $millis}; $f := function($x){ $f($x) }; $f(1))',
    ]) {
      const result = await evaluate(expression);
      expect(result.error, expression).toBe("States.QueryEvaluationError");
    }
  }, 60_000);

  it("matches a catastrophic regular expression in linear time", async () => {
    const started = Date.now();
    const result = await evaluate('$count($match("' + "a".repeat(5000) + '!", /(a+)+$/))');
    expect(result.output).toBe(0);
    // Backtracking would take longer than the age of the universe; RE2 takes milliseconds (bound wide for a busy machine).
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it("keeps regular-expression results: match, groups, replace, split, contains", async () => {
    const result = await evaluate(
      '{"m": $match("ab12cd345", /(\\d)(\\d+)/), "r": $replace("a-b-c", /-/, "+"), "s": $split("a1b22c", /\\d+/), "c": $contains("Olá", /olá/i)}',
    );
    expect(result.output).toEqual({
      m: [
        { match: "12", index: 2, groups: ["1", "2"] },
        { match: "345", index: 6, groups: ["3", "45"] },
      ],
      r: "a+b+c",
      s: ["a", "b", "c"],
      c: true,
    });
  });

  it("refuses a backreference with a located cause instead of risking exponential time", async () => {
    const result = await evaluate('$match("aa", /(a)\\1/)');
    expect(result.error).toBe("States.QueryEvaluationError");
    expect(result.cause).toContain("backreferences");
  });
});
