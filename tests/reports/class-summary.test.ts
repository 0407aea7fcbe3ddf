import { describe, expect, it } from "vitest";
import { summarizeClass } from "../../grader/reports/class-summary/summary.ts";
import { CLASS, exercise, gradeClass, solution, starter } from "./class-fixture.ts";

const summarize = async (order?: readonly string[]) => {
  const { report, definitions } = await gradeClass(CLASS, order);
  return summarizeClass(report, { exercise, solution, starter, definitions });
};

describe("class summary", () => {
  it("groups the same mistakes together, largest group first, each with a representative and its feedback", async () => {
    const summary = await summarize();
    const groups = summary.groups.map((g) => g.students);
    expect(groups).toEqual([["bia", "caio", "davi"], ["eva", "fred"], ["gil"], ["hugo"]]);
    const [lostOrder, linear, unchanged, broken] = summary.groups;
    expect(lostOrder!.failedChecks.map((c) => c.key)).toContain("sempre-sobrecarregado/dados-preservados");
    expect(lostOrder!.features.map((f) => f.key)).toContain("catch-replaces-input");
    expect(lostOrder!.representative.student).toBe("bia");
    expect(lostOrder!.representative.feedback.join(" ")).toMatch(/ResultPath/);
    expect(linear!.features.map((f) => f.key)).toEqual(["constant-backoff"]);
    expect(unchanged!.features.map((f) => f.key)).toEqual(["starter-unchanged"]);
    expect(broken!.problem).toMatch(/Definição inválida/);
    expect(broken!.representative.feedback[0]).toMatch(/^linha 1, coluna \d+/);
  });

  it("is the same whatever order the submissions were graded in", async () => {
    const forward = await summarize();
    const backward = await summarize(Object.keys(CLASS).reverse());
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });

  it("counts the histogram, the checks passed and what to re-teach", async () => {
    const summary = await summarize();
    expect(summary.histogram.reduce((sum, b) => sum + b.count, 0)).toBe(8);
    expect(summary.histogram[9]!.count).toBe(1); // only ana has 100 %
    expect(summary.fullMarks).toBe(1);
    const preserved = summary.checks.find((c) => c.key === "sempre-sobrecarregado/dados-preservados")!;
    expect(preserved).toMatchObject({ total: 7, passed: 3 }); // ana, eva, fred
    const errors = summary.reteach.find((r) => r.section.slug.startsWith("tratamento-de-erros"))!;
    expect(errors.students).toBeGreaterThanOrEqual(6);
    expect(errors.topics).toContain("Catch sem ResultPath: o erro substitui a entrada (os dados se perdem)");
  });
});
