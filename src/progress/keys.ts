/**
 * What the site keeps in localStorage. Every key starts with "partitura:" so the home page can read the
 * student's progress, "Apagar meu progresso" removes the progress only and "Apagar tudo" exactly what the
 * course wrote.
 *
 * Writers: the lesson-visit script in astro.config.mjs (`licao-visitada`); the exercise page (a later slice)
 * writes `exercicio:<slug>` with {@link ExerciseProgress}.
 */
export const PROGRESS_PREFIX = "partitura:";

export const lessonVisitedKey = (slug: string): string => `${PROGRESS_PREFIX}licao-visitada:${slug}`;

export const exerciseKey = (slug: string): string => `${PROGRESS_PREFIX}exercicio:${slug}`;

/**
 * Whether a key holds progress (a lesson visit, an exercise's scores and last result) rather than the student's work
 * (exercise attempts, playground edits, quiz answers, all under the same prefix).
 */
export function isProgressKey(key: string): boolean {
  return key.startsWith(lessonVisitedKey("")) || /^partitura:exercicio:[^:]+(:resultado:v\d+)?$/.test(key);
}

/** The value stored under {@link exerciseKey}: the last score the student got with "Avaliar", and the best. */
export interface ExerciseProgress {
  readonly points: number;
  readonly maxPoints: number;
  /** The best score so far (absent in scores saved before it was kept: then it is `points`). */
  readonly bestPoints?: number;
}

export function parseExerciseProgress(raw: string | null): ExerciseProgress | undefined {
  if (raw === null) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return undefined;
    const { points, maxPoints, bestPoints } = value as Record<string, unknown>;
    if (typeof points !== "number" || typeof maxPoints !== "number" || maxPoints <= 0) return undefined;
    return typeof bestPoints === "number" && bestPoints > points
      ? { points, maxPoints, bestPoints }
      : { points, maxPoints };
  } catch {
    return undefined;
  }
}

/** The browser's localStorage, or undefined when it is blocked (private modes, disabled storage). */
export function courseStorage(): Storage | undefined {
  try {
    const store = window.localStorage;
    const probe = `${PROGRESS_PREFIX}teste`;
    store.setItem(probe, "1");
    store.removeItem(probe);
    return store;
  } catch {
    return undefined;
  }
}
