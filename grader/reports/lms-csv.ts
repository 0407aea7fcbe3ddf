/**
 * Gradebook files an LMS imports as they are (the detailed `csv` is for people and spreadsheets):
 *
 * - `moodle`: the assignment's offline grading worksheet ("Upload grading worksheet", feedback type
 *   "Offline grading worksheet"). Moodle finds its columns by header text — the strings of its language
 *   pack, here English: `Identifier` ("Participant N", N the participant id of the download's
 *   `Nome_N_assignsubmission_file_` folders), `Grade`, `Last modified (grade)`, and `Feedback comments` when
 *   feedback comments are on (mod/assign/feedback/offline/importgradeslib.php; lang/en/assign.php). The
 *   modified column is left empty (reports carry no clock): tick "Allow updating records that have been
 *   modified more recently in Moodle than in the spreadsheet" when uploading.
 * - `canvas`: Canvas's gradebook import: `Student`, `ID` (the user id of the download's
 *   `nome_ID_anexo_arquivo` names), `SIS User ID`, `SIS Login ID`, `Section`, then one column per
 *   assignment (Canvas guides, "How do I import grades in the Gradebook?": a student is matched by ID or
 *   SIS id). Name the last column as in Canvas's own export ("Título (id)") to update an existing assignment.
 *
 * Both give the score after any late penalty. Browser-safe.
 */
import type { GradingReport, SubmissionResult } from "../grading/result-model.ts";
import { lateNote } from "./table.ts";
import { csvDocument } from "./text.ts";

function feedback(submission: SubmissionResult): string {
  const failed = [
    ...submission.staticChecks,
    ...submission.scenarios.flatMap((scenario) => scenario.checks),
  ].filter((check) => check.status !== "passed");
  return [
    `${submission.percent} %`,
    submission.reason ?? "",
    lateNote(submission),
    ...failed.map((check) => check.message),
  ]
    .filter(Boolean)
    .join(" | ");
}

export function formatMoodleWorksheet(report: GradingReport): string {
  const rows: (string | number)[][] = [
    ["Identifier", "Full name", "Grade", "Maximum Grade", "Last modified (grade)", "Feedback comments"],
  ];
  for (const submission of report.submissions)
    rows.push([
      submission.lms?.kind === "moodle" ? `Participant ${submission.lms.id}` : "",
      submission.student,
      submission.points,
      submission.maxPoints,
      "",
      feedback(submission),
    ]);
  return csvDocument(rows);
}

export function formatCanvasGradebook(report: GradingReport): string {
  const rows: (string | number)[][] = [
    ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", report.exerciseTitle],
  ];
  for (const submission of report.submissions)
    rows.push([
      submission.student,
      submission.lms?.kind === "canvas" ? submission.lms.id : "",
      "",
      "",
      "",
      submission.points,
    ]);
  return csvDocument(rows);
}
