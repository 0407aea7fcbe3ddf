/** The context object (`$$`): execution, state, state machine and task token, as AWS builds it. */
import type { CompiledState } from "../definition.ts";
import { iso } from "../history/append.ts";
import type { Interpreter } from "../interpreter.ts";
import type { Frame } from "../record/types.ts";

/** Context object timestamps: "When a timestamp has zero fractional seconds, Step Functions removes the trailing zeros". */
export function contextTimestamp(millis: number): string {
  const text = iso(millis);
  return text.endsWith(".000Z") ? `${text.slice(0, -5)}Z` : text;
}

export function contextObject(run: Interpreter, frame: Frame, state: CompiledState, extra?: object): unknown {
  const { identity } = run.record;
  const prefix = `arn:aws:states:${identity.region}:${identity.accountId}`;
  const context: Record<string, unknown> = {
    Execution: {
      Id: `${prefix}:execution:${identity.stateMachineName}:${identity.executionName}`,
      Input: run.record.input,
      Name: identity.executionName,
      RoleArn: identity.roleArn,
      StartTime: contextTimestamp(run.record.startTime),
      RedriveCount: run.record.redriveCount ?? 0,
      ...(run.record.redriveTime !== undefined
        ? { RedriveTime: contextTimestamp(run.record.redriveTime) }
        : {}),
    },
    State: {
      EnteredTime: contextTimestamp(frame.enteredTime),
      Name: state.name,
      RetryCount: frame.retryCount,
    },
    StateMachine: {
      Id: `${prefix}:stateMachine:${identity.stateMachineName}`,
      Name: identity.stateMachineName,
    },
  };
  if (frame.taskToken) context.Task = { Token: frame.taskToken };
  if (run.env.contextOverrides) overlayContext(context, run.env.contextOverrides);
  return extra ? { ...context, ...extra } : context;
}

/** Lays `overrides` over a Context object: an object section is merged field by field, anything else replaced. */
function overlayContext(
  context: Record<string, unknown>,
  overrides: Readonly<Record<string, unknown>>,
): void {
  for (const [section, value] of Object.entries(overrides)) {
    const current = context[section];
    const bothObjects = [current, value].every(
      (v) => v !== null && typeof v === "object" && !Array.isArray(v),
    );
    context[section] = bothObjects ? { ...(current as object), ...(value as object) } : value;
  }
}
