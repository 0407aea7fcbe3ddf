/** `partitura exercises` and `partitura check-exercises` as an instructor runs them. */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { partitura, ROOT, tempDir } from "./partitura.ts";

const EXERCISES = join(ROOT, "exercises");

function copyOf(slug: string): string {
  const root = tempDir("partitura-exercicios-");
  cpSync(join(EXERCISES, slug), join(root, slug), { recursive: true });
  return root;
}

describe("partitura exercises", () => {
  it("lists the seven exercises with points and public/hidden scenario counts", () => {
    const { code, stdout } = partitura("exercises");
    expect(code).toBe(0);
    expect(stdout).toContain("7 exercício(s):");
    expect(stdout).toMatch(/falha-pagamento\s+Falha no pagamento: Retry e Catch\s+100\s+5 \(2\)/);
    const json = JSON.parse(partitura("exercises", "--json").stdout) as {
      exercises: Array<{ slug: string }>;
    };
    expect(json.exercises.map((exercise) => exercise.slug)).toContain("standard-vs-express");
  });

  it("shows a broken exercise with its file, line and column, exit 1", () => {
    const root = copyOf("falha-pagamento");
    const file = join(root, "falha-pagamento", "exercicio.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "type: retries\n        state: ProcessarPagamento\n        count: 0",
        "type: retry\n        state: ProcessarPagamento\n        count: 0",
      ),
    );
    const { code, stdout } = partitura("exercises", "--root", root);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /✗ falha-pagamento\/exercicio\.yaml:\d+:\d+: tipo de verificação desconhecido 'retry'/,
    );
  });
});

describe("partitura check-exercises", () => {
  it("passes for the bundled exercises", () => {
    const { code, stdout } = partitura("check-exercises");
    expect(code).toBe(0);
    expect(stdout).toContain("✓ falha-pagamento: inicial 25 %, solução 100 %");
    expect(stdout).toContain("Todos os 7 exercícios estão consistentes.");
  });

  it("fails when the reference solution stops scoring 100 %", () => {
    const root = copyOf("falha-pagamento");
    const file = join(root, "falha-pagamento", "solucao.asl.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"IntervalSeconds": 2', '"IntervalSeconds": 1'));
    const { code, stdout } = partitura("check-exercises", "--root", root);
    expect(code).toBe(1);
    expect(stdout).toContain("✗ falha-pagamento:");
    expect(stdout).toContain("a solução de referência falha na verificação estática 'retry-configurado'");
    expect(stdout).toContain("o cenário oculto 'erro-desconhecido' não é alcançável");
    expect(stdout).toContain("1 de 1 exercício(s) com problemas.");
  });
});
