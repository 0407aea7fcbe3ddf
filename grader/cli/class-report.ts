/**
 * The glue between `partitura grade` and the class report (Node side): the solution and starter read
 * as definitions, the lesson pages found from `lessons/*.mdx` titles, and the HTML / JSON summary built
 * from the graded report and the definitions the workers sent back.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readSubmission, type Exercise, type GradingReport } from "../grading/index.ts";
import { summarizeClass, type ClassSummary, type LessonSection } from "../reports/class-summary/summary.ts";
import { formatClassHtml } from "../reports/html/class-report.ts";
import { similaritySection } from "../reports/html/similarity-section.ts";
import { findSimilarPairs, type SimilarityReport } from "../similarity/index.ts";
import { slugify } from "../validator/messages.ts";

const LESSONS_DIR = resolve(import.meta.dirname, "..", "..", "lessons");
/** Where `npm start` serves the course; `--site` changes it. */
export const DEFAULT_SITE_URL = "http://localhost:4321";

function definitionOf(text: string, fileName: string, exercise: Exercise): unknown {
  const reading = readSubmission(text, { fileName, preferredName: exercise.stateMachineName });
  return reading.ok ? reading.definition : undefined;
}

/** Lesson section slug → the page that teaches it, from the lessons' frontmatter titles. */
export function lessonPages(
  siteUrl: string,
  dir = LESSONS_DIR,
): (section: LessonSection) => string | undefined {
  const pages = new Map<string, string>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((file) => /^\d{2}-.+\.mdx?$/.test(file));
  } catch {
    // No lessons beside the grader (an installed autograder): the report names sections without links.
  }
  const base = siteUrl.replace(/\/+$/, "");
  for (const file of files) {
    const title = /^---\r?\n[\s\S]*?^title:\s*"?(.+?)"?\s*$/m.exec(
      readFileSync(join(dir, file), "utf8"),
    )?.[1];
    if (title) pages.set(slugify(title), `${base}/${file.replace(/\.mdx?$/, "")}/`);
  }
  return (section) => pages.get(section.slug);
}

export interface ClassAnalysis {
  readonly summary: ClassSummary;
  readonly similarity: SimilarityReport;
}

export function analyseClass(
  report: GradingReport,
  exercise: Exercise,
  definitions: ReadonlyMap<string, unknown>,
): ClassAnalysis {
  const solution = definitionOf(exercise.solution.text, exercise.solution.fileName, exercise);
  const starter = definitionOf(exercise.starter.text, exercise.starter.fileName, exercise);
  const summary = summarizeClass(report, { exercise, solution, starter, definitions });
  const similarity = findSimilarPairs(
    [...definitions].map(([key, definition]) => ({ id: key.split("\u0000")[0]!, definition })),
    { starter, solution },
  );
  return { summary, similarity };
}

export function classHtml(
  report: GradingReport,
  analysis: ClassAnalysis,
  definitions: ReadonlyMap<string, unknown>,
  siteUrl: string,
): string {
  return formatClassHtml(report, analysis.summary, {
    lessonHref: lessonPages(siteUrl),
    definitions,
    extraSections: [similaritySection(analysis.similarity)],
  });
}
