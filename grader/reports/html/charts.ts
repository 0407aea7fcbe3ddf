/** The report's charts as inline SVG strings: no script, no external file, readable without colour. */
import type { CheckTally, HistogramBucket } from "../class-summary/summary.ts";
import { escapeHtml, formatNumber } from "./escape.ts";
import { htmlMessages as m } from "./messages.ts";

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 16, right: 8, bottom: 36, left: 36 };

export function histogramSvg(buckets: readonly HistogramBucket[]): string {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const barWidth = plotWidth / buckets.length;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img"` +
      ` aria-labelledby="hist-title"><title id="hist-title">${escapeHtml(m.histogramTitle)}</title>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotHeight}" x2="${WIDTH - MARGIN.right}" y2="${MARGIN.top + plotHeight}" class="axis"/>`,
  ];
  buckets.forEach((bucket, index) => {
    const height = (bucket.count / max) * plotHeight;
    const x = MARGIN.left + index * barWidth;
    const y = MARGIN.top + plotHeight - height;
    const label = m.bucketLabel(bucket.from, bucket.to, index === buckets.length - 1);
    parts.push(
      `<g><title>${escapeHtml(m.bucketTitle(label, bucket.count))}</title>` +
        `<rect class="bar" x="${(x + 3).toFixed(1)}" y="${y.toFixed(1)}" width="${(barWidth - 6).toFixed(1)}" height="${height.toFixed(1)}"/>` +
        (bucket.count > 0
          ? `<text class="value" x="${(x + barWidth / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle">${bucket.count}</text>`
          : "") +
        `<text class="tick" x="${(x + barWidth / 2).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${escapeHtml(label)}</text></g>`,
    );
  });
  parts.push(
    `<text class="tick" x="${WIDTH / 2}" y="${HEIGHT - 4}" text-anchor="middle">${escapeHtml(m.histogramAxis)}</text></svg>`,
  );
  return parts.join("");
}

/** One horizontal bar per check: the share of graded submissions that passed it. */
export function passBar(tally: CheckTally): string {
  const share = tally.total === 0 ? 0 : tally.passed / tally.total;
  const width = 200;
  const filled = Math.round(share * width);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="pass-bar" viewBox="0 0 ${width} 14" width="${width}" height="14"` +
    ` role="img" aria-label="${escapeHtml(m.passShare(tally.passed, tally.total))}">` +
    `<rect class="track" x="0" y="0" width="${width}" height="14" rx="3"/>` +
    `<rect class="${share >= 0.7 ? "good" : share >= 0.4 ? "fair" : "poor"}" x="0" y="0" width="${filled}" height="14" rx="3"/></svg>` +
    ` <span class="share">${formatNumber(Math.round(share * 1000) / 10)} %</span>`
  );
}
