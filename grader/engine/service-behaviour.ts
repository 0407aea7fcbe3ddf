/**
 * What a Task sees of a service whose behaviour a scenario describes (a mock entry's `Service`), by the
 * integration pattern the definition uses
 * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html):
 *
 * - **request-response**: the start call's response, at once — shaped like the service API's response
 *   (Glue StartJobRun: `{ JobRunId }` plus the request's `JobName`,
 *   https://docs.aws.amazon.com/step-functions/latest/dg/connect-glue.html; ECS RunTask: `{ Tasks: […],
 *   Failures: [] }`, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html). What the
 *   job does afterwards is not seen.
 * - **`.sync`** ("Run a Job"): waits `DurationSeconds`; a job that succeeds returns its final description
 *   (Glue's `JobRun` with `JobRunState: SUCCEEDED`, ECS's stopped task) merged with `Output`; a job that
 *   fails fails the task with `States.TaskFailed` and the final description as the cause, unless the
 *   scenario names another error.
 * - **`.waitForTaskToken`**: waits `DurationSeconds` for the callback: `Output` (SendTaskSuccess) or
 *   `Error`/`Cause` (SendTaskFailure). The engine's HeartbeatSeconds/TimeoutSeconds timers still apply,
 *   so a callback slower than the heartbeat ends in `States.HeartbeatTimeout`.
 *
 * Plain `Return`/`Throw` entries never come here: they replace the integration's response, as in Step
 * Functions Local.
 */
import { parseResource } from "./resources.ts";
import type { TaskOutcome, TaskRequest } from "./task-resolver.ts";

/** A mock entry's `Service`: what the service does, whatever the pattern the definition uses. */
export interface ServiceBehaviour {
  /** Virtual seconds the job / container / approver takes. Default 0. */
  readonly durationSeconds?: number;
  /** How the job ends (for a callback: whether SendTaskSuccess or SendTaskFailure is called). */
  readonly status: "SUCCEEDED" | "FAILED";
  /** Fields of the job's final description, or the callback's output. */
  readonly output?: unknown;
  /** For a failure: the error the task reports (default `States.TaskFailed`) and its cause. */
  readonly error?: string;
  readonly cause?: string;
}

const ACCOUNT = "123456789012";
const REGION = "us-east-1";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A stable identifier for this invocation: the same scenario gives the same ids. */
function idFor(request: TaskRequest, prefix: string): string {
  let hash = 2166136261;
  for (const char of `${request.stateName}#${request.invocationIndex}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return `${prefix}${hash.toString(16).padStart(8, "0")}`;
}

function parameter(request: TaskRequest, name: string): unknown {
  return isObject(request.parameters) ? request.parameters[name] : undefined;
}

/** The start call's response: what request-response returns. */
function startResponse(service: string, request: TaskRequest): unknown {
  switch (service) {
    case "glue:startJobRun":
      return { JobName: parameter(request, "JobName"), JobRunId: idFor(request, "jr_") };
    case "ecs:runTask":
      return {
        Failures: [],
        Tasks: [
          {
            TaskArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${idFor(request, "")}`,
            LastStatus: "PROVISIONING",
            DesiredStatus: "RUNNING",
            TaskDefinitionArn: parameter(request, "TaskDefinition"),
          },
        ],
      };
    case "batch:submitJob":
      return { JobId: idFor(request, ""), JobName: parameter(request, "JobName") };
    case "codebuild:startBuild":
      return { Build: { Id: idFor(request, "build:"), BuildStatus: "IN_PROGRESS" } };
    case "states:startExecution":
      return {
        ExecutionArn: `arn:aws:states:${REGION}:${ACCOUNT}:execution:${idFor(request, "")}`,
        StartDate: 0,
      };
    case "lambda:invoke":
      // The function returns at once (it only hands the token on); its Payload is not the answer.
      return { StatusCode: 200, ExecutedVersion: "$LATEST", Payload: null };
    case "sqs:sendMessage":
      return { MessageId: idFor(request, "msg-"), MD5OfMessageBody: idFor(request, "") };
    case "sns:publish":
      return { MessageId: idFor(request, "msg-") };
    default:
      return {};
  }
}

/** The job's final description, as `.sync` returns it (success) or reports it as the cause (failure). */
function finalDescription(service: string, request: TaskRequest, behaviour: ServiceBehaviour): unknown {
  const output = isObject(behaviour.output) ? behaviour.output : {};
  const failed = behaviour.status === "FAILED";
  switch (service) {
    case "glue:startJobRun":
      return {
        Id: idFor(request, "jr_"),
        JobName: parameter(request, "JobName"),
        JobRunState: behaviour.status,
        ExecutionTime: Math.round(behaviour.durationSeconds ?? 0),
        Attempt: 0,
        ...(failed && behaviour.cause !== undefined ? { ErrorMessage: behaviour.cause } : {}),
        ...output,
      };
    case "ecs:runTask":
      return {
        Failures: [],
        Tasks: [
          {
            TaskArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${idFor(request, "")}`,
            LastStatus: "STOPPED",
            DesiredStatus: "STOPPED",
            StopCode: "EssentialContainerExited",
            StoppedReason: failed ? (behaviour.cause ?? "Essential container in task exited") : "",
            Containers: [{ ExitCode: failed ? 1 : 0, LastStatus: "STOPPED" }],
            ...output,
          },
        ],
      };
    default:
      return { Status: behaviour.status, ...output };
  }
}

/** The outcome a Task sees of a described service, given the pattern of its Resource. */
export function serviceOutcome(request: TaskRequest, behaviour: ServiceBehaviour): TaskOutcome {
  const resource = parseResource(request.resource);
  const pattern = resource?.pattern ?? "request-response";
  const service =
    resource?.kind === "service"
      ? `${resource.resourceType}:${resource.resource.replace(/\.(sync(:\d+)?|waitForTaskToken)$/, "")}`
      : resource?.kind === "lambda-function"
        ? "lambda:invoke"
        : "";
  const durationSeconds = behaviour.durationSeconds ?? 0;
  if (resource?.kind === "lambda-function") return { kind: "success", output: null };
  if (pattern === "request-response") return { kind: "success", output: startResponse(service, request) };
  if (pattern === "sync") {
    const description = finalDescription(service, request, behaviour);
    if (behaviour.status === "SUCCEEDED") return { kind: "success", output: description, durationSeconds };
    // AWS reports a failed job as States.TaskFailed with the job's description as the cause.
    return behaviour.error !== undefined
      ? { kind: "failure", error: behaviour.error, cause: behaviour.cause ?? "", durationSeconds }
      : { kind: "failure", error: "States.TaskFailed", cause: JSON.stringify(description), durationSeconds };
  }
  // .waitForTaskToken (and activities): the callback.
  return behaviour.status === "SUCCEEDED"
    ? { kind: "success", output: behaviour.output ?? {}, durationSeconds }
    : {
        kind: "failure",
        error: behaviour.error ?? "States.TaskFailed",
        ...(behaviour.cause !== undefined ? { cause: behaviour.cause } : {}),
        durationSeconds,
      };
}
