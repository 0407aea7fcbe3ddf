/**
 * The performance check (scripts/perf-check.ts, `npm run perf`) on the test build. Its timings depend on how
 * busy the machine is, so its budget (FCP, LCP, editor ready) is held by `npm run perf` on a quiet machine;
 * here: what does not depend on the machine's load — both pages paint, the playground's editor comes up,
 * a lesson without a playground loads far less JavaScript, and the budget check names what is over it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  formatFigures,
  measurePage,
  overBudget,
  PAGES,
  PERF_BUDGET_MS,
  type PerfFigures,
} from "../../scripts/perf-check.ts";
import { useBuiltSite } from "./harness.ts";

const site = useBuiltSite();
const figures: PerfFigures[] = [];

// Measured once for both tests, after useBuiltSite's beforeAll (hooks run in order); the CPU slowdown
// (CDP throttling) is measurePage's.
beforeAll(async () => {
  for (const slowdown of [1, 4]) {
    for (const path of PAGES) figures.push(await measurePage(site.browser, site.baseUrl, path, slowdown));
  }
  console.log(formatFigures(figures));
});

describe("desempenho de uma lição (Chromium, 127.0.0.1)", () => {
  it("as duas lições pintam; o editor do playground aparece; a lição sem playground carrega bem menos JavaScript", () => {
    expect(figures).toHaveLength(2 * PAGES.length);
    for (const page of figures) {
      expect(page.fcp, page.path).toBeGreaterThan(0);
      expect(page.lcp, page.path).toBeGreaterThan(0);
    }
    const [plain, withPlayground] = PAGES.map((path) => figures.find((item) => item.path === path)!);
    expect(plain!.editorReady).toBeUndefined();
    expect(withPlayground!.editorReady).toBeGreaterThan(0);
    expect(plain!.jsBytes).toBeLessThan(withPlayground!.jsBytes / 4);
  });

  it("o orçamento (FCP < 1,8 s, LCP < 2,5 s, editor pronto < 2,5 s) aponta cada número acima dele", () => {
    const quick = { ...figures[0]!, fcp: 900, lcp: 1200, load: 1300, editorReady: 1400 };
    expect(overBudget([quick, { ...quick, cpuSlowdown: 4, fcp: 5000, load: 6000 }])).toEqual([]);
    const slow = { ...quick, path: "/06-erros-e-retentativas/", fcp: 1800, editorReady: 2600 };
    expect(overBudget([slow, { ...slow, cpuSlowdown: 4, lcp: 3000 }])).toEqual([
      `/06-erros-e-retentativas/ (CPU 1×): fcp 1800 ms ≥ ${PERF_BUDGET_MS.fcp} ms`,
      "/06-erros-e-retentativas/ (CPU 1×): editorReady 2600 ms ≥ 2500 ms",
      "/06-erros-e-retentativas/ (CPU 4×): lcp 3000 ms ≥ 2500 ms",
    ]);
  });
});
