/**
 * JSONata states: their Arguments, Output, Assign and Items are computed as plans (jsonata-plans.ts)
 * by asynchronous evaluations the execution actor waits for; each settled plan is applied in one step.
 * An evaluation is described as plain data in the frame's stage, so a saved execution restarts it.
 */
import { contextObject } from "./context-object.ts";
import { variablesOf } from "./variables.ts";
import type { CompiledState, MapState, ParallelState, TaskState } from "../definition.ts";
import { EngineFault, StatesError } from "../errors.ts";
import { engineFault, frameFailed } from "../flow/end-frame.ts";
import { leaveCatch, stateFailed } from "../flow/error-handling.ts";
import { finishState } from "../flow/leave-state.ts";
import { appendEvent } from "../history/append.ts";
import { noteInspection } from "../history/inspection.ts";
import type { Interpreter } from "../interpreter.ts";
import { batchItems } from "../item-reader.ts";
import { type EntryPlan, planCatch, planEntry, planExit, planTaskAttempt } from "../jsonata-plans.ts";
import { type JsonataRuntime, type JsonataScope, QueryEvaluationError } from "../jsonata.ts";
import { nextRandom, uuidFrom } from "../random.ts";
import { addTimer } from "../record/timers.ts";
import type { Evaluation, Frame, Settled, Stage } from "../record/types.ts";
import { readItems } from "../states/distributed-map.ts";
import { startMapWith } from "../states/map.ts";
import { startParallel } from "../states/parallel.ts";
import { dispatchTask, invokeTask } from "../states/task.ts";

// ----- JSONata ------------------------------------------------------------------------
export function jsonataRuntime(run: Interpreter): JsonataRuntime {
  return {
    nowMillis: run.record.now,
    random: () => run.random(),
    uuid: () => uuidFrom(() => run.random()),
  };
}

export function jsonataScope(
  run: Interpreter,
  frame: Frame,
  state: CompiledState,
  extra?: Partial<JsonataScope>,
): JsonataScope {
  return {
    input: frame.input,
    context: contextObject(run, frame, state),
    variables: variablesOf(run, frame),
    ...extra,
  };
}

/** A JSONata runtime whose $random/$uuid draw from their own seeded stream (restartable). */
export function seededRuntime(run: Interpreter, seed: number): JsonataRuntime {
  let state = seed;
  const random = () => {
    const [next, value] = nextRandom(state);
    state = next;
    return value;
  };
  return { nowMillis: run.record.now, random, uuid: () => uuidFrom(random) };
}

export function newEvaluationStage(
  run: Interpreter,
  evaluation?: Evaluation,
): Extract<Stage, { kind: "evaluating" }> {
  const seq = (run.record.evaluationSeq = (run.record.evaluationSeq ?? 0) + 1);
  const seed = Math.floor(run.random() * 4294967296) | 0;
  return { kind: "evaluating", seq, seed, evaluation };
}

/** Starts a restartable JSONata evaluation for the frame. */
export function startEvaluation(run: Interpreter, frame: Frame, evaluation: Evaluation): void {
  frame.stage = newEvaluationStage(run, evaluation);
  launchEvaluation(run, frame);
}

/** (Re)starts the evaluation the frame's stage describes. */
export function launchEvaluation(run: Interpreter, frame: Frame): void {
  const stage = frame.stage as Extract<Stage, { kind: "evaluating" }>;
  const evaluation = stage.evaluation!;
  const state = run.stateOf(frame);
  const runtime = seededRuntime(run, stage.seed);
  switch (evaluation.what) {
    case "entry":
      awaitEvaluation(
        run,
        frame,
        planEntry(state, jsonataScope(run, frame, state), runtime),
        (current, plan) => applyEntryPlan(run, current, state, plan),
      );
      return;
    case "task-attempt":
      awaitEvaluation(
        run,
        frame,
        planTaskAttempt(state as TaskState, jsonataScope(run, frame, state), runtime),
        (current, attempt) => dispatchTask(run, current, state as TaskState, attempt),
      );
      return;
    case "exit":
      awaitEvaluation(
        run,
        frame,
        planExit(state, jsonataScope(run, frame, state, { result: evaluation.result }), runtime),
        (current, exit) => finishState(run, current, state, exit.output, undefined, exit.assigned),
      );
      return;
    case "catch": {
      const catcher = (state as TaskState).catchers[evaluation.catcherIndex]!;
      const scope = jsonataScope(run, frame, state, { errorOutput: evaluation.errorOutput });
      awaitEvaluation(run, frame, planCatch(catcher, scope, runtime), (current, exit) =>
        leaveCatch(run, current, state, evaluation.catcherIndex, exit.output, exit.assigned),
      );
      return;
    }
  }
}

/** Waits for work that cannot be restarted after a save (an asynchronous read, say). */
export function awaitOpaque<T>(
  run: Interpreter,
  frame: Frame,
  work: Promise<T>,
  then: (frame: Frame, value: T) => void,
): void {
  frame.stage = newEvaluationStage(run);
  awaitEvaluation(run, frame, work, then);
}

/**
 * Registers an in-flight promise of the execution actor for the frame; `then` applies its result
 * synchronously once it settles, to the frame as it is then (unless it has moved on or gone).
 */
export function awaitEvaluation<T>(
  run: Interpreter,
  frame: Frame,
  work: Promise<T>,
  then: (frame: Frame, value: T) => void,
): void {
  const stage = frame.stage as Extract<Stage, { kind: "evaluating" }>;
  const key = `eval:${frame.id}:${stage.seq}`;
  run.env.inFlight.set(
    key,
    work.then(
      (value): Settled<T> => ({ ok: true, value }),
      (error: unknown): Settled<T> => ({ ok: false, error }),
    ),
  );
  run.continuations.set(key, (settled) => {
    const current = run.record.frames[frame.id];
    if (
      run.record.status !== "RUNNING" ||
      !current ||
      current.stage.kind !== "evaluating" ||
      current.stage.seq !== stage.seq
    ) {
      return;
    }
    const state = run.stateOf(current);
    try {
      if (!settled.ok) throw settled.error;
      then(current, settled.value as T);
    } catch (error) {
      if (error instanceof QueryEvaluationError) {
        current.lastEventId = appendEvent(
          run.record,
          current.lastEventId,
          "EvaluationFailed",
          "evaluationFailedEventDetails",
          { error: error.error, cause: error.cause, location: error.location, state: state.name },
        );
      }
      if (error instanceof StatesError) stateFailed(run, current, state, error.error, error.cause);
      else if (error instanceof EngineFault) engineFault(run, error);
      else throw error;
    }
  });
}

export function enterJsonataState(run: Interpreter, frame: Frame, state: CompiledState): void {
  if (state.type === "Task") {
    frame.stage = { kind: "invoke" };
    invokeTask(run, frame, state);
    return;
  }
  if (state.type === "Map" && state.itemReader) {
    const reader = state.itemReader;
    const scope = jsonataScope(run, frame, state);
    const parameters = reader.arguments
      ? reader.arguments.evaluate(scope, jsonataRuntime(run))
      : Promise.resolve({});
    awaitOpaque(run, frame, parameters, (current, evaluated) =>
      readItems(run, current, state, evaluated, (items) => {
        const plan = planEntry(state, scope, jsonataRuntime(run), items);
        awaitOpaque(run, current, plan, (latest, entry) => applyEntryPlan(run, latest, state, entry));
      }),
    );
    return;
  }
  startEvaluation(run, frame, { what: "entry" });
}

export function applyEntryPlan(run: Interpreter, frame: Frame, state: CompiledState, plan: EntryPlan): void {
  switch (plan.kind) {
    case "leave":
      finishState(run, frame, state, plan.output, undefined, plan.assigned);
      return;
    case "choice":
      finishState(run, frame, state, plan.output, plan.next, plan.assigned);
      return;
    case "wait":
      frame.effective = plan.output;
      frame.pendingAssigned = plan.assigned;
      frame.stage = { kind: "waiting" };
      addTimer(run.record, plan.untilMillis, frame.id, "wait");
      return;
    case "fail":
      frameFailed(run, frame, plan.error, plan.cause);
      return;
    case "parallel":
      frame.effective = plan.input;
      if ((state as ParallelState).jsonata?.arguments)
        noteInspection(run, frame, { afterArguments: plan.input });
      startParallel(run, frame, state as ParallelState);
      return;
    case "map":
      if ((state as MapState).jsonata?.itemSelector)
        noteInspection(run, frame, { afterItemSelector: plan.inputs });
      startMapWith(
        run,
        frame,
        state as MapState,
        plan.batcher ? batchItems(plan.inputs, plan.batcher) : plan.inputs,
        plan.maxConcurrency,
        {
          toleratedFailureCount: plan.toleratedFailureCount,
          toleratedFailurePercentage: plan.toleratedFailurePercentage,
        },
        plan.resultWriter,
      );
      return;
  }
}
