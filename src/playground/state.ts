/**
 * The playground's one state store: what the student edits, the run being prepared or played back, the
 * finished run every view shows, the visit selected in it and the open tab. Components read it with
 * `select` and change it through the actions below.
 */
import type { ExecutionResult, HistoryEvent } from "../../grader/engine/index.ts";
import type { HistoryModel } from "./history.ts";
import type { Problem } from "./run.ts";
import type { PlaygroundState } from "./share.ts";
import { sameState } from "./storage.ts";
import { createStore, type Store } from "./store.ts";

export type TabName = "graph" | "table" | "events" | "data";

/** A finished run, as every view shows it. */
export interface RunView {
  readonly result: ExecutionResult;
  readonly model: HistoryModel;
  /** A pt-BR explanation of the execution's error, when it is a known one. */
  readonly explanation?: string | undefined;
  /** What it was run with: an edit since then marks it as stale. */
  readonly ranWith: PlaygroundState;
}

/** The history so far while "Ver executando" plays a run back. */
export interface ReplayView {
  readonly events: readonly HistoryEvent[];
  readonly model: HistoryModel;
}

export interface PlaygroundUi {
  /** What the student edits now (definition, format, input, mocks, scenario, Express). */
  readonly document: PlaygroundState;
  /** A run is being prepared (the engine loading, the definition checked). */
  readonly busy: boolean;
  readonly progress: string;
  /** Why the last run could not start. */
  readonly problems: readonly Problem[] | undefined;
  readonly run: RunView | undefined;
  readonly replay: ReplayView | undefined;
  /** The state visit (index in the run's inspections) shown in Dados. */
  readonly selectedVisit: number;
  readonly tab: TabName;
  /** A line about what just happened to the playground's content (restored, shared, copied link…). */
  readonly notice: string;
}

export type PlaygroundStore = Store<PlaygroundUi>;

export function createPlaygroundStore(document: PlaygroundState): PlaygroundStore {
  return createStore<PlaygroundUi>({
    document,
    busy: false,
    progress: "",
    problems: undefined,
    run: undefined,
    replay: undefined,
    selectedVisit: 0,
    tab: "graph",
    notice: "",
  });
}

const NO_RESULT = { run: undefined, replay: undefined, problems: undefined, progress: "" } as const;

export const clearResult = (store: PlaygroundStore) => store.set(NO_RESULT);

export const showProblems = (store: PlaygroundStore, problems: readonly Problem[]) =>
  store.set({ ...NO_RESULT, problems });

export const showRun = (store: PlaygroundStore, run: RunView) =>
  store.set({ run, replay: undefined, selectedVisit: 0 });

export const editDocument = (store: PlaygroundStore, changes: Partial<PlaygroundState>) =>
  store.set(({ document }) => ({ document: { ...document, ...changes } }));

/** The shown run was made with other text or options than the editor's now. */
export const isStale = ({ run, document }: PlaygroundUi): boolean =>
  run !== undefined && !sameState(run.ranWith, document);

/** What the graph and the event list show: the history so far while playing back, else the last run. */
export function shownHistory(
  replay: ReplayView | undefined,
  run: RunView | undefined,
): ReplayView | undefined {
  return replay ?? (run ? { events: run.result.events, model: run.model } : undefined);
}
