/** Reporters: pure functions GradingReport → text, the same in the CLI and the browser. */
import type { GradingReport } from "../grading/result-model.ts";
import { formatClassroom } from "./classroom.ts";
import { formatCsv } from "./csv.ts";
import { formatGradescope } from "./gradescope.ts";
import { formatJson } from "./json.ts";
import { formatJunit } from "./junit.ts";
import { formatCanvasGradebook, formatMoodleWorksheet } from "./lms-csv.ts";
import { formatTable } from "./table.ts";

export const REPORT_FORMATS = [
  "table",
  "json",
  "csv",
  "moodle",
  "canvas",
  "junit",
  "gradescope",
  "classroom",
] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const reporters: Record<ReportFormat, (report: GradingReport) => string> = {
  table: formatTable,
  json: formatJson,
  csv: formatCsv,
  moodle: formatMoodleWorksheet,
  canvas: formatCanvasGradebook,
  junit: formatJunit,
  gradescope: formatGradescope,
  classroom: formatClassroom,
};

export function formatReport(report: GradingReport, format: ReportFormat): string {
  return reporters[format](report);
}

export {
  formatCanvasGradebook,
  formatClassroom,
  formatCsv,
  formatGradescope,
  formatJson,
  formatJunit,
  formatMoodleWorksheet,
  formatTable,
};
export {
  gradescopeResults,
  GradescopeReportError,
  type GradescopeResults,
  type GradescopeTest,
} from "./gradescope.ts";
export { classroomResults, type ClassroomResults, type ClassroomTest } from "./classroom.ts";
export { reportMessages } from "./messages.ts";
export { compareStudents, csvField, csvDocument } from "./text.ts";
