/**
 * JSONata states beyond the documented conformance cases: the safety budget, virtual time,
 * determinism, AWS's error locations, and definition-time rejections. Expected values come from AWS
 * (docs, or AWS-recorded causes cited inline), never from the engine's own output.
 */
import { describe, expect, it } from "vitest";
import {
  compileStateMachine,
  DefinitionError,
  runExecution,
  type HistoryEvent,
  type TaskResolver,
} from "../../grader/engine/index.ts";

function pass(output: unknown, extra: Record<string, unknown> = {}) {
  return {
    QueryLanguage: "JSONata",
    StartAt: "E",
    States: { E: { Type: "Pass", Output: output, End: true, ...extra } },
  };
}

function details(events: readonly HistoryEvent[], type: string): Record<string, unknown> {
  const event = events.find((candidate) => candidate.type === type);
  if (!event) throw new Error(`no ${type} event`);
  const key = Object.keys(event).find((name) => name.endsWith("EventDetails"))!;
  return event[key] as Record<string, unknown>;
}

describe("JSONata evaluation", () => {
  it("names the field path of an expression that returns nothing, as AWS records it", async () => {
    // AWS-recorded cause (reported in https://github.com/floci-io/floci/issues/2665):
    // "An error occurred while executing the state 'E' (entered at the event id #2). The JSONata
    // expression '$states.input.missing' specified for the field 'Output/v' returned nothing (undefined)."
    const result = await runExecution(pass({ v: "{% $states.input.missing %}" }), {});
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.QueryEvaluationError");
    expect(result.cause).toBe(
      "An error occurred while executing the state 'E' (entered at the event id #2). The JSONata expression " +
        "'$states.input.missing' specified for the field 'Output/v' returned nothing (undefined).",
    );
    expect(details(result.events, "EvaluationFailed")).toMatchObject({
      state: "E",
      error: "States.QueryEvaluationError",
      location: "Output/v",
    });
  });

  it("names nested object paths and Assign keys the same way", async () => {
    const nested = await runExecution(pass({ a: { b: "{% $states.input.missing %}" } }), {});
    expect(nested.cause).toContain("specified for the field 'Output/a/b' returned nothing (undefined).");
    const assign = await runExecution(pass(undefined, { Assign: { x: "{% $states.input.missing %}" } }), {});
    expect(assign.cause).toContain("specified for the field 'Assign/x' returned nothing (undefined).");
  });

  it("stops an endlessly recursive expression with a QueryEvaluationError instead of hanging", async () => {
    const result = await runExecution(pass("{% ($f := function($x){ $f($x) }; $f(1)) %}"), {});
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.QueryEvaluationError");
    const deep = await runExecution(pass("{% ($f := function($x){ 1 + $f($x) }; $f(1)) %}"), {});
    expect(deep.error).toBe("States.QueryEvaluationError");
    // A million steps take up to 7 s on a loaded 2-core machine (load 35); the wall-clock bound is 5 s.
  }, 30_000);

  it("fails an expression that builds an enormous sequence, as AWS does for [1..900000]", async () => {
    // AWS fails `[1..900000] ~> $count()` with a memory limit (States.QueryEvaluationError), as
    // measured against real AWS in https://github.com/floci-io/floci/issues/2737.
    const result = await runExecution(pass("{% [1..10000000] ~> $count() %}"), {});
    expect(result.error).toBe("States.QueryEvaluationError");
  });

  it("has no $eval: AWS documents $parse in its place", async () => {
    // https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html ("$eval is not available")
    const result = await runExecution(pass("{% $eval('1 + 1') %}"), {});
    expect(result.error).toBe("States.QueryEvaluationError");
    const parsed = await runExecution(pass("{% $parse($states.input.text) %}"), { text: '{"a":[1,2]}' });
    expect(parsed.output).toEqual({ a: [1, 2] });
  });

  it("reads the execution's virtual clock in $now and $millis", async () => {
    const definition = {
      QueryLanguage: "JSONata",
      StartAt: "Month",
      States: {
        Month: { Type: "Wait", Seconds: 2_592_000, Next: "Now" },
        Now: { Type: "Pass", Output: { now: "{% $now() %}", millis: "{% $millis() %}" }, End: true },
      },
    };
    const result = await runExecution(definition, {}, { startTime: "2026-01-01T00:00:00.000Z" });
    expect(result.output).toEqual({
      now: "2026-01-31T00:00:00.000Z",
      millis: Date.parse("2026-01-31T00:00:00Z"),
    });
  });

  it("gives the same $random and $uuid for the same seed, and different ones for another seed", async () => {
    const definition = pass({ r: "{% $random() %}", u: "{% $uuid() %}" });
    const first = await runExecution(definition, {}, { seed: "a" });
    const again = await runExecution(definition, {}, { seed: "a" });
    const other = await runExecution(definition, {}, { seed: "b" });
    expect(again.output).toEqual(first.output);
    expect(other.output).not.toEqual(first.output);
    const { u } = first.output as { u: string };
    expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("lets a Catch fire on States.QueryEvaluationError raised by a Task's Output", async () => {
    // "Your Task, Map, and Parallel states can provide a Catch field to catch the error"
    // (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html)
    const definition = {
      QueryLanguage: "JSONata",
      StartAt: "T",
      States: {
        T: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Arguments: { FunctionName: "f" },
          Output: "{% $states.result.Payload.price %}",
          Catch: [{ ErrorEquals: ["States.QueryEvaluationError"], Next: "Caught" }],
          End: true,
        },
        Caught: { Type: "Pass", Output: "{% $states.input.Error %}", End: true },
      },
    };
    const resolveTask: TaskResolver = () => ({ kind: "success", output: { Payload: {} } });
    const result = await runExecution(definition, {}, { resolveTask });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toBe("States.QueryEvaluationError");
  });

  it("passes the task token to Arguments through $states.context.Task.Token", async () => {
    const definition = {
      QueryLanguage: "JSONata",
      StartAt: "Approve",
      States: {
        Approve: {
          Type: "Task",
          Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          Arguments: { QueueUrl: "q", MessageBody: { token: "{% $states.context.Task.Token %}" } },
          End: true,
        },
      },
    };
    const seen: unknown[] = [];
    const resolveTask: TaskResolver = (request) => {
      seen.push([request.taskToken, request.parameters]);
      return { kind: "success", output: { approved: true } };
    };
    const result = await runExecution(definition, {}, { resolveTask });
    expect(result.status).toBe("SUCCEEDED");
    const [[token, parameters]] = seen as [[string, { MessageBody: { token: string } }]];
    expect(parameters.MessageBody.token).toBe(token);
  });
});

describe("JSONata definitions AWS rejects", () => {
  it("rejects an unparsable expression with its location", () => {
    expect(() => compileStateMachine(pass("{% $states.input. %}"))).toThrow(DefinitionError);
    try {
      compileStateMachine(pass({ a: "{% 1 + %}" }));
    } catch (error) {
      expect((error as DefinitionError).location).toBe("/States/E/Output/a");
    }
  });

  it("rejects JSONPath fields in a JSONata state and Output in a JSONPath state", () => {
    const jsonataWithPath = {
      QueryLanguage: "JSONata",
      StartAt: "E",
      States: { E: { Type: "Pass", InputPath: "$.a", End: true } },
    };
    expect(() => compileStateMachine(jsonataWithPath)).toThrow(/InputPath/);
    const jsonPathWithOutput = { StartAt: "E", States: { E: { Type: "Pass", Output: {}, End: true } } };
    expect(() => compileStateMachine(jsonPathWithOutput)).toThrow(/Output/);
  });

  it("rejects {% %} with spaces outside the delimiters, and keeps other strings literal", async () => {
    // "The string must start with {% with no leading spaces, and must end with %} with no trailing
    // spaces. Improperly opening or closing the expression will result in a validation error."
    // (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html)
    expect(() => compileStateMachine(pass({ a: " {% 1 + 1 %}" }))).toThrow(DefinitionError);
    const result = await runExecution(pass({ a: "$customerName", b: "{% 1 + 1 %}" }), {});
    expect(result.output).toEqual({ a: "$customerName", b: 2 });
  });

  it("rejects a JSONPath state inside a JSONata machine", () => {
    // "You cannot revert a top-level JSONata-based state machine to a mix of JSONata and JSONPath states"
    const definition = {
      QueryLanguage: "JSONata",
      StartAt: "E",
      States: { E: { Type: "Pass", QueryLanguage: "JSONPath", End: true } },
    };
    expect(() => compileStateMachine(definition)).toThrow(DefinitionError);
  });
});
