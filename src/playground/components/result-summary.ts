/**
 * What the student reads under the run buttons: why a run could not start (located problems with a link
 * into the editor), that the shown result is stale, and the result's summary (status, duration,
 * transitions, output or error, cost).
 */
import { ui } from "../../i18n/pt-BR.ts";
import { h } from "../dom.ts";
import { lessonLinkElement } from "../lesson-links.ts";
import type { Problem } from "../run.ts";
import { isStale, type PlaygroundStore } from "../state.ts";
import { renderSummary } from "../views.ts";

const t = ui.playground;

/** A button that selects a place in the editor, the input or the mock file, and focuses it. */
export type GoTo = (field: Problem["field"], label: string, from: number, to: number) => HTMLElement;

function problemItem(problem: Problem, goTo: GoTo): HTMLElement {
  // The place is said once: a link that selects it in the editor, or plain text when it has no offset.
  const located = problem.line !== undefined && problem.column !== undefined;
  const place = located ? t.problemAt(problem.line!, problem.column!) : "";
  const where =
    problem.from !== undefined
      ? goTo(problem.field, place || t.problemAt(1, 1), problem.from, problem.to ?? problem.from)
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
  return item;
}

export function problemsBox(store: PlaygroundStore, goTo: GoTo): HTMLElement {
  const box = h("div", { class: "pg-problems", hidden: true, role: "alert", "data-pg-problems": "" });
  store.select(
    (state) => state.problems,
    (problems) => {
      box.hidden = problems === undefined;
      if (problems) {
        box.replaceChildren(
          h("strong", {}, t.problemsTitle),
          h("ul", {}, ...problems.map((problem) => problemItem(problem, goTo))),
        );
      }
    },
  );
  return box;
}

/** Says so when the definition, input, scenario or options changed since the shown result's run. */
export function staleNote(store: PlaygroundStore): HTMLElement {
  const note = h("p", { class: "pg-stale", role: "status", hidden: true, "data-pg-stale": "" });
  store.select(isStale, (stale) => {
    note.hidden = !stale;
    note.textContent = stale ? t.stale : "";
  });
  return note;
}

export function resultSummary(store: PlaygroundStore): HTMLElement {
  const box = h("div", { class: "pg-summary-box", "aria-live": "polite", "data-pg-summary": "" });
  store.select(
    (state) => state.run,
    (run) =>
      run
        ? box.replaceChildren(renderSummary(run.result, run.model, run.explanation))
        : box.replaceChildren(),
  );
  return box;
}
