/** The exercises' self-check, as `partitura check-exercises` runs it: one test per bundled exercise. */
import { describe, expect, it } from "vitest";
import { listExerciseSlugs, loadExercise } from "../../grader/cli/exercise-loader.ts";
import { checkExercise } from "../../grader/grading/index.ts";

const slugs = listExerciseSlugs();

describe("bundled exercises", () => {
  it("are at least seven, from the lesson", () => {
    expect(slugs).toEqual(
      expect.arrayContaining([
        "pedidos-sequencial",
        "falha-pagamento",
        "documentos-paralelo",
        "registro-usuario",
        "pipeline-logs",
        "video-hibrido",
        "standard-vs-express",
      ]),
    );
  });

  for (const slug of slugs) {
    it(`${slug}: parses, the starter fails, the solution scores 100 %, hidden scenarios are reachable`, async () => {
      const report = await checkExercise(loadExercise(slug));
      expect(report.findings).toEqual([]);
      expect(report.solutionPercent).toBe(100);
      expect(report.starterPercent).toBeLessThan(100);
    });
  }
});
