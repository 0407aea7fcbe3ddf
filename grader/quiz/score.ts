/** Scoring one student's answers against the quiz. Deterministic and browser-safe. */
import { quizMessages as m } from "./messages.ts";
import type {
  QuestionResult,
  Quiz,
  QuizAnswerProblem,
  QuizAnswers,
  QuizReport,
  QuizStudentResult,
} from "./model.ts";

const KEY = /^\s*(?:q|quest[aã]o\s*)?(\d+)\s*$/i;

/** Maps each answer key ("1", "q1", "Questão 1") to its question number; problems for the rest. */
export function normalizeAnswerKeys(
  quiz: Quiz,
  answers: QuizAnswers,
): { byNumber: Map<number, { key: string; value: unknown }>; problems: QuizAnswerProblem[] } {
  const byNumber = new Map<number, { key: string; value: unknown }>();
  const problems: QuizAnswerProblem[] = [];
  const count = quiz.questions.length;
  for (const key of Object.keys(answers)) {
    const match = KEY.exec(key);
    const number = match ? Number(match[1]) : NaN;
    if (!(number >= 1 && number <= count)) {
      problems.push({ question: key, message: m.unknownQuestion(key, count) });
    } else if (byNumber.has(number)) {
      problems.push({ question: key, message: m.duplicateQuestion(number) });
    } else {
      byNumber.set(number, { key, value: answers[key] });
    }
  }
  return { byNumber, problems };
}

/** Checks a student's answers; every problem names its question key so a reader can locate it. */
export function checkAnswers(quiz: Quiz, answers: unknown): QuizAnswerProblem[] {
  if (typeof answers !== "object" || answers === null || Array.isArray(answers))
    return [{ message: m.answersNotObject }];
  const { byNumber, problems } = normalizeAnswerKeys(quiz, answers as QuizAnswers);
  for (const question of quiz.questions) {
    const found = byNumber.get(question.number);
    if (!found) {
      problems.push({ message: m.missingQuestion(question.number) });
      continue;
    }
    const value = found.value;
    if (question.type === "essay") {
      if (value !== null && typeof value !== "string")
        problems.push({ question: found.key, message: m.essayNotText(question.number) });
      continue;
    }
    const letters = question.options.map((option) => option.letter);
    if (value === null || (typeof value === "string" && value.trim() === "")) continue;
    if (typeof value !== "string") {
      problems.push({ question: found.key, message: m.notALetter(question.number, letters) });
    } else if (!letters.includes(value.trim().toUpperCase())) {
      problems.push({ question: found.key, message: m.invalidLetter(question.number, value, letters) });
    }
  }
  return problems;
}

export function maxChoicePoints(quiz: Quiz): number {
  return quiz.questions.reduce((sum, q) => sum + (q.type === "multiple-choice" ? q.points : 0), 0);
}

export function essayPoints(quiz: Quiz): number {
  return quiz.questions.reduce((sum, q) => sum + (q.type === "essay" ? q.points : 0), 0);
}

/**
 * Scores valid answers (call `checkAnswers` first, or pass the problems it found as `problems`: the
 * student then gets an "invalid" row with no points and the located reasons).
 */
export function scoreAnswers(
  quiz: Quiz,
  student: string,
  source: string,
  answers: QuizAnswers,
  problems: readonly string[] = [],
): QuizStudentResult {
  const maxPoints = maxChoicePoints(quiz);
  const pendingPoints = essayPoints(quiz);
  if (problems.length > 0)
    return {
      student,
      source,
      status: "invalid",
      problems,
      points: 0,
      maxPoints,
      pendingPoints,
      questions: [],
    };
  const { byNumber } = normalizeAnswerKeys(quiz, answers);
  const questions = quiz.questions.map((question): QuestionResult => {
    const value = byNumber.get(question.number)?.value;
    const given = typeof value === "string" && value.trim() !== "" ? value.trim() : null;
    if (question.type === "essay")
      return {
        number: question.number,
        type: "essay",
        text: given ?? "",
        status: given === null ? "blank" : "needs-review",
        maxPoints: question.points,
        rubric: question.rubric,
      };
    const letter = given?.toUpperCase() ?? null;
    const status = letter === null ? "blank" : letter === question.answer ? "correct" : "wrong";
    const option = question.options.find((candidate) => candidate.letter === (letter ?? question.answer));
    return {
      number: question.number,
      type: "multiple-choice",
      given: letter,
      expected: question.answer,
      status,
      points: status === "correct" ? question.points : 0,
      maxPoints: question.points,
      explanation: option?.explanation ?? "",
    };
  });
  const points = questions.reduce((sum, q) => sum + (q.type === "multiple-choice" ? q.points : 0), 0);
  return { student, source, status: "scored", problems: [], points, maxPoints, pendingPoints, questions };
}

/** Bundles students' results into a report sorted by student (code-point order: the same everywhere). */
export function quizReport(quiz: Quiz, students: readonly QuizStudentResult[]): QuizReport {
  const sorted = [...students].sort(
    (a, b) => compareText(a.student, b.student) || compareText(a.source, b.source),
  );
  return { quiz: quiz.id, title: quiz.title, students: sorted };
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
