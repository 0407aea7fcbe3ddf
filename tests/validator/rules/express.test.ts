/** Express limits: what an Express workflow cannot run. */
import { describe, expect, it } from "vitest";
import { machine, task, errors, schema } from "./helpers.ts";

describe("Express limits", () => {
  it("Express workflows reject .sync, .waitForTaskToken and activities; Standard accepts them", () => {
    for (const resource of [
      "arn:aws:states:::ecs:runTask.sync",
      "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "arn:aws:states:us-east-1:123456789012:activity:Aprovar",
    ]) {
      const definition = machine({ A: task({ Resource: resource }) });
      expect(schema(definition, { express: true })).toEqual(["/States/A/Resource"]);
      expect(errors(definition)).toEqual([]);
    }
    expect(
      errors(machine({ A: task({ Resource: "arn:aws:states:::lambda:invoke" }) }), { express: true }),
    ).toEqual([]);
    const templated = machine({ A: task({ Resource: "arn:${AWS::Partition}:states:::ecs:runTask.sync" }) });
    expect(schema(templated, { express: true, iac: true })).toEqual(["/States/A/Resource"]);
  });
});
