/** The GradingReport as JSON: what `--compare` reads back after a regrade. */
import type { GradingReport } from "../grading/result-model.ts";

export function formatJson(report: GradingReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}
