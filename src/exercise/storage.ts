/**
 * What an exercise page keeps in localStorage (browser). The score goes under the key the home page reads
 * (`partitura:exercicio:<slug>`, {@link ExerciseProgress} format); the attempt under its own versioned key.
 */
import {
  PROGRESS_PREFIX,
  exerciseKey,
  parseExerciseProgress,
  type ExerciseProgress,
} from "../progress/keys.ts";

export { courseStorage as storage } from "../progress/keys.ts";

export const attemptKey = (slug: string): string => `${PROGRESS_PREFIX}exercicio:${slug}:tentativa:v1`;

/** The last result shown by "Avaliar", with the text it graded: shown again after a reload. */
export const resultKey = (slug: string): string => `${PROGRESS_PREFIX}exercicio:${slug}:resultado:v1`;

interface StoredResult<Result> {
  readonly text: string;
  readonly result: Result;
  readonly gradedAt: string;
}

export function saveResult<Result>(
  store: Storage | undefined,
  slug: string,
  text: string,
  result: Result,
): void {
  const value: StoredResult<Result> = { text, result, gradedAt: new Date().toISOString() };
  try {
    store?.setItem(resultKey(slug), JSON.stringify(value));
  } catch {
    // Full or blocked storage: the result is still on the page.
  }
}

/** The stored result, when it was graded from exactly `text` (a result for other code would mislead). */
export function loadResult<Result>(
  store: Storage | undefined,
  slug: string,
  text: string,
): { result: Result; gradedAt: string } | undefined {
  try {
    const value = JSON.parse(store?.getItem(resultKey(slug)) ?? "null") as StoredResult<Result> | null;
    if (value?.text !== text || typeof value.result !== "object" || value.result === null) return undefined;
    return { result: value.result, gradedAt: value.gradedAt };
  } catch {
    return undefined;
  }
}

/** Stored under {@link attemptKey}. */
export interface StoredAttempt {
  readonly text: string;
  /** ISO time of the last save. */
  readonly savedAt: string;
}

/** Stored under {@link exerciseKey}: the last "Avaliar" result and the best (read by the home page). */
export interface StoredScore extends ExerciseProgress {
  readonly percent: number;
  readonly status: string;
  readonly gradedAt: string;
}

export function loadAttempt(store: Storage | undefined, slug: string): string | undefined {
  const raw = store?.getItem(attemptKey(slug));
  if (raw === null || raw === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === "object" && value !== null && typeof (value as StoredAttempt).text === "string") {
      return (value as StoredAttempt).text;
    }
  } catch {
    // Not ours or damaged: start from the starter.
  }
  return undefined;
}

export function saveAttempt(store: Storage | undefined, slug: string, text: string): boolean {
  if (!store) return false;
  try {
    const value: StoredAttempt = { text, savedAt: new Date().toISOString() };
    store.setItem(attemptKey(slug), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function clearAttempt(store: Storage | undefined, slug: string): void {
  try {
    store?.removeItem(attemptKey(slug));
  } catch {
    // Nothing to clear.
  }
}

export function saveScore(
  store: Storage | undefined,
  slug: string,
  result: { points: number; maxPoints: number; percent: number; status: string },
): void {
  if (!store || result.maxPoints <= 0) return;
  let earlier: ExerciseProgress | undefined;
  try {
    earlier = parseExerciseProgress(store.getItem(exerciseKey(slug)));
  } catch {
    earlier = undefined;
  }
  // A best score only compares with scores out of the same total (an exercise whose checks changed restarts).
  const best =
    earlier?.maxPoints === result.maxPoints
      ? Math.max(earlier.bestPoints ?? earlier.points, result.points)
      : result.points;
  const value: StoredScore = {
    points: result.points,
    maxPoints: result.maxPoints,
    ...(best > result.points ? { bestPoints: best } : {}),
    percent: result.percent,
    status: result.status,
    gradedAt: new Date().toISOString(),
  };
  try {
    store.setItem(exerciseKey(slug), JSON.stringify(value));
  } catch {
    // Full or blocked storage: the score is still on the page.
  }
}
