/**
 * The `taskResource` static check: what a Task state calls — the Lambda function, the service action
 * and the integration pattern (request-response, `.sync`, `.waitForTaskToken`) — read from its
 * `Resource` and, for `lambda:invoke`, its `FunctionName`.
 */
import { parseResource, type IntegrationPattern } from "../engine/resources.ts";
import type { StaticCheck } from "./exercise-format.ts";
import { fail, PASS, type Verdict } from "./matchers.ts";
import { gradingMessages as m } from "./messages.ts";

type Json = Record<string, unknown>;
type TaskResourceCheck = Extract<StaticCheck, { type: "taskResource" }>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The function a Lambda `FunctionName` names. Lambda accepts a name (`F`, `F:alias`), a partial ARN
 * (`123456789012:function:F`) or a full ARN, each with an optional version or alias
 * (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
 */
export function lambdaFunctionName(functionName: string): string {
  const marker = functionName.indexOf(":function:");
  const rest = marker >= 0 ? functionName.slice(marker + ":function:".length) : functionName;
  return rest.split(":")[0] ?? rest;
}

export interface CalledResource {
  /** `service:action` without the pattern suffix (`lambda:invoke`, `aws-sdk:s3:listObjectsV2`); `lambda` for a function ARN. */
  readonly service: string;
  readonly pattern: IntegrationPattern;
  /** The Lambda function, when the task calls one and names it statically. */
  readonly function?: string;
  /** The function is an IaC reference: its deployed name cannot be read, so any name is accepted. */
  readonly fromVariable?: boolean;
}

/** A whole IaC reference (`!GetAtt F.Arn`, `!Ref F`, `${FArn}`): the deployed name is not in the file. */
const WHOLE_VARIABLE = /^\s*(?:\$\{[^}]*\}|#\{[^}]*\})\s*$/;
const VARIABLE = /\$\{[^}]*\}|#\{[^}]*\}/g;

export function calledResource(state: Json): CalledResource | undefined {
  const written = state["Resource"];
  if (typeof written !== "string") return undefined;
  // An IaC file names its function by a variable; grading reads it as a Lambda function (as `run` does).
  if (WHOLE_VARIABLE.test(written))
    return { service: "lambda", pattern: "request-response", fromVariable: true };
  const arn = written.replace(VARIABLE, "x");
  const resource = parseResource(arn);
  if (!resource) return undefined;
  if (resource.kind === "lambda-function")
    return /[$#]\{/.test(lambdaFunctionName(written))
      ? { service: "lambda", pattern: "request-response", fromVariable: true }
      : { service: "lambda", pattern: "request-response", function: lambdaFunctionName(arn) };
  if (resource.kind === "activity") return { service: "activity", pattern: "wait-for-task-token" };
  const action = resource.resource.replace(/\.(sync(:\d+)?|waitForTaskToken)$/, "");
  const service = `${resource.resourceType}:${action}`;
  const parameters = isObject(state["Parameters"])
    ? state["Parameters"]
    : isObject(state["Arguments"])
      ? state["Arguments"]
      : undefined;
  const name = parameters?.["FunctionName"];
  if (service === "lambda:invoke" && typeof name === "string" && /[$#]\{/.test(lambdaFunctionName(name)))
    return { service, pattern: resource.pattern, fromVariable: true };
  return {
    service,
    pattern: resource.pattern,
    ...(service === "lambda:invoke" && typeof name === "string" && !name.startsWith("{%")
      ? { function: lambdaFunctionName(name.replace(VARIABLE, "x")) }
      : {}),
  };
}

/**
 * Whether the `service` a check asks for is the one called. A function ARN as Resource is `lambda`;
 * asking for `lambda` accepts it and `lambda:invoke` both.
 */
function sameService(wanted: string, called: CalledResource): boolean {
  return wanted === called.service || (wanted === "lambda" && called.service === "lambda:invoke");
}

export function evaluateTaskResource(check: TaskResourceCheck, state: Json | undefined): Verdict {
  if (!state) return fail(m.stateMissing(check.state));
  if (state["Type"] !== "Task") return fail(m.notATask(check.state, state["Type"]));
  const called = calledResource(state);
  if (!called) return fail(m.resourceOfState(check.state, state["Resource"]));
  if (check.service !== undefined && !sameService(check.service, called))
    return fail(m.serviceGot(check.state, check.service, called.service));
  if (check.function !== undefined && !called.fromVariable && called.function !== check.function)
    return fail(m.functionGot(check.state, check.function, called.function));
  if (check.pattern !== undefined && called.pattern !== check.pattern)
    return fail(m.patternGot(check.state, check.pattern, called.pattern));
  return PASS;
}
