/** Resources and integrations: the ARNs AWS accepts in Resource. */
import { describe, expect, it } from "vitest";
import { LAMBDA, machine, task, locations, errors } from "./helpers.ts";

describe("resources and integrations", () => {
  it("INVALID_RESOURCE: a malformed ARN", () => {
    const bad = machine({ A: task({ Resource: "arn:aws:lambda:us-east-1:123456789012:functon:Pagar" }) });
    const noName = machine({ A: task({ Resource: "arn:aws:lambda:us-east-1:123456789012:function:" }) });
    expect(locations(bad, "INVALID_RESOURCE")).toEqual(["/States/A/Resource"]);
    expect(locations(noName, "INVALID_RESOURCE")).toEqual(["/States/A/Resource"]);
    for (const resource of [
      LAMBDA,
      "arn:aws:states:::lambda:invoke",
      "arn:aws:states:::aws-sdk:s3:getObject",
    ]) {
      expect(errors(machine({ A: task({ Resource: resource }) }))).toEqual([]);
    }
  });

  // AWS, "Integrating optimized services with Step Functions"
  // (https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html): the optimized
  // integrations and the patterns each supports; AWS SDK integrations support request-response and
  // .waitForTaskToken, never .sync.
  it("INVALID_RESOURCE: a service that is not an optimized integration, or a pattern it does not offer", () => {
    const resource = (arn: string) => machine({ A: task({ Resource: arn }) });
    for (const arn of [
      "arn:aws:states:::s3:getObject",
      "arn:aws:states:::lambda:invoke.sync",
      "arn:aws:states:::dynamodb:putItem.waitForTaskToken",
      "arn:aws:states:::glue:startJobRun.waitForTaskToken",
      "arn:aws:states:::sns:publish.sync",
      "arn:aws:states:::aws-sdk:s3:getObject.sync",
    ]) {
      expect(locations(resource(arn), "INVALID_RESOURCE"), arn).toEqual(["/States/A/Resource"]);
    }
    for (const arn of [
      "arn:aws:states:::lambda:invoke.waitForTaskToken",
      "arn:aws:states:::glue:startJobRun.sync",
      "arn:aws:states:::ecs:runTask.waitForTaskToken",
      "arn:aws:states:::states:startExecution.sync:2",
      "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "arn:aws:states:::batch:submitJob.sync",
      "arn:aws:states:::aws-sdk:s3:getObject",
      "arn:aws:states:::aws-sdk:sfn:startExecution.waitForTaskToken",
      "arn:aws:states:::http:invoke",
    ]) {
      expect(errors(resource(arn)), arn).toEqual([]);
    }
    // A Distributed Map's ItemReader reads S3 through `arn:aws:states:::s3:…`, which is valid there.
    const reader = machine({
      M: {
        Type: "Map",
        ItemReader: { Resource: "arn:aws:states:::s3:getObject", Parameters: { Bucket: "b", Key: "k" } },
        ItemProcessor: {
          ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
          StartAt: "I",
          States: { I: { Type: "Pass", End: true } },
        },
        End: true,
      },
    });
    expect(errors(reader)).toEqual([]);
  });
});
