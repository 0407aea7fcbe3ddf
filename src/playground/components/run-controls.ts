/**
 * "Executar", "Ver executando" and "Pular": run the editor's definition on the engine (loaded on demand,
 * when the pointer or the focus reaches a run button) and show the run, or play its history back at
 * 300 ms per virtual second before showing it.
 */
import type { ExecutionResult } from "../../../grader/engine/index.ts";
import { ui } from "../../i18n/pt-BR.ts";
import { h } from "../dom.ts";
import { buildHistoryModel, replayDelays } from "../history.ts";
import { clearResult, showProblems, showRun, type PlaygroundStore, type RunView } from "../state.ts";

const t = ui.playground;

let runner: Promise<typeof import("../run.ts")> | undefined;
/** The runner and the engine (a separate chunk): loaded once, on demand, not with the page. */
const loadRunner = (): Promise<typeof import("../run.ts")> =>
  (runner ??= import("../run.ts").catch((error: unknown) => {
    runner = undefined;
    throw error;
  }));

export interface RunControls {
  readonly element: HTMLElement;
  readonly progress: HTMLElement;
  /** Stops a playback in progress (the run is not shown). */
  stopReplay(): void;
}

export function runControls(store: PlaygroundStore, root: HTMLElement): RunControls {
  const runButton = h("button", { type: "button", class: "pg-button pg-primary", "data-pg-run": "" }, t.run);
  const watchButton = h("button", { type: "button", class: "pg-button", "data-pg-watch": "" }, t.watch);
  const skipButton = h(
    "button",
    { type: "button", class: "pg-button", hidden: true, "data-pg-skip": "" },
    t.skip,
  );
  const progress = h("p", { class: "pg-progress pg-muted", "data-pg-progress": "" });
  store.select(
    (state) => state.progress,
    (text) => (progress.textContent = text),
  );
  store.select(
    (state) => state.busy,
    (busy) => (runButton.disabled = busy),
  );

  let replayTimer: number | undefined;
  let finishReplay: (() => void) | undefined;
  function stopReplay() {
    if (replayTimer !== undefined) window.clearTimeout(replayTimer);
    replayTimer = undefined;
    skipButton.hidden = true;
    watchButton.textContent = t.watch;
    root.removeAttribute("data-replaying");
  }

  /** Runs the editor's content: the run to show, or undefined when it could not start (problems shown). */
  async function execute(): Promise<RunView | undefined> {
    stopReplay();
    store.set({ busy: true, progress: t.running });
    try {
      const { runPlayground } = await loadRunner();
      const ranWith = store.get().document;
      const outcome = await runPlayground(ranWith);
      store.set({ progress: "" });
      if (outcome.kind === "problems") {
        showProblems(store, outcome.problems);
        return undefined;
      }
      store.set({ problems: undefined });
      const { result, explanation } = outcome;
      return {
        result,
        model: buildHistoryModel(result.events, result.inspections ?? []),
        explanation,
        ranWith,
      };
    } finally {
      store.set({ busy: false });
    }
  }

  // The engine loads on demand (not with the page): when the pointer or the focus reaches a run button.
  for (const button of [runButton, watchButton]) {
    for (const type of ["pointerenter", "focus", "touchstart"]) {
      button.addEventListener(type, () => void loadRunner().catch(() => undefined), {
        once: true,
        passive: true,
      });
    }
  }

  runButton.addEventListener("click", async () => {
    const run = await execute();
    if (run) showRun(store, run);
  });

  watchButton.addEventListener("click", async () => {
    if (replayTimer !== undefined) {
      finishReplay?.();
      return;
    }
    const run = await execute();
    if (!run) return;
    clearResult(store);
    store.set({ tab: "graph" });
    play(run);
  });
  skipButton.addEventListener("click", () => finishReplay?.());

  function play(run: RunView) {
    const result: ExecutionResult = run.result;
    const events = result.events;
    const delays = replayDelays(events);
    const start = Date.parse(events[0]?.timestamp ?? result.startDate);
    let index = 0;
    root.setAttribute("data-replaying", "");
    watchButton.textContent = t.stop;
    skipButton.hidden = false;
    finishReplay = () => {
      stopReplay();
      store.set({ progress: "" });
      showRun(store, run);
    };
    const step = () => {
      index++;
      const prefix = events.slice(0, index);
      const last = prefix.at(-1);
      store.set({
        replay: { events: prefix, model: buildHistoryModel(prefix, []) },
        progress: t.replaying(
          index,
          events.length,
          t.seconds(((last ? Date.parse(last.timestamp) : start) - start) / 1000),
        ),
      });
      if (index >= events.length) finishReplay?.();
      else replayTimer = window.setTimeout(step, delays[index]);
    };
    replayTimer = window.setTimeout(step, 0);
  }

  const element = h("div", { class: "pg-actions" }, runButton, watchButton, skipButton);
  return { element, progress, stopReplay };
}
