/**
 * Build time only: the lesson's self-assessment, read from the same file `partitura quiz` scores
 * (exercises/quiz/autoavaliacao.json) and checked by the same parseQuiz.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseQuiz, quizMessages, QuizDefinitionError, type Quiz } from "../../grader/quiz/index.ts";

export const QUIZ_FILE = join("exercises", "quiz", "autoavaliacao.json");

export function loadQuiz(root: string = process.cwd()): Quiz {
  const text = readFileSync(join(root, QUIZ_FILE), "utf8");
  try {
    return parseQuiz(JSON.parse(text));
  } catch (error) {
    if (error instanceof QuizDefinitionError) {
      throw new Error(quizMessages.quizError(QUIZ_FILE, error.pointer, error.message), { cause: error });
    }
    throw error;
  }
}
