/**
 * `partitura grade <submissions> --exercise <slug>`: grades a class in parallel, one worker thread per
 * core, each submission isolated (a broken, huge, endless or hostile one becomes that student's error
 * row), and writes the report atomically. Output is deterministic: sorted by student, no timestamps.
 */
import { availableParallelism } from "node:os";
import {
  applyLatePolicy,
  maxPointsOf,
  type Exercise,
  type GradingReport,
  type SubmissionResult,
} from "../grading/index.ts";
import { submissionKey } from "../reports/class-summary/summary.ts";
import {
  formatJson,
  formatReport,
  GradescopeReportError,
  REPORT_FORMATS,
  type ReportFormat,
} from "../reports/index.ts";
import { compareStudents } from "../reports/text.ts";
import { emit } from "./atomic-write.ts";
import { analyseClass, classHtml, DEFAULT_SITE_URL } from "./class-report.ts";
import { parseCommandArgs } from "./command.ts";
import { compareReports, formatComparison, readPreviousReport } from "./compare.ts";
import { loadExerciseForGrading } from "./grade-exercise.ts";
import { gradeMessages as g } from "./grade-messages.ts";
import { WorkerPool, type PoolOutcome } from "./grade-pool.ts";
import type { GradeReply, GradeTask, GradeWorkerData } from "./grade-worker.ts";
import { InputError } from "./load.ts";
import { createProgress } from "./progress.ts";
import { discoverSubmissions, type DiscoveredSubmission } from "./submissions.ts";
import { offsetMinutesOf } from "./zip-times.ts";

export const DEFAULT_TIMEOUT_SECONDS = 10;
/** Formats that need the whole class (and its definitions), not one reporter over the report. */
const CLASS_FORMATS = ["html"] as const;
type ClassFormat = (typeof CLASS_FORMATS)[number];
const WORKER_MEMORY_MB = 512;

export interface GradeRun {
  readonly exercise: Exercise;
  readonly includeHidden: boolean;
  readonly jobs: number;
  readonly timeoutSeconds: number;
  readonly onProgress?: (result: SubmissionResult) => void;
  /** Receives each graded definition (the worker sends them only when this is set). */
  readonly onDefinition?: (result: SubmissionResult, definition: unknown) => void;
}

function errorRow(
  run: GradeRun,
  entry: { student: string; fileName?: string },
  reason: string,
): SubmissionResult {
  return {
    student: entry.student,
    exercise: run.exercise.slug,
    ...(entry.fileName ? { file: entry.fileName } : {}),
    status: "error",
    reason,
    points: 0,
    maxPoints: maxPointsOf(run.exercise, { includeHidden: run.includeHidden }),
    percent: 0,
    diagnostics: [],
    staticChecks: [],
    scenarios: [],
  };
}

function fromOutcome(run: GradeRun, task: GradeTask, outcome: PoolOutcome<GradeReply>): SubmissionResult {
  if (outcome.ok) {
    const { definition, ...value } = outcome.value;
    const result = { ...value, student: task.student, file: task.fileName };
    if (definition !== undefined) run.onDefinition?.(result, definition);
    return result;
  }
  if (outcome.kind === "timeout") return errorRow(run, task, g.timedOut(run.timeoutSeconds));
  if (outcome.message === "out-of-memory") return errorRow(run, task, g.outOfMemory(WORKER_MEMORY_MB));
  return errorRow(run, task, g.graderFailed(outcome.message));
}

/** Grades every discovered submission; error entries pass straight through as error rows. */
export async function gradeAll(
  run: GradeRun,
  discovered: readonly DiscoveredSubmission[],
): Promise<GradingReport> {
  const tasks = discovered.filter((entry) => entry.kind === "file");
  const results: SubmissionResult[] = discovered
    .filter((entry) => entry.kind === "error")
    .map((entry) => errorRow(run, entry, entry.reason));
  results.forEach((result) => run.onProgress?.(result));
  if (tasks.length > 0) {
    const workerData: GradeWorkerData = {
      exercise: run.exercise,
      includeHidden: run.includeHidden,
      withDefinitions: run.onDefinition !== undefined,
    };
    const pool = new WorkerPool<GradeTask, GradeReply>({
      workerUrl: new URL("./grade-worker.ts", import.meta.url),
      workerData,
      size: Math.min(run.jobs, tasks.length),
      timeoutMs: run.timeoutSeconds * 1000,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB },
    });
    try {
      await Promise.all(
        tasks.map(async (entry) => {
          const task: GradeTask = { student: entry.student, fileName: entry.fileName, text: entry.text };
          const graded = applyLatePolicy(
            fromOutcome(run, task, await pool.run(task)),
            run.exercise.latePolicy,
            entry.submitted,
          );
          const result = entry.lms ? { ...graded, lms: entry.lms } : graded;
          run.onProgress?.(result);
          results.push(result);
        }),
      );
    } finally {
      await pool.close();
    }
  }
  results.sort(
    (a, b) => compareStudents(a.student, b.student) || compareStudents(a.file ?? "", b.file ?? ""),
  );
  return {
    exercise: run.exercise.slug,
    exerciseTitle: run.exercise.title,
    includesHidden: run.includeHidden,
    submissions: results,
  };
}

/** setTimeout's limit (2³¹−1 ms), in whole seconds: a longer --timeout would fire at once. */
export const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

function positiveInteger(value: string | undefined, flag: string, fallback: number, max?: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (
    value.trim() === "" ||
    !Number.isFinite(number) ||
    number <= 0 ||
    (flag === "--jobs" && !Number.isInteger(number))
  )
    throw new InputError(g.badNumber(flag, value));
  if (max !== undefined && number > max) throw new InputError(g.numberTooLarge(flag, value, max));
  return number;
}

export async function gradeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    exercise: { type: "string" },
    hidden: { type: "boolean", default: false },
    format: { type: "string", default: "table" },
    out: { type: "string" },
    jobs: { type: "string" },
    compare: { type: "string" },
    student: { type: "string" },
    timeout: { type: "string" },
    site: { type: "string" },
  });
  const source = positionals[0];
  if (!source) throw new InputError(g.missingSubmissions);
  if (positionals.length > 1) throw new InputError(g.extraArguments(positionals.slice(1)));
  if (!values.exercise) throw new InputError(g.missingExercise);
  const format = values.format as ReportFormat | ClassFormat;
  if (!REPORT_FORMATS.includes(format as ReportFormat) && !CLASS_FORMATS.includes(format as ClassFormat))
    throw new InputError(g.badFormat(values.format, [...REPORT_FORMATS, ...CLASS_FORMATS]));
  const wantsClassView = format === "html" || format === "json";
  const definitions = new Map<string, unknown>();
  const jobs = positiveInteger(values.jobs, "--jobs", availableParallelism());
  const timeoutSeconds = positiveInteger(
    values.timeout,
    "--timeout",
    DEFAULT_TIMEOUT_SECONDS,
    MAX_TIMEOUT_SECONDS,
  );

  const { exercise } = loadExerciseForGrading(values.exercise);
  const previous = values.compare ? readPreviousReport(values.compare, exercise.slug) : undefined;
  const discovered = discoverSubmissions(source, {
    ...(values.student !== undefined ? { student: values.student } : {}),
    ...(exercise.latePolicy ? { zipOffsetMinutes: offsetMinutesOf(exercise.latePolicy.deadline) } : {}),
  });
  if ((format === "gradescope" || format === "classroom") && discovered.length !== 1)
    throw new InputError(g.singleSubmission(format, discovered.length));

  const progress = createProgress(discovered.length);
  let report: GradingReport;
  try {
    report = await gradeAll(
      {
        exercise,
        includeHidden: values.hidden,
        jobs,
        timeoutSeconds,
        onProgress: (result) => progress.tick(result.status === "error"),
        ...(wantsClassView
          ? { onDefinition: (result, definition) => definitions.set(submissionKey(result), definition) }
          : {}),
      },
      discovered,
    );
  } finally {
    progress.done();
  }
  let text: string;
  try {
    if (wantsClassView) {
      const analysis = analyseClass(report, exercise, definitions);
      text =
        format === "html"
          ? classHtml(report, analysis, definitions, values.site ?? DEFAULT_SITE_URL)
          : formatJson(report, { ...analysis.summary, similarity: analysis.similarity });
    } else text = formatReport(report, format as ReportFormat);
  } catch (error) {
    if (error instanceof GradescopeReportError) throw new InputError(error.message);
    throw error;
  }
  // A CSV file opened in Excel needs the UTF-8 BOM, or accents turn into mojibake.
  emit(format === "csv" && values.out ? `\uFEFF${text}` : text, values.out);
  if (previous && values.compare) {
    let comparison = formatComparison(
      compareReports(previous, report),
      values.compare,
      report.submissions.length,
    );
    if (previous.includesHidden !== report.includesHidden)
      comparison += g.compareHiddenMismatch(previous.includesHidden) + "\n";
    if (format === "table" || values.out) process.stdout.write((values.out ? "" : "\n") + comparison);
    else process.stderr.write(comparison);
  }
  return 0;
}
