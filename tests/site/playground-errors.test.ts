/**
 * The playground tells the truth when something is wrong (issue 14, items 3 and 4), in a real browser:
 * a bad input or mock file is located and explained in Portuguese like a definition error, a broken mock
 * file says so instead of emptying the scenario list, JSON syntax errors link to no unrelated lesson, a
 * failed run is not drawn as a success, the old graph fades while the text does not parse, and the
 * "gerado a partir de …" caption goes once the text is not the lesson's.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { TIMEOUTS } from "../timeouts.ts";
import { pasteIntoEditor, ROOT, useBuiltSite } from "./harness.ts";

const PAYMENT = "/06-erros-e-retentativas/";
const paymentDefinition = readFileSync(join(ROOT, "exercises/examples/pagamento.asl.json"), "utf8");
const GREEN = "rgb(22, 163, 74)";
const WAIT = { timeout: TIMEOUTS.wait };

const site = useBuiltSite();

async function open(path: string): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(site.baseUrl + path, { waitUntil: "load" });
  await page.waitForSelector('[data-playground][data-ready="true"]', WAIT);
  return { page, context, errors };
}

const replaceEditorText = (page: Page, text: string) =>
  pasteIntoEditor(page, "[data-pg-editor] .cm-content", text);

/** Clicks "Executar" and waits for a result or the list of problems. */
async function run(page: Page): Promise<void> {
  await page.click("[data-pg-run]");
  await page.waitForSelector("[data-pg-result-status], [data-pg-problems]:not([hidden])", WAIT);
}

describe("playground: bad input and mock files, explained in Portuguese", () => {
  it("locates invalid JSON in the input box, explains it in pt-BR and selects the place", async () => {
    const { page, context, errors } = await open(PAYMENT);
    await page.fill("[data-pg-input]", '{\n  pedidoId: "P-1"\n}');
    await run(page);
    const item = page.locator('[data-pg-problems] li[data-pg-problem="input"]');
    await item.waitFor(WAIT);
    const text = (await item.textContent()) ?? "";
    expect(text).toMatch(/^Entrada \(linha 2, coluna 3\): Erro de sintaxe JSON: /);
    expect(text).not.toMatch(/Expected|position|Unexpected token/);
    // No lesson teaches JSON's syntax: no "Ver na lição" link to an unrelated page.
    expect(await item.locator("a").count()).toBe(0);
    // The place is a button that selects it in the input box.
    await item.getByRole("button", { name: "linha 2, coluna 3" }).click();
    const selection = await page.$eval("[data-pg-input]", (area) => {
      const input = area as HTMLTextAreaElement;
      return { focused: document.activeElement === input, start: input.selectionStart };
    });
    expect(selection).toEqual({ focused: true, start: 4 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a broken mock file says so, keeps the scenario list, and a run locates the error", async () => {
    const { page, context, errors } = await open(PAYMENT);
    await page.selectOption("[data-pg-scenario]", "SempreSobrecarregado");
    await page.click(".pg-mocks summary");
    const mocks = await page.inputValue("[data-pg-mocks]");
    // The quote before "StateMachines" goes missing: line 2, column 3.
    await page.fill("[data-pg-mocks]", mocks.replace('"StateMachines"', "StateMachines"));
    const note = page.locator("[data-pg-mocks-error]");
    await note.waitFor({ state: "visible", ...WAIT });
    const noteText = (await note.textContent()) ?? "";
    expect(noteText).toContain(
      "O arquivo de mocks não pôde ser lido (linha 2, coluna 3): Erro de sintaxe JSON:",
    );
    expect(noteText).not.toMatch(/Expected|position/);
    const options = await page.$$eval("[data-pg-scenario] option", (items) =>
      items.map((item) => (item as HTMLOptionElement).value),
    );
    expect(options).toEqual(["", "Sucesso", "InstavelDepoisOk", "SempreSobrecarregado"]);
    expect(await page.inputValue("[data-pg-scenario]")).toBe("SempreSobrecarregado");

    await run(page);
    const item = page.locator('[data-pg-problems] li[data-pg-problem="mocks"]');
    await item.waitFor(WAIT);
    expect(await item.textContent()).toMatch(
      /^Arquivo de mocks \(linha 2, coluna 3\): Erro de sintaxe JSON: /,
    );
    expect(await item.locator("a").count()).toBe(0);

    // Valid JSON that is not a mock file: said too.
    await page.fill("[data-pg-mocks]", '{ "Casos": {} }');
    await expect
      .poll(() => note.textContent(), WAIT)
      .toContain('O arquivo de mocks não lista cenários: ele precisa de "StateMachines"');
    // Fixed: the note goes and the list is read again.
    await page.fill("[data-pg-mocks]", mocks);
    await note.waitFor({ state: "hidden", ...WAIT });
    expect(await page.inputValue("[data-pg-scenario]")).toBe("SempreSobrecarregado");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a JSON syntax error in the definition links to no unrelated lesson", async () => {
    const { page, context } = await open(PAYMENT);
    await replaceEditorText(page, paymentDefinition.replace('"StartAt"', "StartAt"));
    await run(page);
    const item = page.locator('[data-pg-problems] li[data-pg-problem="definition"]').first();
    await item.waitFor(WAIT);
    expect(await item.textContent()).toMatch(/^Definição \(linha 3, coluna 3\): Erro de sintaxe JSON: /);
    expect(await item.locator("a").count()).toBe(0);
    await context.close();
  });
});

describe("playground: the graph tells the truth", () => {
  const graph = '[data-pg-panel="graph"]';

  it("after a failed run, the path and Fim are not drawn as a success; after a success they are", async () => {
    const { page, context, errors } = await open(PAYMENT);
    await page.selectOption("[data-pg-scenario]", "SempreSobrecarregado");
    await run(page);
    expect(await page.getAttribute("[data-pg-result-status]", "data-pg-result-status")).toBe("FAILED");
    const look = () =>
      page.$eval(graph, (panel) => {
        const stroke = (selector: string) => {
          const path = panel.querySelector(`${selector} path`);
          return path ? getComputedStyle(path).stroke : "";
        };
        const end = panel.querySelector('g.wf-marker[data-marker="end"]');
        return {
          failedRun: panel.querySelector("svg")?.classList.contains("pg-run-failed"),
          start: stroke('g.wf-edge.pg-taken[data-from="wf#start"]'),
          toEnd: stroke('g.wf-edge.pg-taken[data-to="wf#end"]'),
          endFailed: end?.classList.contains("pg-failed"),
          endFill: end ? getComputedStyle(end.querySelector("rect")!).fill : "",
        };
      });
    const failed = await look();
    expect(failed.failedRun).toBe(true);
    expect(failed.start).not.toBe(GREEN);
    expect(failed.toEnd).toBe("rgb(220, 38, 38)");
    expect(failed.endFailed).toBe(true);
    // Fim is reddish (the fill mixes #dc2626 into the background), not green.
    const [red, green] = (failed.endFill.match(/[\d.]+/g) ?? []).map(Number);
    expect(red).toBeGreaterThan(green!);

    await page.selectOption("[data-pg-scenario]", "Sucesso");
    await run(page);
    await expect
      .poll(() => page.getAttribute("[data-pg-result-status]", "data-pg-result-status"), WAIT)
      .toBe("SUCCEEDED");
    const succeeded = await look();
    expect(succeeded.failedRun).toBe(false);
    expect(succeeded.start).toBe(GREEN);
    expect(succeeded.toEnd).toBe(GREEN);
    expect(succeeded.endFailed).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the old graph fades while the definition does not parse, and the source caption goes once edited", async () => {
    const { page, context, errors } = await open(PAYMENT);
    const canvas = page.locator(`${graph} .workflow-graph__canvas`);
    const caption = page.locator(`${graph} figcaption`);
    expect(await caption.textContent()).toContain("gerado a partir de");
    expect(await caption.isVisible()).toBe(true);

    await replaceEditorText(page, paymentDefinition.replace('"StartAt"', "StartAt"));
    await expect
      .poll(() => canvas.evaluate((element) => getComputedStyle(element).opacity), WAIT)
      .toBe("0.35");
    expect(await canvas.locator('g.wf-state[data-state="ProcessarPagamento"]').count()).toBe(1);
    expect(await page.textContent("[data-pg-graph-note]")).toContain("O grafo não pôde ser desenhado");
    expect(await caption.isVisible()).toBe(false);

    // Parsing again: the graph is redrawn at full strength (it is the student's now, so no caption).
    const renamed = paymentDefinition.replaceAll("PagamentoRecusado", "Recusado");
    await replaceEditorText(page, renamed);
    await canvas.locator('g.wf-state[data-state="Recusado"]').waitFor(WAIT);
    expect(await canvas.evaluate((element) => getComputedStyle(element).opacity)).toBe("1");
    expect(await caption.isVisible()).toBe(false);

    // The lesson's version back: so is its caption.
    await page.click("[data-pg-restore]");
    await caption.waitFor({ state: "visible", ...WAIT });
    expect(errors).toEqual([]);
    await context.close();
  });
});
