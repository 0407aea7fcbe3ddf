/**
 * Build time only (Node, while Astro renders the exercise pages): reads an exercise folder into the
 * ExerciseFiles the browser gets, with the hidden scenarios taken out. The browser only ever runs the
 * public scenarios (`includeHidden: false`), so their data, titles and concepts never reach the page.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";
import {
  EXERCISE_FILE,
  maxPointsOf,
  parseExercise,
  type Exercise,
  type ExerciseFiles,
} from "../../grader/grading/index.ts";

export interface LoadedExercise {
  readonly slug: string;
  /** Parsed from the full folder (hidden scenarios included): title, statement, goals, files. */
  readonly exercise: Exercise;
  /** What the page ships: exercicio.yaml without hidden scenarios, the starter, the solution, public data files. */
  readonly publicFiles: ExerciseFiles;
  /** Points of a public-scenario grading (the score "Avaliar" shows out of). */
  readonly publicMaxPoints: number;
}

/** Folders under exercises/ that hold something other than an exercise. */
const NOT_EXERCISES = new Set(["examples", "quiz", "schema"]);

/** Slugs of exercises/<slug>/ folders holding an exercicio.yaml, sorted. */
export function exerciseSlugs(root: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return [];
  }
  return entries
    .filter((slug) => !NOT_EXERCISES.has(slug) && !slug.startsWith(".") && !slug.startsWith("_"))
    .filter((slug) => {
      try {
        return statSync(join(root, slug, EXERCISE_FILE)).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

/** Every regular file of an exercise folder (recursively), as relative path → text. */
function readFolder(dir: string, prefix = ""): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    const stat = statSync(path);
    if (stat.isDirectory()) Object.assign(files, readFolder(path, relative));
    else if (stat.isFile()) files[relative] = readFileSync(path, "utf8");
  }
  return files;
}

const normalize = (name: string) => name.replace(/^\.\//, "");

/**
 * The exercise file with its hidden scenarios removed and `points` lowered by theirs, so it still parses
 * (parseExercise checks that the points add up). Returns the files a public scenario needs too.
 */
function publicExerciseFile(text: string): { text: string; neededFiles: string[] } {
  const document = parseDocument(text);
  const root = document.contents;
  if (!isMap(root)) throw new Error(`${EXERCISE_FILE}: o exercício deve ser um mapa YAML`);
  const scenarios = root.get("scenarios");
  const neededFiles: string[] = [];
  if (!isSeq(scenarios)) return { text, neededFiles };
  let hiddenPoints = 0;
  const kept = scenarios.items.filter((item) => {
    const scenario = item as YAMLMap;
    const value = scenario.toJSON() as Record<string, unknown>;
    const checks = Array.isArray(value["checks"]) ? (value["checks"] as { points?: unknown }[]) : [];
    if (value["visibility"] === "hidden") {
      for (const check of checks) if (typeof check.points === "number") hiddenPoints += check.points;
      return false;
    }
    if (typeof value["inputFile"] === "string") neededFiles.push(normalize(value["inputFile"]));
    const mockConfig = value["mockConfig"] as { file?: unknown } | undefined;
    if (typeof mockConfig?.file === "string") neededFiles.push(normalize(mockConfig.file));
    return true;
  });
  scenarios.items = kept;
  const points = root.get("points");
  if (typeof points === "number") document.set("points", Math.round((points - hiddenPoints) * 100) / 100);
  return { text: document.toString({ lineWidth: 0 }), neededFiles };
}

export function loadExercise(root: string, slug: string): LoadedExercise {
  const files = readFolder(join(root, slug));
  const exercise = parseExercise(files);
  const { text, neededFiles } = publicExerciseFile(files[EXERCISE_FILE] ?? "");
  const publicFiles: Record<string, string> = { [EXERCISE_FILE]: text };
  for (const name of [exercise.starter.fileName, exercise.solution.fileName, ...neededFiles]) {
    const file = files[normalize(name)];
    if (file !== undefined) publicFiles[normalize(name)] = file;
  }
  // The browser parses these files itself: they must give the same exercise, public part.
  const publicExercise = parseExercise(publicFiles);
  const publicMaxPoints = maxPointsOf(exercise, { includeHidden: false });
  if (
    publicExercise.scenarios.some((scenario) => scenario.visibility !== "public") ||
    maxPointsOf(publicExercise, { includeHidden: false }) !== publicMaxPoints ||
    publicExercise.scenarios.length !==
      exercise.scenarios.filter((scenario) => scenario.visibility === "public").length
  ) {
    throw new Error(`exercises/${slug}: a versão pública do exercício não confere com a completa`);
  }
  return { slug, exercise, publicFiles, publicMaxPoints };
}
