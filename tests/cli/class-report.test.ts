import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { partitura, ROOT, tempDir } from "./partitura.ts";

const SAMPLE = join(ROOT, "examples", "submissions", "falha-pagamento");
// Spawning Node and grading the sample class takes ~3 s idle; a busy shared machine measured 17 s per test; 120 s leaves a wide margin.
const TIMEOUT = 120_000;

describe("partitura grade --format html / json (class view)", () => {
  it(
    "writes one offline HTML file with the histogram, the common mistakes and the similarity section",
    () => {
      const out = join(tempDir(), "turma.html");
      const run = partitura(
        "grade",
        SAMPLE,
        "--exercise",
        "falha-pagamento",
        "--hidden",
        "--format",
        "html",
        "--out",
        out,
        "--site",
        "https://curso.example",
      );
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const html = readFileSync(out, "utf8");
      expect(html).toContain("Relatório da turma");
      expect(html).toContain('id="erros-comuns"');
      expect(html).toContain('id="semelhanca"');
      expect(html).toContain('href="https://curso.example/06-erros-e-retentativas/"');
      expect(html).not.toMatch(/<script/i);
    },
    TIMEOUT,
  );

  it(
    "adds the same data to --format json as a summary block, which --compare still reads",
    () => {
      const dir = tempDir();
      const out = join(dir, "notas.json");
      const run = partitura(
        "grade",
        SAMPLE,
        "--exercise",
        "falha-pagamento",
        "--hidden",
        "--format",
        "json",
        "--out",
        out,
      );
      expect(run.code).toBe(0);
      const data = JSON.parse(readFileSync(out, "utf8"));
      expect(data.submissions).toHaveLength(8);
      expect(data.summary.histogram).toHaveLength(10);
      expect(data.summary.groups[0].students.length).toBeGreaterThanOrEqual(1);
      expect(data.summary.similarity.pairs).toEqual([]);
      const again = partitura("grade", SAMPLE, "--exercise", "falha-pagamento", "--hidden", "--compare", out);
      expect(again.code).toBe(0);
    },
    TIMEOUT,
  );
});

describe("partitura similarity", () => {
  it(
    "flags the student who renamed and reformatted a classmate's file, and nobody else",
    () => {
      const dir = tempDir();
      const own = JSON.parse(
        readFileSync(join(ROOT, "exercises", "falha-pagamento", "solucao.asl.json"), "utf8"),
      );
      own.Comment = "Do jeito da Ana";
      own.States.ProcessarPagamento.Catch[0].ResultPath = "$.motivoDaFalha";
      own.States.ProcessarPagamento.TimeoutSeconds = 25;
      writeFileSync(join(dir, "ana.asl.json"), JSON.stringify(own, null, 2));
      const copy = JSON.parse(JSON.stringify(own).replaceAll("AtualizarEstoque", "BaixarEstoque"));
      writeFileSync(join(dir, "caio.yaml"), toYaml(copy));
      writeFileSync(join(dir, "bia.asl.json"), readFileSync(join(SAMPLE, "ana-souza.asl.json")));
      const run = partitura("similarity", dir, "--exercise", "falha-pagamento");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("ana × caio: 100 %");
      expect(run.stdout).not.toContain("bia ×");
      expect(run.stdout).toMatch(
        /"\$\.motivoDaFalha"\n\s+ProcessarPagamento › Catch\[0\]\.ResultPath {2}\| {2}ProcessarPagamento/,
      );
    },
    TIMEOUT,
  );

  it("refuses a threshold outside 0–1 with one Portuguese line", () => {
    const run = partitura("similarity", SAMPLE, "--threshold", "80");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("--threshold aceita um número entre 0 e 1 (por exemplo 0.8), não '80'.\n");
  });
});
