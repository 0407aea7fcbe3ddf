/**
 * Pass, Succeed, Fail and Choice (JSONPath): states that finish in the step that enters them.
 */
import {
  applyInputPath,
  applyStateResultPath,
  evaluateJsonPathAssign,
  pathScope,
  pathValueInvalid,
  selectOrFail,
} from "../dataflow/jsonpath-stages.ts";
import type { ChoiceState, FailState, PassState, SucceedState } from "../definition.ts";
import { StatesError, StatesErrors } from "../errors.ts";
import { frameFailed } from "../flow/end-frame.ts";
import { finishState } from "../flow/leave-state.ts";
import { noteInspection } from "../history/inspection.ts";
import type { Interpreter } from "../interpreter.ts";
import { json } from "../record/json-text.ts";
import type { Frame } from "../record/types.ts";

export function enterFail(run: Interpreter, frame: Frame, state: FailState): void {
  const scope = pathScope(run, frame, state, frame.input);
  // "When resolved, the reference path must select a field that contains a string value."
  // https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
  const read = (source: typeof state.error, field: "ErrorPath" | "CausePath"): string | undefined => {
    if (!source) return undefined;
    if ("literal" in source) return source.literal;
    if ("intrinsic" in source) {
      const value = source.intrinsic.evaluate(scope, run.intrinsicEnv);
      return typeof value === "string" ? value : json(value);
    }
    const value = selectOrFail(run, source.path, scope, field);
    if (typeof value !== "string") {
      throw new StatesError(StatesErrors.Runtime, pathValueInvalid(field, value, "string", source.path.text));
    }
    return value;
  };
  frameFailed(run, frame, read(state.error, "ErrorPath"), read(state.cause, "CausePath"));
}

/** Pass: InputPath → Parameters → Result → ResultPath → OutputPath. */
export function enterPass(run: Interpreter, frame: Frame, state: PassState): void {
  const effective = applyInputPath(run, frame, state, state.inputPath);
  const afterParameters = state.parameters
    ? state.parameters.evaluate(pathScope(run, frame, state, effective), run.intrinsicEnv)
    : effective;
  const result = state.hasResult ? state.result : afterParameters;
  if (state.parameters) noteInspection(run, frame, { afterParameters });
  noteInspection(run, frame, { result });
  const assigned = evaluateJsonPathAssign(run, frame, state, state.assign, result);
  finishState(
    run,
    frame,
    state,
    applyStateResultPath(run, frame, state.resultPath, result),
    undefined,
    assigned,
  );
}

/** Succeed: InputPath → OutputPath, and the frame ends. */
export function enterSucceed(run: Interpreter, frame: Frame, state: SucceedState): void {
  finishState(run, frame, state, applyInputPath(run, frame, state, state.inputPath));
}

/** Choice: the first rule whose test passes names the next state, else Default, else States.NoChoiceMatched. */
export function enterChoice(run: Interpreter, frame: Frame, state: ChoiceState): void {
  const effective = applyInputPath(run, frame, state, state.inputPath);
  const scope = pathScope(run, frame, state, effective);
  const rule = state.choices.find((choice) => choice.test!(scope));
  const next = rule?.next ?? state.defaultNext;
  if (next === undefined) {
    throw new StatesError(StatesErrors.NoChoiceMatched, `No Choice Rule matched and there was no Default`);
  }
  // When a rule matches, only that rule's Assign runs.
  const assigned = evaluateJsonPathAssign(run, frame, state, rule ? rule.assign : state.assign, effective);
  finishState(run, frame, state, effective, next, assigned);
}
