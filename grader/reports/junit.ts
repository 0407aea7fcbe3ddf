/**
 * JUnit XML, as CI systems and LMS plugins read it: one <testsuite> per student, one <testcase> per
 * check (classname `student.scenario`), <failure> for a failed check and <error> for a submission that
 * could not be graded. No timestamps or durations: the same report gives the same bytes.
 */
import type { CheckResult, GradingReport, SubmissionResult } from "../grading/result-model.ts";
import { reportMessages as m } from "./messages.ts";
import { formatNumber } from "./text.ts";

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates) become U+FFFD. */
function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD");
}

function attr(value: string | number): string {
  return xmlSafe(String(value))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

function body(value: string): string {
  return xmlSafe(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

interface Case {
  readonly classname: string;
  readonly name: string;
  readonly status: "passed" | "failed" | "error";
  readonly message?: string;
  readonly detail?: string;
}

function checkCase(classname: string, check: CheckResult): Case {
  const points = `${formatNumber(check.points)}/${formatNumber(check.maxPoints)}`;
  const name = `${check.id}: ${check.description} (${points})`;
  if (check.status === "passed") return { classname, name, status: "passed" };
  return { classname, name, status: check.status, message: check.message, detail: check.message };
}

function cases(submission: SubmissionResult): Case[] {
  const student = submission.student;
  if (submission.status !== "graded") {
    const detail = [
      submission.reason ?? "",
      ...submission.diagnostics.map((d) => m.diagnosticAt(d.line, d.column, d.message)),
    ]
      .filter(Boolean)
      .join("\n");
    return [
      {
        classname: student,
        name: m.junitSubmission,
        status: "error",
        message:
          submission.reason ?? submission.diagnostics[0]?.message ?? m.submissionStatus[submission.status],
        detail,
      },
    ];
  }
  return [
    ...submission.staticChecks.map((check) => checkCase(`${student}.${m.junitStatic}`, check)),
    ...submission.scenarios.flatMap((scenario) =>
      scenario.checks.map((check) => checkCase(`${student}.${scenario.id}`, check)),
    ),
  ];
}

export function formatJunit(report: GradingReport): string {
  const suites = report.submissions.map((submission) => ({ submission, cases: cases(submission) }));
  const total = (status: Case["status"]) =>
    suites.reduce((sum, suite) => sum + suite.cases.filter((c) => c.status === status).length, 0);
  const tests = suites.reduce((sum, suite) => sum + suite.cases.length, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(m.junitSuites(report.exercise))}" tests="${tests}" failures="${total("failed")}" errors="${total("error")}">`,
  ];
  for (const { submission, cases: list } of suites) {
    const failures = list.filter((c) => c.status === "failed").length;
    const errors = list.filter((c) => c.status === "error").length;
    lines.push(
      `  <testsuite name="${attr(submission.student)}" tests="${list.length}" failures="${failures}" errors="${errors}" skipped="0">`,
      "    <properties>",
      `      <property name="exercicio" value="${attr(report.exercise)}"/>`,
      `      <property name="situacao" value="${attr(m.submissionStatus[submission.status])}"/>`,
      `      <property name="pontos" value="${attr(submission.points)}"/>`,
      `      <property name="maximo" value="${attr(submission.maxPoints)}"/>`,
      `      <property name="percentual" value="${attr(submission.percent)}"/>`,
      ...(submission.file ? [`      <property name="arquivo" value="${attr(submission.file)}"/>`] : []),
      "    </properties>",
    );
    for (const c of list) {
      const open = `    <testcase classname="${attr(c.classname)}" name="${attr(c.name)}"`;
      if (c.status === "passed") {
        lines.push(`${open}/>`);
      } else {
        const tag = c.status === "failed" ? "failure" : "error";
        lines.push(
          `${open}>`,
          `      <${tag} message="${attr(c.message ?? "")}" type="${c.status}">${body(c.detail ?? "")}</${tag}>`,
          "    </testcase>",
        );
      }
    }
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return lines.join("\n") + "\n";
}
