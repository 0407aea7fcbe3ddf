/** Feedback sentences stay readable whatever the execution did: a looping path is shortened, not dumped. */
import { describe, expect, it } from "vitest";
import { gradingMessages as m } from "../../grader/grading/messages.ts";

describe("grading feedback", () => {
  it("shortens a long visited path to its start, its end and its length", () => {
    const path = Array.from({ length: 10_000 }, (_, i) => (i === 9_999 ? "Fim" : `Passo${i % 3}`));
    const text = m.orderBroken(["Pagar", "Fim"], path);
    expect(text.length).toBeLessThan(600);
    expect(text).toContain("caminho percorrido 'Passo0', 'Passo1', 'Passo2'");
    expect(text).toContain(
      "… 9975 estados …, 'Passo2', 'Passo0', 'Passo1', 'Passo2', 'Fim' (10000 estados no total)",
    );
    expect(m.orderBroken(["A"], ["B", "C"])).toBe("ordem esperada 'A'; caminho percorrido 'B', 'C'");
  });
});
