/**
 * The GradingReport as JSON: what `--compare` reads back after a regrade. `partitura grade --format json`
 * adds the class view as `summary` (histogram, checks, common mistakes, what to re-teach, similarity).
 */
import type { GradingReport } from "../grading/result-model.ts";

export function formatJson(report: GradingReport, summary?: unknown): string {
  return JSON.stringify(summary === undefined ? report : { ...report, summary }, null, 2) + "\n";
}
