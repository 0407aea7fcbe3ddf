/**
 * Property: no definition, input or task outcome makes the engine hang. Seeded random state machines
 * (Pass, Choice, Wait, Task, Parallel, Map, Fail, Succeed with Retry/Catch, JSONPath and JSONata,
 * random successes, failures, durations, callbacks and timeouts) each run in virtual time under a
 * wall-clock bound, in a worker thread the test can stop. A hang reports its seed:
 * `generateCase(seed)` in fixtures/random-definitions.ts rebuilds the definition.
 */
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { generateCase } from "./fixtures/random-definitions.ts";

const CASES = 150;
// Cases take a few milliseconds; 4 s for one is a hang even on a machine shared by many processes.
const PER_CASE_BOUND_MS = 4000;

interface Report {
  readonly outcomes: Record<string, number>;
  readonly hung?: number;
  readonly threw: { seed: number; message: string }[];
}

function runCases(firstSeed: number, count: number): Promise<Report> {
  const worker = new Worker(new URL("./fixtures/no-hang-worker.ts", import.meta.url), {
    workerData: { firstSeed, count },
  });
  const outcomes: Record<string, number> = {};
  const threw: Report["threw"] = [];
  return new Promise((resolve, reject) => {
    let current: number | undefined;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const finish = (report: Report) => {
      clearTimeout(watchdog);
      void worker.terminate();
      resolve(report);
    };
    worker.on("message", (message: { type: string; seed: number; outcome?: string; message?: string }) => {
      clearTimeout(watchdog);
      if (message.type === "start") {
        current = message.seed;
        watchdog = setTimeout(() => finish({ outcomes, threw, hung: current }), PER_CASE_BOUND_MS);
      } else if (message.type === "done") {
        outcomes[message.outcome!] = (outcomes[message.outcome!] ?? 0) + 1;
      } else if (message.type === "threw") {
        threw.push({ seed: message.seed, message: message.message! });
      } else if (message.type === "finished") {
        finish({ outcomes, threw });
      }
    });
    worker.on("error", reject);
  });
}

describe("no definition makes the engine hang", () => {
  it(`${CASES} generated definitions each finish (or wait for a callback) in bounded wall time`, async () => {
    const report = await runCases(1, CASES);
    const hung = report.hung === undefined ? undefined : { seed: report.hung, ...generateCase(report.hung) };
    expect(hung).toBeUndefined();
    expect(report.threw).toEqual([]);
    // The generator must produce runnable definitions that reach every ending.
    expect(report.outcomes.invalid ?? 0).toBeLessThan(CASES / 10);
    expect(report.outcomes.SUCCEEDED).toBeGreaterThan(0);
    expect(report.outcomes.FAILED).toBeGreaterThan(0);
  }, 60_000);
});
