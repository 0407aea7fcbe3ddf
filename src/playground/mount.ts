/**
 * The playground island: CodeMirror 6 editor with the validator's diagnostics, input and scenario, runs on
 * the engine with the virtual clock, "watch it run" playback, the execution views in ARIA tabs, autosave,
 * share links and download. Vanilla TypeScript + DOM.
 */
import { json } from "@codemirror/lang-json";
import { yaml } from "@codemirror/lang-yaml";
import {
  forceLinting,
  linter,
  lintGutter,
  lintKeymap,
  type Diagnostic as CmDiagnostic,
} from "@codemirror/lint";
import { Compartment, EditorSelection } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { ExecutionResult, HistoryEvent, StateInspection } from "../../grader/engine/index.ts";
import { renderWorkflow } from "../graph/index.ts";
import { ui } from "../i18n/pt-BR.ts";
import { analyze, type EditorDiagnostic, type Format } from "./diagnostics.ts";
import { h } from "./dom.ts";
import { buildHistoryModel, graphStatus, replayDelays, type HistoryModel } from "./history.ts";
import type { Problem } from "./run.ts";
import { testCasesOf } from "./scenarios.ts";
import { parseShareHash, shareHash, type PlaygroundState } from "./share.ts";
import * as storage from "./storage.ts";
import { editorSetup } from "./editor-setup.ts";
import { lessonLinkElement, messageWithLessonLink } from "./lesson-links.ts";
import {
  decorateGraph,
  MAX_ROWS,
  renderEvents,
  renderInspection,
  renderSummary,
  renderTable,
} from "./views.ts";

const t = ui.playground;

let runner: Promise<typeof import("./run.ts")> | undefined;
/** The runner and the engine (a separate chunk): loaded once, on demand, not with the page. */
const loadRunner = (): Promise<typeof import("./run.ts")> =>
  (runner ??= import("./run.ts").catch((error: unknown) => {
    runner = undefined;
    throw error;
  }));

interface Seed extends PlaygroundState {
  readonly title: string;
}

type TabName = "graph" | "table" | "events" | "data";
const TABS: readonly [TabName, string][] = [
  ["graph", t.tabGraph],
  ["table", t.tabTable],
  ["events", t.tabEvents],
  ["data", t.tabData],
];

export function mountPlayground(root: HTMLElement): void {
  if (root.dataset["ready"]) return;
  const id = root.dataset["playgroundId"] ?? "playground";
  const seed = JSON.parse(root.dataset["seed"] ?? "{}") as Seed;
  const figure = root.querySelector<HTMLElement>("figure.workflow-graph");
  const canvas = figure?.querySelector<HTMLElement>(".workflow-graph__canvas") ?? h("div");
  const domId = (suffix: string) => `pg-${id}-${suffix}`;

  // ----- state ------------------------------------------------------------------------------------
  const canStore = storage.storageAvailable();
  const saved = canStore ? storage.loadSaved(id) : undefined;
  const shared = parseShareHash(location.hash);
  const sharedHere = shared && shared.id === id ? shared.state : undefined;
  const sharedBroken = location.hash.startsWith(`#playground=${encodeURIComponent(id)}~`) && !sharedHere;
  let initial: PlaygroundState = saved ?? seed;
  let conflict: PlaygroundState | undefined;
  if (sharedHere) {
    if (!saved || storage.sameState(saved, sharedHere)) initial = sharedHere;
    else conflict = sharedHere;
  }
  let format: Format = initial.format;
  let lastResult: { result: ExecutionResult; model: HistoryModel } | undefined;
  /** What the shown result was run with: an edit since then marks the result as stale. */
  let ranWith: PlaygroundState | undefined;
  let replayTimer: number | undefined;

  // ----- controls ---------------------------------------------------------------------------------
  const notice = h("p", { class: "pg-notice", role: "status", "data-pg-notice": "" });
  const savedNote = h("p", { class: "pg-saved pg-muted", "data-pg-saved": "" });
  const banner = h("div", { class: "pg-banner", hidden: true, "data-pg-conflict": "" });
  const formatSelect = h(
    "select",
    { id: domId("format"), "data-pg-format": "" },
    h("option", { value: "json" }, "JSON"),
    h("option", { value: "yaml" }, "YAML"),
  );
  formatSelect.value = format;
  const expressBox = h("input", { type: "checkbox", id: domId("express"), "data-pg-express": "" });
  expressBox.checked = initial.express;
  const downloadButton = h(
    "button",
    { type: "button", class: "pg-button", "data-pg-download": "" },
    t.download,
  );
  const shareButton = h(
    "button",
    { type: "button", class: "pg-button", title: t.shareLabel, "data-pg-share": "" },
    t.share,
  );
  const restoreButton = h("button", { type: "button", class: "pg-button", "data-pg-restore": "" }, t.restore);
  const shareField = h("input", {
    type: "text",
    readonly: true,
    class: "pg-share-field",
    "aria-label": t.shareField,
    hidden: true,
    "data-pg-share-url": "",
  });
  const editorHost = h("div", { class: "pg-editor", "data-pg-editor": "" });
  const inputArea = h("textarea", {
    id: domId("input"),
    class: "pg-textarea",
    rows: "4",
    spellcheck: "false",
    "data-pg-input": "",
  });
  inputArea.value = initial.input;
  const scenarioSelect = h("select", { id: domId("scenario"), "data-pg-scenario": "" });
  const mocksArea = h("textarea", {
    id: domId("mocks"),
    class: "pg-textarea",
    rows: "10",
    spellcheck: "false",
    "aria-describedby": domId("mocks-hint"),
    "data-pg-mocks": "",
  });
  mocksArea.value = initial.mocks;
  const runButton = h("button", { type: "button", class: "pg-button pg-primary", "data-pg-run": "" }, t.run);
  const watchButton = h("button", { type: "button", class: "pg-button", "data-pg-watch": "" }, t.watch);
  const skipButton = h(
    "button",
    { type: "button", class: "pg-button", hidden: true, "data-pg-skip": "" },
    t.skip,
  );
  const progress = h("p", { class: "pg-progress pg-muted", "data-pg-progress": "" });
  const problemsBox = h("div", { class: "pg-problems", hidden: true, role: "alert", "data-pg-problems": "" });
  const summaryBox = h("div", { class: "pg-summary-box", "aria-live": "polite", "data-pg-summary": "" });
  const staleNote = h("p", { class: "pg-stale", role: "status", hidden: true, "data-pg-stale": "" });
  const graphNote = h("p", { class: "pg-muted pg-graph-note", "data-pg-graph-note": "" });
  // The validator's `info` notes (style advice such as "Task sem Retry") are not underlined: the lesson's
  // examples are correct by design. They wait here, collapsed, under the editor.
  const tipsSummary = h("summary", {});
  const tipsList = h("ul", { class: "pg-tips-list" });
  const tipsBox = h(
    "details",
    { class: "pg-tips", hidden: true, "data-pg-tips": "" },
    tipsSummary,
    h("p", { class: "pg-muted" }, t.tipsIntro),
    tipsList,
  );

  // ----- tabs -------------------------------------------------------------------------------------
  const tablist = h("div", { role: "tablist", "aria-label": t.tabs, class: "pg-tablist" });
  const panels = new Map<TabName, HTMLElement>();
  const tabs = new Map<TabName, HTMLButtonElement>();
  for (const [name, label] of TABS) {
    const tab = h(
      "button",
      {
        type: "button",
        role: "tab",
        id: domId(`tab-${name}`),
        "aria-controls": domId(`panel-${name}`),
        "aria-selected": "false",
        tabindex: "-1",
        "data-pg-tab": name,
      },
      label,
    );
    const panel = h("div", {
      role: "tabpanel",
      id: domId(`panel-${name}`),
      "aria-labelledby": domId(`tab-${name}`),
      tabindex: "0",
      hidden: true,
      class: "pg-panel",
      "data-pg-panel": name,
    });
    tabs.set(name, tab);
    panels.set(name, panel);
    tablist.append(tab);
  }
  const selectTab = (name: TabName, focus = false) => {
    for (const [other, tab] of tabs) {
      const selected = other === name;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      panels.get(other)!.hidden = !selected;
      if (selected && focus) tab.focus();
    }
  };
  tablist.addEventListener("click", (event) => {
    const name = (event.target as HTMLElement).closest<HTMLElement>("[data-pg-tab]")?.dataset["pgTab"];
    if (name) selectTab(name as TabName);
  });
  tablist.addEventListener("keydown", (event) => {
    const names = TABS.map(([name]) => name);
    const current = names.findIndex((name) => tabs.get(name)!.getAttribute("aria-selected") === "true");
    let next = -1;
    if (event.key === "ArrowRight") next = (current + 1) % names.length;
    else if (event.key === "ArrowLeft") next = (current - 1 + names.length) % names.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = names.length - 1;
    if (next < 0) return;
    event.preventDefault();
    selectTab(names[next]!, true);
  });

  const graphPanel = panels.get("graph")!;
  if (figure) graphPanel.append(figure);
  graphPanel.append(graphNote);
  for (const name of ["table", "events", "data"] as const) {
    panels.get(name)!.append(h("p", { class: "pg-muted" }, t.notRunYet));
  }
  selectTab("graph");

  // ----- editor -----------------------------------------------------------------------------------
  const language = new Compartment();
  const languageFor = (value: Format) => (value === "yaml" ? yaml() : json());
  /** A button that selects a place in the editor and focuses it. */
  const goTo = (label: string, from: number, to: number) => {
    const button = h("button", { type: "button", class: "pg-link" }, label);
    button.addEventListener("click", () => {
      const length = editor.state.doc.length;
      editor.dispatch({
        selection: EditorSelection.range(Math.min(from, length), Math.min(to, length)),
        scrollIntoView: true,
      });
      editor.focus();
    });
    return button;
  };
  const showTips = (tips: readonly EditorDiagnostic[]) => {
    tipsBox.hidden = tips.length === 0;
    tipsSummary.textContent = t.tips(tips.length);
    tipsList.replaceChildren(
      ...tips.map((tip) =>
        h(
          "li",
          { "data-pg-tip": tip.code },
          goTo(t.problemAt(tip.line, tip.column), tip.from, tip.to),
          `: ${tip.message} `,
          lessonLinkElement(tip.lessonSection),
        ),
      ),
    );
  };
  const aslLinter = linter(
    (view): CmDiagnostic[] => {
      const { diagnostics } = analyze(view.state.doc.toString(), { format, express: expressBox.checked });
      showTips(
        diagnostics
          .filter((diagnostic) => diagnostic.severity === "info")
          .sort((a, b) => a.from - b.from || a.to - b.to),
      );
      return diagnostics
        .filter((diagnostic) => diagnostic.severity !== "info")
        .map((diagnostic) => ({
          from: diagnostic.from,
          to: diagnostic.to,
          severity: diagnostic.severity,
          source: diagnostic.code,
          message: diagnostic.message,
          renderMessage: () => messageWithLessonLink(diagnostic.message, diagnostic.lessonSection),
        }));
    },
    { delay: 250 },
  );
  let graphTimer: number | undefined;
  let saveTimer: number | undefined;
  const editor = new EditorView({
    parent: editorHost,
    doc: initial.definition,
    extensions: [
      editorSetup(),
      language.of(languageFor(format)),
      aslLinter,
      lintGutter(),
      // F8: next problem with its message; Ctrl+Shift+M: the list of problems, links reachable with Tab.
      keymap.of(lintKeymap),
      EditorView.contentAttributes.of({ "aria-label": t.editorLabel }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        window.clearTimeout(graphTimer);
        graphTimer = window.setTimeout(() => redrawGraph(), 300);
        scheduleSave();
        markStale();
      }),
    ],
  });

  const currentState = (): PlaygroundState => ({
    definition: editor.state.doc.toString(),
    format,
    input: inputArea.value,
    mocks: mocksArea.value,
    testCase: scenarioSelect.value,
    express: expressBox.checked,
  });

  const setEditorText = (text: string) =>
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });

  const applyState = (state: PlaygroundState) => {
    stopReplay();
    format = state.format;
    formatSelect.value = format;
    editor.dispatch({ effects: language.reconfigure(languageFor(format)) });
    setEditorText(state.definition);
    inputArea.value = state.input;
    mocksArea.value = state.mocks;
    expressBox.checked = state.express;
    fillScenarios(state.testCase);
    clearResult();
    redrawGraph();
    forceLinting(editor);
  };

  // ----- scenarios --------------------------------------------------------------------------------
  const fillScenarios = (selected: string) => {
    const cases = testCasesOf(mocksArea.value);
    scenarioSelect.replaceChildren(
      h("option", { value: "" }, t.scenarioNone),
      ...cases.map((name) => h("option", { value: name }, name)),
    );
    scenarioSelect.value = cases.includes(selected) ? selected : (cases[0] ?? "");
  };
  fillScenarios(initial.testCase);

  // ----- graph ------------------------------------------------------------------------------------
  let svgId = 0;
  function redrawGraph() {
    const analysis = analyze(editor.state.doc.toString(), { format, express: expressBox.checked });
    if (analysis.definition === undefined) {
      graphNote.textContent = t.graphError(analysis.diagnostics[0]?.message ?? t.nothingToRun);
      return;
    }
    try {
      const { svg } = renderWorkflow(analysis.definition, { idPrefix: `${domId("svg")}-${svgId++}` });
      canvas.innerHTML = svg;
      graphNote.textContent = "";
      if (lastResult) decorateGraph(svgOf(), graphStatus(lastResult.result.events, lastResult.model));
    } catch (error) {
      graphNote.textContent = t.graphError(error instanceof Error ? error.message : String(error));
    }
  }
  const svgOf = () => canvas.querySelector<SVGSVGElement>("svg");
  canvas.addEventListener("click", (event) => {
    const state = (event.target as Element).closest("g.wf-state")?.getAttribute("data-state");
    if (!state || !lastResult) return;
    const inspections = lastResult.result.inspections ?? [];
    const index = inspections.findLastIndex((inspection) => inspection.stateName === state);
    if (index < 0) return;
    showInspection(index);
    selectTab("data");
  });
  if (saved || sharedHere || format !== seed.format) redrawGraph();

  // ----- results ----------------------------------------------------------------------------------
  let inspectionSelect: HTMLSelectElement | undefined;
  const inspectionHost = h("div", { class: "pg-inspection-host" });
  /** "Pagar (visita 3, capturado)": the state's name, which of its visits this is, and how it ended. */
  function visitLabel(inspections: readonly StateInspection[], index: number): string {
    const inspection = inspections[index]!;
    let count = 0;
    for (let i = 0; i <= index; i++) if (inspections[i]!.stateName === inspection.stateName) count++;
    const status =
      inspection.status === "CAUGHT_ERROR"
        ? t.visitStatus.caught
        : inspection.status === "FAILED"
          ? t.visitStatus.failed
          : inspection.status === "ABORTED"
            ? t.visitStatus.aborted
            : t.visitStatus.succeeded;
    return t.dataVisit(inspection.stateName, count, status);
  }
  function showInspection(index: number) {
    const inspections = lastResult?.result.inspections ?? [];
    const inspection = inspections[index];
    if (!inspection) return;
    // Past the listed visits (a long loop), a visit picked on the graph joins the list.
    if (inspectionSelect && !inspectionSelect.querySelector(`option[value="${index}"]`)) {
      inspectionSelect.append(h("option", { value: String(index) }, visitLabel(inspections, index)));
    }
    if (inspectionSelect) inspectionSelect.value = String(index);
    inspectionHost.replaceChildren(renderInspection(inspection));
  }

  /** Says so when the definition, input, scenario or options changed since the shown result's run. */
  function markStale() {
    const stale =
      lastResult !== undefined && ranWith !== undefined && !storage.sameState(ranWith, currentState());
    if (staleNote.hidden === !stale) return;
    staleNote.hidden = !stale;
    staleNote.textContent = stale ? t.stale : "";
  }

  function clearResult() {
    lastResult = undefined;
    ranWith = undefined;
    markStale();
    decorateGraph(svgOf(), undefined);
    summaryBox.replaceChildren();
    problemsBox.hidden = true;
    progress.textContent = "";
    for (const name of ["table", "events", "data"] as const) {
      panels.get(name)!.replaceChildren(h("p", { class: "pg-muted" }, t.notRunYet));
    }
  }

  function showProblems(problems: readonly Problem[]) {
    clearResult();
    problemsBox.hidden = false;
    const list = h("ul");
    for (const problem of problems) {
      // The place is said once: a link that selects it in the editor, or plain text when it has no offset.
      const located = problem.line !== undefined && problem.column !== undefined;
      const place = located ? t.problemAt(problem.line!, problem.column!) : "";
      const where =
        problem.from !== undefined && problem.field === "definition"
          ? goTo(place || t.problemAt(1, 1), problem.from, problem.to ?? problem.from)
          : place;
      const item = h(
        "li",
        { "data-pg-problem": problem.field },
        h("strong", {}, t.problemField[problem.field]),
        where ? " (" : "",
        where,
        where ? "): " : ": ",
        problem.message,
      );
      const lesson = lessonLinkElement(problem.lessonSection);
      if (lesson) item.append(" ", lesson);
      list.append(item);
    }
    problemsBox.replaceChildren(h("strong", {}, t.problemsTitle), list);
  }

  function showResult(
    result: ExecutionResult,
    events: readonly HistoryEvent[] = result.events,
    final = true,
  ) {
    const model = buildHistoryModel(events, final ? (result.inspections ?? []) : []);
    decorateGraph(svgOf(), graphStatus(events, model));
    panels.get("events")!.replaceChildren(renderEvents(events, model.startTime));
    if (!final) return;
    lastResult = { result, model };
    ranWith = runState;
    markStale();
    summaryBox.replaceChildren(renderSummary(result, model, runExplanation));
    panels.get("table")!.replaceChildren(renderTable(model));
    const inspections = result.inspections ?? [];
    if (inspections.length === 0) {
      panels.get("data")!.replaceChildren(h("p", {}, t.dataNone));
      return;
    }
    inspectionSelect = h("select", { id: domId("visit"), "data-pg-visit": "" });
    // Like the Tabela and Eventos views, the list stops at MAX_ROWS visits (a loop can make thousands).
    const listed = Math.min(inspections.length, MAX_ROWS);
    for (let index = 0; index < listed; index++) {
      inspectionSelect.append(h("option", { value: String(index) }, visitLabel(inspections, index)));
    }
    inspectionSelect.addEventListener("change", () => showInspection(Number(inspectionSelect!.value)));
    panels
      .get("data")!
      .replaceChildren(
        h("label", { for: domId("visit"), class: "pg-label" }, t.dataPick),
        inspectionSelect,
        ...(inspections.length > listed
          ? [h("p", { "data-pg-truncated": "data" }, t.dataTruncated(listed, inspections.length))]
          : []),
        inspectionHost,
      );
    showInspection(0);
  }

  /** The state the last run started with (see markStale), and its error's pt-BR explanation. */
  let runState: PlaygroundState | undefined;
  let runExplanation: string | undefined;
  async function execute(): Promise<ExecutionResult | undefined> {
    stopReplay();
    runButton.disabled = true;
    progress.textContent = t.running;
    try {
      const { runPlayground } = await loadRunner();
      runState = currentState();
      const outcome = await runPlayground(runState);
      progress.textContent = "";
      if (outcome.kind === "problems") {
        showProblems(outcome.problems);
        return undefined;
      }
      problemsBox.hidden = true;
      runExplanation = outcome.explanation;
      return outcome.result;
    } finally {
      runButton.disabled = false;
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
    const result = await execute();
    if (result) showResult(result);
  });

  // ----- watch it run -----------------------------------------------------------------------------
  function stopReplay() {
    if (replayTimer !== undefined) window.clearTimeout(replayTimer);
    replayTimer = undefined;
    skipButton.hidden = true;
    watchButton.textContent = t.watch;
    root.removeAttribute("data-replaying");
  }
  let finishReplay: (() => void) | undefined;
  watchButton.addEventListener("click", async () => {
    if (replayTimer !== undefined) {
      finishReplay?.();
      return;
    }
    const result = await execute();
    if (!result) return;
    clearResult();
    selectTab("graph");
    const events = result.events;
    const delays = replayDelays(events);
    const start = Date.parse(events[0]?.timestamp ?? result.startDate);
    let index = 0;
    root.setAttribute("data-replaying", "");
    watchButton.textContent = t.stop;
    skipButton.hidden = false;
    finishReplay = () => {
      stopReplay();
      progress.textContent = "";
      showResult(result);
    };
    const step = () => {
      index++;
      const prefix = events.slice(0, index);
      const last = prefix.at(-1);
      showResult(result, prefix, false);
      progress.textContent = t.replaying(
        index,
        events.length,
        t.seconds(((last ? Date.parse(last.timestamp) : start) - start) / 1000),
      );
      if (index >= events.length) finishReplay?.();
      else replayTimer = window.setTimeout(step, delays[index]);
    };
    replayTimer = window.setTimeout(step, 0);
  });
  skipButton.addEventListener("click", () => finishReplay?.());

  // ----- autosave, restore, share, download --------------------------------------------------------
  const showSaved = (iso: string | undefined) => {
    if (!iso) return;
    savedNote.textContent = t.savedAt(new Date(iso).toLocaleTimeString("pt-BR"));
  };
  const saveNow = () => {
    saveTimer = undefined;
    const state = currentState();
    const current = storage.loadSaved(id);
    // Nothing to save while the text is the lesson's and nothing was saved before.
    if (!current && storage.sameState(state, seed)) return;
    showSaved(storage.save(id, state));
  };
  function scheduleSave() {
    if (!canStore) return;
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(saveNow, 400);
  }
  // Leaving the page (a "Ver na lição" link, say) right after typing keeps the last keystrokes.
  window.addEventListener("pagehide", () => {
    if (saveTimer === undefined) return;
    window.clearTimeout(saveTimer);
    saveNow();
  });
  if (!canStore) savedNote.textContent = t.storageOff;
  else if (saved && !sharedHere) {
    notice.textContent = t.restoredSaved;
    showSaved(saved.savedAt);
  }

  const undoButton = h(
    "button",
    { type: "button", class: "pg-button", hidden: true, "data-pg-undo": "" },
    t.undo,
  );
  /** Replaces the playground's content, keeping the replaced version for "Desfazer". */
  const replaceWith = (state: PlaygroundState, message: string) => {
    const before = currentState();
    if (canStore) storage.saveBackup(id, before);
    applyState(state);
    if (canStore) showSaved(storage.save(id, state));
    notice.textContent = message;
    undoButton.hidden = !canStore;
  };
  undoButton.addEventListener("click", () => {
    const backup = storage.loadBackup(id);
    if (!backup) return;
    replaceWith(backup, t.undone);
    undoButton.hidden = true;
  });
  restoreButton.addEventListener("click", () => replaceWith(seed, t.restored));

  /** Offers a shared version that differs from the saved one: nothing is replaced until the student says so. */
  const offerShared = (shared: PlaygroundState) => {
    const open = h(
      "button",
      { type: "button", class: "pg-button pg-primary", "data-pg-conflict-open": "" },
      t.sharedOpen,
    );
    const keep = h(
      "button",
      { type: "button", class: "pg-button", "data-pg-conflict-keep": "" },
      t.sharedKeep,
    );
    banner.replaceChildren(h("p", {}, t.sharedConflict, " ", t.sharedOpenHint), open, keep);
    banner.hidden = false;
    open.addEventListener("click", () => {
      banner.hidden = true;
      replaceWith(shared, t.sharedLoaded);
    });
    keep.addEventListener("click", () => {
      banner.hidden = true;
      notice.textContent = t.sharedKept;
    });
  };
  if (conflict) offerShared(conflict);
  else if (sharedHere) {
    notice.textContent = t.sharedLoaded;
    if (canStore && !saved) showSaved(storage.save(id, sharedHere));
  } else if (sharedBroken) {
    notice.textContent = t.sharedInvalid;
  }
  if (sharedHere || sharedBroken) queueMicrotask(() => root.scrollIntoView({ block: "start" }));
  // A share link opened on a page that is already open only changes the hash.
  window.addEventListener("hashchange", () => {
    const next = parseShareHash(location.hash);
    if (!next || next.id !== id) {
      if (location.hash.startsWith(`#playground=${encodeURIComponent(id)}~`))
        notice.textContent = t.sharedInvalid;
      return;
    }
    if (storage.sameState(currentState(), next.state)) return;
    const stored = canStore ? storage.loadSaved(id) : undefined;
    if (stored && !storage.sameState(stored, next.state)) offerShared(next.state);
    else replaceWith(next.state, t.sharedLoaded);
    root.scrollIntoView({ block: "start" });
  });

  shareButton.addEventListener("click", async () => {
    const url = `${location.origin}${location.pathname}${location.search}${shareHash(id, currentState())}`;
    shareField.value = url;
    shareField.hidden = false;
    try {
      await navigator.clipboard.writeText(url);
      notice.textContent = t.shareReady;
    } catch {
      notice.textContent = t.shareReadyNoClipboard;
    }
    shareField.select();
  });

  const fileName = () => `${id}.asl.${format === "yaml" ? "yaml" : "json"}`;
  downloadButton.setAttribute("aria-label", t.downloadLabel(fileName()));
  downloadButton.addEventListener("click", () => {
    const blob = new Blob([editor.state.doc.toString()], {
      type: format === "yaml" ? "application/yaml" : "application/json",
    });
    const link = h("a", { href: URL.createObjectURL(blob), download: fileName() });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  formatSelect.addEventListener("change", () => {
    const next = formatSelect.value === "yaml" ? "yaml" : "json";
    const text = editor.state.doc.toString();
    let converted: string | undefined;
    try {
      const value: unknown = format === "yaml" ? parseYaml(text) : JSON.parse(text);
      converted = next === "yaml" ? stringifyYaml(value) : `${JSON.stringify(value, null, 2)}\n`;
    } catch {
      converted = undefined; // unreadable text stays as it is
    }
    format = next;
    editor.dispatch({ effects: language.reconfigure(languageFor(format)) });
    if (converted !== undefined) setEditorText(converted);
    downloadButton.setAttribute("aria-label", t.downloadLabel(fileName()));
    forceLinting(editor);
    scheduleSave();
    markStale();
  });
  expressBox.addEventListener("change", () => {
    forceLinting(editor);
    scheduleSave();
    markStale();
  });
  for (const [field, type] of [
    [inputArea, "input"],
    [scenarioSelect, "change"],
  ] as const) {
    field.addEventListener(type, () => {
      scheduleSave();
      markStale();
    });
  }
  let mocksTimer: number | undefined;
  mocksArea.addEventListener("input", () => {
    window.clearTimeout(mocksTimer);
    mocksTimer = window.setTimeout(() => {
      fillScenarios(scenarioSelect.value);
      markStale();
    }, 300);
    scheduleSave();
    markStale();
  });

  // ----- layout -----------------------------------------------------------------------------------
  const ui_ = h(
    "div",
    { class: "pg-ui" },
    h(
      "div",
      { class: "pg-toolbar" },
      h("label", { for: domId("format"), class: "pg-inline" }, `${t.format} `, formatSelect),
      h(
        "label",
        { for: domId("express"), class: "pg-inline", title: t.expressHint },
        expressBox,
        ` ${t.express}`,
      ),
      h("span", { class: "pg-spacer" }),
      downloadButton,
      shareButton,
      restoreButton,
      undoButton,
    ),
    banner,
    notice,
    shareField,
    editorHost,
    tipsBox,
    savedNote,
    h(
      "div",
      { class: "pg-run" },
      h(
        "div",
        { class: "pg-field" },
        h("label", { for: domId("input"), class: "pg-label" }, t.input),
        inputArea,
      ),
      h(
        "div",
        { class: "pg-field" },
        h("label", { for: domId("scenario"), class: "pg-label" }, t.scenario),
        scenarioSelect,
        h(
          "details",
          { class: "pg-mocks" },
          h("summary", {}, t.mocksSummary),
          h("p", { id: domId("mocks-hint"), class: "pg-muted" }, t.mocksHint),
          h("label", { for: domId("mocks"), class: "pg-label pg-sr-only" }, t.mocksSummary),
          mocksArea,
        ),
      ),
    ),
    h("div", { class: "pg-actions" }, runButton, watchButton, skipButton),
    progress,
    problemsBox,
    staleNote,
    summaryBox,
    tablist,
    ...panels.values(),
  );
  root.querySelector("[data-pg-fallback-note]")?.remove();
  root.append(ui_);
  root.dataset["ready"] = "true";
}
