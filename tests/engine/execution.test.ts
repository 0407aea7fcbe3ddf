/**
 * Behaviour of whole executions: time, callbacks, persistence, quotas, concurrency, determinism.
 * Expected values come from AWS's documentation (sources above each group), not from the engine.
 */
import { describe, expect, it } from "vitest";
import {
  compileStateMachine,
  createMockResolver,
  Execution,
  parseMockConfig,
  runExecution,
  type TaskResolver,
} from "../../grader/engine/index.ts";

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:ProcessPaymentFunction";
const seconds = (result: { startDate: string; stopDate?: string }) =>
  (Date.parse(result.stopDate!) - Date.parse(result.startDate)) / 1000;
const failing =
  (error: string, cause = ""): TaskResolver =>
  () => ({ kind: "failure", error, cause });

// The lesson's Retry/Catch example; AWS's retry formula: IntervalSeconds × BackoffRate^attempt
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
const payment = {
  StartAt: "ProcessarPagamento",
  States: {
    ProcessarPagamento: {
      Type: "Task",
      Resource: LAMBDA,
      Retry: [
        {
          ErrorEquals: ["Lambda.TooManyRequestsException", "Lambda.Unknown"],
          IntervalSeconds: 2,
          MaxAttempts: 3,
          BackoffRate: 2.0,
        },
      ],
      Catch: [{ ErrorEquals: ["States.TaskFailed"], ResultPath: "$.erro", Next: "NotificarFalhaPagamento" }],
      Next: "AtualizarEstoque",
    },
    AtualizarEstoque: { Type: "Pass", End: true },
    NotificarFalhaPagamento: { Type: "Pass", End: true },
  },
};

describe("retry and catch (lesson example)", () => {
  it("waits 2 s, 4 s and 8 s between attempts, then the catcher keeps the order and adds the error", async () => {
    const result = await runExecution(
      payment,
      { pedido: 7 },
      { resolveTask: failing("Lambda.TooManyRequestsException", "Rate exceeded") },
    );
    const attempts = result.events
      .filter((e) => e.type === "LambdaFunctionScheduled")
      .map((e) => e.timestamp);
    expect(attempts).toEqual([
      "2026-01-01T00:00:00.000Z",
      "2026-01-01T00:00:02.000Z",
      "2026-01-01T00:00:06.000Z",
      "2026-01-01T00:00:14.000Z",
    ]);
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({
      pedido: 7,
      erro: { Error: "Lambda.TooManyRequestsException", Cause: "Rate exceeded" },
    });
    expect(seconds(result)).toBe(14);
  });

  it("does not retry an error the retrier does not name, and goes straight to the catcher", async () => {
    const result = await runExecution(payment, {}, { resolveTask: failing("Pagamento.Recusado") });
    expect(result.events.filter((e) => e.type === "LambdaFunctionScheduled")).toHaveLength(1);
    expect(result.events.at(-2)).toMatchObject({ type: "PassStateExited" });
    expect(seconds(result)).toBe(0);
  });

  it("continues to AtualizarEstoque after a transient failure", async () => {
    const resolveTask: TaskResolver = (request) =>
      request.invocationIndex === 0
        ? { kind: "failure", error: "Lambda.Unknown" }
        : { kind: "success", output: { pago: true } };
    const result = await runExecution(payment, {}, { resolveTask });
    const entered = result.events
      .filter((e) => e.type.endsWith("StateEntered"))
      .map((e) => (e.stateEnteredEventDetails as { name: string }).name);
    expect(entered).toEqual(["ProcessarPagamento", "AtualizarEstoque"]);
    expect(result.output).toEqual({ pago: true });
  });

  // "If you set MaxAttempts to 0, the retrier is never used" (state-task / error handling docs)
  it("MaxAttempts 0 never retries", async () => {
    const definition = structuredClone(payment);
    definition.States.ProcessarPagamento.Retry[0]!.MaxAttempts = 0;
    const result = await runExecution(definition, {}, { resolveTask: failing("Lambda.Unknown") });
    expect(result.events.filter((e) => e.type === "LambdaFunctionScheduled")).toHaveLength(1);
  });

  // MaxDelaySeconds caps the backoff: 2, 4, 5 (not 8)
  it("MaxDelaySeconds caps each wait", async () => {
    const definition = structuredClone(payment) as typeof payment;
    (definition.States.ProcessarPagamento.Retry[0] as Record<string, unknown>).MaxDelaySeconds = 5;
    const result = await runExecution(definition, {}, { resolveTask: failing("Lambda.Unknown") });
    expect(seconds(result)).toBe(2 + 4 + 5);
  });

  it("FULL jitter waits a random share of each backoff, the same for the same seed", async () => {
    const definition = structuredClone(payment) as typeof payment;
    (definition.States.ProcessarPagamento.Retry[0] as Record<string, unknown>).JitterStrategy = "FULL";
    const run = (seed: string) =>
      runExecution(definition, {}, { resolveTask: failing("Lambda.Unknown"), seed });
    const [a, b, c] = await Promise.all([run("x"), run("x"), run("y")]);
    expect(seconds(a)).toBeGreaterThan(0);
    expect(seconds(a)).toBeLessThan(14);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(seconds(c)).not.toBe(seconds(a));
  });
});

describe("errors that Retry and Catch cannot handle", () => {
  // "Runtime errors are not retriable and always cause the execution to fail. A retry or catch on
  // States.ALL won't catch States.Runtime errors." — error handling docs
  it("States.ALL does not catch States.Runtime", async () => {
    const result = await runExecution(
      {
        StartAt: "A",
        States: {
          A: { Type: "Pass", InputPath: "$.missing", Next: "B" },
          B: { Type: "Succeed" },
        },
      },
      {},
    );
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toContain("An error occurred while executing the state 'A'");
  });

  it("a Task without a mock fails with a message naming the state, never waits or calls a network", async () => {
    const result = await runExecution(payment, {});
    expect(result.status).toBe("FAILED");
    expect(result.cause).toContain("ProcessarPagamento");
  });

  // 256 KiB payload quota → States.DataLimitExceeded
  // https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
  it("a state output over 256 KiB fails with States.DataLimitExceeded", async () => {
    const result = await runExecution(
      { StartAt: "Big", States: { Big: { Type: "Pass", Result: "x".repeat(262_144), End: true } } },
      {},
    );
    expect(result.error).toBe("States.DataLimitExceeded");
  });
});

describe("virtual time", () => {
  // Wait state: "Seconds: a time, in seconds, to wait"; Standard workflows may run up to one year.
  it("a 364-day Wait completes at once, with the timestamps AWS would record", async () => {
    const started = performance.now();
    const result = await runExecution(
      { StartAt: "W", States: { W: { Type: "Wait", Seconds: 364 * 86400, End: true } } },
      { a: 1 },
    );
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.status).toBe("SUCCEEDED");
    expect(result.stopDate).toBe("2026-12-31T00:00:00.000Z");
    expect(result.output).toEqual({ a: 1 });
  });

  it("a Standard execution ends TIMED_OUT after one year", async () => {
    const result = await runExecution(
      { StartAt: "W", States: { W: { Type: "Wait", Seconds: 400 * 86400, End: true } } },
      {},
    );
    expect(result.status).toBe("TIMED_OUT");
    expect(result.events.at(-1)).toMatchObject({ type: "ExecutionTimedOut" });
    expect(seconds(result)).toBe(365 * 86400);
  });

  it("an Express execution ends TIMED_OUT after five minutes", async () => {
    const result = await runExecution(
      { StartAt: "W", States: { W: { Type: "Wait", Seconds: 400, End: true } } },
      {},
      { type: "EXPRESS" },
    );
    expect(result.status).toBe("TIMED_OUT");
    expect(seconds(result)).toBe(300);
  });

  it("top-level TimeoutSeconds ends the execution with States.Timeout", async () => {
    const result = await runExecution(
      { TimeoutSeconds: 10, StartAt: "W", States: { W: { Type: "Wait", Seconds: 60, End: true } } },
      {},
    );
    expect(result.status).toBe("TIMED_OUT");
    expect(result.error).toBe("States.Timeout");
    expect(seconds(result)).toBe(10);
  });

  it("TimeoutSeconds on a Task fails it with States.Timeout when the task runs longer", async () => {
    const result = await runExecution(
      {
        StartAt: "T",
        States: {
          T: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", TimeoutSeconds: 5, End: true },
        },
      },
      {},
      { resolveTask: () => ({ kind: "success", output: {}, durationSeconds: 10 }) },
    );
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.Timeout");
    expect(result.events.map((e) => e.type)).toContain("TaskTimedOut");
    expect(seconds(result)).toBe(5);
  });

  it("SecondsPath and TimestampPath read the wait from the input", async () => {
    const result = await runExecution(
      {
        StartAt: "A",
        States: {
          A: { Type: "Wait", SecondsPath: "$.s", Next: "B" },
          B: { Type: "Wait", TimestampPath: "$.until", End: true },
        },
      },
      { s: 30, until: "2026-01-01T00:01:00Z" },
    );
    expect(seconds(result)).toBe(60);
  });
});

describe("concurrency", () => {
  const parallel = {
    StartAt: "P",
    States: {
      P: {
        Type: "Parallel",
        Branches: ["Extrair", "Analisar", "Classificar"].map((name) => ({
          StartAt: name,
          States: { [name]: { Type: "Task", Resource: `arn:aws:states:::lambda:invoke`, End: true } },
        })),
        Next: "Consolidar",
      },
      Consolidar: { Type: "Pass", End: true },
    },
  };
  const durations: Record<string, number> = { Extrair: 3, Analisar: 5, Classificar: 2 };

  // "The output of a Parallel state is an array containing the output of each branch" (state-parallel)
  it("Parallel branches overlap in virtual time and their outputs come in branch order", async () => {
    const result = await runExecution(
      parallel,
      {},
      {
        resolveTask: (r) => ({
          kind: "success",
          output: r.stateName,
          durationSeconds: durations[r.stateName],
        }),
      },
    );
    expect(result.output).toEqual(["Extrair", "Analisar", "Classificar"]);
    expect(seconds(result)).toBe(5);
    const types = result.events.map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(["ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted"]);
    const succeeded = types.indexOf("ParallelStateSucceeded");
    expect(types.slice(succeeded, succeeded + 3)).toEqual([
      "ParallelStateSucceeded",
      "ParallelStateExited",
      "PassStateEntered",
    ]);
  });

  it("a failing branch fails the Parallel state with the branch's error, and a Catch can take it", async () => {
    const definition = structuredClone(parallel) as typeof parallel & {
      States: { P: Record<string, unknown> };
    };
    definition.States.P.Catch = [{ ErrorEquals: ["States.ALL"], Next: "Consolidar" }];
    const result = await runExecution(
      definition,
      {},
      {
        resolveTask: (r) =>
          r.stateName === "Analisar"
            ? { kind: "failure", error: "Analise.Falhou", durationSeconds: 1 }
            : { kind: "success", output: 1, durationSeconds: 3 },
      },
    );
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({ Error: "Analise.Falhou" });
    const types = result.events.map((e) => e.type);
    expect(types).toContain("ParallelStateFailed");
    expect(types.filter((t) => t === "TaskStateAborted")).toHaveLength(2);
    expect(seconds(result)).toBe(1);
  });

  const map = (maxConcurrency: number) => ({
    StartAt: "M",
    States: {
      M: {
        Type: "Map",
        MaxConcurrency: maxConcurrency,
        ItemsPath: "$.arquivos",
        ItemSelector: { "arquivo.$": "$$.Map.Item.Value", "posicao.$": "$$.Map.Item.Index" },
        ItemProcessor: {
          ProcessorConfig: { Mode: "INLINE" },
          StartAt: "Processar",
          States: { Processar: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", End: true } },
        },
        End: true,
      },
    },
  });

  // MaxConcurrency 1 runs iterations one at a time, in order (state-map docs)
  it("Map with MaxConcurrency 1 runs the items one after another", async () => {
    const result = await runExecution(
      map(1),
      { arquivos: ["a.log", "b.log", "c.log"] },
      {
        resolveTask: (r) => ({ kind: "success", output: r.parameters, durationSeconds: 1 }),
      },
    );
    expect(result.output).toEqual([
      { arquivo: "a.log", posicao: 0 },
      { arquivo: "b.log", posicao: 1 },
      { arquivo: "c.log", posicao: 2 },
    ]);
    expect(seconds(result)).toBe(3);
  });

  it("Map without a limit runs the items at the same time", async () => {
    const result = await runExecution(
      map(0),
      { arquivos: ["a.log", "b.log", "c.log"] },
      {
        resolveTask: () => ({ kind: "success", output: null, durationSeconds: 1 }),
      },
    );
    expect(seconds(result)).toBe(1);
    expect(result.events.filter((e) => e.type === "MapIterationStarted")).toHaveLength(3);
    expect(result.events.find((e) => e.type === "MapStateStarted")).toMatchObject({
      mapStateStartedEventDetails: { length: 3 },
    });
  });
});

describe("callbacks, pausing and resuming", () => {
  const approval = {
    StartAt: "Aprovar",
    States: {
      Aprovar: {
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        Parameters: {
          QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/aprovacoes",
          "MessageBody.$": "$$.Task.Token",
        },
        ResultPath: "$.aprovacao",
        Next: "Publicar",
      },
      Publicar: { Type: "Wait", Seconds: 60, End: true },
    },
  };
  const machine = compileStateMachine(approval);
  const pending: TaskResolver = () => ({ kind: "pending" });

  it("waits for SendTaskSuccess with the token it passed in the parameters", async () => {
    const execution = Execution.start(machine, { video: "v1" }, { resolveTask: pending });
    const paused = await execution.settle();
    expect(paused.status).toBe("RUNNING");
    const [token] = execution.waitingTaskTokens;
    const scheduled = paused.events.find((e) => e.type === "TaskScheduled") as
      { taskScheduledEventDetails: { parameters: string } } | undefined;
    expect(JSON.parse(scheduled!.taskScheduledEventDetails.parameters).MessageBody).toBe(token);
    execution.sendTaskSuccess(token!, { aprovado: true });
    const done = await execution.settle();
    expect(done.status).toBe("SUCCEEDED");
    expect(done.output).toEqual({ video: "v1", aprovacao: { aprovado: true } });
    expect(done.events.map((e) => e.type)).toContain("TaskSubmitted");
  });

  it("a saved execution resumes in a fresh engine with the same history as one never interrupted", async () => {
    const straight = Execution.start(machine, { video: "v1" }, { resolveTask: pending });
    await straight.settle();
    straight.sendTaskSuccess(straight.waitingTaskTokens[0]!, { aprovado: true });
    const expected = await straight.settle();

    const first = Execution.start(machine, { video: "v1" }, { resolveTask: pending });
    await first.settle();
    const saved = JSON.parse(JSON.stringify(first.save()));
    const resumed = Execution.restore(compileStateMachine(approval), saved, { resolveTask: pending });
    await resumed.settle();
    resumed.sendTaskSuccess(resumed.waitingTaskTokens[0]!, { aprovado: true });
    const actual = await resumed.settle();
    expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  });

  it("pauses at the first step boundary after a given event and resumes with an identical history", async () => {
    const resolveTask = failing("Lambda.Unknown");
    const expected = await runExecution(payment, { n: 1 }, { resolveTask });
    for (const pauseAt of [2, 5, 7, 12]) {
      const first = Execution.start(
        compileStateMachine(payment),
        { n: 1 },
        { resolveTask, pauseAtEventCount: pauseAt },
      );
      const paused = await first.settle();
      // The pause lands at the first step boundary at or after the requested event.
      expect(paused.events.length).toBeGreaterThanOrEqual(pauseAt);
      expect(paused.status).toBe("RUNNING");
      const resumed = Execution.restore(
        compileStateMachine(payment),
        JSON.parse(JSON.stringify(first.save())),
        { resolveTask },
      );
      resumed.resume();
      expect(JSON.stringify(await resumed.settle())).toBe(JSON.stringify(expected));
    }
  });

  it("SendTaskFailure fails the task with the given error", async () => {
    const execution = Execution.start(machine, {}, { resolveTask: pending });
    await execution.settle();
    execution.sendTaskFailure(execution.waitingTaskTokens[0]!, "Aprovacao.Negada", "revisor recusou");
    const done = await execution.settle();
    expect(done).toMatchObject({ status: "FAILED", error: "Aprovacao.Negada", cause: "revisor recusou" });
  });
});

describe("runaway definitions end with a clear reason", () => {
  const loop = {
    StartAt: "Loop",
    States: {
      Loop: {
        Type: "Choice",
        Choices: [{ Variable: "$.x", NumericEquals: -1, Next: "Fim" }],
        Default: "Again",
      },
      Again: { Type: "Pass", Next: "Loop" },
      Fim: { Type: "Succeed" },
    },
  };

  // Standard: 25,000 history events at most (service quotas)
  it("a Standard Choice loop stops at the history quota", async () => {
    const result = await runExecution(loop, { x: 0 });
    expect(result.status).toBe("FAILED");
    expect(result.events.length).toBeLessThanOrEqual(25_000);
    expect(result.cause).toContain("25000");
  });

  it("Parallels nested 5000 deep are refused with a DefinitionError before any deep recursion", () => {
    let machine: Record<string, unknown> = { StartAt: "F", States: { F: { Type: "Pass", End: true } } };
    for (let i = 0; i < 5000; i++) {
      machine = {
        StartAt: `P${i}`,
        States: { [`P${i}`]: { Type: "Parallel", End: true, Branches: [machine] } },
      };
    }
    expect(() => compileStateMachine(machine)).toThrow(/Parallel\/Map aninhados em mais de 40 níveis/);
    let fine: Record<string, unknown> = { StartAt: "F", States: { F: { Type: "Pass", End: true } } };
    for (let i = 0; i < 40; i++) {
      fine = { StartAt: `P${i}`, States: { [`P${i}`]: { Type: "Parallel", End: true, Branches: [fine] } } };
    }
    expect(() => compileStateMachine(fine)).not.toThrow();
  });

  it("an Express loop that takes no time stops at the transition bound with a pt-BR message", async () => {
    const result = await runExecution(loop, { x: 0 }, { type: "EXPRESS", maxStateTransitions: 5000 });
    expect(result.status).toBe("FAILED");
    expect(result.cause).toContain("transições de estado");
  });
});

describe("mocks from a Step Functions Local file", () => {
  it("drives retries through the invocation counter", async () => {
    const config = parseMockConfig({
      StateMachines: { Pagamento: { TestCases: { Instavel: { ProcessarPagamento: "Falha2Ok" } } } },
      MockedResponses: {
        Falha2Ok: {
          "0-1": { Throw: { Error: "Lambda.TooManyRequestsException", Cause: "slow down" } },
          "2": { Return: { ok: true } },
        },
      },
    });
    const result = await runExecution(
      payment,
      {},
      { resolveTask: createMockResolver(config, { testCaseName: "Instavel" }) },
    );
    expect(result.output).toEqual({ ok: true });
    expect(seconds(result)).toBe(6);
  });
});

describe("determinism", () => {
  it("the same definition, input, mocks and seed give a byte-identical history", async () => {
    const options = { resolveTask: failing("Lambda.Unknown"), seed: "s" };
    const a = await runExecution(payment, { x: 1 }, options);
    const b = await runExecution(payment, { x: 1 }, options);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe("heartbeats", () => {
  // "If more time than the specified seconds elapses between heartbeats from the task, this state
  // fails"; SendTaskHeartbeat "resets the Heartbeat clock" and "does not in itself create an event"
  // https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskHeartbeat.html
  const review = compileStateMachine({
    StartAt: "Revisar",
    States: {
      Revisar: {
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        Parameters: { "MessageBody.$": "$$.Task.Token" },
        HeartbeatSeconds: 60,
        End: true,
      },
    },
  });

  it("a task that stops sending heartbeats times out with States.HeartbeatTimeout", async () => {
    const execution = Execution.start(review, {}, { resolveTask: () => ({ kind: "pending" }) });
    await execution.settle();
    execution.advanceClock();
    const result = await execution.settle();
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.HeartbeatTimeout");
    expect(result.events.map((e) => e.type)).toContain("TaskTimedOut");
    expect(seconds(result)).toBe(60);
  });

  it("SendTaskHeartbeat restarts the clock and writes no event", async () => {
    const execution = Execution.start(review, {}, { resolveTask: () => ({ kind: "pending" }) });
    const before = await execution.settle();
    const eventsBefore = before.events.length;
    execution.sendTaskHeartbeat(execution.waitingTaskTokens[0]!);
    await execution.settle();
    expect(execution.record.events.length).toBe(eventsBefore);
    execution.sendTaskSuccess(execution.waitingTaskTokens[0]!, { ok: true });
    expect((await execution.settle()).status).toBe("SUCCEEDED");
  });
});

describe("Express restrictions", () => {
  // "Express state machine does not support '.waitForTaskToken' service integration" (AWS message)
  it("rejects callback tasks in an Express execution", () => {
    const machine = compileStateMachine({
      StartAt: "A",
      States: {
        A: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", End: true },
      },
    });
    expect(() => Execution.start(machine, {}, { type: "EXPRESS" })).toThrow(
      /does not support '.waitForTaskToken'/,
    );
  });
});

describe("definitions the engine must refuse instead of crashing on", () => {
  it("rejects an empty Next and a Lambda ARN without a function name", () => {
    expect(() => compileStateMachine({ StartAt: "A", States: { A: { Type: "Pass", Next: "" } } })).toThrow(
      /destino/,
    );
    expect(() =>
      compileStateMachine({
        StartAt: "A",
        States: {
          A: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:", End: true },
        },
      }),
    ).toThrow(/ARN/);
  });
});
