/** The worker pool behind `partitura grade`: an endless or crashing task takes only its own worker down. */
import { describe, expect, it } from "vitest";
import { WorkerPool } from "../../grader/cli/grade-pool.ts";

describe("WorkerPool", () => {
  it("stops an endless task at the time limit, replaces the worker and finishes every other task", async () => {
    const pool = new WorkerPool<string, string>({
      workerUrl: new URL("./fixtures/pool-worker.ts", import.meta.url),
      size: 2,
      timeoutMs: 300,
    });
    try {
      const tasks = ["a", "loop", "b", "crash", "c", "boom", "loop", "d"];
      const outcomes = await Promise.all(tasks.map((task) => pool.run(task)));
      expect(outcomes).toEqual([
        { ok: true, value: "A" },
        { ok: false, kind: "timeout", message: "timeout" },
        { ok: true, value: "B" },
        { ok: false, kind: "crashed", message: "exit" },
        { ok: true, value: "C" },
        { ok: false, kind: "failed", message: "falhou de propósito" },
        { ok: false, kind: "timeout", message: "timeout" },
        { ok: true, value: "D" },
      ]);
    } finally {
      await pool.close();
    }
  });

  it("a task that exhausts the worker's memory limit is reported as such, and the pool carries on", async () => {
    const pool = new WorkerPool<string, string>({
      workerUrl: new URL("./fixtures/pool-worker.ts", import.meta.url),
      size: 1,
      timeoutMs: 10_000,
      resourceLimits: { maxOldGenerationSizeMb: 32 },
    });
    try {
      expect(await pool.run("oom")).toEqual({ ok: false, kind: "crashed", message: "out-of-memory" });
      expect(await pool.run("depois")).toEqual({ ok: true, value: "DEPOIS" });
    } finally {
      await pool.close();
    }
  });

  it("no task can leave anything behind for the next one: prototypes are frozen, a changed built-in retires the worker", async () => {
    const pool = new WorkerPool<string, string>({
      workerUrl: new URL("./fixtures/isolation-worker.ts", import.meta.url),
      size: 1,
      timeoutMs: 10_000,
    });
    const thread = async () => ((await pool.run("thread")) as { value: string }).value;
    try {
      const first = await thread();
      expect(await thread()).toBe(first);
      expect(await pool.run("pollute-proto")).toEqual({ ok: true, value: "refused" });
      expect(await thread()).toBe(first);
      expect(await pool.run("look")).toEqual({ ok: true, value: "undefined,undefined,1" });
      expect(await pool.run("pollute-global")).toEqual({ ok: true, value: "ok" });
      expect(await thread()).not.toBe(first);
      expect(await pool.run("look")).toEqual({ ok: true, value: "undefined,undefined,1" });
      expect(await pool.run("pollute-json")).toEqual({ ok: true, value: "ok" });
      expect(await pool.run("look")).toEqual({ ok: true, value: "undefined,undefined,1" });
    } finally {
      await pool.close();
    }
  }, 60_000);
});
