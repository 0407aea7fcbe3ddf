/**
 * The execution views (like the AWS console's execution page): graph decorations, the table with its
 * timeline, the event history and the per-state data-flow inspector. Everything comes from a real engine
 * run: the history's events and the inspections recorded with `inspect: true`.
 */
import type { ExecutionResult, HistoryEvent, StateInspection } from "../../grader/engine/index.ts";
import { formatCount, ui } from "../i18n/pt-BR.ts";
import { append, h, pretty, svgElement } from "./dom.ts";
import { detailsOf, type GraphStatus, type HistoryModel, type Visit } from "./history.ts";
import { estimateCost, formatUsd, PRICING_SOURCE_URL } from "./pricing.ts";

const t = ui.playground;

const seconds = (ms: number) => t.seconds(ms / 1000);

/** The last segment of a graph node id: `wf/P[0]/A` → `A`; markers → `#start` / `#end`. */
function nodeKey(id: string): string {
  if (id.endsWith("#start")) return "#start";
  if (id.endsWith("#end")) return "#end";
  return id.slice(id.lastIndexOf("/") + 1);
}

/** Marks visited / failed / caught / running states, retry counts and the transitions taken. */
export function decorateGraph(svg: SVGSVGElement | null, status: GraphStatus | undefined): void {
  if (!svg) return;
  svg.classList.toggle("pg-has-run", status !== undefined);
  // After a failed run the path is drawn, but not in success green, and its end (if any) as failed.
  const failed = status?.outcome === "failed";
  svg.classList.toggle("pg-run-failed", failed);
  for (const badge of svg.querySelectorAll(".pg-badge")) badge.remove();
  for (const group of svg.querySelectorAll<SVGGElement>("g.wf-state")) {
    group.classList.remove(
      "pg-succeeded",
      "pg-failed",
      "pg-caught",
      "pg-running",
      "pg-aborted",
      "pg-visited",
    );
    group.removeAttribute("data-status");
    group.removeAttribute("data-retries");
    const summary = status?.states.get(group.getAttribute("data-state") ?? "");
    if (!summary) continue;
    group.classList.add("pg-visited", `pg-${summary.status}`);
    group.setAttribute("data-status", summary.status);
    group.setAttribute("data-retries", String(summary.retries));
    if (summary.retries > 0) {
      const box = group.querySelector(":scope > rect");
      const x = Number(box?.getAttribute("x") ?? 0) + Number(box?.getAttribute("width") ?? 0);
      const y = Number(box?.getAttribute("y") ?? 0);
      const badge = svgElement("g", { class: "pg-badge" });
      const title = svgElement("title");
      title.textContent = t.retries(summary.retries);
      badge.append(
        title,
        svgElement("rect", { x: x - 34, y: y - 10, width: 40, height: 20, rx: 10 }),
        Object.assign(svgElement("text", { x: x - 14, y: y + 4, "text-anchor": "middle" }), {
          textContent: t.retryBadge(summary.retries),
        }),
      );
      group.append(badge);
    }
  }
  for (const group of svg.querySelectorAll<SVGGElement>("g.wf-edge, g.wf-label")) {
    const key = `${nodeKey(group.getAttribute("data-from") ?? "")}→${nodeKey(group.getAttribute("data-to") ?? "")}`;
    const taken = status?.edges.has(key) ?? false;
    group.classList.toggle("pg-taken", taken);
    group.classList.toggle("pg-failed", taken && failed && key.endsWith("→#end"));
  }
  for (const marker of svg.querySelectorAll<SVGGElement>("g.wf-marker")) {
    const kind = marker.getAttribute("data-marker");
    const reached =
      status !== undefined &&
      [...status.edges].some((edge) =>
        kind === "start" ? edge.startsWith("#start→") : edge.endsWith("→#end"),
      );
    marker.classList.toggle("pg-taken", reached);
    marker.classList.toggle("pg-failed", reached && failed && kind === "end");
  }
}

/** States shown at each end of a long path ("A → B → … → Y → Z (12.499 passos)"). */
const PATH_ENDS = 5;

/**
 * Text for screen readers (and everyone): the top-level path taken; a long one (a loop) keeps its first and
 * last states and says how many there were.
 */
export function describePath(model: HistoryModel): string {
  const names = model.visits.filter((visit) => visit.depth === 0).map((visit) => visit.stateName);
  if (names.length <= PATH_ENDS * 2 + 2) return names.join(" → ");
  const shown = [...names.slice(0, PATH_ENDS), "…", ...names.slice(-PATH_ENDS)];
  return `${shown.join(" → ")} ${t.pathSteps(names.length)}`;
}

function statusLabel(visit: Visit): string {
  return t.visitStatus[visit.status];
}

/** Rows drawn at most in the table and the event list: a runaway loop has tens of thousands. */
export const MAX_ROWS = 400;

/** Table of state visits with a timeline: duration bars, attempts, retry backoff gaps, parallel overlap. */
export function renderTable(model: HistoryModel): HTMLElement {
  const total = Math.max(model.duration, 1);
  const pct = (ms: number) => `${Math.min(100, (ms / total) * 100).toFixed(3)}%`;
  const body = h("tbody");
  for (const visit of model.visits.slice(0, MAX_ROWS)) {
    const track = h("div", {
      class: "pg-track",
      role: "img",
      "aria-label": `${visit.stateName}: ${seconds(visit.start)} – ${seconds(visit.end)}`,
    });
    const bar = h("span", { class: `pg-bar pg-bar-${visit.status}` });
    bar.style.left = pct(visit.start);
    bar.style.width = `max(3px, ${pct(visit.end - visit.start)})`;
    track.append(bar);
    visit.attempts.forEach((attempt, index) => {
      const span = h("span", {
        class: `pg-attempt pg-attempt-${attempt.outcome}`,
        title: t.timelineAttempt(
          index + 1,
          attempt.outcome === "failed"
            ? `${t.visitStatus.failed} (${attempt.error ?? ""})`
            : t.visitStatus.succeeded,
          seconds(attempt.start),
          seconds(attempt.end),
        ),
      });
      span.style.left = pct(attempt.start);
      span.style.width = `max(4px, ${pct(attempt.end - attempt.start)})`;
      track.append(span);
    });
    for (const gap of visit.gaps) {
      const span = h(
        "span",
        {
          class: "pg-gap",
          title: t.timelineGap(seconds(gap.end - gap.start)),
          "data-gap-seconds": String((gap.end - gap.start) / 1000),
        },
        h("span", { class: "pg-gap-label" }, seconds(gap.end - gap.start)),
      );
      span.style.left = pct(gap.start);
      span.style.width = pct(gap.end - gap.start);
      track.append(span);
    }
    const name = h(
      "th",
      { scope: "row", class: "pg-state-name" },
      visit.stateName,
      h("span", { class: "pg-state-type" }, visit.stateType),
    );
    name.style.paddingInlineStart = `${0.5 + visit.depth * 1}rem`;
    body.append(
      h(
        "tr",
        { "data-state": visit.stateName, "data-status": visit.status },
        name,
        h("td", {}, h("span", { class: `pg-pill pg-pill-${visit.status}` }, statusLabel(visit))),
        h("td", { class: "pg-num", "data-label": t.tableStart }, seconds(visit.start)),
        h("td", { class: "pg-num", "data-label": t.tableDuration }, seconds(visit.end - visit.start)),
        h(
          "td",
          { class: "pg-num", "data-label": t.tableAttempts, "data-attempts": String(visit.attempts.length) },
          visit.attempts.length === 0 ? "–" : String(visit.attempts.length),
        ),
        h("td", { class: "pg-col-timeline" }, track),
      ),
    );
  }
  return h(
    "div",
    { class: "pg-scroll" },
    model.visits.length > MAX_ROWS
      ? h("p", { "data-pg-truncated": "table" }, t.tableTruncated(MAX_ROWS, model.visits.length))
      : null,
    h(
      "p",
      { class: "pg-timeline-axis", "aria-hidden": "true" },
      h("span", {}, t.tableTimeline),
      h("span", {}, t.timelineAxis(seconds(model.duration))),
    ),
    h(
      "table",
      { class: "pg-table pg-visits" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, t.tableState),
          h("th", { scope: "col" }, t.tableStatus),
          h("th", { scope: "col" }, t.tableStart),
          h("th", { scope: "col" }, t.tableDuration),
          h("th", { scope: "col" }, t.tableAttempts),
          h(
            "th",
            { scope: "col", class: "pg-col-timeline" },
            `${t.tableTimeline} (${t.timelineAxis(seconds(model.duration))})`,
          ),
        ),
      ),
      body,
    ),
  );
}

/** A short summary of an event's details: the state name, or the error. */
function eventSummary(event: HistoryEvent): string {
  const details = detailsOf(event);
  if (!details) return "";
  for (const key of ["name", "error", "resource"]) {
    if (typeof details[key] === "string") return String(details[key]);
  }
  return "";
}

/** JSON strings inside event details (input, output, parameters) shown parsed. */
function expandDetails(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === "string" && /^[[{"]/.test(value)) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // not JSON: shown as is
      }
    }
    out[key] = value;
  }
  return out;
}

/** The AWS-named history: id, type, virtual timestamp, expandable details. */
export function renderEvents(events: readonly HistoryEvent[], startTime: number): HTMLElement {
  const body = h("tbody");
  for (const event of events.slice(0, MAX_ROWS)) {
    const details = detailsOf(event);
    const offset = Date.parse(event.timestamp) - startTime;
    const failed = /(Failed|TimedOut|Aborted)$/.test(event.type);
    body.append(
      h(
        "tr",
        { "data-event-type": event.type, class: failed ? "pg-event-failed" : undefined },
        h("td", { class: "pg-num" }, String(event.id)),
        h("td", {}, h("code", {}, event.type)),
        h(
          "td",
          { class: "pg-num" },
          h("time", { datetime: event.timestamp, title: event.timestamp }, `+${seconds(offset)}`),
        ),
        h(
          "td",
          { class: "pg-event-details" },
          details
            ? h(
                "details",
                {},
                h("summary", {}, eventSummary(event) || t.eventsDetails),
                h("pre", { class: "pg-json" }, pretty(expandDetails(details))),
              )
            : null,
        ),
      ),
    );
  }
  return h(
    "div",
    { class: "pg-scroll" },
    events.length > MAX_ROWS
      ? h("p", { "data-pg-truncated": "events" }, t.eventsTruncated(MAX_ROWS, events.length))
      : null,
    h(
      "table",
      { class: "pg-table pg-events" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, t.eventsId),
          h("th", { scope: "col" }, t.eventsType),
          h("th", { scope: "col" }, t.eventsTime),
          h("th", { scope: "col" }, t.eventsDetails),
        ),
      ),
      body,
    ),
  );
}

const JSONPATH_STAGES = [
  "input",
  "afterInputPath",
  "afterParameters",
  "afterItemsPath",
  "afterItemSelector",
  "result",
  "afterResultSelector",
  "afterResultPath",
  "output",
] as const;
const JSONATA_STAGES = [
  "input",
  "afterArguments",
  "afterItemsPath",
  "result",
  "output",
  "assignedVariables",
  "variables",
] as const;

/** One visit's data flow, stage by stage, with its attempts and errorDetails. */
export function renderInspection(inspection: StateInspection): HTMLElement {
  const list = h("dl", { class: "pg-stages" });
  const jsonata = inspection.queryLanguage === "JSONata";
  const stages: readonly string[] = jsonata ? JSONATA_STAGES : JSONPATH_STAGES;
  const record = inspection as unknown as Record<string, unknown>;
  for (const stage of stages) {
    if (!(stage in record)) {
      if (
        stage === "afterItemsPath" ||
        stage === "afterItemSelector" ||
        stage.endsWith("Variables") ||
        stage === "variables"
      )
        continue;
    }
    const label = stage === "output" && jsonata ? t.dataStages["outputJsonata"] : t.dataStages[stage];
    append(
      list,
      h("dt", {}, label ?? stage),
      h(
        "dd",
        { "data-stage": stage },
        stage in record
          ? h("pre", { class: "pg-json" }, pretty(record[stage]))
          : h("span", { class: "pg-muted" }, t.dataAbsent),
      ),
    );
  }
  const section = h("div", { class: "pg-inspection", "data-inspection": inspection.stateName }, list);
  if (inspection.nextState) append(section, h("p", {}, t.dataNext(inspection.nextState)));
  if (inspection.attempts.some((attempt) => attempt.error !== undefined)) {
    const items = h("ol", { class: "pg-attempts" });
    inspection.attempts.forEach((attempt, index) => {
      append(
        items,
        h(
          "li",
          {},
          `${t.dataAttempt(index + 1)}: `,
          attempt.error ? h("code", {}, attempt.error) : t.visitStatus.succeeded,
          attempt.cause ? ` — ${attempt.cause}` : "",
          attempt.retryBackoffIntervalSeconds !== undefined
            ? ` (${t.dataBackoff(attempt.retryBackoffIntervalSeconds)})`
            : "",
        ),
      );
    });
    append(section, h("h4", {}, t.dataAttempts), items);
  }
  if (inspection.errorDetails || inspection.error) {
    append(
      section,
      h("h4", {}, t.dataErrorDetails),
      h(
        "pre",
        { class: "pg-json" },
        pretty({
          ...(inspection.error ? { error: inspection.error, cause: inspection.cause } : {}),
          ...(inspection.errorDetails ?? {}),
        }),
      ),
    );
  }
  return section;
}

function errorHelp(text: string | undefined): HTMLElement | null {
  return text
    ? h(
        "p",
        { class: "pg-error-help", "data-pg-error-help": "" },
        h("strong", {}, `${t.errorHelpLabel}: `),
        text,
      )
    : null;
}

/**
 * Status, duration, transitions, output or error (with its pt-BR `explanation`, from known-errors.ts), and
 * the cost estimate.
 */
export function renderSummary(
  result: ExecutionResult,
  model: HistoryModel,
  explanation?: string,
): HTMLElement {
  const durationMs = result.stopDate
    ? Date.parse(result.stopDate) - Date.parse(result.startDate)
    : model.duration;
  const cost = estimateCost(result.stateTransitions, durationMs);
  const failed = result.status !== "SUCCEEDED";
  return h(
    "div",
    { class: `pg-summary pg-summary-${failed ? "failed" : "succeeded"}` },
    h(
      "dl",
      { class: "pg-facts" },
      h(
        "div",
        {},
        h("dt", {}, t.summaryStatus),
        h("dd", { "data-pg-result-status": result.status }, t.status[result.status] ?? result.status),
      ),
      h("div", {}, h("dt", {}, t.summaryDuration), h("dd", {}, seconds(durationMs))),
      h(
        "div",
        {},
        h("dt", {}, t.summaryTransitions),
        h("dd", { "data-pg-transitions": "" }, formatCount(result.stateTransitions)),
      ),
    ),
    h("p", { class: "pg-path", "data-pg-path": "" }, describePath(model)),
    failed
      ? h(
          "div",
          {},
          h("strong", {}, `${t.summaryError}: `),
          h("code", {}, result.error ?? ""),
          result.cause ? h("pre", { class: "pg-json" }, result.cause) : null,
          errorHelp(explanation),
        )
      : h(
          "details",
          { open: true },
          h("summary", {}, t.summaryOutput),
          h("pre", { class: "pg-json" }, pretty(result.output)),
        ),
    h(
      "div",
      { class: "pg-cost", "data-pg-cost": "" },
      h("strong", {}, t.costTitle),
      h(
        "ul",
        {},
        h(
          "li",
          { "data-cost": "standard" },
          `${t.costStandard(result.stateTransitions)} = `,
          h("strong", {}, formatUsd(cost.standard)),
        ),
        h(
          "li",
          { "data-cost": "express" },
          `${t.costExpress(cost.billedMs)} = `,
          h("strong", {}, formatUsd(cost.express)),
        ),
      ),
      h(
        "p",
        { class: "pg-muted" },
        t.costNote,
        " ",
        h("a", { href: PRICING_SOURCE_URL, rel: "noopener" }, t.costSource),
        ".",
      ),
    ),
  );
}
