/**
 * Run-time checks AWS makes, with AWS's error names and cause texts.
 * - Cause templates recorded on AWS: /work/shared/reference/asl-semantics.md (b15): "An error occurred
 *   while executing the state '<S>' (entered at the event id #<n>). The JSONPath '<p>' specified for the
 *   field '<F>' could not be found in the input '<json>'", the TimestampPath and JSONata templates.
 * - Fail: "When resolved, the reference path must select a field that contains a string value."
 *   https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
 * - Distributed Map: ToleratedFailureCountPath / ToleratedFailurePercentagePath "must select a field
 *   whose value is" a non-negative integer / "between zero and 100".
 *   https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html
 * - Wait: "Timestamps must conform to the RFC3339 profile of ISO 8601 … an uppercase T … an uppercase Z
 *   … if a numeric time zone offset is not present". https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html
 * - JSONata: the expression is quoted without the `{% %}` delimiters and their padding (b15);
 *   https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import { describe, expect, it } from "vitest";
import { runExecution } from "../../grader/engine/index.ts";

const prefix = (state: string, eventId = 2) =>
  `An error occurred while executing the state '${state}' (entered at the event id #${eventId}). `;

describe("a reference path that selects nothing", () => {
  it("InputPath: AWS quotes the path, the field and the input", async () => {
    const result = await runExecution(
      { StartAt: "P", States: { P: { Type: "Pass", InputPath: "$.x", End: true } } },
      { a: 1 },
    );
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toBe(
      prefix("P") +
        `The JSONPath '$.x' specified for the field 'InputPath' could not be found in the input '{"a":1}'`,
    );
  });

  it("OutputPath and ItemsPath name their own field", async () => {
    const output = await runExecution(
      { StartAt: "P", States: { P: { Type: "Pass", OutputPath: "$.nope", End: true } } },
      { a: 1 },
    );
    expect(output.cause).toContain("specified for the field 'OutputPath' could not be found");
    const items = await runExecution(
      {
        StartAt: "M",
        States: {
          M: {
            Type: "Map",
            ItemsPath: "$.items",
            ItemProcessor: { StartAt: "I", States: { I: { Type: "Pass", End: true } } },
            End: true,
          },
        },
      },
      {},
    );
    expect(items.cause).toBe(
      prefix("M") +
        "The JSONPath '$.items' specified for the field 'ItemsPath' could not be found in the input '{}'",
    );
  });

  it("TimeoutSecondsPath names the field, not the path", async () => {
    const result = await runExecution(
      {
        StartAt: "T",
        States: {
          T: {
            Type: "Task",
            Resource: "arn:aws:states:::lambda:invoke",
            TimeoutSecondsPath: "$.t",
            End: true,
          },
        },
      },
      {},
      { resolveTask: () => ({ kind: "success", output: {} }) },
    );
    expect(result.cause).toContain("specified for the field 'TimeoutSecondsPath' could not be found");
  });
});

describe("Fail: ErrorPath and CausePath", () => {
  const fail = (fields: object) => ({ StartAt: "F", States: { F: { Type: "Fail", ...fields } } });

  it("an ErrorPath that selects nothing fails with States.Runtime", async () => {
    const result = await runExecution(fail({ ErrorPath: "$.nope" }), { other: 1 });
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toBe(
      prefix("F") +
        `The JSONPath '$.nope' specified for the field 'ErrorPath' could not be found in the input '{"other":1}'`,
    );
  });

  it("a CausePath that selects a number is not a string: States.Runtime", async () => {
    const result = await runExecution(fail({ Error: "E", CausePath: "$.n" }), { n: 5 });
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toContain("CausePath");
  });

  it("string values are used as they are", async () => {
    const result = await runExecution(fail({ ErrorPath: "$.e", CausePath: "$.c" }), { e: "Oops", c: "why" });
    expect(result).toMatchObject({ error: "Oops", cause: "why" });
  });
});

describe("Distributed Map: ToleratedFailureCountPath and ToleratedFailurePercentagePath", () => {
  const map = (fields: object) => ({
    StartAt: "M",
    States: {
      M: {
        Type: "Map",
        ItemsPath: "$.items",
        ItemProcessor: {
          ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
          StartAt: "Check",
          States: {
            Check: {
              Type: "Choice",
              Choices: [{ Variable: "$", NumericEquals: 0, Next: "Bad" }],
              Default: "Good",
            },
            Bad: { Type: "Fail", Error: "Bad" },
            Good: { Type: "Succeed" },
          },
        },
        End: true,
        ...fields,
      },
    },
  });

  it("a count read from the input tolerates that many failed items", async () => {
    const result = await runExecution(map({ ToleratedFailureCountPath: "$.tolerated" }), {
      items: [0, 1, 0, 1],
      tolerated: 2,
    });
    expect(result.status).toBe("SUCCEEDED");
  });

  it("one failure more than the count read from the input exceeds the threshold", async () => {
    const result = await runExecution(map({ ToleratedFailureCountPath: "$.tolerated" }), {
      items: [0, 1, 0, 1],
      tolerated: 1,
    });
    expect(result.error).toBe("States.ExceedToleratedFailureThreshold");
  });

  it("a negative count, a count that is not an integer, a percentage over 100 or a string fail with States.Runtime", async () => {
    const negative = await runExecution(map({ ToleratedFailureCountPath: "$.t" }), { items: [1], t: -1 });
    expect(negative).toMatchObject({ error: "States.Runtime" });
    expect(negative.cause).toContain("ToleratedFailureCount cannot be negative.");
    const text = await runExecution(map({ ToleratedFailureCountPath: "$.t" }), { items: [1], t: "two" });
    expect(text).toMatchObject({ error: "States.Runtime" });
    expect(text.cause).toContain('The ToleratedFailureCountPath field refers to value "two"');
    const over = await runExecution(map({ ToleratedFailurePercentagePath: "$.p" }), { items: [1], p: 101 });
    expect(over.cause).toContain("ToleratedFailurePercentage must be between 0 and 100.");
    const under = await runExecution(map({ ToleratedFailurePercentagePath: "$.p" }), { items: [1], p: -5 });
    expect(under.error).toBe("States.Runtime");
    const notNumber = await runExecution(map({ ToleratedFailurePercentagePath: "$.p" }), {
      items: [1],
      p: "half",
    });
    expect(notNumber.error).toBe("States.Runtime");
  });

  it("a percentage read from the input tolerates that share of failed items", async () => {
    const result = await runExecution(map({ ToleratedFailurePercentagePath: "$.p" }), {
      items: [0, 1, 1, 1],
      p: 25,
    });
    expect(result.status).toBe("SUCCEEDED");
  });
});

describe("MaxConcurrencyPath", () => {
  const map = {
    StartAt: "M",
    States: {
      M: {
        Type: "Map",
        ItemsPath: "$.xs",
        MaxConcurrencyPath: "$.c",
        ItemProcessor: { StartAt: "I", States: { I: { Type: "Pass", End: true } } },
        End: true,
      },
    },
  };

  it("a negative value fails with States.Runtime", async () => {
    const result = await runExecution(map, { xs: [1], c: -1 });
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toContain("Expected non-negative integer for MaxConcurrency, got '-1' instead.");
  });

  it("a value that is not a number fails with States.Runtime, quoting the value and the path", async () => {
    const result = await runExecution(map, { xs: [1], c: "many" });
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toContain('The MaxConcurrencyPath field refers to value "many"');
    expect(result.cause).toContain("$.c");
  });
});

describe("Wait timestamps AWS refuses", () => {
  const refused = [
    "2026-01-01 00:00:00Z", // no T
    "2026-01-01T00:00:00", // no zone
    "2026-01-01T00:00:00.123456Z", // six fractional digits
    "2026-13-01T00:00:00Z", // a 13th month
  ];

  it.each(refused)("TimestampPath %s fails with States.Runtime", async (timestamp) => {
    const result = await runExecution(
      { StartAt: "W", States: { W: { Type: "Wait", TimestampPath: "$.t", End: true } } },
      { t: timestamp },
    );
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toBe(
      prefix("W") +
        `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == "${timestamp}"`,
    );
  });

  it.each(refused)("a JSONata Timestamp %s fails with States.QueryEvaluationError", async (timestamp) => {
    const result = await runExecution(
      {
        QueryLanguage: "JSONata",
        StartAt: "W",
        States: { W: { Type: "Wait", Timestamp: "{% $states.input.t %}", End: true } },
      },
      { t: timestamp },
    );
    expect(result.error).toBe("States.QueryEvaluationError");
  });

  it("an RFC3339 timestamp with an offset and milliseconds is accepted (milliseconds truncated)", async () => {
    const result = await runExecution(
      { StartAt: "W", States: { W: { Type: "Wait", TimestampPath: "$.t", End: true } } },
      { t: "2026-01-01T02:00:05.900+02:00" },
    );
    expect(result.status).toBe("SUCCEEDED");
    expect(result.stopDate).toBe("2026-01-01T00:00:05.000Z");
  });
});

describe("JSONata: AWS's words and values", () => {
  const pass = (output: unknown) => ({
    QueryLanguage: "JSONata",
    StartAt: "P",
    States: { P: { Type: "Pass", Output: output, End: true } },
  });

  it("echoes the expression without the padding inside {% %}", async () => {
    const result = await runExecution(
      {
        QueryLanguage: "JSONata",
        StartAt: "W",
        States: { W: { Type: "Wait", Seconds: "{%   $states.input.s   %}", End: true } },
      },
      { s: "ten" },
    );
    expect(result.cause).toContain(
      "The JSONata expression '$states.input.s' specified for the field 'Seconds'",
    );
  });

  it("a one-item sequence from $range is that item, as in AWS", async () => {
    const result = await runExecution(
      pass({ one: "{% $range(1, 1, 1) %}", two: "{% $range(1, 2, 1) %}" }),
      {},
    );
    expect(result.output).toEqual({ one: 1, two: [1, 2] });
  });

  it("strings without {% %} and keys ending in .$ are plain values", async () => {
    const result = await runExecution(
      pass({ "copy.$": "$.x", text: "$states.input.x", nested: { "f.$": "States.Format('x')" } }),
      { x: 1 },
    );
    expect(result.output).toEqual({
      "copy.$": "$.x",
      text: "$states.input.x",
      nested: { "f.$": "States.Format('x')" },
    });
  });
});
