/**
 * The one-state machine TestState runs on the engine: the tested state, with every state it can
 * transition to stood in for by a Succeed state, so the engine runs it exactly once and reports where it
 * would go. Its Retry field is set aside (TestState decides RETRIABLE itself, from
 * `retrierRetryCount`), and a mocked Map or Parallel becomes a Task whose result is the mock: the data
 * flow around it (InputPath, Parameters/Arguments, ResultSelector, ResultPath, OutputPath, Output, Assign,
 * Catch) is the state's own.
 */
import type { LocatedState } from "./locate.ts";

/** The resource a mocked Map or Parallel runs as. */
export const MOCKED_STATE_RESOURCE = "arn:aws:states:::partitura:testState";

/** Fields a Map or Parallel keeps when it runs as a mocked Task. */
const KEPT_BY_MOCKED_STATE = [
  "Comment",
  "QueryLanguage",
  "InputPath",
  "ResultSelector",
  "ResultPath",
  "OutputPath",
  "Output",
  "Assign",
  "Catch",
  "Next",
  "End",
];

export interface SyntheticMachine {
  readonly definition: Record<string, unknown>;
  /** Stand-in state name → the transition target it stands for. */
  readonly targets: ReadonlyMap<string, string>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function asMockedTask(state: Record<string, unknown>): Record<string, unknown> {
  const task: Record<string, unknown> = { Type: "Task", Resource: MOCKED_STATE_RESOURCE };
  for (const key of KEPT_BY_MOCKED_STATE) if (key in state) task[key] = state[key];
  // A Parallel's Parameters (JSONPath) or Arguments (JSONata) shape the branches' input; a Map's
  // Parameters are its legacy ItemSelector, applied to each item, so they are not kept.
  if (state.Type === "Parallel") {
    if ("Parameters" in state) task.Parameters = state.Parameters;
    if ("Arguments" in state) task.Arguments = state.Arguments;
  }
  return task;
}

/** Rewrites each transition target through `rename`. */
function retarget(
  state: Record<string, unknown>,
  rename: (target: unknown) => unknown,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...state };
  if ("Next" in copy) copy.Next = rename(copy.Next);
  if ("Default" in copy) copy.Default = rename(copy.Default);
  if (Array.isArray(copy.Choices)) {
    copy.Choices = copy.Choices.map((rule) =>
      isObject(rule) && "Next" in rule ? { ...rule, Next: rename(rule.Next) } : rule,
    );
  }
  if (Array.isArray(copy.Catch)) {
    copy.Catch = copy.Catch.map((catcher) =>
      isObject(catcher) && "Next" in catcher ? { ...catcher, Next: rename(catcher.Next) } : catcher,
    );
  }
  return copy;
}

/**
 * `mocked`: a Map or Parallel runs as a mocked Task. `keepRetry: false` sets the Retry field aside (the
 * machine as written, for validation and for the compiled retriers, keeps it).
 */
export function buildSyntheticMachine(
  located: LocatedState,
  options: { readonly mocked: boolean; readonly keepRetry: boolean },
): SyntheticMachine {
  const { state, name } = located;
  let tested: Record<string, unknown> = { ...state };
  if (options.mocked && (state.Type === "Map" || state.Type === "Parallel")) tested = asMockedTask(state);
  if (!options.keepRetry) delete tested.Retry;

  // A target that is the tested state itself (a loop) gets a stand-in of its own name.
  let selfStandIn = `${name}↺`;
  const targets = new Map<string, string>();
  const stateNames = new Set<string>([name]);
  tested = retarget(tested, (target) => {
    if (typeof target !== "string") return target;
    if (target !== name) {
      targets.set(target, target);
      stateNames.add(target);
      return target;
    }
    while (stateNames.has(selfStandIn)) selfStandIn += "↺";
    targets.set(selfStandIn, name);
    stateNames.add(selfStandIn);
    return selfStandIn;
  });

  const states: Record<string, unknown> = { [name]: tested };
  for (const standIn of targets.keys()) states[standIn] = { Type: "Succeed" };
  const definition: Record<string, unknown> = { StartAt: name, States: states };
  if (located.queryLanguage !== undefined) definition.QueryLanguage = located.queryLanguage;
  return { definition, targets };
}
