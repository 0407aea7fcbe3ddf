/** `partitura exercises` (list) and `partitura check-exercises` (the self-check). Node only. */
import {
  checkExercise,
  ExerciseFormatError,
  MAX_DO_NOTHING_PERCENT,
  MAX_MUTANT_PERCENT,
  mutationReport,
  readSubmission,
  type Exercise,
  type MutationReport,
} from "../grading/index.ts";
import { TRIVIAL_SUBMISSIONS } from "../grading/self-check.ts";
import { EXERCISES_ROOT, listExerciseSlugs, loadExercise } from "./exercise-loader.ts";
import { gradingCliMessages as m } from "./grading-messages.ts";
import { watchCheckExercises } from "./check-watch.ts";
import { badOption } from "./command.ts";
import { InputError } from "./load.ts";

interface Options {
  readonly root: string;
  readonly json: boolean;
  readonly mutants: boolean;
  readonly slugs: string[];
}

function parseOptions(args: readonly string[]): Options {
  let root = EXERCISES_ROOT;
  let json = false;
  let mutants = false;
  const slugs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--mutants") mutants = true;
    else if (arg === "--root") {
      const value = args[++i];
      if (value === undefined) throw new InputError(badOption("--root precisa de uma pasta"));
      root = value;
    } else if (arg.startsWith("-")) throw new InputError(badOption(arg));
    else slugs.push(arg);
  }
  return { root, json, mutants, slugs };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** `partitura exercises [--json] [--root PASTA]`: one line per exercise; broken ones with their located error. */
export function exercisesCommand(args: readonly string[]): number {
  const options = parseOptions(args);
  const slugs = listExerciseSlugs(options.root);
  if (slugs.length === 0) {
    process.stderr.write(m.noExercises(options.root) + "\n");
    return 1;
  }
  const loaded: Exercise[] = [];
  const broken: string[] = [];
  for (const slug of slugs) {
    try {
      loaded.push(loadExercise(slug, options.root));
    } catch (error) {
      if (!(error instanceof ExerciseFormatError)) throw error;
      broken.push(error.message);
    }
  }
  if (options.json) {
    const list = loaded.map((exercise) => ({
      slug: exercise.slug,
      title: exercise.title,
      points: exercise.points,
      lessonSection: exercise.lessonSection,
      learningGoals: exercise.learningGoals,
      scenarios: exercise.scenarios.map((scenario) => ({ id: scenario.id, visibility: scenario.visibility })),
    }));
    process.stdout.write(JSON.stringify({ exercises: list, errors: broken }, null, 2) + "\n");
  } else {
    const rows = [
      [...m.listColumns],
      ...loaded.map((exercise) => [
        exercise.slug,
        exercise.title,
        String(exercise.points),
        m.scenarioCount(
          exercise.scenarios.length,
          exercise.scenarios.filter((scenario) => scenario.visibility === "hidden").length,
        ),
        exercise.lessonSection,
      ]),
    ];
    process.stdout.write(m.listHeading(loaded.length) + "\n\n" + table(rows) + "\n");
    for (const message of broken) process.stdout.write("\n" + m.brokenExercise(message) + "\n");
  }
  return broken.length > 0 ? 1 : 0;
}

/** `partitura check-exercises [SLUG…] [--json] [--root PASTA]`: exit 0 when every exercise is consistent. */
export async function checkExercisesCommand(args: readonly string[]): Promise<number> {
  if (args.includes("--watch"))
    return watchCheckExercises(
      args.filter((arg) => arg !== "--watch"),
      checkExercisesCommand,
    );
  const options = parseOptions(args);
  const slugs = options.slugs.length > 0 ? options.slugs : listExerciseSlugs(options.root);
  if (slugs.length === 0) {
    process.stderr.write(m.noExercises(options.root) + "\n");
    return 1;
  }
  const reports = [];
  const mutations: MutationReport[] = [];
  for (const slug of slugs) {
    let exercise: Exercise;
    try {
      exercise = loadExercise(slug, options.root);
    } catch (error) {
      if (!(error instanceof ExerciseFormatError)) throw error;
      reports.push({
        exercise: slug,
        ok: false,
        starterPercent: 0,
        solutionPercent: 0,
        findings: [{ exercise: slug, message: error.message }],
      });
      continue;
    }
    reports.push(await checkExercise(exercise));
    if (options.mutants) mutations.push(await mutationsOf(exercise));
  }
  const bad = reports.filter((report) => !report.ok).length + mutations.filter((report) => !report.ok).length;
  if (options.json) {
    process.stdout.write(
      JSON.stringify(
        { ok: bad === 0, exercises: reports, ...(options.mutants ? { mutants: mutations } : {}) },
        null,
        2,
      ) + "\n",
    );
  } else {
    const lines: string[] = [];
    for (const report of reports) {
      if (report.ok) lines.push(m.checkOk(report.exercise, report.starterPercent, report.solutionPercent));
      else
        lines.push(
          m.checkFailed(report.exercise),
          ...report.findings.map((finding) => m.finding(finding.message)),
        );
    }
    if (options.mutants) lines.push("", ...mutantTable(mutations));
    lines.push("", bad === 0 ? m.summaryOk(reports.length) : m.summaryFailed(bad, reports.length));
    process.stdout.write(lines.join("\n") + "\n");
  }
  return bad === 0 ? 0 : 1;
}

async function mutationsOf(exercise: Exercise): Promise<MutationReport> {
  const reading = readSubmission(exercise.solution.text, {
    fileName: exercise.solution.fileName,
    preferredName: exercise.stateMachineName,
  });
  const reference = reading.ok
    ? (reading.definition as Record<string, unknown>)
    : { StartAt: "", States: {} };
  return mutationReport(exercise, reference, TRIVIAL_SUBMISSIONS);
}

/** The exercise × mutant → score table, in pt-BR. */
function mutantTable(reports: readonly MutationReport[]): string[] {
  const rows: string[][] = [[...m.mutantColumns]];
  let survivors = 0;
  let total = 0;
  for (const report of reports) {
    for (const row of report.rows) {
      if (row.breaksRequirement) total++;
      if (row.survives) survivors++;
      rows.push([
        report.exercise,
        row.label,
        `${row.percent.toLocaleString("pt-BR", { maximumFractionDigits: 2 })} %`,
        m.mutantVerdict(row.survives, row.breaksRequirement),
      ]);
    }
  }
  return [
    m.mutantsHeading(MAX_MUTANT_PERCENT, MAX_DO_NOTHING_PERCENT),
    "",
    table(rows),
    "",
    m.mutantsSummary(survivors, total),
  ];
}
