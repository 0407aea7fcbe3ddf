/**
 * `partitura similarity <folder|zip> [--exercise SLUG] [--threshold 0.8] [--format table|json] [--out FILE]`:
 * the pairs of submissions whose state machines are the same once states are renamed and the file is
 * reformatted, with the evidence side by side. With `--exercise`, what the starter and the reference
 * solution already contain is not evidence.
 */
import { readSubmission } from "../grading/index.ts";
import { findSimilarPairs, DEFAULT_THRESHOLD, type SimilarityReport } from "../similarity/index.ts";
import { emit } from "./atomic-write.ts";
import { parseCommandArgs } from "./command.ts";
import { loadExerciseForGrading } from "./grade-exercise.ts";
import { InputError } from "./load.ts";
import { similarityMessages as m } from "./similarity-messages.ts";
import { discoverSubmissions } from "./submissions.ts";

function formatTable(report: SimilarityReport, skipped: number, exercise: string | undefined): string {
  const lines = [
    m.heading(report.submissions, skipped),
    exercise ? m.subtracted(exercise) : m.nothingSubtracted,
    m.threshold(report.threshold, report.minShared, report.candidates),
    "",
  ];
  if (report.pairs.length === 0) lines.push(m.none);
  for (const pair of report.pairs) {
    lines.push(m.pair(pair.a, pair.b, pair.score, pair.identical, pair.sameShape));
    lines.push(m.shared(pair.shared, pair.onlyA, pair.onlyB));
    for (const item of pair.evidence) lines.push(m.evidence(item.feature, item.a, item.b));
    lines.push("");
  }
  return lines.join("\n") + "\n";
}

export async function similarityCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    exercise: { type: "string" },
    threshold: { type: "string" },
    format: { type: "string", default: "table" },
    out: { type: "string" },
  });
  const source = positionals[0];
  if (!source) throw new InputError(m.missingSubmissions);
  if (positionals.length > 1) throw new InputError(m.extraArguments(positionals.slice(1)));
  if (values.format !== "table" && values.format !== "json") throw new InputError(m.badFormat(values.format));
  const threshold = values.threshold === undefined ? DEFAULT_THRESHOLD : Number(values.threshold);
  if (values.threshold?.trim() === "" || !Number.isFinite(threshold) || threshold < 0 || threshold > 1)
    throw new InputError(m.badThreshold(values.threshold ?? ""));

  const exercise = values.exercise ? loadExerciseForGrading(values.exercise).exercise : undefined;
  const read = (text: string, fileName: string) => {
    const reading = readSubmission(text, {
      fileName,
      ...(exercise ? { preferredName: exercise.stateMachineName } : {}),
    });
    return reading.ok ? reading.definition : undefined;
  };
  const inputs: { id: string; definition: unknown }[] = [];
  let skipped = 0;
  for (const entry of discoverSubmissions(source)) {
    const definition = entry.kind === "file" ? read(entry.text, entry.fileName) : undefined;
    if (definition === undefined) skipped++;
    else inputs.push({ id: entry.student, definition });
  }
  const report = findSimilarPairs(inputs, {
    threshold,
    ...(exercise
      ? {
          starter: read(exercise.starter.text, exercise.starter.fileName),
          solution: read(exercise.solution.text, exercise.solution.fileName),
        }
      : {}),
  });
  emit(
    values.format === "json"
      ? JSON.stringify({ ...report, skipped }, null, 2) + "\n"
      : formatTable(report, skipped, exercise?.slug),
    values.out,
  );
  return 0;
}
