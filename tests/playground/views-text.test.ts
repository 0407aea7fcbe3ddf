/** The playground's texts for long runs and known errors (pure functions of views.ts). */
import { describe, expect, it } from "vitest";
import type { HistoryModel } from "../../src/playground/history.ts";
import { explainError } from "../../src/playground/known-errors.ts";
import { describePath } from "../../src/playground/views.ts";
import { formatCount } from "../../src/i18n/pt-BR.ts";

const modelOf = (names: string[]): HistoryModel =>
  ({
    visits: names.map((stateName, index) => ({ index, stateName, depth: 0 })),
    duration: 0,
    startTime: 0,
  }) as unknown as HistoryModel;

describe("playground texts", () => {
  it("formats counts with pt-BR thousands separators", () => {
    expect(formatCount(12499)).toBe("12.499");
    expect(formatCount(6)).toBe("6");
  });

  it("keeps a short path whole and cuts a long one to its ends, with the number of steps", () => {
    expect(describePath(modelOf(["A", "B", "C"]))).toBe("A → B → C");
    const loop = Array.from({ length: 12_499 }, (_, index) => (index % 2 === 0 ? "A" : "C"));
    expect(describePath(modelOf(loop))).toBe("A → C → A → C → A → … → A → C → A → C → A (12.499 passos)");
  });

  it("explains the engine's and AWS's errors in pt-BR", () => {
    expect(
      explainError("States.Runtime", "The execution history reached the limit of 25000 events."),
    ).toContain("25.000 eventos");
    expect(
      explainError(
        "Partitura.TooManyTransitions",
        "A execução passou de 25000 transições de estado sem terminar (último estado: 'A').",
      ),
    ).toContain("25.000 transições");
    expect(explainError("States.Runtime", "Invalid path '$.x'")).toBeUndefined();
    expect(explainError("States.TaskFailed", "boom")).toBeUndefined();
  });
});
