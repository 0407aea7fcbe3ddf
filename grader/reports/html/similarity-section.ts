/** The class report's similarity section: each flagged pair with its score and the evidence side by side. */
import type { SimilarityReport } from "../../similarity/index.ts";
import { escapeHtml, formatNumber } from "./escape.ts";
import { similarityHtmlMessages as m } from "./messages.ts";

export function similaritySection(report: SimilarityReport): string {
  const parts = [
    `<section id="semelhanca"><h2>${m.heading}</h2>`,
    `<p class="muted">${escapeHtml(m.intro(report.threshold, report.minShared, report.submissions, report.candidates))}</p>`,
  ];
  if (report.pairs.length === 0) parts.push(`<p>${m.none}</p>`);
  report.pairs.forEach((pair, index) => {
    const tags = [pair.identical ? m.identical : "", pair.sameShape ? m.sameShape : ""].filter(Boolean);
    parts.push(
      `<article class="group" id="par-${index + 1}"><h3>${escapeHtml(pair.a)} × ${escapeHtml(pair.b)} — ` +
        `<span class="score">${formatNumber(Math.round(pair.score * 100))} %</span></h3>`,
      `<p>${tags.map((tag) => `<span class="tag">${tag}</span>`).join("")}${escapeHtml(m.counts(pair.shared, pair.onlyA, pair.onlyB, pair.a, pair.b))}</p>`,
      `<table class="evidence"><thead><tr><th>${m.feature}</th><th>${escapeHtml(pair.a)}</th><th>${escapeHtml(pair.b)}</th></tr></thead><tbody>`,
      ...pair.evidence.map(
        (item) =>
          `<tr><td>${escapeHtml(item.feature)}</td><td>${escapeHtml(item.a)}</td><td>${escapeHtml(item.b)}</td></tr>`,
      ),
      `</tbody></table></article>`,
    );
  });
  parts.push(`</section>`);
  return parts.join("\n");
}
