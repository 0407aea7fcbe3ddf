/** Teaching lints: our advice (info or warning, our own codes); AWS accepts every definition here. */
import { describe, expect, it } from "vitest";
import { validateDefinition } from "../../../grader/validator/index.ts";
import { LAMBDA, machine, task, found, locations, errors, type Json } from "./helpers.ts";

describe("teaching lints", () => {
  it("UNREACHABLE_STATE", () => {
    const bad = machine({ A: { Type: "Pass", End: true }, Orfao: { Type: "Pass", End: true } });
    expect(found(validateDefinition(bad), "UNREACHABLE_STATE").map((d) => [d.severity, d.location])).toEqual([
      ["info", "/States/Orfao"],
    ]);
    expect(
      locations(
        machine({ A: { Type: "Pass", Next: "B" }, B: { Type: "Pass", End: true } }),
        "UNREACHABLE_STATE",
      ),
    ).toEqual([]);
  });

  it("TASK_WITHOUT_RETRY", () => {
    expect(locations(machine({ A: task({ Retry: undefined }) }), "TASK_WITHOUT_RETRY")).toEqual([
      "/States/A",
    ]);
    expect(locations(machine({ A: task() }), "TASK_WITHOUT_RETRY")).toEqual([]);
  });

  // AWS best practices, "Handle transient Lambda service exceptions": retry Lambda.ServiceException,
  // Lambda.AWSLambdaException and Lambda.SdkClientException (docs.aws.amazon.com/step-functions/latest/dg/
  // sfn-best-practices.html). The advice names Lambda's errors only for tasks that call Lambda.
  it("TASK_WITHOUT_RETRY advice fits the service the task calls", () => {
    const advice = (resource: string) =>
      found(
        validateDefinition(machine({ A: task({ Retry: undefined, Resource: resource }) })),
        "TASK_WITHOUT_RETRY",
      )[0]?.message ?? "";
    for (const resource of [LAMBDA, "arn:aws:states:::lambda:invoke"]) {
      expect(advice(resource)).toMatch(
        /Lambda\.ServiceException.*Lambda\.AWSLambdaException.*Lambda\.SdkClientException/,
      );
    }
    const sns = advice("arn:aws:states:::sns:publish");
    expect(sns).toContain("não tem Retry");
    expect(sns).not.toContain("Lambda");
  });

  it("CATCH_NEVER_FIRES and RETRY_NEVER_FIRES: an earlier entry already matches", () => {
    const catchers = (first: string) =>
      machine({
        A: task({
          Catch: [
            { ErrorEquals: [first], Next: "F", ResultPath: "$.e" },
            { ErrorEquals: ["Lambda.Unknown"], Next: "F", ResultPath: "$.e" },
          ],
        }),
        F: { Type: "Succeed" },
      });
    expect(locations(catchers("States.TaskFailed"), "CATCH_NEVER_FIRES")).toEqual(["/States/A/Catch/1"]);
    expect(locations(catchers("States.Timeout"), "CATCH_NEVER_FIRES")).toEqual([]);
    const retriers = machine({ A: task({ Retry: [{ ErrorEquals: ["X.Y"] }, { ErrorEquals: ["X.Y"] }] }) });
    expect(locations(retriers, "RETRY_NEVER_FIRES")).toEqual(["/States/A/Retry/1"]);
  });

  // AWS, "Error names": the language predefines the `States.`-prefixed names; other errors "can't begin with
  // the States. prefix" (docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
  it("UNKNOWN_STATES_ERROR: a States.* name AWS does not define can never be raised", () => {
    const retrying = (names: string[]) => machine({ A: task({ Retry: [{ ErrorEquals: names }] }) });
    const warned = found(
      validateDefinition(retrying(["Lambda.Unknown", "States.TimeOut"])),
      "UNKNOWN_STATES_ERROR",
    );
    expect(warned.map((d) => [d.severity, d.location])).toEqual([
      ["warning", "/States/A/Retry/0/ErrorEquals/1"],
    ]);
    expect(warned[0]?.message).toContain('Você quis dizer "States.Timeout"?');
    const predefined = [
      "States.ALL",
      "States.Timeout",
      "States.HeartbeatTimeout",
      "States.TaskFailed",
      "States.Permissions",
      "States.DataLimitExceeded",
      "States.Runtime",
      "States.BranchFailed",
      "States.NoChoiceMatched",
      "States.IntrinsicFailure",
      "States.ExceedToleratedFailureThreshold",
      "States.ItemReaderFailed",
      "States.ResultWriterFailed",
      "States.ResultPathMatchFailure",
      "States.ParameterPathFailure",
      "States.QueryEvaluationError",
      "States.Http.Socket",
    ];
    for (const name of predefined) {
      expect(locations(retrying([name]), "UNKNOWN_STATES_ERROR"), name).toEqual([]);
    }
    const catching = machine({
      A: task({ Catch: [{ ErrorEquals: ["States.Falhou"], Next: "F", ResultPath: "$.e" }] }),
      F: { Type: "Succeed" },
    });
    expect(locations(catching, "UNKNOWN_STATES_ERROR")).toEqual(["/States/A/Catch/0/ErrorEquals/0"]);
  });

  it("RESULTPATH_DISCARDS_INPUT: a Catch without ResultPath", () => {
    const catcher = (extra: Json) =>
      machine({
        A: task({ Catch: [{ ErrorEquals: ["States.ALL"], Next: "F", ...extra }] }),
        F: { Type: "Succeed" },
      });
    expect(locations(catcher({}), "RESULTPATH_DISCARDS_INPUT")).toEqual(["/States/A/Catch/0"]);
    expect(locations(catcher({ ResultPath: "$.erro" }), "RESULTPATH_DISCARDS_INPUT")).toEqual([]);
  });

  it("PLACEHOLDER_ARN: the lesson's REGION/ACCOUNT_ID placeholders are accepted with a note", () => {
    const placeholder = machine({
      A: task({ Resource: "arn:aws:lambda:REGION:ACCOUNT_ID:function:ProcessPaymentFunction" }),
    });
    const diagnostics = validateDefinition(placeholder);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([["PLACEHOLDER_ARN", "info"]]);
    expect(locations(machine({ A: task() }), "PLACEHOLDER_ARN")).toEqual([]);
  });

  it("ARN_MISSING_PART: an IaC Lambda ARN without its region (as in the lesson's serverless.yml)", () => {
    const arn = (resource: string) => machine({ A: task({ Resource: resource }) });
    expect(
      locations(arn("arn:aws:lambda:${aws:accountId}:function:${self:service}-fn"), "ARN_MISSING_PART", {
        iac: true,
      }),
    ).toEqual(["/States/A/Resource"]);
    expect(
      validateDefinition(arn("arn:aws:lambda:${aws:region}:${aws:accountId}:function:${self:service}-fn"), {
        iac: true,
      }),
    ).toEqual([]);
  });

  // AWS, "Intrinsic functions" (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html):
  // the reserved characters ' { } \ are escaped with a backslash; "if an open escape backslash \ is found …
  // the interpreter will return a runtime error". AWS creates the definition, so this is a warning.
  it("INTRINSIC_OPEN_ESCAPE: a backslash that escapes nothing inside an intrinsic's string literal", () => {
    const format = (template: string) =>
      machine({ A: { Type: "Pass", Parameters: { "x.$": `States.Format('${template}', $.a)` }, End: true } });
    const [warning] = found(validateDefinition(format("linha\\n{}")), "INTRINSIC_OPEN_ESCAPE");
    expect(warning).toMatchObject({ severity: "warning", location: "/States/A/Parameters/x.$" });
    expect(warning!.message).toContain("\\n");
    expect(errors(format("linha\\n{}"))).toEqual([]);
    for (const fine of ["\\'{}\\'", "\\{{}\\}", "a\\\\b {}"]) {
      expect(locations(format(fine), "INTRINSIC_OPEN_ESCAPE"), fine).toEqual([]);
    }
  });
});
