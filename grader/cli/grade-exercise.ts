/** The exercise a `grade` run uses, parsed once in the main thread (workers receive a structured clone). */
import { ExerciseFormatError, type Exercise } from "../grading/index.ts";
import { exerciseDir, loadExercise } from "./exercise-loader.ts";
import { InputError } from "./load.ts";

/** `slugOrDir`: an exercise slug under `exercises/`, or the path of an exercise folder. */
export function loadExerciseForGrading(slugOrDir: string): {
  exercise: Exercise;
  dir: string;
} {
  const dir = exerciseDir(slugOrDir);
  try {
    return { exercise: loadExercise(dir), dir };
  } catch (error) {
    if (error instanceof ExerciseFormatError) throw new InputError(error.message);
    throw error;
  }
}
