/**
 * Retry on a Parallel or a Map state: each attempt runs every branch or iteration again, in virtual
 * time, and AWS's history shows a new …StateStarted for each attempt (no new …StateEntered).
 * Retry/Catch on Parallel and Map: https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html,
 * https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html; the backoff formula:
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html; the event order
 * ("on retry a new ParallelStateStarted") is the recorded one in /work/shared/reference/asl-semantics.md (b8).
 */
import { describe, expect, it } from "vitest";
import { runExecution, type HistoryEvent } from "../../grader/engine/index.ts";

const types = (events: readonly HistoryEvent[]) => events.map((event) => event.type);
const at = (events: readonly HistoryEvent[], type: string) =>
  events.filter((event) => event.type === type).map((event) => event.timestamp.slice(11, 19));

const failingBranch = { StartAt: "Boom", States: { Boom: { Type: "Fail", Error: "Boom", Cause: "x" } } };

describe("Retry on a Parallel state", () => {
  const parallel = (extra: object = {}) => ({
    StartAt: "P",
    States: {
      P: {
        Type: "Parallel",
        Retry: [{ ErrorEquals: ["Boom"], MaxAttempts: 2, IntervalSeconds: 1 }],
        Branches: [failingBranch],
        End: true,
        ...extra,
      },
    },
  });

  it("a one-branch Parallel retried twice finishes at once in virtual time, rerunning the branch each time", async () => {
    const result = await runExecution(parallel(), {});
    expect(result.status).toBe("FAILED");
    expect(result).toMatchObject({ error: "Boom", cause: "x" });
    expect(types(result.events)).toEqual([
      "ExecutionStarted",
      "ParallelStateEntered",
      "ParallelStateStarted",
      "FailStateEntered",
      "ParallelStateFailed",
      "ParallelStateStarted",
      "FailStateEntered",
      "ParallelStateFailed",
      "ParallelStateStarted",
      "FailStateEntered",
      "ParallelStateFailed",
      "ExecutionFailed",
    ]);
    // IntervalSeconds 1, BackoffRate 2 (default): the attempts start at 0 s, 1 s and 3 s.
    expect(at(result.events, "ParallelStateStarted")).toEqual(["00:00:00", "00:00:01", "00:00:03"]);
  });

  it("after the retries, a Catch on the Parallel takes the branch's error", async () => {
    const definition = {
      StartAt: "P",
      States: {
        P: {
          Type: "Parallel",
          Retry: [{ ErrorEquals: ["Boom"], MaxAttempts: 2, IntervalSeconds: 1 }],
          Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Handled" }],
          Branches: [failingBranch],
          Next: "Handled",
        },
        Handled: { Type: "Pass", End: true },
      },
    };
    const result = await runExecution(definition, { order: 1 });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({ order: 1, error: { Error: "Boom", Cause: "x" } });
    expect(at(result.events, "ParallelStateStarted")).toHaveLength(3);
  });

  it("a branch that succeeded in a failed attempt runs again in the next attempt", async () => {
    const result = await runExecution(
      {
        StartAt: "P",
        States: {
          P: {
            Type: "Parallel",
            Retry: [{ ErrorEquals: ["Boom"], MaxAttempts: 1 }],
            Branches: [{ StartAt: "Ok", States: { Ok: { Type: "Pass", End: true } } }, failingBranch],
            End: true,
          },
        },
      },
      {},
    );
    expect(result.status).toBe("FAILED");
    expect(result.events.filter((event) => event.type === "PassStateEntered")).toHaveLength(2);
  });

  it("a JSONata Parallel is retried the same way", async () => {
    const result = await runExecution({ QueryLanguage: "JSONata", ...parallel() }, {});
    expect(result.status).toBe("FAILED");
    expect(at(result.events, "ParallelStateStarted")).toEqual(["00:00:00", "00:00:01", "00:00:03"]);
  });
});

describe("Retry on a Map state", () => {
  const map = (processorConfig: object, language?: "JSONata") => ({
    ...(language ? { QueryLanguage: language } : {}),
    StartAt: "M",
    States: {
      M: {
        Type: "Map",
        ...(language ? { Items: "{% $states.input.xs %}" } : { ItemsPath: "$.xs" }),
        Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 1, IntervalSeconds: 5 }],
        ItemProcessor: { ProcessorConfig: processorConfig, ...failingBranch },
        End: true,
      },
    },
  });

  it("an inline Map reruns its iterations after the backoff, with a new MapStateStarted", async () => {
    const result = await runExecution(map({ Mode: "INLINE" }), { xs: [1, 2] });
    expect(result.status).toBe("FAILED");
    expect(at(result.events, "MapStateStarted")).toEqual(["00:00:00", "00:00:05"]);
    expect(at(result.events, "MapStateFailed")).toEqual(["00:00:00", "00:00:05"]);
    expect(types(result.events).filter((type) => type === "MapStateEntered")).toHaveLength(1);
  });

  it("a JSONata inline Map is retried the same way", async () => {
    const result = await runExecution(map({ Mode: "INLINE" }, "JSONata"), { xs: [1, 2] });
    expect(result.status).toBe("FAILED");
    expect(at(result.events, "MapStateStarted")).toEqual(["00:00:00", "00:00:05"]);
  });

  it("a Distributed Map starts a new Map Run for each attempt", async () => {
    const result = await runExecution(map({ Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }), {
      xs: [1, 2],
    });
    expect(result).toMatchObject({ status: "FAILED", error: "States.ExceedToleratedFailureThreshold" });
    const runs = result.events
      .filter((event) => event.type === "MapRunStarted")
      .map((event) => (event.mapRunStartedEventDetails as { mapRunArn: string }).mapRunArn);
    expect(runs).toHaveLength(2);
    expect(new Set(runs).size).toBe(2);
  });
});
