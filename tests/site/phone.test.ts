/**
 * On a phone (390 px wide): a wide table scrolls sideways by itself (not the page), from the keyboard too,
 * and shows a shadow on the side that still has columns; the exercise page says where the solution appears
 * ("abaixo" on a phone, "ao lado" on a wide screen, where the two editors stand side by side).
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { exerciseUi } from "../../src/i18n/pt-BR-exercicios.ts";
import { useBuiltSite } from "./harness.ts";

const site = useBuiltSite();

const PHONE = { width: 390, height: 844 };
const WIDE_TABLE_PAGE = "/13-desafios-avancados/";

/** A screenshot of a 12 px strip along one side of `element`, with or without the element's background. */
async function edgeStrip(
  page: Page,
  element: Locator,
  side: "left" | "right",
  background: boolean,
): Promise<Buffer> {
  await element.evaluate((table, on) => {
    (table as HTMLElement).style.backgroundImage = on ? "" : "none";
  }, background);
  const box = (await element.boundingBox())!;
  const x = side === "left" ? box.x : box.x + box.width - 12;
  return page.screenshot({ clip: { x, y: box.y, width: 12, height: box.height } });
}

describe("no telefone", () => {
  it("uma tabela larga rola sozinha, também pelo teclado, com sombra do lado que ainda tem colunas", async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(site.baseUrl + WIDE_TABLE_PAGE);
    const table = page.locator(".sl-markdown-content table").first();
    await table.scrollIntoViewIfNeeded();
    const sizes = await table.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      pageScrollWidth: document.documentElement.scrollWidth,
      pageWidth: document.documentElement.clientWidth,
    }));
    expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth);
    expect(sizes.pageScrollWidth).toBeLessThanOrEqual(sizes.pageWidth);

    // At the start: a shadow on the right (more columns there), none on the left.
    expect(await edgeStrip(page, table, "right", true)).not.toEqual(
      await edgeStrip(page, table, "right", false),
    );
    expect(await edgeStrip(page, table, "left", true)).toEqual(await edgeStrip(page, table, "left", false));

    // From the keyboard: the table is in the tab order, and the arrow keys scroll it.
    expect(await table.evaluate((element) => (element as HTMLElement).tabIndex)).toBe(0);
    await table.evaluate((element) => (element as HTMLElement).focus());
    expect(await table.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => table.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await table.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    await table.evaluate((element) => (element as HTMLElement).blur());

    // At the end: the shadow moved to the left.
    expect(await edgeStrip(page, table, "left", true)).not.toEqual(
      await edgeStrip(page, table, "left", false),
    );
    expect(await edgeStrip(page, table, "right", true)).toEqual(await edgeStrip(page, table, "right", false));
    await context.close();
  });

  it("a página de exercício diz que a solução aparece abaixo (e ao lado, numa tela larga)", async () => {
    for (const [viewport, shown, hidden] of [
      [PHONE, exerciseUi.solutionNoteBelow, exerciseUi.solutionNoteBeside],
      [{ width: 1280, height: 900 }, exerciseUi.solutionNoteBeside, exerciseUi.solutionNoteBelow],
    ] as const) {
      const context = await site.browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(site.baseUrl + "/exercicios/falha-pagamento/");
      await page.waitForSelector('[data-exercise][data-ready="true"]');
      await page.click('[data-part="toggle-solution"]');
      const pane = page.locator('[data-part="solution-pane"]');
      await pane.waitFor();
      const note = await pane.locator(".px-note").innerText();
      expect(note).toContain(shown);
      expect(note).not.toContain(hidden);
      const attempt = (await page.locator('[data-part="editor"]').boundingBox())!;
      const solution = (await page.locator('[data-part="solution"]').boundingBox())!;
      if (viewport === PHONE) expect(solution.y).toBeGreaterThanOrEqual(attempt.y + attempt.height);
      else expect(solution.x).toBeGreaterThanOrEqual(attempt.x + attempt.width);
      await context.close();
    }
  });
});
