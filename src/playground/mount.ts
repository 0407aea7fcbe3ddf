/**
 * The playground island: components around one state store (state.ts). The editor, the toolbar, the run's
 * fields and controls, the result summary and the views (Grafo, Tabela, Eventos, Dados) each render what
 * they select from the store; this module builds the store and lays the components out.
 */
import { h } from "./dom.ts";
import { definitionEditor } from "./components/editor.ts";
import { graphView } from "./components/graph-view.ts";
import { problemsBox, resultSummary, staleNote } from "./components/result-summary.ts";
import { runControls } from "./components/run-controls.ts";
import { runFields } from "./components/run-fields.ts";
import { dataView, eventsView, tableView } from "./components/run-views.ts";
import { tabs } from "./components/tabs.ts";
import { toolbar } from "./components/toolbar.ts";
import { opening, versions } from "./components/versions.ts";
import type { PlaygroundState } from "./share.ts";
import { clearResult, createPlaygroundStore } from "./state.ts";
import { pick } from "./storage.ts";

export function mountPlayground(root: HTMLElement): void {
  if (root.dataset["ready"]) return;
  const id = root.dataset["playgroundId"] ?? "playground";
  const seed = pick(JSON.parse(root.dataset["seed"] ?? "{}") as PlaygroundState);
  const domId = (suffix: string) => `pg-${id}-${suffix}`;
  const open = opening(id, seed);
  const store = createPlaygroundStore(open.initial);

  const editor = definitionEditor(store);
  const fields = runFields(store, domId);
  const controls = runControls(store, root);
  const { tablist, panels } = tabs(store, domId);
  const graph = graphView(
    store,
    panels.get("graph")!,
    root.querySelector<HTMLElement>("figure.workflow-graph"),
    seed.definition,
    domId,
  );
  tableView(store, panels.get("table")!);
  eventsView(store, panels.get("events")!);
  dataView(store, panels.get("data")!, domId);
  // Subscribed after the fields settled the scenario: opening the page saves nothing.
  const { toolbarButtons, banner, savedNote } = versions(store, root, open, (state) => {
    controls.stopReplay();
    clearResult(store);
    store.set({ document: pick(state) });
    fields.fillScenarios(state.testCase);
    graph.redraw();
    editor.lint();
  });
  const bar = toolbar(store, id, domId, toolbarButtons);
  if (open.saved || open.shared || open.initial.format !== seed.format) graph.redraw();

  root.querySelector("[data-pg-fallback-note]")?.remove();
  root.append(
    h(
      "div",
      { class: "pg-ui" },
      bar.element,
      banner,
      bar.notice,
      bar.shareField,
      editor.element,
      editor.tips,
      savedNote,
      fields.element,
      controls.element,
      controls.progress,
      problemsBox(store, (field, label, from, to) =>
        field === "definition" ? editor.goTo(label, from, to) : fields.goTo(field, label, from, to),
      ),
      staleNote(store),
      resultSummary(store),
      tablist,
      ...panels.values(),
    ),
  );
  root.dataset["ready"] = "true";
}
