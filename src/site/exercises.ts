import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/** Build-time only (runs in Node while Astro renders the home page). */
export interface ExerciseSummary {
  readonly slug: string;
  readonly title: string;
  /** Title of the lesson section the exercise practises, when the file declares it. */
  readonly lessonSection?: string;
}

/** Folders under exercises/ that hold something other than an exercise. */
const NOT_EXERCISES = new Set(["examples", "quiz", "schema"]);
const EXERCISE_FILES = ["exercise.yaml", "exercise.yml", "exercise.json", "exercicio.yaml", "exercicio.json"];

/**
 * Lists exercises/<slug>/ folders that contain an exercise file, with the title it declares (falling back to
 * the slug), sorted by slug. A missing exercises/ folder gives an empty list.
 */
export function listExercises(root: string): ExerciseSummary[] {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return [];
  }
  const exercises: ExerciseSummary[] = [];
  for (const slug of entries.sort()) {
    if (NOT_EXERCISES.has(slug) || slug.startsWith(".") || slug.startsWith("_")) continue;
    const dir = join(root, slug);
    if (!statSync(dir).isDirectory()) continue;
    const file = EXERCISE_FILES.map((name) => join(dir, name)).find((path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    });
    if (file === undefined) continue;
    const data = readData(file);
    const title = text(data["title"]) ?? text(data["titulo"]) ?? slug;
    const lessonSection = text(data["lessonSection"]);
    exercises.push({ slug, title, ...(lessonSection ? { lessonSection } : {}) });
  }
  return exercises;
}

/** The exercise file as an object; an unreadable file gives {} (the home page still lists the slug). */
function readData(file: string): Record<string, unknown> {
  try {
    const data: unknown = parse(readFileSync(file, "utf8"));
    return typeof data === "object" && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

/** Exercises in the order of the lessons they practise (unknown sections last), then by slug. */
export function sortByLesson(
  exercises: readonly ExerciseSummary[],
  lessonTitles: readonly string[],
): ExerciseSummary[] {
  const rank = (exercise: ExerciseSummary) => {
    const index = exercise.lessonSection ? lessonTitles.indexOf(exercise.lessonSection) : -1;
    return index === -1 ? lessonTitles.length : index;
  };
  return [...exercises].sort((a, b) => rank(a) - rank(b) || a.slug.localeCompare(b.slug));
}
