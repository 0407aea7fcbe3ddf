/** Resources and integrations (AWS's rules): a Task's, ItemReader's or ResultWriter's Resource is an ARN AWS accepts. */
import { parseResource } from "../../engine/resources.ts";
import { messages as m } from "../messages.ts";
import { defineRule } from "./rule.ts";
import { hasTemplate } from "./values.ts";

/** The lesson's `REGION` / `ACCOUNT_ID` / `<…>` placeholders inside an ARN. */
export const PLACEHOLDER_TOKENS =
  /\b(REGION|ACCOUNT_ID|ACCOUNT|AWS_REGION|AWS_ACCOUNT_ID|ACCOUNTID)\b|<[^>]*>/g;

/** The ARN with placeholders replaced by a region, an account and a name, so it can be parsed. */
export function withoutPlaceholders(arn: string): string {
  return arn
    .replace(/\b(REGION|AWS_REGION)\b/g, "us-east-1")
    .replace(/\b(ACCOUNT_ID|ACCOUNT|AWS_ACCOUNT_ID|ACCOUNTID)\b/g, "123456789012")
    .replace(/<[^>]*>/g, "x");
}

/** Whether AWS would accept the ARN (placeholders aside). IaC variables are left to the IaC tool. */
export function isValidResource(arn: string): boolean {
  if (hasTemplate(arn)) return true;
  const candidate = withoutPlaceholders(arn);
  const parsed = parseResource(candidate);
  const lambdaWithoutName = parsed?.kind === "lambda-function" && (candidate.split(":")[6] ?? "") === "";
  return parsed !== undefined && !lambdaWithoutName;
}

export const resourceArns = defineRule({
  name: "resource-arns",
  kind: "aws",
  description: "Each Resource is a Lambda function, activity or service-integration ARN.",
  codes: { INVALID_RESOURCE: "error" },
  check(model, report) {
    for (const { arn, path, isTask } of model.resources) {
      if (!isValidResource(arn))
        report("INVALID_RESOURCE", path, m.invalidResource(arn), isTask ? "lambda" : "services");
    }
  },
});
