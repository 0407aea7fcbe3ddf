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
});
