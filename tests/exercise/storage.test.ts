/**
 * What an exercise page remembers: the last score and the best one, which the home page shows. A worse
 * grading (a typo while editing) must not erase the best score the student reached.
 */
import { describe, expect, it } from "vitest";
import { saveScore } from "../../src/exercise/storage.ts";
import { exerciseKey, parseExerciseProgress } from "../../src/progress/keys.ts";

/** A localStorage stand-in: the module under test only calls getItem and setItem. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const graded = (points: number, maxPoints = 75) => ({
  points,
  maxPoints,
  percent: (points / maxPoints) * 100,
  status: "graded",
});

describe("saveScore", () => {
  it("keeps the last score and the best one", () => {
    const store = memoryStorage();
    const progress = () => parseExerciseProgress(store.getItem(exerciseKey("falha-pagamento")));
    saveScore(store, "falha-pagamento", graded(40));
    expect(progress()).toEqual({ points: 40, maxPoints: 75 });
    saveScore(store, "falha-pagamento", graded(75));
    expect(progress()).toEqual({ points: 75, maxPoints: 75 });
    saveScore(store, "falha-pagamento", graded(0));
    expect(progress()).toEqual({ points: 0, maxPoints: 75, bestPoints: 75 });
    saveScore(store, "falha-pagamento", graded(20));
    expect(progress()).toEqual({ points: 20, maxPoints: 75, bestPoints: 75 });
  });

  it("starts the best score again when the exercise's total changed", () => {
    const store = memoryStorage();
    saveScore(store, "x", graded(75));
    saveScore(store, "x", graded(10, 100));
    expect(parseExerciseProgress(store.getItem(exerciseKey("x")))).toEqual({ points: 10, maxPoints: 100 });
  });
});
