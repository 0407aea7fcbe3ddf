/**
 * The run's input (JSON) and scenario: a test case of the Step Functions Local mock file, which can be
 * edited under "Editar cenários". Each field is the store's `document` value of the same name.
 */
import { ui } from "../../i18n/pt-BR.ts";
import { h } from "../dom.ts";
import { readScenarios } from "../scenarios.ts";
import { editDocument, type PlaygroundStore } from "../state.ts";

const t = ui.playground;

export interface RunFields {
  readonly element: HTMLElement;
  /** Lists the mock file's test cases, keeping `selected` when it is one of them. */
  fillScenarios(selected: string): void;
  /** A button that selects a place in the input or the mock file and focuses it. */
  goTo(field: "input" | "mocks", label: string, from: number, to: number): HTMLElement;
}

/** A text area bound to a document field: typing writes it, a new value in the store is shown. */
function boundTextArea(
  store: PlaygroundStore,
  field: "input" | "mocks",
  attributes: Record<string, string>,
): HTMLTextAreaElement {
  const area = h("textarea", { class: "pg-textarea", spellcheck: "false", ...attributes });
  store.select(
    (state) => state.document[field],
    (value) => {
      if (area.value !== value) area.value = value;
    },
  );
  area.addEventListener("input", () => editDocument(store, { [field]: area.value }));
  return area;
}

export function runFields(store: PlaygroundStore, domId: (suffix: string) => string): RunFields {
  const inputArea = boundTextArea(store, "input", { id: domId("input"), rows: "4", "data-pg-input": "" });
  const mocksArea = boundTextArea(store, "mocks", {
    id: domId("mocks"),
    rows: "10",
    "aria-describedby": domId("mocks-hint"),
    "data-pg-mocks": "",
  });
  const mocksDetails = h(
    "details",
    { class: "pg-mocks" },
    h("summary", {}, t.mocksSummary),
    h("p", { id: domId("mocks-hint"), class: "pg-muted" }, t.mocksHint),
    h("label", { for: domId("mocks"), class: "pg-label pg-sr-only" }, t.mocksSummary),
    mocksArea,
  );
  const goTo = (field: "input" | "mocks", label: string, from: number, to: number) => {
    const button = h("button", { type: "button", class: "pg-link" }, label);
    button.addEventListener("click", () => {
      const area = field === "input" ? inputArea : mocksArea;
      if (field === "mocks") mocksDetails.open = true;
      area.focus();
      area.setSelectionRange(from, Math.max(from, to));
    });
    return button;
  };
  const scenarioSelect = h("select", { id: domId("scenario"), "data-pg-scenario": "" });
  scenarioSelect.addEventListener("change", () => editDocument(store, { testCase: scenarioSelect.value }));

  // A broken mock file says so here (and opens the file), instead of silently emptying the list.
  const mocksError = h("p", {
    id: domId("mocks-error"),
    class: "pg-field-error",
    role: "status",
    hidden: true,
    "data-pg-mocks-error": "",
  });
  const fillScenarios = (selected: string) => {
    const { cases, problem } = readScenarios(store.get().document.mocks);
    mocksError.hidden = problem === undefined;
    mocksError.replaceChildren();
    if (problem) {
      const located = "line" in problem;
      mocksError.append(
        t.mocksBroken,
        ...(located
          ? [" (", goTo("mocks", t.problemAt(problem.line, problem.column), problem.from, problem.to), ")"]
          : []),
        `: ${problem.message} ${t.mocksBrokenKeep}`,
      );
      mocksDetails.open = true;
      scenarioSelect.setAttribute("aria-describedby", mocksError.id);
    } else {
      scenarioSelect.removeAttribute("aria-describedby");
    }
    if (problem) {
      // The list stays as it was, and keeps the chosen scenario: running then says what is wrong.
      const listed = [...scenarioSelect.options].some((option) => option.value === selected);
      if (scenarioSelect.options.length === 0)
        scenarioSelect.append(h("option", { value: "" }, t.scenarioNone));
      if (!listed && selected !== "") scenarioSelect.append(h("option", { value: selected }, selected));
      scenarioSelect.value = selected;
    } else {
      scenarioSelect.replaceChildren(
        h("option", { value: "" }, t.scenarioNone),
        ...cases.map((name) => h("option", { value: name }, name)),
      );
      scenarioSelect.value = cases.includes(selected) ? selected : (cases[0] ?? "");
    }
    editDocument(store, { testCase: scenarioSelect.value });
  };
  fillScenarios(store.get().document.testCase);

  let mocksTimer: number | undefined;
  mocksArea.addEventListener("input", () => {
    window.clearTimeout(mocksTimer);
    mocksTimer = window.setTimeout(() => fillScenarios(scenarioSelect.value), 300);
  });

  const element = h(
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
      mocksError,
      mocksDetails,
    ),
  );
  return { element, fillScenarios, goTo };
}
