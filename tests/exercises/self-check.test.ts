/** The exercises' self-check, as `partitura check-exercises` runs it: one test per bundled exercise. */
import { describe, expect, it } from "vitest";
import { listExerciseSlugs, loadExercise } from "../../grader/cli/exercise-loader.ts";
import { checkExercise, gradeSubmission } from "../../grader/grading/index.ts";
import { MAX_TRIVIAL_PERCENT, TRIVIAL_SUBMISSIONS } from "../../grader/grading/self-check.ts";
import { exercise, happyMocks } from "../grading/fixtures.ts";

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

describe("workflows that do nothing", () => {
  for (const slug of slugs) {
    it(`${slug}: a single Succeed, a single Fail, a Pass chain and an endless Choice score ≤ ${MAX_TRIVIAL_PERCENT} %`, async () => {
      const ex = loadExercise(slug);
      const scores: Record<string, number> = {};
      for (const [name, definition] of Object.entries(TRIVIAL_SUBMISSIONS)) {
        const result = await gradeSubmission(
          ex,
          { student: name, fileName: `${name}.asl.json`, text: JSON.stringify(definition) },
          { includeHidden: true },
        );
        scores[name] = result.percent;
      }
      for (const [name, percent] of Object.entries(scores)) {
        expect(percent, `${slug} × ${name}`).toBeLessThanOrEqual(MAX_TRIVIAL_PERCENT);
      }
    });
  }

  it("the self-check flags an exercise whose negative checks a do-nothing workflow passes", async () => {
    const check = (id: string, body: string) =>
      `      - id: ${id}\n        description: verifica ${id}\n        points: 5\n        feedback: Corrija.\n        ${body}`;
    const scenario = (id: string, checks: string) =>
      `  - id: ${id}\n    title: Cenário ${id}\n    visibility: ${id === "d" ? "hidden\n    concept: Conceito" : "public"}\n    input: { pedido: { id: P-1, valor: 10 } }${happyMocks}\n    checks:\n${checks}`;
    const vacuous = (requires: string) =>
      ["a", "b", "c", "d"]
        .map((id) =>
          scenario(
            id,
            [
              check("paga", "type: invocations\n        state: Pagar\n        count: 1"),
              check("sem-falha", `type: visited\n        excludes: [Falhou]${requires}`),
            ].join("\n"),
          ),
        )
        .join("\n");
    const loose = await checkExercise(exercise({ scenarios: vacuous("") }));
    expect(loose.findings.map((finding) => finding.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^um fluxo que não faz nada \('só-succeed'\) tira 50 % \(o máximo é 15 %\), pontuando em a\/sem-falha/,
        ),
      ]),
    );
    const guarded = await checkExercise(exercise({ scenarios: vacuous("\n        requires: [Pagar]") }));
    expect(guarded.findings.filter((finding) => finding.message.includes("não faz nada"))).toEqual([]);
  });
});
