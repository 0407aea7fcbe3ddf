/**
 * The performance check (scripts/perf-check.ts, `npm run perf`) on the test build, with sane bounds for
 * localhost: Core Web Vitals' "good" thresholds (FCP < 1.8 s, LCP < 2.5 s) without throttling, and the
 * playground's editor ready within 2.5 s; with the CPU slowed down 4×, LCP still under 2.5 s.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { formatFigures, measurePage, PAGES, type PerfFigures } from "../../scripts/perf-check.ts";
import { useBuiltSite } from "./harness.ts";

const site = useBuiltSite({ timeoutMs: 200_000 });
const figures: PerfFigures[] = [];

// Measured once for both tests, after useBuiltSite's beforeAll (hooks run in order); the CPU slowdown
// (CDP throttling) is measurePage's.
beforeAll(async () => {
  for (const slowdown of [1, 4]) {
    for (const path of PAGES) figures.push(await measurePage(site.browser, site.baseUrl, path, slowdown));
  }
  console.log(formatFigures(figures));
}, 200_000);

describe("desempenho de uma lição (Chromium, 127.0.0.1)", () => {
  it("sem limitar a CPU: FCP < 1,8 s, LCP < 2,5 s, editor do playground pronto em < 2,5 s", () => {
    for (const page of figures.filter((item) => item.cpuSlowdown === 1)) {
      expect(page.fcp, page.path).toBeGreaterThan(0);
      expect(page.fcp, page.path).toBeLessThan(1800);
      expect(page.lcp, page.path).toBeGreaterThan(0);
      expect(page.lcp, page.path).toBeLessThan(2500);
      expect(page.load, page.path).toBeLessThan(2500);
    }
    const playground = figures.find((item) => item.cpuSlowdown === 1 && item.editorReady !== undefined);
    expect(playground?.editorReady).toBeLessThan(2500);
  });

  it("com a CPU 4× mais lenta: LCP < 2,5 s; a lição sem playground carrega bem menos JavaScript", () => {
    for (const page of figures.filter((item) => item.cpuSlowdown === 4)) {
      expect(page.lcp, page.path).toBeLessThan(2500);
    }
    const [plain, withPlayground] = PAGES.map((path) => figures.find((item) => item.path === path)!);
    expect(plain!.editorReady).toBeUndefined();
    expect(plain!.jsBytes).toBeLessThan(withPlayground!.jsBytes / 4);
  });
});
