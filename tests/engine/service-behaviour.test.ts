/** A scenario describes what a service does; the Task sees it through the integration pattern it uses. */
import { describe, expect, it } from "vitest";
import { serviceOutcome } from "../../grader/engine/service-behaviour.ts";
import type { TaskRequest } from "../../grader/engine/task-resolver.ts";

const request = (resource: string, parameters: unknown = {}): TaskRequest => ({
  stateName: "Tarefa",
  resource,
  parameters,
  invocationIndex: 0,
  retryCount: 0,
  stateMachineName: "M",
});

const gluefails = { status: "FAILED" as const, durationSeconds: 300, cause: "out of memory" };

describe("serviceOutcome", () => {
  it("request-response returns the start call's response at once: Glue's JobRunId plus the request's JobName", () => {
    // "The JobName field is extracted from the request and inserted into the response, which normally
    // only contains JobRunID." https://docs.aws.amazon.com/step-functions/latest/dg/connect-glue.html
    const outcome = serviceOutcome(
      request("arn:aws:states:::glue:startJobRun", { JobName: "analise" }),
      gluefails,
    );
    expect(outcome).toMatchObject({ kind: "success", output: { JobName: "analise" } });
    expect(outcome).not.toHaveProperty("durationSeconds");
    expect((outcome as { output: Record<string, unknown> }).output.JobRunId).toMatch(/^jr_/);
  });

  it("request-response on ECS RunTask returns the Tasks list of the RunTask response", () => {
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html (Response: tasks, failures)
    const outcome = serviceOutcome(request("arn:aws:states:::ecs:runTask"), {
      status: "SUCCEEDED",
      durationSeconds: 600,
    });
    expect(outcome).toMatchObject({
      kind: "success",
      output: { Failures: [], Tasks: [{ LastStatus: "PROVISIONING" }] },
    });
  });

  it(".sync waits for the job and fails with States.TaskFailed, the job's description as the cause", () => {
    // Run a Job (.sync): https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-sync
    const outcome = serviceOutcome(
      request("arn:aws:states:::glue:startJobRun.sync", { JobName: "analise" }),
      gluefails,
    );
    expect(outcome).toMatchObject({ kind: "failure", error: "States.TaskFailed", durationSeconds: 300 });
    const cause = JSON.parse((outcome as { cause: string }).cause) as Record<string, unknown>;
    expect(cause).toMatchObject({ JobName: "analise", JobRunState: "FAILED", ErrorMessage: "out of memory" });
  });

  it(".sync on success returns the final description (Glue JobRun with JobRunState SUCCEEDED)", () => {
    const outcome = serviceOutcome(request("arn:aws:states:::glue:startJobRun.sync", { JobName: "a" }), {
      status: "SUCCEEDED",
      durationSeconds: 300,
    });
    expect(outcome).toMatchObject({
      kind: "success",
      durationSeconds: 300,
      output: { JobRunState: "SUCCEEDED" },
    });
  });

  it(".waitForTaskToken waits for the callback: Output on success, Error/Cause on failure", () => {
    const approver = { status: "SUCCEEDED" as const, durationSeconds: 1800, output: { aprovado: true } };
    expect(serviceOutcome(request("arn:aws:states:::lambda:invoke.waitForTaskToken"), approver)).toEqual({
      kind: "success",
      output: { aprovado: true },
      durationSeconds: 1800,
    });
    // Without the token pattern, lambda:invoke returns the function's own response at once.
    expect(serviceOutcome(request("arn:aws:states:::lambda:invoke"), approver)).toMatchObject({
      kind: "success",
      output: { StatusCode: 200, Payload: null },
    });
    expect(
      serviceOutcome(request("arn:aws:states:::sqs:sendMessage.waitForTaskToken"), {
        status: "FAILED",
        error: "Rejeitado",
        cause: "não",
      }),
    ).toEqual({ kind: "failure", error: "Rejeitado", cause: "não", durationSeconds: 0 });
  });
});
