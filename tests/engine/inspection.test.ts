/**
 * Per-state inspection data, with the fields of the TestState API's InspectionData
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_InspectionData.html): input,
 * afterInputPath, afterParameters, result, afterResultSelector, afterResultPath (JSONPath) or
 * afterArguments (JSONata), and errorDetails with the retry backoff.
 */
import { describe, expect, it } from "vitest";
import { runExecution, type TaskResolver } from "../../grader/engine/index.ts";

describe("state inspection", () => {
  it("shows every stage of AWS's documented InputPath/ResultPath/OutputPath example", async () => {
    // https://docs.aws.amazon.com/step-functions/latest/dg/input-output-example.html
    const definition = {
      StartAt: "HelloWorld",
      States: {
        HelloWorld: {
          Type: "Task",
          Resource: "arn:aws:lambda:us-east-1:123456789012:function:HelloFunction",
          InputPath: "$.lambda",
          ResultPath: "$.data.lambdaresult",
          OutputPath: "$.data",
          End: true,
        },
      },
    };
    const input = {
      comment: "An input comment.",
      data: { val1: 23, val2: 17 },
      extra: "foo",
      lambda: { who: "AWS Step Functions" },
    };
    const resolveTask: TaskResolver = () => ({ kind: "success", output: "Hello, AWS Step Functions!" });
    const result = await runExecution(definition, input, { resolveTask, inspect: true });
    expect(result.inspections).toHaveLength(1);
    expect(result.inspections![0]).toMatchObject({
      stateName: "HelloWorld",
      status: "SUCCEEDED",
      input,
      afterInputPath: { who: "AWS Step Functions" },
      result: "Hello, AWS Step Functions!",
      afterResultPath: {
        comment: "An input comment.",
        data: { val1: 23, val2: 17, lambdaresult: "Hello, AWS Step Functions!" },
        extra: "foo",
        lambda: { who: "AWS Step Functions" },
      },
      output: { val1: 23, val2: 17, lambdaresult: "Hello, AWS Step Functions!" },
    });
  });

  it("records each retry's backoff and the catcher that fired", async () => {
    // The lesson's payment example: IntervalSeconds 2, BackoffRate 2, MaxAttempts 3 → 2 s, 4 s, 8 s.
    const definition = {
      StartAt: "Pay",
      States: {
        Pay: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Retry: [
            {
              ErrorEquals: ["Lambda.TooManyRequestsException"],
              IntervalSeconds: 2,
              MaxAttempts: 3,
              BackoffRate: 2,
            },
          ],
          Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Notify" }],
          End: true,
        },
        Notify: { Type: "Pass", End: true },
      },
    };
    const resolveTask: TaskResolver = () => ({
      kind: "failure",
      error: "Lambda.TooManyRequestsException",
      cause: "busy",
    });
    const result = await runExecution(definition, { order: 1 }, { resolveTask, inspect: true });
    const pay = result.inspections!.find((visit) => visit.stateName === "Pay")!;
    expect(pay.status).toBe("CAUGHT_ERROR");
    expect(pay.attempts.map((attempt) => attempt.retryBackoffIntervalSeconds)).toEqual([2, 4, 8, undefined]);
    expect(pay.errorDetails).toMatchObject({ catchIndex: 0 });
    expect(pay.output).toEqual({
      order: 1,
      error: { Error: "Lambda.TooManyRequestsException", Cause: "busy" },
    });
    expect(pay.nextState).toBe("Notify");
  });

  it("shows afterArguments and the variables after a JSONata state", async () => {
    const definition = {
      QueryLanguage: "JSONata",
      StartAt: "Call",
      States: {
        Call: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Arguments: { FunctionName: "f", Payload: { id: "{% $states.input.id %}" } },
          Assign: { status: "{% $states.result.Payload.status %}" },
          Output: "{% $states.result.Payload %}",
          End: true,
        },
      },
    };
    const resolveTask: TaskResolver = () => ({ kind: "success", output: { Payload: { status: "ok" } } });
    const result = await runExecution(definition, { id: 7 }, { resolveTask, inspect: true });
    expect(result.inspections![0]).toMatchObject({
      afterArguments: { FunctionName: "f", Payload: { id: 7 } },
      result: { Payload: { status: "ok" } },
      output: { status: "ok" },
      assignedVariables: { status: "ok" },
      variables: { status: "ok" },
    });
  });

  it("records nothing unless asked", async () => {
    const result = await runExecution({ StartAt: "P", States: { P: { Type: "Pass", End: true } } }, {});
    expect(result.inspections).toBeUndefined();
  });
});
