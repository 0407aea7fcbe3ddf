/**
 * Workflow variables: the scope rules of https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 * ("Variable scope": states in a Parallel branch or Map iteration can read variables of outer scopes,
 * assignments made inside them are not visible outside, and sibling branches are isolated).
 */
import { describe, expect, it } from "vitest";
import { runExecution, type HistoryEvent } from "../../grader/engine/index.ts";

function exited(events: readonly HistoryEvent[], name: string): Record<string, unknown> {
  const event = events.find(
    (candidate) =>
      candidate.type.endsWith("StateExited") &&
      (candidate.stateExitedEventDetails as { name: string }).name === name,
  );
  return event!.stateExitedEventDetails as Record<string, unknown>;
}

describe("variable scope", () => {
  it("lets a Parallel branch read outer variables while its own assignments stay inside", async () => {
    const definition = {
      QueryLanguage: "JSONata",
      StartAt: "Outer",
      States: {
        Outer: { Type: "Pass", Assign: { region: "sul" }, Next: "Split" },
        Split: {
          Type: "Parallel",
          Branches: [
            {
              StartAt: "A",
              States: {
                A: { Type: "Pass", Assign: { inner: "a" }, Next: "A2" },
                A2: { Type: "Pass", Output: { region: "{% $region %}", inner: "{% $inner %}" }, End: true },
              },
            },
            {
              StartAt: "B",
              States: {
                B: { Type: "Pass", Output: { siblingSees: "{% $exists($inner) %}" }, End: true },
              },
            },
          ],
          Next: "After",
        },
        After: {
          Type: "Pass",
          Output: { branches: "{% $states.input %}", innerVisible: "{% $exists($inner) %}" },
          End: true,
        },
      },
    };
    const result = await runExecution(definition, {});
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({
      branches: [{ region: "sul", inner: "a" }, { siblingSees: false }],
      innerVisible: false,
    });
  });

  it("gives every Map iteration its own scope", async () => {
    const definition = {
      QueryLanguage: "JSONata",
      StartAt: "Each",
      States: {
        Each: {
          Type: "Map",
          Items: "{% [1, 2, 3] %}",
          ItemProcessor: {
            StartAt: "Keep",
            States: {
              Keep: { Type: "Pass", Assign: { mine: "{% $states.input * 10 %}" }, Next: "Show" },
              Show: { Type: "Pass", Output: "{% $mine %}", End: true },
            },
          },
          End: true,
        },
      },
    };
    const result = await runExecution(definition, {});
    expect(result.output).toEqual([10, 20, 30]);
  });

  it("lets a Catch on a Parallel state assign an outer variable", async () => {
    const definition = {
      QueryLanguage: "JSONata",
      StartAt: "Split",
      States: {
        Split: {
          Type: "Parallel",
          Branches: [{ StartAt: "Boom", States: { Boom: { Type: "Fail", Error: "Boom" } } }],
          Catch: [
            {
              ErrorEquals: ["States.ALL"],
              Assign: { failure: "{% $states.errorOutput.Error %}" },
              Next: "Report",
            },
          ],
          End: true,
        },
        Report: { Type: "Pass", Output: "{% $failure %}", End: true },
      },
    };
    const result = await runExecution(definition, {});
    expect(result.output).toBe("Boom");
  });
});

describe("JSONPath Assign", () => {
  it("assigns literals and `.$` paths, readable as $name in later paths", async () => {
    const definition = {
      StartAt: "Save",
      States: {
        Save: {
          Type: "Pass",
          Assign: { "orderId.$": "$.order.id", channel: "web" },
          Next: "Use",
        },
        Use: { Type: "Pass", Parameters: { "id.$": "$orderId", "channel.$": "$channel" }, End: true },
      },
    };
    const result = await runExecution(definition, { order: { id: "A-1" } });
    expect(result.output).toEqual({ id: "A-1", channel: "web" });
  });

  it("records assigned variables as JSON text on the Exited event", async () => {
    // stateExitedEventDetails.assignedVariables: "Map of variable name and value as a serialized JSON
    // representation" (https://docs.aws.amazon.com/step-functions/latest/apireference/API_StateExitedEventDetails.html)
    const definition = {
      StartAt: "Save",
      States: { Save: { Type: "Pass", Assign: { n: 42, s: "x", o: { a: [1] } }, End: true } },
    };
    const result = await runExecution(definition, {});
    expect(exited(result.events, "Save")).toMatchObject({
      assignedVariables: { n: "42", s: '"x"', o: '{"a":[1]}' },
      assignedVariablesDetails: { truncated: false },
    });
  });

  it("runs only the matching Choice rule's Assign", async () => {
    const definition = {
      StartAt: "Pick",
      States: {
        Pick: {
          Type: "Choice",
          Choices: [
            { Variable: "$.n", NumericGreaterThan: 10, Assign: { size: "big" }, Next: "Done" },
            { Variable: "$.n", NumericGreaterThan: 0, Assign: { size: "small" }, Next: "Done" },
          ],
          Default: "Done",
          Assign: { size: "none" },
        },
        Done: { Type: "Pass", Parameters: { "size.$": "$size" }, End: true },
      },
    };
    expect((await runExecution(definition, { n: 5 })).output).toEqual({ size: "small" });
    expect((await runExecution(definition, { n: -1 })).output).toEqual({ size: "none" });
  });

  it("fails with States.Runtime when a path names a variable that was never assigned", async () => {
    const definition = {
      StartAt: "Use",
      States: { Use: { Type: "Pass", Assign: { a: 1 }, Parameters: { "x.$": "$missing" }, End: true } },
    };
    const result = await runExecution(definition, {});
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.Runtime");
  });
});
