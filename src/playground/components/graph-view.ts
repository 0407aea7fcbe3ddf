/**
 * Grafo: the workflow drawn from the editor's definition (redrawn as the student types), decorated with
 * the shown history — the path taken, failed and caught states, retry counts. A click on a visited state
 * opens its last visit in Dados.
 */
import { renderWorkflow } from "../../../grader/graph/index.ts";
import { ui } from "../../i18n/pt-BR.ts";
import { analyze } from "../diagnostics.ts";
import { h } from "../dom.ts";
import { graphStatus } from "../history.ts";
import { shownHistory, type PlaygroundStore } from "../state.ts";
import { decorateGraph } from "../views.ts";

const t = ui.playground;

export interface GraphView {
  /** Draws the editor's definition now (it is otherwise redrawn 300 ms after the last edit). */
  redraw(): void;
}

export function graphView(
  store: PlaygroundStore,
  panel: HTMLElement,
  figure: HTMLElement | null,
  lessonDefinition: string,
  domId: (suffix: string) => string,
): GraphView {
  const canvas = figure?.querySelector<HTMLElement>(".workflow-graph__canvas") ?? h("div");
  const note = h("p", { class: "pg-muted pg-graph-note", "data-pg-graph-note": "" });
  if (figure) panel.append(figure);
  panel.append(note);
  const svgOf = () => canvas.querySelector<SVGSVGElement>("svg");
  const decorate = () => {
    const { replay, run } = store.get();
    const shown = shownHistory(replay, run);
    decorateGraph(svgOf(), shown ? graphStatus(shown.events, shown.model) : undefined);
  };

  let svgId = 0;
  const redraw = () => {
    const { document } = store.get();
    const analysis = analyze(document.definition, { format: document.format, express: document.express });
    // The last graph that could be drawn stays, faded, while the text does not parse.
    const outdated = (message: string) => {
      note.textContent = t.graphError(message);
      canvas.classList.add("pg-outdated");
    };
    if (analysis.definition === undefined) {
      return outdated(analysis.diagnostics[0]?.message ?? t.nothingToRun);
    }
    try {
      const { svg } = renderWorkflow(analysis.definition, { idPrefix: `${domId("svg")}-${svgId++}` });
      canvas.innerHTML = svg;
      canvas.classList.remove("pg-outdated");
      note.textContent = "";
      if (store.get().run) decorate();
    } catch (error) {
      outdated(error instanceof Error ? error.message : String(error));
    }
  };

  // "Gerado a partir de exercises/examples/…" (and the lesson's caption) describe the lesson's text only.
  const caption = figure?.querySelector("figcaption");
  if (caption) {
    store.select(
      (state) => state.document.definition === lessonDefinition,
      (lessons) => (caption.hidden = !lessons),
    );
  }

  let timer: number | undefined;
  store.select(
    (state) => state.document.definition,
    () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(redraw, 300);
    },
    { immediate: false },
  );
  store.select((state) => [state.replay, state.run], decorate);

  canvas.addEventListener("click", (event) => {
    const state = (event.target as Element).closest("g.wf-state")?.getAttribute("data-state");
    const inspections = store.get().run?.result.inspections ?? [];
    if (!state) return;
    const index = inspections.findLastIndex((inspection) => inspection.stateName === state);
    if (index >= 0) store.set({ selectedVisit: index, tab: "data" });
  });
  return { redraw };
}
