/** What the quiz page keeps in localStorage (browser): answers, rubric self-check, whether it was checked. */
import { PROGRESS_PREFIX } from "../progress/keys.ts";

export const QUIZ_KEY = `${PROGRESS_PREFIX}quiz:v1`;

export interface StoredQuiz {
  /** Question number (as text) → chosen letter, or the essay's text; the same shape `partitura quiz` reads. */
  readonly answers: Record<string, string>;
  /** Ids of the rubric criteria the student ticked. */
  readonly rubric: readonly string[];
  /** Whether "Verificar" was the last action (the result is shown again after a reload). */
  readonly verified: boolean;
}

export { courseStorage as quizStorage } from "../progress/keys.ts";

export function loadQuizState(store: Storage | undefined): StoredQuiz | undefined {
  const raw = store?.getItem(QUIZ_KEY);
  if (raw === null || raw === undefined) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<StoredQuiz> | null;
    if (typeof value !== "object" || value === null) return undefined;
    const answers: Record<string, string> = {};
    if (typeof value.answers === "object" && value.answers !== null) {
      for (const [key, answer] of Object.entries(value.answers)) {
        if (typeof answer === "string") answers[key] = answer;
      }
    }
    const rubric = Array.isArray(value.rubric)
      ? value.rubric.filter((id): id is string => typeof id === "string")
      : [];
    return { answers, rubric, verified: value.verified === true };
  } catch {
    return undefined;
  }
}

export function saveQuizState(store: Storage | undefined, state: StoredQuiz): boolean {
  if (!store) return false;
  try {
    store.setItem(QUIZ_KEY, JSON.stringify(state));
    return true;
  } catch {
    return false;
  }
}
