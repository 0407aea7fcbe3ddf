/** Express limits (AWS's rules): an Express workflow runs no activities, `.sync` or `.waitForTaskToken` tasks. */
import { messages as m } from "../messages.ts";
import { defineRule } from "./rule.ts";
import { TEMPLATED } from "./values.ts";

export const expressIntegrations = defineRule({
  name: "express-integrations",
  kind: "aws",
  description: "Express workflows reject activities and the .sync and .waitForTaskToken patterns.",
  codes: { SCHEMA_VALIDATION_FAILED: "error" },
  check(model, report) {
    if (!model.options.express) return;
    for (const { arn, path, isTask } of model.resources) {
      if (!isTask) continue;
      // Also when the ARN holds IaC variables.
      const text = arn.replace(TEMPLATED, "VAR");
      if (/^arn:[^:]*:states:[^:]*:[^:]*:activity:/.test(text))
        report("SCHEMA_VALIDATION_FAILED", path, m.expressActivity, "challenges");
      else if (/\.sync(:\d+)?$/.test(text))
        report("SCHEMA_VALIDATION_FAILED", path, m.expressPattern(".sync"), "challenges");
      else if (text.endsWith(".waitForTaskToken"))
        report("SCHEMA_VALIDATION_FAILED", path, m.expressPattern(".waitForTaskToken"), "challenges");
    }
  },
});
