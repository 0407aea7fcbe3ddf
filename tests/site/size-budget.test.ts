/**
 * The size budget (scripts/size-budget.ts, `npm run size`) on the test build: lesson pages without a
 * playground ship no island JavaScript, and a playground page's first load stays within the budget (PLAYGROUND_BUDGET_KIB).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  formatReport,
  measureSite,
  PLAYGROUND_BUDGET_KIB,
  type SizeReport,
} from "../../scripts/size-budget.ts";
import { buildSite } from "./harness.ts";

let report: SizeReport;
let outDir: string;

beforeAll(async () => {
  ({ outDir } = await buildSite());
  report = measureSite(outDir);
  console.log(formatReport(report, outDir));
});

describe("orçamento de tamanho", () => {
  it("lições sem playground (nem quiz) não carregam JavaScript de ilha", () => {
    const plain = report.pages.filter((page) => page.lesson && !page.playground && !page.quiz);
    expect(plain.length).toBeGreaterThan(5);
    for (const page of plain) expect(page.island, page.path).toEqual([]);
    expect(report.violations).toEqual([]);
  });

  it(`o JavaScript do playground cabe em ${PLAYGROUND_BUDGET_KIB} KiB gzip na primeira carga; o motor vem sob demanda`, () => {
    const playgrounds = report.pages.filter((page) => page.playground);
    expect(playgrounds.length).toBeGreaterThanOrEqual(7);
    expect(report.playgroundGzip).toBeLessThanOrEqual(PLAYGROUND_BUDGET_KIB * 1024);
    for (const page of playgrounds) {
      expect(
        page.onDemand.some((chunk) => chunk.file.includes("/run.")),
        page.path,
      ).toBe(true);
    }
  });

  it("a página de exercício carrega o editor; o avaliador só vem no worker, ao clicar em Avaliar", () => {
    const exercises = report.pages.filter((page) => /^\/exercicios\/[^/]+\/$/.test(page.path));
    expect(exercises.length).toBeGreaterThanOrEqual(7);
    for (const page of exercises) {
      expect(
        page.island.some((chunk) => chunk.file.includes("grade-worker")),
        page.path,
      ).toBe(false);
      expect(
        page.onDemand.some((chunk) => chunk.file.includes("grade-worker")),
        page.path,
      ).toBe(true);
      // The editor alone: the engine, validator and grader (≈160 KiB gzip) are not in the first load.
      expect(page.islandGzip, page.path).toBeLessThan(report.playgroundGzip * 0.6);
    }
  });

  it("o pacote não leva ajv, jsonpath-plus, csv-parse nem o CodeMirror 5", () => {
    const files = new Set(
      report.pages.filter((page) => page.playground).flatMap((page) => [...page.island, ...page.onDemand]),
    );
    for (const chunk of files) {
      const code = readFileSync(join(outDir, chunk.file), "utf8");
      // Strings that survive minification: CodeMirror 5 (what `codemirror` 6.x tags after 6.0.2 hold),
      // jsonpath-plus, csv-parse, and ajv's runtime compiler (the validator uses a precompiled standalone schema).
      expect(code, chunk.file).not.toMatch(/fromTextArea|toPathArray|CSV_INVALID_|strictTypes/);
    }
  });
});
