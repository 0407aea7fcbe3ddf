/**
 * RedriveExecution, as https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html
 * describes it: "it continues the failed execution from the unsuccessful step and uses the same input.
 * Step Functions preserves the results and execution history of the successful steps, and doesn't rerun
 * these steps"; "For workflows that include an Inline Map or Parallel state, RedriveExecution API action
 * reschedules and redrives only the iterations and branches that failed or aborted"; "This API action is
 * not supported by EXPRESS state machines." ExecutionRedrivenEventDetails carries `redriveCount`.
 */
import { describe, expect, it } from "vitest";
import { compileStateMachine, Execution, type TaskResolver } from "../../grader/engine/index.ts";

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";

/** Fails the named states on their first invocation only; counts every invocation. */
function failingOnce(names: string[]): { resolveTask: TaskResolver; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const resolveTask: TaskResolver = (request) => {
    const count = (calls[request.stateName] = (calls[request.stateName] ?? 0) + 1);
    if (names.includes(request.stateName) && count === 1) {
      return { kind: "failure", error: "Servico.Indisponivel", cause: "fora do ar" };
    }
    return { kind: "success", output: { from: request.stateName, input: request.parameters } };
  };
  return { resolveTask, calls };
}

describe("redrive", () => {
  it("continues from the failed step with its input, without rerunning earlier steps", async () => {
    const machine = compileStateMachine({
      StartAt: "Validar",
      States: {
        Validar: { Type: "Task", Resource: `${LAMBDA}validar`, ResultPath: "$.validado", Next: "Cobrar" },
        Cobrar: { Type: "Task", Resource: `${LAMBDA}cobrar`, ResultPath: "$.cobranca", Next: "Fim" },
        Fim: {
          Type: "Pass",
          Parameters: { "redrives.$": "$$.Execution.RedriveCount" },
          ResultPath: "$.meta",
          End: true,
        },
      },
    });
    const { resolveTask, calls } = failingOnce(["Cobrar"]);
    const failed = Execution.start(machine, { pedido: 7 }, { resolveTask });
    expect((await failed.settle()).status).toBe("FAILED");

    const redriven = failed.redrive({ resolveTask });
    const result = await redriven.settle();
    expect(result.status).toBe("SUCCEEDED");
    expect(calls).toEqual({ Validar: 1, Cobrar: 2 });
    const output = result.output as { pedido: number; cobranca: { input: unknown }; meta: unknown };
    expect(output.pedido).toBe(7);
    expect(output.meta).toEqual({ redrives: 1 });

    const types = result.events.map((event) => event.type);
    const redrivenAt = types.indexOf("ExecutionRedriven");
    expect(types.slice(0, redrivenAt)).toContain("ExecutionFailed");
    expect(types.slice(redrivenAt + 1)).not.toContain("ExecutionStarted");
    expect(result.events[redrivenAt]).toMatchObject({ executionRedrivenEventDetails: { redriveCount: 1 } });
    const reentered = result.events.slice(redrivenAt).map((event) => event.stateEnteredEventDetails);
    expect(reentered.filter(Boolean).map((details) => (details as { name: string }).name)).toEqual([
      "Cobrar",
      "Fim",
    ]);
  });

  it("reruns only the Parallel branches and Map iterations that failed", async () => {
    const machine = compileStateMachine({
      StartAt: "Juntos",
      States: {
        Juntos: {
          Type: "Parallel",
          Branches: [
            { StartAt: "A", States: { A: { Type: "Task", Resource: `${LAMBDA}a`, End: true } } },
            { StartAt: "B", States: { B: { Type: "Task", Resource: `${LAMBDA}b`, End: true } } },
          ],
          Next: "Cada",
        },
        Cada: {
          Type: "Map",
          ItemsPath: "$$.Execution.Input.itens",
          MaxConcurrency: 1,
          ItemProcessor: {
            StartAt: "Item",
            States: { Item: { Type: "Task", Resource: `${LAMBDA}item`, End: true } },
          },
          End: true,
        },
      },
    });
    const { resolveTask, calls } = failingOnce(["B"]);
    const execution = Execution.start(machine, { itens: [1, 2, 3] }, { resolveTask });
    expect((await execution.settle()).status).toBe("FAILED");
    const again = await execution.redrive({ resolveTask }).settle();
    expect(again.status).toBe("SUCCEEDED");
    expect(calls.A).toBe(1);
    expect(calls.B).toBe(2);
  });

  it("reruns only the failed iterations of an inline Map", async () => {
    const machine = compileStateMachine({
      StartAt: "Cada",
      States: {
        Cada: {
          Type: "Map",
          ItemProcessor: {
            StartAt: "Item",
            States: { Item: { Type: "Task", Resource: `${LAMBDA}item`, End: true } },
          },
          End: true,
        },
      },
    });
    const seen: unknown[] = [];
    let failures = 0;
    const resolveTask: TaskResolver = (request) => {
      seen.push(request.parameters);
      if (request.parameters === 2 && failures++ === 0) return { kind: "failure", error: "Boom" };
      return { kind: "success", output: (request.parameters as number) * 10 };
    };
    const failed = Execution.start(machine, [1, 2, 3], { resolveTask });
    expect((await failed.settle()).status).toBe("FAILED");
    const before = seen.length;
    const result = await failed.redrive({ resolveTask }).settle();
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual([10, 20, 30]);
    // Iterations 1 and 3 either succeeded or were aborted; only aborted or failed ones run again.
    expect(seen.slice(before)).toContain(2);
    expect(seen.slice(before).length).toBeLessThan(3 + 1);
  });

  it("refuses Express executions and executions that succeeded", async () => {
    const machine = compileStateMachine({ StartAt: "P", States: { P: { Type: "Pass", End: true } } });
    const succeeded = Execution.start(machine, {});
    await succeeded.settle();
    expect(() => succeeded.redrive()).toThrow(/Só execuções com falha/);
    const failing = compileStateMachine({ StartAt: "F", States: { F: { Type: "Fail", Error: "X" } } });
    const express = Execution.start(failing, {}, { type: "EXPRESS" });
    await express.settle();
    expect(() => express.redrive()).toThrow(/Standard/);
  });
});
