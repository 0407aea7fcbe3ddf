/**
 * Execution quotas hold however an execution grows (issue 12). "Maximum execution history size: 25,000
 * events. If the execution history reaches this quota, the execution fails."
 * — https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
 */
import { describe, expect, it } from "vitest";
import { compileStateMachine, runExecution } from "../../grader/engine/index.ts";

const alwaysFails = () => ({ kind: "failure" as const, error: "Boom", cause: "sempre" });

describe("execution quotas", () => {
  it("a Retry with a huge MaxAttempts fails the execution at 25,000 events instead of growing for minutes", async () => {
    const machine = compileStateMachine({
      StartAt: "T",
      States: {
        T: {
          Type: "Task",
          Resource: "arn:aws:lambda:us-east-1:123456789012:function:f",
          Retry: [
            { ErrorEquals: ["States.ALL"], MaxAttempts: 99_999_999, IntervalSeconds: 1, BackoffRate: 1 },
          ],
          End: true,
        },
      },
    });
    const result = await runExecution(machine, {}, { resolveTask: alwaysFails });
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toContain("25000 events");
    // Checked before each attempt, as before each state: the last attempt's few events and
    // ExecutionFailed may land just past 25,000.
    expect(result.events.length).toBeLessThanOrEqual(25_010);
  }, 60_000);

  it("an Express Retry loop ends too, at the 5-minute Express limit (virtual time)", async () => {
    // Express: "Maximum execution duration: 5 minutes" — https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
    const machine = compileStateMachine({
      StartAt: "T",
      States: {
        T: {
          Type: "Task",
          Resource: "arn:aws:lambda:us-east-1:123456789012:function:f",
          Retry: [
            { ErrorEquals: ["States.ALL"], MaxAttempts: 99_999_999, IntervalSeconds: 1, BackoffRate: 1 },
          ],
          End: true,
        },
      },
    });
    const result = await runExecution(
      machine,
      {},
      {
        resolveTask: alwaysFails,
        type: "EXPRESS",
        maxStateTransitions: 5_000,
      },
    );
    expect(result.status).toBe("TIMED_OUT");
    // IntervalSeconds is at least 1, so an Express retry loop reaches 5 minutes long before the
    // engine's transition limit.
    expect(result.stateTransitions).toBeLessThan(5_000);
  }, 60_000);

  it("a JSONata Map over 200,000 items fails at the history limit, not with a RangeError", async () => {
    const machine = compileStateMachine({
      QueryLanguage: "JSONata",
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          Items: "{% [1..200000] %}",
          ItemProcessor: {
            ProcessorConfig: { Mode: "INLINE" },
            StartAt: "P",
            States: { P: { Type: "Pass", End: true } },
          },
          End: true,
        },
      },
    });
    const result = await runExecution(machine, {});
    expect(result.status).toBe("FAILED");
    expect(result.cause).not.toMatch(/RangeError|call stack/);
  }, 60_000);

  it("a loop that wraps its own input fails the state (States.Runtime), never with JavaScript's RangeError", async () => {
    const machine = compileStateMachine({
      StartAt: "A",
      States: {
        A: { Type: "Pass", Parameters: { "x.$": "$" }, Next: "B" },
        B: { Type: "Choice", Choices: [{ Variable: "$.fim", IsPresent: true, Next: "F" }], Default: "A" },
        F: { Type: "Succeed" },
      },
    });
    const result = await runExecution(machine, {});
    expect(result.status).toBe("FAILED");
    expect(["States.Runtime", "States.DataLimitExceeded"]).toContain(result.error);
    expect(result.cause).not.toMatch(/RangeError|call stack/);
  }, 120_000);
});
