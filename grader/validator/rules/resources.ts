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

type Pattern = "request-response" | "sync" | "wait-for-task-token";

/**
 * The integration patterns each optimized integration supports, by the service name of its ARN
 * (`arn:aws:states:::<service>:<action>`). AWS, "Integrating optimized services with Step Functions",
 * table "Optimized integrations in Step Functions"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html); the HTTP Task is
 * request-response (https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html).
 */
export const OPTIMIZED_INTEGRATIONS: Readonly<Record<string, readonly Pattern[]>> = {
  apigateway: ["request-response", "wait-for-task-token"],
  athena: ["request-response", "sync"],
  batch: ["request-response", "sync"],
  bedrock: ["request-response", "sync", "wait-for-task-token"],
  codebuild: ["request-response", "sync"],
  dynamodb: ["request-response"],
  ecs: ["request-response", "sync", "wait-for-task-token"],
  eks: ["request-response", "sync", "wait-for-task-token"],
  elasticmapreduce: ["request-response", "sync"],
  "emr-containers": ["request-response", "sync"],
  "emr-serverless": ["request-response", "sync"],
  events: ["request-response", "wait-for-task-token"],
  glue: ["request-response", "sync"],
  databrew: ["request-response", "sync"],
  lambda: ["request-response", "wait-for-task-token"],
  mediaconvert: ["request-response", "sync"],
  sagemaker: ["request-response", "sync"],
  sns: ["request-response", "wait-for-task-token"],
  sqs: ["request-response", "wait-for-task-token"],
  states: ["request-response", "sync", "wait-for-task-token"],
  http: ["request-response"],
};

/** Same page, "AWS SDK integrations": request-response and callback, never `.sync`. */
const SDK_PATTERNS: readonly Pattern[] = ["request-response", "wait-for-task-token"];

const SUFFIX: Record<Pattern, string> = {
  "request-response": "",
  sync: ".sync",
  "wait-for-task-token": ".waitForTaskToken",
};

/** Why a Task's service-integration ARN is not one AWS offers, or undefined when it is (or is not one). */
export function integrationProblem(arn: string): string | undefined {
  if (hasTemplate(arn)) return undefined;
  // Integrations are written without region and account: `arn:<partition>:states:::<service>:<action>`.
  if (!/^arn:[^:]+:states:::/.test(arn)) return undefined;
  const parsed = parseResource(arn);
  if (parsed?.kind !== "service") return undefined;
  const sdk = parsed.resourceType.startsWith("aws-sdk:");
  const supported = sdk ? SDK_PATTERNS : OPTIMIZED_INTEGRATIONS[parsed.resourceType];
  if (!supported) return m.unknownIntegration(arn, parsed.resourceType);
  if (!supported.includes(parsed.pattern)) {
    const name = sdk ? "aws-sdk" : parsed.resourceType;
    return m.unsupportedPattern(
      arn,
      name,
      SUFFIX[parsed.pattern],
      supported.map((p) => SUFFIX[p]),
    );
  }
  return undefined;
}

export const resourceArns = defineRule({
  name: "resource-arns",
  kind: "aws",
  description:
    "Each Resource is a Lambda function, an activity, or an integration AWS offers with that pattern.",
  codes: { INVALID_RESOURCE: "error" },
  check(model, report) {
    for (const { arn, path, isTask } of model.resources) {
      if (!isValidResource(arn)) {
        report("INVALID_RESOURCE", path, m.invalidResource(arn), isTask ? "lambda" : "services");
        continue;
      }
      const problem = isTask ? integrationProblem(arn) : undefined;
      if (problem) report("INVALID_RESOURCE", path, problem, "services");
    }
  },
});
