/**
 * Refreshes the screenshots in docs/screenshots/ (`npm run screenshots`, after `npm run build`; or
 * `node scripts/screenshots.ts <dist>`): serves the built site on 127.0.0.1 and drives Debian's Chromium
 * (playwright-core, see tests/site/harness.ts). Light theme, device scale 1, so each PNG stays small.
 */
import { mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { launchChromium, serveStatic } from "../tests/site/harness.ts";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "docs", "screenshots");
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

async function open(browser: Browser, url: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: "light" });
  const page = await context.newPage();
  // Starlight reads the theme from localStorage; a fixed theme keeps the shots comparable.
  await page.addInitScript(() => localStorage.setItem("starlight-theme", "light"));
  await page.goto(url);
  return page;
}

async function shoot(target: Page | Locator, name: string): Promise<void> {
  const path = join(OUT, name);
  await target.screenshot({ path, animations: "disabled" });
  console.log(`${name}  ${(statSync(path).size / 1024).toFixed(0)} KB`);
}

/** Runs the lesson 06 playground with the scenario where the payment keeps failing (retries, Catch, Fail). */
async function failedRun(page: Page): Promise<Locator> {
  const playground = page.locator("[data-playground]").first();
  await playground.locator("[data-pg-editor] .cm-content").waitFor();
  await playground.locator("[data-pg-scenario]").selectOption("SempreSobrecarregado");
  await playground.locator("[data-pg-run]").click();
  await playground.locator('[data-pg-result-status="FAILED"]').waitFor();
  return playground;
}

export async function takeScreenshots(dist: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    // 1. A lesson page.
    const lesson = await open(browser, `${server.url}/04-padrao-sequencial/`);
    await shoot(lesson, "licao.png");

    // 2. A playground after a failed run: the graph, then the table with the timeline.
    const lesson06 = await open(browser, `${server.url}/06-erros-e-retentativas/`);
    const playground = await failedRun(lesson06);
    const tab = (name: string) => playground.getByRole("tab", { name });
    await tab("Grafo").click();
    await playground.locator("[data-pg-panel]:not([hidden]) svg").first().scrollIntoViewIfNeeded();
    await shoot(playground.locator("[data-pg-panel]:not([hidden])").first(), "playground-falha-grafo.png");
    await tab("Tabela").click();
    await shoot(playground.locator("[data-pg-panel]:not([hidden])").first(), "playground-falha-tabela.png");
    await shoot(playground.locator("[data-pg-summary]").first(), "playground-falha-resumo.png");

    // 3. An exercise after "Avaliar" (the starter as given: the result lists what is missing).
    const exercise = await open(browser, `${server.url}/exercicios/falha-pagamento/`);
    await exercise.locator('[data-part="editor"] .cm-content').waitFor();
    await exercise.click('[data-part="grade"]');
    const result = exercise.locator('[data-part="result"] [data-result]');
    await result.waitFor();
    // The score and the first checks, below Starlight's header.
    await result.evaluate((element) => element.scrollIntoView({ block: "start" }));
    await exercise.evaluate(() => window.scrollBy(0, -90));
    await shoot(exercise, "exercicio-resultado.png");

    // 4. The quiz after answering (first option of each question: some right, some wrong).
    const quiz = await open(browser, `${server.url}/15-autoavaliacao/`);
    await quiz.locator("[data-quiz] fieldset").first().waitFor();
    for (const fieldset of await quiz.locator("[data-quiz] fieldset").all()) {
      const radios = fieldset.locator('input[type="radio"]');
      if ((await radios.count()) > 1) await radios.nth(1).check();
    }
    await quiz.getByRole("button", { name: "Verificar" }).click();
    await quiz.waitForFunction(
      () => (document.querySelector('[data-part="result"]')?.textContent ?? "") !== "",
    );
    await quiz.locator("[data-quiz] fieldset").first().scrollIntoViewIfNeeded();
    await quiz.evaluate(() => window.scrollBy(0, -80));
    await shoot(quiz, "quiz-respondido.png");

    // 5. A playground at phone width, after the same failed run (graph).
    const phone = await open(browser, `${server.url}/06-erros-e-retentativas/`, PHONE);
    const small = await failedRun(phone);
    await small.getByRole("tab", { name: "Grafo" }).click();
    await small.locator("[data-pg-panel]:not([hidden])").first().scrollIntoViewIfNeeded();
    await shoot(phone, "playground-celular.png");
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.main) {
  await takeScreenshots(resolve(process.argv[2] ?? "dist"));
}
