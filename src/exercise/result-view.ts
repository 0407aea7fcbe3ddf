/**
 * Renders a SubmissionResult (the grader's one result model) for the student (browser). Everything the CLI
 * puts in its JSON for a public grading is shown — score, located diagnostics, each static check and each
 * public scenario's checks with points and pt-BR feedback — and carried in data-* attributes, so a test can
 * compare the page with `partitura grade --format json`. Text goes in with textContent only.
 */
import type { CheckResult, ScenarioResult, SubmissionResult } from "../../grader/grading/index.ts";
import { exerciseUi as t } from "../i18n/pt-BR-exercicios.ts";

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { className?: string; text?: string; data?: Record<string, string | number | undefined> } = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [key, value] of Object.entries(options.data ?? {})) {
    if (value !== undefined) node.dataset[key] = String(value);
  }
  node.append(...children);
  return node;
}

let groupCounter = 0;

function checkItem(check: CheckResult): HTMLLIElement {
  const symbol = check.status === "passed" ? "✓" : check.status === "failed" ? "✗" : "!";
  return element(
    "li",
    {
      className: `px-check is-${check.status}`,
      data: { checkId: check.id, status: check.status, points: check.points, maxPoints: check.maxPoints },
    },
    [
      element("p", { className: "px-check-head" }, [
        element("span", { className: "px-check-status", text: `${symbol} ${t.checkStatus(check.status)}` }),
        " ",
        element("span", {
          className: "px-check-description",
          text: check.description,
          data: { description: "" },
        }),
        " ",
        element("span", {
          className: "px-points",
          text: t.points(check.points, check.maxPoints),
          data: { pointsText: "" },
        }),
      ]),
      element("p", { className: "px-check-message", text: check.message, data: { message: "" } }),
    ],
  );
}

function group(
  heading: string,
  points: number,
  maxPoints: number,
  checks: readonly CheckResult[],
  data: Record<string, string | number | undefined>,
  extra: Node[] = [],
  prefix = "",
): HTMLElement {
  const id = `px-grupo-${++groupCounter}`;
  const failed = checks.filter((check) => check.status !== "passed").length;
  const section = element("section", { className: "px-group", data }, [
    element("h3", { className: "px-group-heading" }, [
      prefix,
      element("span", { text: heading, data: { title: "" } }),
      " ",
      element("span", { className: "px-points", text: `— ${t.pointsLong(points, maxPoints)}` }),
    ]),
    element("p", { className: "px-group-summary", text: t.failedCount(failed, checks.length) }),
    ...extra,
    element("ul", { className: "px-checks" }, checks.map(checkItem)),
  ]);
  // A named group (not a landmark region: a result has many of them).
  section.setAttribute("role", "group");
  section.setAttribute("aria-labelledby", id);
  section.querySelector("h3")!.id = id;
  return section;
}

function scenarioGroup(scenario: ScenarioResult): HTMLElement {
  const extra: Node[] = [];
  // What went wrong in the run comes first: the state, AWS's error and cause, an explanation.
  if (scenario.problem)
    extra.push(element("p", { className: "px-problem", text: scenario.problem, data: { problem: "" } }));
  if (scenario.execution) {
    const run = scenario.execution;
    // "Execução: Falhou (FAILED) · …": the pt-BR word, then the AWS status the CLI's JSON carries.
    const label = t.executionStatus[run.status];
    extra.push(
      element("p", { className: "px-execution", data: { execution: run.status } }, [
        t.executionLabel,
        ...(label
          ? [label, " (", element("code", { text: run.status }), ")"]
          : [element("code", { text: run.status })]),
        t.executionFacts(run.stateTransitions, run.durationSeconds) +
          (run.error ? t.executionError(run.error) : ""),
      ]),
    );
  }
  return group(
    scenario.title,
    scenario.points,
    scenario.maxPoints,
    scenario.checks,
    {
      scenarioId: scenario.id,
      visibility: scenario.visibility,
      status: scenario.status,
      points: scenario.points,
      maxPoints: scenario.maxPoints,
    },
    extra,
    t.scenarioPrefix,
  );
}

/** Failed checks (static and scenario) of a result. */
export function failedChecks(result: SubmissionResult): number {
  return (
    result.staticChecks.filter((check) => check.status !== "passed").length +
    result.scenarios.reduce(
      (sum, scenario) => sum + scenario.checks.filter((check) => check.status !== "passed").length,
      0,
    )
  );
}

export function renderResult(result: SubmissionResult): HTMLElement {
  const root = element("div", {
    className: `px-result is-${result.status}`,
    data: {
      result: "",
      status: result.status,
      points: result.points,
      maxPoints: result.maxPoints,
      percent: result.percent,
    },
  });
  root.append(
    element("p", {
      className: "px-score",
      text: t.resultSummary(result.points, result.maxPoints, result.percent),
      data: { score: "" },
    }),
  );
  if (result.status !== "graded") {
    root.append(
      element("div", { className: "px-problem" }, [
        element("h3", { text: result.status === "invalid" ? t.invalidHeading : t.errorHeading }),
        element("p", { text: result.reason ?? t.statusLabel[result.status] ?? "", data: { reason: "" } }),
      ]),
    );
  }
  if (result.diagnostics.length > 0) {
    root.append(
      element("h3", { text: t.diagnosticsHeading }),
      element(
        "ul",
        { className: "px-diagnostics", data: { diagnostics: "" } },
        result.diagnostics.map((diagnostic) =>
          element(
            "li",
            {
              className: `px-diagnostic is-${diagnostic.severity}`,
              data: {
                diagnostic: "",
                code: diagnostic.code,
                severity: diagnostic.severity,
                line: diagnostic.line,
                column: diagnostic.column,
              },
            },
            [
              element("span", {
                className: "px-diagnostic-where",
                text: `${t.severity[diagnostic.severity] ?? diagnostic.severity}, ${t.diagnosticAt(diagnostic.line, diagnostic.column)}`,
              }),
              element("span", { text: diagnostic.message, data: { message: "" } }),
            ],
          ),
        ),
      ),
    );
  }
  if (result.staticChecks.length > 0) {
    const points = result.staticChecks.reduce((sum, check) => sum + check.points, 0);
    const max = result.staticChecks.reduce((sum, check) => sum + check.maxPoints, 0);
    root.append(group(t.staticHeading, points, max, result.staticChecks, { group: "static" }));
  }
  for (const scenario of result.scenarios) root.append(scenarioGroup(scenario));
  return root;
}
