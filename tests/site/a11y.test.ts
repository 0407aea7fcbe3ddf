/**
 * Automated accessibility checks with axe-core on the built site, in Chromium: every built page in the light
 * and the dark theme (with its islands mounted), a lesson with a playground (before and after a run, on every
 * view tab), an exercise page (before and after "Avaliar") and the quiz (before and after answering). No
 * "serious" or "critical" violation is allowed, nor two landmarks that cannot be told apart (landmark-unique).
 */
import { readdirSync } from "node:fs";
import { sep } from "node:path";
import axe from "axe-core";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "./harness.ts";

const site = useBuiltSite();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe on the page as it is now; returns the serious and critical violations, and duplicate landmarks
 * (axe rates landmark-unique "moderate", but a screen reader's landmark list is useless with them), readable.
 */
async function seriousViolations(page: Page, context: string): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, which the site's Content Security Policy does not govern: an
  // inline <script> (page.addScriptTag) would be blocked, and the page is checked as users get it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const found = await run(document, { resultTypes: ["violations"] });
    return found.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
  const serious = results.filter(
    (violation) =>
      violation.impact === "serious" || violation.impact === "critical" || violation.id === "landmark-unique",
  );
  if (serious.length > 0) console.log(context, JSON.stringify(serious, null, 2));
  return serious;
}

/** Goes to `path` and waits until the page is as a student meets it: code blocks and islands ready. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(site.baseUrl + path);
  // Expressive Code makes overflowing code blocks focusable regions a moment after load (ResizeObserver +
  // idle); the playgrounds, exercise editors and the quiz mount after their scripts load.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>(".expressive-code pre")].every(
        // A block inside a closed <details> is not rendered: it becomes a region when it is opened.
        (pre) =>
          !pre.checkVisibility() || pre.scrollWidth <= pre.clientWidth || pre.hasAttribute("aria-label"),
      ) &&
      [...document.querySelectorAll<HTMLElement>("[data-playground], [data-exercise], [data-quiz]")].every(
        (island) => island.dataset["ready"] === "true",
      ),
  );
}

async function open(path: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await visit(page, path);
  return page;
}

/** Every page of the build ("/", "/06-erros-e-retentativas/", …, "/404.html"), found in its folder. */
function builtPages(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => {
      const path = `/${file.split(sep).join("/")}`;
      return path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
    })
    .sort();
}

// Every page in one browser page, one after the other: 26 pages took 3 min at load 30 on 2 cores (10–20 s on
// a quiet machine); the limit leaves room for twice that.
const ALL_PAGES_TIMEOUT_MS = 600_000;

describe("acessibilidade (axe-core) de todas as páginas", () => {
  for (const theme of ["light", "dark"] as const) {
    it(
      `tema ${theme === "light" ? "claro" : "escuro"}: nenhuma violação séria ou crítica, marcos com nomes únicos`,
      async () => {
        const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addInitScript((value) => localStorage.setItem("starlight-theme", value), theme);
        const page = await context.newPage();
        const pages = builtPages(site.outDir);
        expect(pages).toEqual(expect.arrayContaining(["/", "/06-erros-e-retentativas/", "/exercicios/"]));
        expect(pages.length).toBeGreaterThanOrEqual(25);
        const found: Record<string, Violation[]> = {};
        for (const path of pages) {
          await visit(page, path);
          expect(await page.getAttribute("html", "data-theme"), path).toBe(theme);
          const violations = await seriousViolations(page, `${theme} ${path}`);
          if (violations.length > 0) found[path] = violations;
        }
        expect(found).toEqual({});
        await context.close();
      },
      ALL_PAGES_TIMEOUT_MS,
    );
  }
});

describe("acessibilidade (axe-core): nenhuma violação séria ou crítica", () => {
  it("lição com playground: ao abrir e depois de uma execução com falha, em cada aba", async () => {
    const page = await open("/06-erros-e-retentativas/");
    await page.locator("[data-pg-editor] .cm-content").first().waitFor();
    expect(await seriousViolations(page, "lição 06")).toEqual([]);

    await page.selectOption("[data-pg-scenario]", "SempreSobrecarregado");
    await page.click("[data-pg-run]");
    await page.waitForSelector("[data-pg-result-status]");
    const tabs = page.locator("[data-pg-tab]");
    const count = await tabs.count();
    expect(count).toBeGreaterThanOrEqual(4);
    for (let index = 0; index < count; index++) {
      await tabs.nth(index).click();
      expect(await seriousViolations(page, `lição 06, aba ${index}`)).toEqual([]);
    }
    await page.close();
  });

  it("página de exercício: ao abrir e depois de Avaliar", async () => {
    const page = await open("/exercicios/falha-pagamento/");
    await page.locator('[data-part="editor"] .cm-content').waitFor();
    expect(await seriousViolations(page, "exercício")).toEqual([]);
    await page.click('[data-part="grade"]');
    await page.waitForSelector('[data-part="result"] [data-result]');
    expect(await seriousViolations(page, "exercício avaliado")).toEqual([]);
    await page.close();
  });

  it("quiz (autoavaliação): ao abrir e depois de responder", async () => {
    const page = await open("/15-autoavaliacao/");
    await page.locator("[data-quiz] fieldset").first().waitFor();
    expect(await seriousViolations(page, "quiz")).toEqual([]);
    for (const fieldset of await page.locator("[data-quiz] fieldset").all()) {
      const radio = fieldset.locator('input[type="radio"]').first();
      if ((await radio.count()) > 0) await radio.check();
    }
    await page.getByRole("button", { name: "Verificar" }).click();
    await page.waitForFunction(
      () => (document.querySelector('[data-part="result"]')?.textContent ?? "") !== "",
    );
    expect(await seriousViolations(page, "quiz respondido")).toEqual([]);
    await page.close();
  });
});
