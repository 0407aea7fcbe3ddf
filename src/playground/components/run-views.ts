/**
 * Tabela, Eventos and Dados: each a function of the run shown (and, for Dados, of the visit selected),
 * re-rendered when those change. Before any run they say so.
 */
import type { StateInspection } from "../../../grader/engine/index.ts";
import { ui } from "../../i18n/pt-BR.ts";
import { h } from "../dom.ts";
import { shownHistory, type PlaygroundStore, type RunView } from "../state.ts";
import { MAX_ROWS, renderEvents, renderInspection, renderTable } from "../views.ts";

const t = ui.playground;

const notRunYet = () => h("p", { class: "pg-muted" }, t.notRunYet);

/** Tabela: one row per state visit, with the timeline. */
export function tableView(store: PlaygroundStore, panel: HTMLElement): void {
  store.select(
    (state) => state.run,
    (run) => panel.replaceChildren(run ? renderTable(run.model) : notRunYet()),
  );
}

/** Eventos: the history so far (it grows while "Ver executando" plays). */
export function eventsView(store: PlaygroundStore, panel: HTMLElement): void {
  store.select(
    (state) => [state.replay, state.run] as const,
    ([replay, run]) => {
      const shown = shownHistory(replay, run);
      panel.replaceChildren(shown ? renderEvents(shown.events, shown.model.startTime) : notRunYet());
    },
  );
}

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

/**
 * Dados: a visit picker and the selected visit's data flow. The picker is built once per run (it keeps the
 * focus while the student moves through it); picking a visit only replaces the inspection.
 */
export function dataView(
  store: PlaygroundStore,
  panel: HTMLElement,
  domId: (suffix: string) => string,
): void {
  let picker: HTMLSelectElement | undefined;
  const inspectionHost = h("div", { class: "pg-inspection-host" });

  const showVisit = (run: RunView | undefined, index: number) => {
    const inspections = run?.result.inspections ?? [];
    const inspection = inspections[index];
    if (!inspection || !picker) return;
    // Past the listed visits (a long loop), a visit picked on the graph joins the list.
    if (!picker.querySelector(`option[value="${index}"]`)) {
      picker.append(h("option", { value: String(index) }, visitLabel(inspections, index)));
    }
    picker.value = String(index);
    inspectionHost.replaceChildren(renderInspection(inspection));
  };

  const showRun = (run: RunView | undefined) => {
    picker = undefined;
    if (!run) return panel.replaceChildren(notRunYet());
    const inspections = run.result.inspections ?? [];
    if (inspections.length === 0) return panel.replaceChildren(h("p", {}, t.dataNone));
    const select = h("select", { id: domId("visit"), "data-pg-visit": "" });
    // Like the Tabela and Eventos views, the list stops at MAX_ROWS visits (a loop can make thousands).
    const listed = Math.min(inspections.length, MAX_ROWS);
    for (let index = 0; index < listed; index++) {
      select.append(h("option", { value: String(index) }, visitLabel(inspections, index)));
    }
    select.addEventListener("change", () => store.set({ selectedVisit: Number(select.value) }));
    picker = select;
    panel.replaceChildren(
      h("label", { for: domId("visit"), class: "pg-label" }, t.dataPick),
      select,
      ...(inspections.length > listed
        ? [h("p", { "data-pg-truncated": "data" }, t.dataTruncated(listed, inspections.length))]
        : []),
      inspectionHost,
    );
    showVisit(run, store.get().selectedVisit);
  };

  store.select((state) => state.run, showRun);
  store.select(
    (state) => state.selectedVisit,
    (index) => showVisit(store.get().run, index),
    { immediate: false },
  );
}
