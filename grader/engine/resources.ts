/**
 * Task `Resource` ARNs, classified the way Step Functions treats them: which history events a task
 * emits, and how its integration pattern (request-response, `.sync`, `.waitForTaskToken`) behaves.
 */

export type IntegrationPattern = "request-response" | "sync" | "wait-for-task-token";

export type ResourceKind =
  /** `arn:aws:lambda:…:function:Name`: history uses LambdaFunction* events. */
  | "lambda-function"
  /** `arn:aws:states:…:activity:Name`: history uses Activity* events. */
  | "activity"
  /** `arn:aws:states:::service:api[.sync|.waitForTaskToken]`, including `aws-sdk:*`. */
  | "service";

export interface TaskResource {
  readonly arn: string;
  readonly kind: ResourceKind;
  readonly pattern: IntegrationPattern;
  /** As AWS writes it in TaskScheduled/TaskStarted details, e.g. `lambda`, `aws-sdk:s3`. */
  readonly resourceType: string;
  /** As AWS writes it in task event details, e.g. `invoke`, `startExecution.sync`. */
  readonly resource: string;
  /** Region named in the ARN, when it names one. */
  readonly region?: string;
}

const SERVICE_ARN = /^arn:aws[a-z-]*:states:([a-z0-9-]*):([0-9]*):(.+)$/;

/** Classifies a Resource ARN, or returns undefined when it is not one Step Functions would accept. */
export function parseResource(arn: string): TaskResource | undefined {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const service = parts[2];
  const region = parts[3] || undefined;
  if (service === "lambda" && parts[5] === "function") {
    if (!parts[6]) return undefined;
    return {
      arn,
      kind: "lambda-function",
      pattern: "request-response",
      resourceType: "lambda",
      resource: arn,
      region,
    };
  }
  const match = SERVICE_ARN.exec(arn);
  if (!match) return undefined;
  const rest = match[3]!;
  if (rest.startsWith("activity:")) {
    return {
      arn,
      kind: "activity",
      pattern: "wait-for-task-token",
      resourceType: "activity",
      resource: arn,
      region,
    };
  }
  // rest is e.g. "lambda:invoke", "aws-sdk:s3:getObject", "states:startExecution.sync:2", "sqs:sendMessage.waitForTaskToken"
  const lastColon = rest.startsWith("aws-sdk:") ? rest.indexOf(":", "aws-sdk:".length) : rest.indexOf(":");
  if (lastColon <= 0) return undefined;
  const resourceType = rest.slice(0, lastColon);
  const resource = rest.slice(lastColon + 1);
  if (!resource) return undefined;
  let pattern: IntegrationPattern = "request-response";
  if (/\.sync(:\d+)?$/.test(resource)) pattern = "sync";
  else if (resource.endsWith(".waitForTaskToken")) pattern = "wait-for-task-token";
  return { arn, kind: "service", pattern, resourceType, resource, region };
}
