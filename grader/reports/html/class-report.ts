/**
 * The class report as one self-contained HTML file (`partitura grade … --format html`): inline CSS and
 * inline SVG only, no script, no external resource (a Content-Security-Policy that allows none), so it
 * opens from disk, offline, and can be mailed or archived as is. Browser-safe string building.
 */
import { renderWorkflow } from "../../graph/index.ts";
import type { GradingReport } from "../../grading/result-model.ts";
import type { CheckTally, ClassSummary, LessonSection, MistakeGroup } from "../class-summary/summary.ts";
import { histogramSvg, passBar } from "./charts.ts";
import { escapeHtml, formatNumber } from "./escape.ts";
import { htmlMessages as m } from "./messages.ts";
import { REPORT_STYLE } from "./style.ts";

export interface ClassReportOptions {
  /** The lesson page of a section slug (absolute or relative URL), when the course site is known. */
  readonly lessonHref?: (section: LessonSection) => string | undefined;
  /** The definition each group's representative submitted, by student + "\u0000" + file. */
  readonly definitions?: ReadonlyMap<string, unknown>;
  /** Extra sections (e.g. similarity), already HTML, appended before the footer. */
  readonly extraSections?: readonly string[];
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function sectionLink(section: LessonSection, options: ClassReportOptions): string {
  const href = options.lessonHref?.(section);
  const title = escapeHtml(section.title);
  return href ? `<a href="${escapeHtml(href)}">${title}</a>` : title;
}

function overview(report: GradingReport, summary: ClassSummary): string {
  const s = m.stats;
  const stat = (label: string, value: string) =>
    `<div class="stat"><span class="muted">${label}</span><b>${value}</b></div>`;
  return [
    `<section id="visao-geral"><h2>${m.overview}</h2>`,
    `<p class="muted">${report.includesHidden ? m.hiddenIncluded : m.hiddenExcluded}</p>`,
    `<div class="stats">`,
    stat(s.submissions, formatNumber(summary.submissions)),
    stat(s.graded, formatNumber(summary.graded)),
    stat(s.invalid, formatNumber(summary.invalid)),
    stat(s.errors, formatNumber(summary.errors)),
    stat(s.fullMarks, formatNumber(summary.fullMarks)),
    stat(s.mean, `${formatNumber(summary.meanPercent)} %`),
    stat(s.median, `${formatNumber(summary.medianPercent)} %`),
    `</div>`,
    histogramSvg(summary.histogram),
    `</section>`,
  ].join("\n");
}

function checksTable(checks: readonly CheckTally[]): string {
  const c = m.checkColumns;
  const rows = checks.map(
    (tally) =>
      `<tr><td>${escapeHtml(tally.scenario ?? m.staticScenario)}</td><td>${escapeHtml(tally.description)}</td>` +
      `<td class="num">${tally.passed} / ${tally.total}</td><td>${passBar(tally)}</td></tr>`,
  );
  return [
    `<section id="verificacoes"><h2>${m.checksHeading}</h2><p class="muted">${m.checksIntro}</p>`,
    `<table><thead><tr><th>${c.scenario}</th><th>${c.check}</th><th>${c.passed}</th><th>${c.share}</th></tr></thead>`,
    `<tbody>${rows.join("\n")}</tbody></table></section>`,
  ].join("\n");
}

function graphOf(group: MistakeGroup, index: number, options: ClassReportOptions): string {
  const key = `${group.representative.student}\u0000${group.representative.file ?? ""}`;
  const definition = options.definitions?.get(key);
  if (definition === undefined) return `<p class="muted">${m.graphUnavailable}</p>`;
  try {
    const { svg } = renderWorkflow(definition, {
      idPrefix: `grupo-${index}`,
      title: group.representative.student,
    });
    return `<div class="graph">${svg}</div>`;
  } catch {
    return `<p class="muted">${m.graphUnavailable}</p>`;
  }
}

function groupCard(group: MistakeGroup, index: number, options: ClassReportOptions): string {
  const list = (items: readonly string[]) =>
    `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
  const parts = [
    `<article class="group" id="grupo-${index}"><h3>${m.group(index, group.students.length)}</h3>`,
  ];
  if (group.problem) parts.push(`<p>${escapeHtml(group.problem)}</p>`);
  if (group.failedChecks.length)
    parts.push(`<p><b>${m.failedChecks}</b></p>`, list(group.failedChecks.map((c) => c.description)));
  if (group.features.length)
    parts.push(`<p><b>${m.features}</b></p>`, list(group.features.map((f) => f.description)));
  parts.push(
    `<p>${m.lessonLink}: ${group.sections.map((s) => sectionLink(s, options)).join(" · ")}</p>`,
    `<details><summary>${m.students} (${group.students.length})</summary><p>${group.students
      .map((student) => `<span class="tag">${escapeHtml(student)}</span>`)
      .join("")}</p></details>`,
    `<div class="columns"><div><h4>${escapeHtml(m.representative(group.representative.student, group.representative.percent))}</h4>`,
    graphOf(group, index, options),
    `</div><div><h4>${m.feedbackHeading}</h4>`,
    list(group.representative.feedback),
    `</div></div></article>`,
  );
  return parts.join("\n");
}

function mistakes(summary: ClassSummary, options: ClassReportOptions): string {
  const cards = summary.groups.map((group, index) => groupCard(group, index + 1, options));
  return [
    `<section id="erros-comuns"><h2>${m.mistakesHeading}</h2><p class="muted">${m.mistakesIntro}</p>`,
    cards.length ? cards.join("\n") : `<p>${m.noMistakes}</p>`,
    `</section>`,
  ].join("\n");
}

function reteach(summary: ClassSummary, options: ClassReportOptions): string {
  if (summary.reteach.length === 0) return "";
  const items = summary.reteach.map(
    (item) =>
      `<li><b>${sectionLink(item.section, options)}</b> — ${m.reteachItem(item.students)}. ${m.reteachGroups}: ` +
      item.groups.map((index) => `<a href="#grupo-${index + 1}">${index + 1}</a>`).join(", ") +
      `<ul>${item.topics.map((topic) => `<li>${escapeHtml(topic)}</li>`).join("")}</ul></li>`,
  );
  return `<section id="retomar"><h2>${m.reteachHeading}</h2><p class="muted">${m.reteachIntro}</p><ol>${items.join("\n")}</ol></section>`;
}

export function formatClassHtml(
  report: GradingReport,
  summary: ClassSummary,
  options: ClassReportOptions = {},
): string {
  return [
    `<!doctype html>`,
    `<html lang="pt-BR"><head><meta charset="utf-8">`,
    `<meta http-equiv="content-security-policy" content="${CSP}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(m.pageTitle(report.exerciseTitle))}</title>`,
    `<style>${REPORT_STYLE}</style></head><body>`,
    `<header><h1>${m.heading}</h1><p>${escapeHtml(m.exercise(report.exerciseTitle, report.exercise))}</p></header>`,
    `<main>`,
    overview(report, summary),
    reteach(summary, options),
    mistakes(summary, options),
    checksTable(summary.checks),
    ...(options.extraSections ?? []),
    `</main><footer>${m.footer}</footer></body></html>`,
    "",
  ].join("\n");
}
