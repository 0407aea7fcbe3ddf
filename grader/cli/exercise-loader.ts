/**
 * Reading exercise folders from disk (Node only): `exercises/<slug>/` → file texts → `parseExercise`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import {
  EXERCISE_FILE,
  ExerciseFormatError,
  parseExercise,
  type Exercise,
  type ExerciseFiles,
} from "../grading/index.ts";
import { SourceLocator } from "../grading/source-location.ts";
import { gradingCliMessages as m } from "./grading-messages.ts";
import { InputError } from "./load.ts";

/** The bundled exercises: `<repo>/exercises`. */
export const EXERCISES_ROOT = resolve(import.meta.dirname, "..", "..", "exercises");

const MAX_FILE_BYTES = 2_000_000;

/** Every file of an exercise folder (recursively, skipping dot-files), by path relative to it. */
export function readExerciseFiles(dir: string): ExerciseFiles {
  const files: Record<string, string> = {};
  const walk = (current: string, depth: number) => {
    if (depth > 5) return;
    for (const name of readdirSync(current).sort()) {
      if (name.startsWith(".")) continue;
      const path = join(current, name);
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path, depth + 1);
      else if (stats.isFile() && stats.size <= MAX_FILE_BYTES) {
        const key = relative(dir, path).split(sep).join("/");
        Object.defineProperty(files, key, {
          value: readFileSync(path, "utf8"),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
  };
  walk(dir, 0);
  return files;
}

/** Slugs of the folders under `root` that hold an exercise file, sorted. */
export function listExerciseSlugs(root = EXERCISES_ROOT): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => !name.startsWith(".") && existsSync(join(root, name, EXERCISE_FILE)))
    .sort();
}

/** The folder of an exercise given as a slug (under `root`) or as a path to its folder. */
export function exerciseDir(slugOrDir: string, root = EXERCISES_ROOT): string {
  if (existsSync(join(slugOrDir, EXERCISE_FILE))) return resolve(slugOrDir);
  const candidate = join(root, slugOrDir);
  if (existsSync(join(candidate, EXERCISE_FILE))) return candidate;
  throw new InputError(m.unknownExercise(slugOrDir, listExerciseSlugs(root)));
}

/**
 * Loads and checks one exercise. Throws ExerciseFormatError (file relative to the exercises root,
 * line, column, pt-BR) when the folder is broken, also when `slug` differs from the folder's name.
 */
export function loadExercise(slugOrDir: string, root = EXERCISES_ROOT): Exercise {
  const dir = exerciseDir(slugOrDir, root);
  const folder = basename(dir);
  const files = readExerciseFiles(dir);
  let exercise: Exercise;
  try {
    exercise = parseExercise(files);
  } catch (error) {
    if (error instanceof ExerciseFormatError) {
      throw new ExerciseFormatError(`${folder}/${error.file}`, error.line, error.column, error.detail);
    }
    throw error;
  }
  if (exercise.slug !== folder) {
    const text = files[EXERCISE_FILE] ?? "";
    const at = new SourceLocator(text, EXERCISE_FILE).locate(["slug"]);
    throw new ExerciseFormatError(
      `${folder}/${EXERCISE_FILE}`,
      at.line,
      at.column,
      m.slugMismatch(exercise.slug, folder),
    );
  }
  return exercise;
}
