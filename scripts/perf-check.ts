/**
 * A Lighthouse-style performance check of lesson pages (`npm run perf`, after `npm run build`; or
 * `node scripts/perf-check.ts <dist>`). Lighthouse is not installed here, so this measures with Debian's
 * Chromium through playwright-core and the browser's own Performance APIs:
 * - FCP (paint timing), LCP (PerformanceObserver 'largest-contentful-paint', last entry before input),
 *   DOMContentLoaded and load (navigation timing);
 * - long tasks (PerformanceObserver 'longtask'): count, longest, and the blocking time (sum of the part of
 *   each task over 50 ms, like Lighthouse's TBT but until the end of the measurement);
 * - JS and CSS transferred (resource timing; the local test server does not compress, so these are the raw
 *   file sizes — see scripts/size-budget.ts for gzip sizes);
 * - for a playground page, when its editor is ready (the island mounted: `.cm-content` in the page).
 * Each page is loaded in a fresh browser context (empty cache), without throttling and with the CPU slowed
 * down 4× (CDP Emulation.setCPUThrottlingRate), on 127.0.0.1 (no network throttling).
 */
import os from "node:os";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium, serveStatic } from "../tests/site/harness.ts";

export interface PerfFigures {
  readonly path: string;
  readonly cpuSlowdown: number;
  readonly fcp: number;
  readonly lcp: number;
  readonly domContentLoaded: number;
  readonly load: number;
  /** When the playground's editor appeared (ms since navigation start); undefined without a playground. */
  readonly editorReady: number | undefined;
  readonly longTasks: number;
  readonly longestTask: number;
  readonly blockingTime: number;
  readonly jsBytes: number;
  readonly jsFiles: number;
  readonly cssBytes: number;
}

export const PAGES = ["/02-introducao-ao-step-functions/", "/06-erros-e-retentativas/"] as const;

/**
 * The budget `npm run perf` holds the pages to: Core Web Vitals' "good" thresholds (FCP < 1.8 s, LCP < 2.5 s)
 * and the playground's editor ready within 2.5 s without throttling; LCP < 2.5 s with the CPU slowed 4×.
 * Timings depend on how busy the machine is, so they are checked here, on a quiet machine, not in the tests.
 */
export const PERF_BUDGET_MS = { fcp: 1800, lcp: 2500, load: 2500, editorReady: 2500 } as const;

/** What is over budget, one line per figure (empty when all is within it). */
export function overBudget(all: readonly PerfFigures[]): string[] {
  const over: string[] = [];
  const check = (figures: PerfFigures, name: keyof typeof PERF_BUDGET_MS, value: number | undefined) => {
    if (value !== undefined && value >= PERF_BUDGET_MS[name]) {
      over.push(
        `${figures.path} (CPU ${figures.cpuSlowdown}×): ${name} ${ms(value)} ≥ ${ms(PERF_BUDGET_MS[name])}`,
      );
    }
  };
  for (const figures of all) {
    check(figures, "lcp", figures.lcp);
    if (figures.cpuSlowdown !== 1) continue;
    check(figures, "fcp", figures.fcp);
    check(figures, "load", figures.load);
    check(figures, "editorReady", figures.editorReady);
  }
  return over;
}

/** Collects LCP and long tasks from the very start of the page. */
const OBSERVE = `
  window.__perf = { lcp: 0, longTasks: [], editor: undefined };
  const editorWatch = new MutationObserver(() => {
    if (document.querySelector("[data-playground] .cm-content")) {
      window.__perf.editor = performance.now();
      editorWatch.disconnect();
    }
  });
  editorWatch.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__perf.lcp = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__perf.longTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
`;

export async function measurePage(
  browser: Browser,
  url: string,
  path: string,
  cpuSlowdown: number,
): Promise<PerfFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    await page.addInitScript({ content: OBSERVE });
    await page.goto(url + path, { waitUntil: "load" });
    const hasPlayground = (await page.locator("[data-playground]").count()) > 0;
    if (hasPlayground) await page.locator("[data-playground] .cm-content").first().waitFor();
    // Quiet period: let late long tasks (the first lint pass, the graph) and LCP candidates land.
    await page.waitForTimeout(1500);
    const figures = await page.evaluate(() => {
      const perf = (window as unknown as { __perf: { lcp: number; longTasks: number[]; editor?: number } })
        .__perf;
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const size = (entry: PerformanceResourceTiming) => entry.transferSize || entry.encodedBodySize;
      const js = resources.filter((entry) => /\.m?js(\?|$)/.test(entry.name));
      const css = resources.filter((entry) => /\.css(\?|$)/.test(entry.name));
      return {
        editorReady: perf.editor,
        fcp: paint?.startTime ?? 0,
        lcp: perf.lcp,
        domContentLoaded: navigation.domContentLoadedEventEnd,
        load: navigation.loadEventEnd,
        longTasks: perf.longTasks.length,
        longestTask: Math.max(0, ...perf.longTasks),
        blockingTime: perf.longTasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
        jsBytes: js.reduce((sum, entry) => sum + size(entry), 0),
        jsFiles: js.length,
        cssBytes: css.reduce((sum, entry) => sum + size(entry), 0),
      };
    });
    return { path, cpuSlowdown, ...figures, editorReady: hasPlayground ? figures.editorReady : undefined };
  } finally {
    await context.close();
  }
}

const ms = (value: number | undefined) => (value === undefined ? "—" : `${Math.round(value)} ms`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

export function formatFigures(all: readonly PerfFigures[]): string {
  const header = [
    "página",
    "CPU",
    "FCP",
    "LCP",
    "DCL",
    "load",
    "editor",
    "long tasks",
    "maior",
    "bloqueio",
    "JS",
    "CSS",
  ];
  const rows = all.map((figures) => [
    figures.path,
    `${figures.cpuSlowdown}×`,
    ms(figures.fcp),
    ms(figures.lcp),
    ms(figures.domContentLoaded),
    ms(figures.load),
    ms(figures.editorReady),
    String(figures.longTasks),
    ms(figures.longestTask),
    ms(figures.blockingTime),
    `${kb(figures.jsBytes)} (${figures.jsFiles})`,
    kb(figures.cssBytes),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

export async function perfCheck(dist: string, slowdowns: readonly number[] = [1, 4]): Promise<PerfFigures[]> {
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const all: PerfFigures[] = [];
    for (const slowdown of slowdowns) {
      for (const path of PAGES) all.push(await measurePage(browser, server.url, path, slowdown));
    }
    return all;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.main) {
  const dist = resolve(process.argv[2] ?? "dist");
  const figures = await perfCheck(dist);
  console.log(`Desempenho (Chromium ${dist}; 127.0.0.1, cache vazio; JS/CSS sem compressão)`);
  console.log(formatFigures(figures));
  const over = overBudget(figures);
  if (over.length > 0) {
    console.log(
      `Acima do orçamento (${os.loadavg()[0]!.toFixed(1)} de carga média: meça com a máquina ociosa):`,
    );
    for (const line of over) console.log(`  ${line}`);
    process.exitCode = 1;
  }
}
