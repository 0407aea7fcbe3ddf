/** Quiz reports: terminal table, JSON and CSV gradebook. Pure functions, browser-safe. */
import { alignColumns, csvDocument, formatNumber, oneLine } from "../reports/text.ts";
import { formatPoints, quizMessages as m } from "./messages.ts";
import type { EssayQuestion, Quiz, QuizReport, QuizStudentResult } from "./model.ts";
import { maxChoicePoints } from "./score.ts";

function percent(student: QuizStudentResult): number {
  return student.maxPoints > 0 ? Math.round((student.points / student.maxPoints) * 10000) / 100 : 0;
}

function essays(quiz: Quiz): EssayQuestion[] {
  return quiz.questions.filter((q): q is EssayQuestion => q.type === "essay");
}

export function formatQuizJson(report: QuizReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}

export function formatQuizTable(report: QuizReport, quiz: Quiz): string {
  const choices = quiz.questions.filter((q) => q.type === "multiple-choice");
  const open = essays(quiz);
  const header = [
    m.columns.student,
    ...choices.map((q) => m.question(q.number)),
    m.columns.objective,
    m.columns.percent,
    ...open.map((q) => `${m.columns.essay} ${m.question(q.number)}`),
  ];
  const rows: string[][] = [header];
  for (const student of report.students) {
    const name = oneLine(student.student);
    if (student.status === "invalid") {
      rows.push([name, ...choices.map(() => ""), m.statusInvalid, "", ...open.map(() => "")]);
      continue;
    }
    const cells = student.questions.map((q) => {
      if (q.type === "essay") return q.status === "blank" ? m.blankEssay : m.needsReview;
      if (q.status === "blank") return "—";
      return `${q.given} ${q.status === "correct" ? "✓" : "✗"}`;
    });
    const choiceCells = cells.filter((_, index) => student.questions[index]!.type === "multiple-choice");
    const essayCells = cells.filter((_, index) => student.questions[index]!.type === "essay");
    rows.push([
      name,
      ...choiceCells,
      `${formatPoints(student.points)}/${formatPoints(student.maxPoints)}`,
      formatNumber(percent(student)),
      ...essayCells,
    ]);
  }
  const right = new Set([choices.length + 1, choices.length + 2]);
  const scored = report.students.filter((s) => s.status === "scored");
  const average = scored.length ? scored.reduce((sum, s) => sum + percent(s), 0) / scored.length : 0;
  const lines = [
    m.heading(report.title),
    m.answerKey(choices.map((q) => `${q.number}-${q.answer}`).join(" ")),
    "",
    ...alignColumns(rows, right),
    "",
    m.summary(report.students.length, report.students.length - scored.length, formatNumber(average)),
  ];
  for (const question of open) {
    lines.push("", m.rubricHeading(question.number, question.points));
    for (const criterion of question.rubric)
      lines.push(m.rubricLine(criterion.id, criterion.points, criterion.criterion));
  }
  const invalid = report.students.filter((s) => s.status === "invalid");
  if (invalid.length) {
    lines.push("", `${m.columns.problems}:`);
    for (const student of invalid)
      for (const problem of student.problems) lines.push(`  ${oneLine(problem)}`);
  }
  return lines.join("\n") + "\n";
}

/** One row per student; empty rubric columns for the instructor to fill in the spreadsheet. */
export function formatQuizCsv(report: QuizReport, quiz: Quiz): string {
  const choices = quiz.questions.filter((q) => q.type === "multiple-choice");
  const open = essays(quiz);
  const header = [
    m.columns.student,
    m.columns.source,
    m.columns.status,
    ...choices.map((q) => m.question(q.number)),
    `${m.columns.objective} (máx. ${formatPoints(maxChoicePoints(quiz))})`,
    m.columns.percent,
    ...open.flatMap((q) => [
      `${m.question(q.number)} (${m.columns.essay.toLowerCase()}, máx. ${formatPoints(q.points)})`,
      ...q.rubric.map((criterion) => m.csvRubric(q.number, criterion.id)),
    ]),
    m.columns.problems,
  ];
  const rows: (string | number)[][] = [header];
  for (const student of report.students) {
    const byNumber = new Map(student.questions.map((q) => [q.number, q]));
    rows.push([
      student.student,
      student.source,
      student.status === "scored" ? m.statusScored : m.statusInvalid,
      ...choices.map((q) => {
        const result = byNumber.get(q.number);
        return result?.type === "multiple-choice" ? (result.given ?? "") : "";
      }),
      student.points,
      percent(student),
      ...open.flatMap((q) => {
        const result = byNumber.get(q.number);
        return [result?.type === "essay" ? result.text : "", ...q.rubric.map(() => "")];
      }),
      student.problems.join(" | "),
    ]);
  }
  return csvDocument(rows);
}
