/**
 * The playground island in a real browser (Debian's Chromium through playwright-core): diagnostics in the
 * editor with links to the lesson that explains them, style notes kept out of the way, runs on the engine
 * with mocks, the graph / table / events / data views, watch-it-run, autosave, share links, download, a
 * phone-sized screen and a strict Content Security Policy.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { LESSON_SECTIONS } from "../../src/playground/lesson-sections.generated.ts";
import { ROOT, serveStatic, useBuiltSite } from "./harness.ts";

const PAYMENT = "/06-erros-e-retentativas/";
const paymentDefinition = readFileSync(join(ROOT, "exercises/examples/pagamento.asl.json"), "utf8");

const site = useBuiltSite();

// The same build, also served with a strict Content Security Policy (registered after useBuiltSite's hooks,
// so the build is there).
let cspUrl = "";
let closeStrict: () => Promise<void> = async () => {};
beforeAll(async () => {
  const strict = await serveStatic(site.outDir, {
    headers: { "content-security-policy": "script-src 'self'; object-src 'none'; base-uri 'self'" },
  });
  cspUrl = strict.url;
  closeStrict = strict.close;
});
afterAll(() => closeStrict());

interface Opened {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

async function open(
  path: string,
  options: { context?: BrowserContext; base?: string; width?: number } = {},
): Promise<Opened> {
  const context =
    options.context ??
    (await site.browser.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      acceptDownloads: true,
    }));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto((options.base ?? site.baseUrl) + path, { waitUntil: "load" });
  await page.waitForSelector('[data-playground][data-ready="true"]');
  return { page, context, errors };
}

const editorText = (page: Page) =>
  page.$eval("[data-pg-editor] .cm-content", (element) => {
    // CodeMirror renders only the visible lines; its view (on the content element) holds the document.
    // (EditorView.findFromDOM does the same: content element → tile → root → view.)
    type View = { state: { doc: { toString(): string } } };
    const view = (element as unknown as { cmTile?: { root?: { view?: View } } }).cmTile?.root?.view;
    return view ? view.state.doc.toString() : "";
  });

async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.click("[data-pg-editor] .cm-content");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

async function runScenario(page: Page, scenario: string): Promise<string> {
  await page.selectOption("[data-pg-scenario]", scenario);
  await page.click("[data-pg-run]");
  await page.waitForSelector("[data-pg-result-status], [data-pg-problems]:not([hidden])");
  return (await page.getAttribute("[data-pg-result-status]", "data-pg-result-status")) ?? "";
}

describe("playground: editor", () => {
  it("underlines an error with the validator's pt-BR message on hover, and clears it when fixed", async () => {
    const { page, context, errors } = await open(PAYMENT);
    const broken = paymentDefinition.replace('"Next": "AtualizarEstoque"', '"Next": "AtualizarEstoqu"');
    await replaceEditorText(page, broken);
    const underline = page.locator("[data-pg-editor] .cm-lintRange-error").first();
    await underline.waitFor();
    expect(await underline.textContent()).toContain("AtualizarEstoqu");
    await underline.hover();
    const tooltip = page.locator(".cm-tooltip-lint");
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain("O estado 'AtualizarEstoqu' não existe neste bloco States");
    // Running a broken definition shows the located message, not a stack trace.
    await page.click("[data-pg-run]");
    const problems = page.locator("[data-pg-problems]");
    await problems.waitFor();
    const text = (await problems.textContent()) ?? "";
    expect(text).toMatch(/linha 19, coluna \d+/);
    expect(text).toContain("Você quis dizer 'AtualizarEstoque'?");
    expect(text).not.toMatch(/at \w+ \(|Error:/);
    // Fix it: the underline goes away and the run succeeds.
    await replaceEditorText(page, paymentDefinition);
    await expect.poll(() => page.locator("[data-pg-editor] .cm-lintRange-error").count()).toBe(0);
    expect(await runScenario(page, "Sucesso")).toBe("SUCCEEDED");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("edits from the keyboard: Enter keeps the indentation, Ctrl+Z / Ctrl+Y undo and redo, Ctrl+End", async () => {
    const { page, context, errors } = await open(PAYMENT);
    await replaceEditorText(page, '{\n  "StartAt": "A",');
    await page.keyboard.press("Enter");
    await page.keyboard.insertText('"States": {');
    await page.keyboard.press("Enter");
    expect(await editorText(page)).toBe('{\n  "StartAt": "A",\n  "States": {\n    ');
    const typed = await editorText(page);
    await page.keyboard.press("ControlOrMeta+z");
    expect(await editorText(page)).not.toBe(typed);
    await page.keyboard.press("ControlOrMeta+y");
    expect(await editorText(page)).toBe(typed);
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.insertText("}");
    expect((await editorText(page)).endsWith("}")).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows an engine compile error (DefinitionError) located in the text", async () => {
    const { page, context } = await open(PAYMENT);
    const bad = paymentDefinition.replace('"ResultPath": "$.erro"', '"ResultPath": "$.erro[("');
    await replaceEditorText(page, bad);
    await page.click("[data-pg-run]");
    const problems = page.locator("[data-pg-problems]");
    await problems.waitFor();
    const text = (await problems.textContent()) ?? "";
    expect(text).toMatch(/Definição \(linha 17, coluna \d+\)/);
    expect(text).toContain("ResultPath");
    await context.close();
  });
});

/** The built page behind a site-absolute href, and whether its #fragment (if any) is an element id there. */
function builtTarget(href: string): { exists: boolean; fragmentFound: boolean } {
  const url = new URL(href, "http://site.invalid");
  const file = join(site.outDir, decodeURIComponent(url.pathname), "index.html");
  if (!existsSync(file)) return { exists: false, fragmentFound: false };
  const fragment = decodeURIComponent(url.hash.slice(1));
  return {
    exists: true,
    fragmentFound: fragment === "" || readFileSync(file, "utf8").includes(`id="${fragment}"`),
  };
}

describe("playground: diagnostics link to the lesson that explains them", () => {
  it("every validator section's link points at a built page (and an existing heading id)", () => {
    expect(Object.keys(LESSON_SECTIONS).length).toBeGreaterThanOrEqual(10);
    for (const [section, link] of Object.entries(LESSON_SECTIONS)) {
      expect(builtTarget(link.href), `${section} → ${link.href}`).toEqual({
        exists: true,
        fragmentFound: true,
      });
    }
  });

  it("the tooltip of an underlined error has a 'Ver na lição' link that opens the right lesson", async () => {
    const { page, context, errors } = await open(PAYMENT);
    await replaceEditorText(
      page,
      paymentDefinition.replace('"Next": "AtualizarEstoque"', '"Next": "AtualizarEstoqu"'),
    );
    const underline = page.locator("[data-pg-editor] .cm-lintRange-error").first();
    await underline.waitFor();
    await underline.hover();
    const link = page.locator(".cm-tooltip-lint a.pg-lesson-link");
    await link.waitFor();
    expect(await link.textContent()).toBe(
      "Ver na lição: Padrões de Orquestração: Sequencial – O Caminho Linear",
    );
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toBe("/04-padrao-sequencial/");
    expect(builtTarget(href)).toEqual({ exists: true, fragmentFound: true });

    // From the keyboard: Ctrl+Shift+M opens CodeMirror's list of problems, and Tab reaches the same link.
    await page.click("[data-pg-editor] .cm-content");
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.press("ControlOrMeta+Shift+KeyM");
    await page.locator("[data-pg-editor] .cm-panel-lint").waitFor();
    await page.keyboard.press("Tab");
    expect(
      await page.evaluate(() => {
        const active = document.activeElement;
        return active instanceof HTMLAnchorElement ? active.getAttribute("href") : null;
      }),
    ).toBe(href);

    // Running it lists the problem with the same link.
    await page.keyboard.press("Escape");
    await page.click("[data-pg-run]");
    const problemLink = page.locator("[data-pg-problems] a.pg-lesson-link");
    await problemLink.waitFor();
    expect(await problemLink.getAttribute("href")).toBe(href);

    // Following it opens the lesson page (and the element of its #fragment, when there is one).
    await Promise.all([page.waitForURL(`**${href}`), problemLink.click()]);
    const target = new URL(page.url());
    expect(target.pathname).toBe(new URL(href, site.baseUrl).pathname);
    expect(await page.textContent("h1")).toContain("Padrões de Orquestração: Sequencial");
    if (target.hash) {
      expect(await page.locator(`[id="${decodeURIComponent(target.hash.slice(1))}"]`).count()).toBe(1);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a lesson's example has no info underlines; its style notes wait collapsed under the editor", async () => {
    const { page, context, errors } = await open(PAYMENT);
    const tips = page.locator("[data-pg-tips]");
    await tips.waitFor({ state: "attached" });
    await expect.poll(() => tips.getAttribute("hidden")).toBeNull();
    expect(await tips.locator("summary").textContent()).toBe("4 dicas");
    expect(await tips.getAttribute("open")).toBeNull();
    expect(await page.locator("[data-pg-editor] .cm-lintRange").count()).toBe(0);
    expect(await page.locator("[data-pg-editor] .cm-lint-marker").count()).toBe(0);
    // Opened, each note has its place and its lesson.
    await tips.locator("summary").click();
    expect(await tips.locator("li").count()).toBe(4);
    expect(
      await tips
        .locator('li[data-pg-tip="TASK_WITHOUT_RETRY"] a.pg-lesson-link')
        .first()
        .getAttribute("href"),
    ).toBe("/06-erros-e-retentativas/");
    // An error is still underlined, the notes still are not.
    await replaceEditorText(page, paymentDefinition.replace('"MaxAttempts": 3', '"MaxAttempts": -1'));
    await page.locator("[data-pg-editor] .cm-lintRange-error").first().waitFor();
    expect(await page.locator("[data-pg-editor] .cm-lintRange-error").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-pg-editor] .cm-lintRange-info").count()).toBe(0);
    // "Tratamento de Erros e Retentativas" is this very page: no fragment, so the page itself.
    await page.locator("[data-pg-editor] .cm-lintRange-error").first().hover();
    expect(await page.locator(".cm-tooltip-lint a.pg-lesson-link").getAttribute("href")).toBe(PAYMENT);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the exercise page's editor links the grader's diagnostics to the lesson too", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.baseUrl}/exercicios/falha-pagamento/`);
    await page.waitForSelector('[data-exercise][data-ready="true"]');
    await page.click('[data-part="editor"] .cm-content');
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(paymentDefinition.replace('"MaxAttempts": 3', '"MaxAttempts": -1'));
    await page.click('[data-part="grade"]');
    await page.waitForSelector('[data-part="result"] [data-result]');
    const underline = page.locator('[data-part="editor"] .cm-lintRange-error').first();
    await underline.waitFor();
    await underline.hover();
    const link = page.locator(".cm-tooltip-lint a.pg-lesson-link");
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(PAYMENT);
    expect(await link.textContent()).toBe(
      "Ver na lição: Tratamento de Erros e Retentativas: Resiliência em Sistemas Distribuídos",
    );
    await context.close();
  });
});

describe("playground: running the payment example", () => {
  it("SempreSobrecarregado: graph marks the caught and failed path with retries; table shows 2 s/4 s/8 s; events and data", async () => {
    const { page, context, errors } = await open(PAYMENT);
    expect(await runScenario(page, "SempreSobrecarregado")).toBe("FAILED");
    expect(await page.textContent("[data-pg-transitions]")).toBe("6");
    expect(await page.textContent("[data-pg-summary]")).toContain("PagamentoRecusado");

    // Graph
    const state = (name: string) => page.locator(`[data-pg-panel="graph"] g.wf-state[data-state="${name}"]`);
    expect(await state("ProcessarPagamento").getAttribute("data-status")).toBe("caught");
    expect(await state("ProcessarPagamento").getAttribute("data-retries")).toBe("3");
    expect(await state("ProcessarPagamento").locator(".pg-badge").textContent()).toContain("↻3");
    expect(await state("NotificarFalhaPagamento").getAttribute("data-status")).toBe("succeeded");
    expect(await state("PagamentoRecusado").getAttribute("data-status")).toBe("failed");
    expect(await state("AtualizarEstoque").getAttribute("data-status")).toBeNull();
    const taken = await page.$$eval('[data-pg-panel="graph"] g.wf-edge.pg-taken', (edges) =>
      edges.map((edge) => `${edge.getAttribute("data-from")}>${edge.getAttribute("data-to")}`),
    );
    expect(taken.sort()).toEqual(
      [
        "wf#start>wf/ProcessarPagamento",
        "wf/ProcessarPagamento>wf/NotificarFalhaPagamento",
        "wf/NotificarFalhaPagamento>wf/PagamentoRecusado",
        "wf/PagamentoRecusado>wf#end",
      ].sort(),
    );
    expect(
      await page
        .locator('[data-pg-panel="graph"] g.wf-edge-catch.pg-taken[data-to="wf/NotificarFalhaPagamento"]')
        .count(),
    ).toBe(1);

    // Table with timeline
    await page.click('[data-pg-tab="table"]');
    const row = page.locator('[data-pg-panel="table"] tr[data-state="ProcessarPagamento"]');
    expect(await row.getAttribute("data-status")).toBe("caught");
    expect(await row.locator("[data-attempts]").textContent()).toBe("4");
    const gaps = await row
      .locator(".pg-gap")
      .evaluateAll((spans) => spans.map((span) => span.getAttribute("data-gap-seconds")));
    expect(gaps).toEqual(["2", "4", "8"]);
    expect(await row.locator(".pg-gap-label").allTextContents()).toEqual(["2 s", "4 s", "8 s"]);
    // The third gap is twice the second, which is twice the first, on screen too.
    const widths = await row
      .locator(".pg-gap")
      .evaluateAll((spans) => spans.map((span) => span.getBoundingClientRect().width));
    expect(widths[1]! / widths[0]!).toBeCloseTo(2, 1);
    expect(widths[2]! / widths[1]!).toBeCloseTo(2, 1);

    // Events
    await page.click('[data-pg-tab="events"]');
    const types = await page.$$eval('[data-pg-panel="events"] tr[data-event-type]', (rows) =>
      rows.map((row) => row.getAttribute("data-event-type")),
    );
    expect(types.filter((type) => type === "LambdaFunctionFailed")).toHaveLength(4);
    expect(types).toContain("TaskStateExited");
    expect(types).toContain("TaskSucceeded");
    expect(types).toContain("FailStateEntered");
    expect(types.at(-1)).toBe("ExecutionFailed");
    const firstFailure = page
      .locator('[data-pg-panel="events"] tr[data-event-type="LambdaFunctionFailed"] details')
      .first();
    await firstFailure.locator("summary").click();
    expect(await firstFailure.locator("pre").textContent()).toContain("Rate exceeded");

    // Data flow: the caught state's attempts with backoff, and its ResultPath output.
    await page.click('[data-pg-tab="data"]');
    const inspection = page.locator('[data-pg-panel="data"] [data-inspection="ProcessarPagamento"]');
    expect(await inspection.locator(".pg-attempts li").count()).toBe(4);
    expect(await inspection.textContent()).toContain("retentativa depois de 8 s");
    expect(await inspection.locator('[data-stage="afterResultPath"]').textContent()).toContain('"erro"');
    // Clicking a state in the graph opens its inspection.
    await page.click('[data-pg-tab="graph"]');
    await state("NotificarFalhaPagamento").click();
    expect(await page.getAttribute('[data-pg-tab="data"]', "aria-selected")).toBe("true");
    expect(
      await page.locator('[data-pg-panel="data"] [data-inspection="NotificarFalhaPagamento"]').count(),
    ).toBe(1);

    // Cost
    const cost = (await page.textContent("[data-pg-cost]")) ?? "";
    expect(cost).toContain("6 transições");
    expect(cost).toContain("US$ 0,000150");
    expect(await page.getAttribute("[data-pg-cost] a", "href")).toBe(
      "https://aws.amazon.com/step-functions/pricing/",
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("watch it run plays the history back, highlighting the state that is running", async () => {
    const { page, context } = await open(PAYMENT);
    await page.selectOption("[data-pg-scenario]", "SempreSobrecarregado");
    await page.click("[data-pg-watch]");
    await page.waitForSelector("[data-playground][data-replaying]");
    await page.waitForSelector(
      '[data-pg-panel="graph"] g.wf-state.pg-running[data-state="ProcessarPagamento"]',
    );
    await expect.poll(() => page.textContent("[data-pg-progress]")).toMatch(/Reproduzindo: evento \d+ de 22/);
    // Retries appear one by one while the backoff plays.
    await expect
      .poll(() => page.getAttribute('g.wf-state[data-state="ProcessarPagamento"]', "data-retries"))
      .toBe("1");
    await page.click("[data-pg-skip]");
    expect(await page.locator("[data-playground][data-replaying]").count()).toBe(0);
    expect(await page.getAttribute('g.wf-state[data-state="PagamentoRecusado"]', "data-status")).toBe(
      "failed",
    );
    expect(await page.getAttribute("[data-pg-result-status]", "data-pg-result-status")).toBe("FAILED");
    await context.close();
  });

  it("tabs follow the ARIA pattern and work from the keyboard", async () => {
    const { page, context } = await open(PAYMENT);
    const tabs = page.locator('[role="tablist"] [role="tab"]');
    expect(await tabs.count()).toBe(4);
    await page.focus('[data-pg-tab="graph"]');
    await page.keyboard.press("ArrowRight");
    expect(await page.getAttribute('[data-pg-tab="table"]', "aria-selected")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-pg-tab"))).toBe("table");
    const panel = page.locator('[data-pg-panel="table"]');
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.getAttribute("aria-labelledby")).toBe(
      await page.getAttribute('[data-pg-tab="table"]', "id"),
    );
    await page.keyboard.press("End");
    expect(await page.getAttribute('[data-pg-tab="data"]', "aria-selected")).toBe("true");
    // Run from the keyboard.
    await page.focus("[data-pg-run]");
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-pg-result-status]");
    await context.close();
  });

  it("every example in the lessons runs out of the box, with a success and a failure scenario", async () => {
    const pages = [
      "/03-anatomia-da-maquina-de-estado/",
      "/05-padrao-paralelo/",
      PAYMENT,
      "/07-integracao-com-lambda/",
      "/08-integracao-com-servicos-aws/",
      "/10-serverless-containers/",
      "/11-infraestrutura-como-codigo/",
    ];
    const context = await site.browser.newContext();
    for (const path of pages) {
      const { page, errors } = await open(path, { context });
      const scenarios = await page.$$eval("[data-pg-scenario] option", (options) =>
        options.map((option) => (option as HTMLOptionElement).value).filter(Boolean),
      );
      const statuses: string[] = [];
      for (const scenario of scenarios) statuses.push(await runScenario(page, scenario));
      expect(statuses, path).toContain("SUCCEEDED");
      expect(statuses, path).toContain("FAILED");
      expect(errors, path).toEqual([]);
      await page.close();
    }
    await context.close();
  });
});

describe("playground: work is never lost", () => {
  it("autosaves per playground and survives a reload; restoring the lesson's version can be undone", async () => {
    const { page, context } = await open(PAYMENT);
    const edited = paymentDefinition.replace("Exemplo de Retry e Catch", "Minha versão do exemplo");
    await replaceEditorText(page, edited);
    await page.fill("[data-pg-input]", '{ "pedidoId": "P-99" }');
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem("partitura:playground:pagamento:v1")))
      .toContain("Minha versão do exemplo");
    await page.reload();
    await page.waitForSelector('[data-playground][data-ready="true"]');
    expect(await editorText(page)).toContain("Minha versão do exemplo");
    expect(await page.inputValue("[data-pg-input]")).toBe('{ "pedidoId": "P-99" }');
    await page.click("[data-pg-restore]");
    expect(await editorText(page)).toContain("Exemplo de Retry e Catch");
    await page.click("[data-pg-undo]");
    expect(await editorText(page)).toContain("Minha versão do exemplo");
    await context.close();
  });

  it("a share link round-trips definition, input and scenario, and never overwrites a saved version without asking", async () => {
    const author = await open(PAYMENT);
    const shared = paymentDefinition.replace("Exemplo de Retry e Catch", "Versão compartilhada");
    await replaceEditorText(author.page, shared);
    await author.page.fill("[data-pg-input]", '{ "pedidoId": "P-7" }');
    await author.page.selectOption("[data-pg-scenario]", "InstavelDepoisOk");
    await author.page.click("[data-pg-share]");
    const url = await author.page.inputValue("[data-pg-share-url]");
    expect(url).toMatch(/#playground=pagamento~[A-Za-z0-9_-]+$/);
    await author.context.close();

    // A fresh browser opens the link: everything is there.
    const reader = await open(url.slice(site.baseUrl.length));
    expect(await editorText(reader.page)).toBe(shared);
    expect(await reader.page.inputValue("[data-pg-input]")).toBe('{ "pedidoId": "P-7" }');
    expect(await reader.page.inputValue("[data-pg-scenario]")).toBe("InstavelDepoisOk");
    await reader.context.close();

    // Someone with their own saved version: asked first, and the choice can be undone.
    const owner = await open(PAYMENT);
    await replaceEditorText(
      owner.page,
      paymentDefinition.replace("Exemplo de Retry e Catch", "Minha versão"),
    );
    await expect
      .poll(() => owner.page.evaluate(() => localStorage.getItem("partitura:playground:pagamento:v1")))
      .toContain("Minha versão");
    await owner.page.goto(url);
    await owner.page.waitForSelector('[data-playground][data-ready="true"]');
    expect(await owner.page.isVisible("[data-pg-conflict]")).toBe(true);
    expect(await editorText(owner.page)).toContain("Minha versão");
    expect(
      await owner.page.evaluate(() => localStorage.getItem("partitura:playground:pagamento:v1")),
    ).toContain("Minha versão");
    await owner.page.click("[data-pg-conflict-open]");
    expect(await editorText(owner.page)).toContain("Versão compartilhada");
    await owner.page.click("[data-pg-undo]");
    expect(await editorText(owner.page)).toContain("Minha versão");
    // Loading the page with the link (not just a hash change) asks too.
    await owner.page.reload();
    await owner.page.waitForSelector('[data-playground][data-ready="true"]');
    expect(await owner.page.isVisible("[data-pg-conflict]")).toBe(true);
    await owner.page.click("[data-pg-conflict-keep]");
    expect(await editorText(owner.page)).toContain("Minha versão");
    expect(await owner.page.isVisible("[data-pg-conflict]")).toBe(false);
    await owner.context.close();
  });

  it("downloads the definition as a file", async () => {
    const { page, context } = await open(PAYMENT);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-pg-download]")]);
    expect(download.suggestedFilename()).toBe("pagamento.asl.json");
    const path = await download.path();
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(JSON.parse(paymentDefinition));
    await context.close();
  });
});

describe("playground: phone and security", () => {
  it("has no horizontal scroll at 390 px after a failed run, in the graph and table views", async () => {
    const { page, context } = await open(PAYMENT, { width: 390 });
    expect(await runScenario(page, "SempreSobrecarregado")).toBe("FAILED");
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const svg = await page.locator('[data-pg-panel="graph"] svg').boundingBox();
    expect(svg!.width).toBeLessThanOrEqual(390);
    await page.click('[data-pg-tab="table"]');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.click('[data-pg-tab="events"]');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await context.close();
  });

  it("runs under a Content Security Policy without 'unsafe-eval' (script-src 'self')", async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(() => {
      const list: { directive: string; blocked: string; sample: string }[] = [];
      const attempts: string[] = [];
      // Reported on <html> attributes: reading them needs no evaluation in the page's world.
      const report = () => {
        document.documentElement.dataset["cspViolations"] = JSON.stringify(list);
        document.documentElement.dataset["evalAttempts"] = JSON.stringify(attempts);
      };
      document.addEventListener("securitypolicyviolation", (event) => {
        list.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
        report();
      });
      document.addEventListener("DOMContentLoaded", report);
      // Chromium lets eval through in a page DevTools has evaluated code in, so the CSP alone could miss it:
      // eval and the function constructors also throw (and are recorded) here, as the CSP would make them.
      const block = (what: string): never => {
        attempts.push(`${what} ${new Error().stack ?? ""}`);
        document.documentElement.dataset["evalAttempts"] = JSON.stringify(attempts);
        throw new EvalError(`${what} blocked by the test's CSP`);
      };
      const poison = (original: object, name: string) =>
        new Proxy(original, { apply: () => block(name), construct: () => block(`new ${name}`) });
      for (const [prototype, name] of [
        [Object.getPrototypeOf(async function () {}), "AsyncFunction"],
        [Object.getPrototypeOf(function* () {}), "GeneratorFunction"],
        [Function.prototype, "Function"],
      ] as const) {
        const original = (prototype as { constructor: object }).constructor;
        Object.defineProperty(prototype, "constructor", {
          value: poison(original, name),
          configurable: true,
        });
      }
      Object.defineProperty(window, "Function", { value: poison(Function, "Function"), configurable: true });
      Object.defineProperty(window, "eval", { value: () => block("eval"), configurable: true });
    });
    const { page, errors } = await open(PAYMENT, { context, base: cspUrl });
    const response = await page.goto(cspUrl + PAYMENT);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.waitForSelector('[data-playground][data-ready="true"]');
    // The validator's diagnostics and the engine both work.
    await replaceEditorText(page, paymentDefinition.replace('"Next": "AtualizarEstoque"', '"Next": "X"'));
    await page.locator("[data-pg-editor] .cm-lintRange-error").first().waitFor();
    await replaceEditorText(page, paymentDefinition);
    expect(await runScenario(page, "SempreSobrecarregado")).toBe("FAILED");
    // Read from attributes: Playwright's page.evaluate itself goes through eval, which is blocked here.
    const violations = JSON.parse((await page.getAttribute("html", "data-csp-violations")) ?? "[]") as {
      directive: string;
      blocked: string;
    }[];
    // Playwright's own helper (UtilityScript) evaluates in the page too; every other attempt is the site's.
    const attempts = JSON.parse((await page.getAttribute("html", "data-eval-attempts")) ?? "[]") as string[];
    expect(attempts.filter((attempt) => !attempt.includes("UtilityScript"))).toEqual([]);
    const evalViolations = violations.filter(
      (violation) => violation.blocked === "eval" || /eval/.test(violation.directive),
    );
    expect(evalViolations).toEqual([]);
    // Only inline scripts (Starlight's theme script, the lesson-visit tracker) may be refused; never our bundle.
    expect(violations.filter((violation) => violation.blocked !== "inline")).toEqual([]);
    console.log(`CSP script-src 'self': ${violations.length} inline script(s) refused, no eval`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("playground: long runs, stale results and pt-BR everywhere", () => {
  const LOOP = JSON.stringify(
    {
      StartAt: "A",
      States: {
        A: { Type: "Pass", Next: "C" },
        C: {
          Type: "Choice",
          Choices: [{ Variable: "$.x", NumericEquals: 1, Next: "Fim" }],
          Default: "A",
        },
        Fim: { Type: "Succeed" },
      },
    },
    null,
    2,
  );

  it("an endless loop: AWS's text with a pt-BR explanation, a short path, pt-BR counts, capped table and events", async () => {
    const { page, context, errors } = await open("/03-anatomia-da-maquina-de-estado/");
    await replaceEditorText(page, LOOP);
    await page.fill("[data-pg-input]", '{ "x": 0 }');
    await page.click("[data-pg-run]");
    await page.waitForSelector("[data-pg-result-status]");
    expect(await page.getAttribute("[data-pg-result-status]", "data-pg-result-status")).toBe("FAILED");
    const summary = (await page.textContent("[data-pg-summary]")) ?? "";
    // AWS's own words stay, and a pt-BR explanation sits next to them.
    expect(summary).toContain("The execution history reached the limit of 25000 events.");
    const help = (await page.textContent("[data-pg-error-help]")) ?? "";
    expect(help).toContain("25.000 eventos");
    expect(help).toMatch(/laço/);
    // The path: first and last states, and how many steps in all.
    const path = (await page.textContent("[data-pg-path]")) ?? "";
    expect(path).toMatch(/^A → C → A → C → A → …( → [AC]){5} \(\d{1,3}(\.\d{3})+ passos\)$/);
    // Counts with pt-BR thousands separators.
    expect(await page.textContent("[data-pg-transitions]")).toMatch(/^\d{1,3}(\.\d{3})+$/);
    expect(await page.textContent("[data-pg-cost]")).toMatch(/\d{1,3}\.\d{3} transições/);
    // Table and events: the same cap, saying how many rows were left out.
    await page.click('[data-pg-tab="table"]');
    expect(await page.locator('[data-pg-panel="table"] tbody tr').count()).toBe(400);
    expect(await page.textContent('[data-pg-truncated="table"]')).toMatch(
      /^Mostrando as primeiras 400 de \d{1,3}\.\d{3} visitas a estados; \d{1,3}\.\d{3} não aparecem aqui\.$/,
    );
    await page.click('[data-pg-tab="events"]');
    expect(await page.locator('[data-pg-panel="events"] tbody tr').count()).toBe(400);
    expect(await page.textContent('[data-pg-truncated="events"]')).toContain("de 25.000 eventos");
    // Dados: the visit picker is capped too; a state clicked on the graph brings its last visit in.
    await page.click('[data-pg-tab="data"]');
    expect(await page.locator("[data-pg-visit] option").count()).toBe(400);
    expect(await page.textContent('[data-pg-truncated="data"]')).toMatch(
      /^A lista mostra as primeiras 400 de/,
    );
    await page.click('[data-pg-tab="graph"]');
    await page.click('[data-pg-panel="graph"] g.wf-state[data-state="C"]');
    const picked = await page.$eval("[data-pg-visit]", (select) => {
      const element = select as HTMLSelectElement;
      return { value: Number(element.value), label: element.selectedOptions[0]?.textContent ?? "" };
    });
    expect(picked.value).toBeGreaterThan(400);
    expect(picked.label).toMatch(/^C \(visita \d{1,3}(\.\d{3})*, /);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a run error names its place once; a result marks itself stale after an edit; CodeMirror's panel speaks pt-BR", async () => {
    const { page, context, errors } = await open(PAYMENT);
    expect(await runScenario(page, "Sucesso")).toBe("SUCCEEDED");
    const stale = page.locator("p[data-pg-stale]");
    expect(await stale.isHidden()).toBe(true);
    // Another scenario: the result shown is the previous one's.
    await page.selectOption("[data-pg-scenario]", "SempreSobrecarregado");
    await stale.waitFor();
    expect(await stale.textContent()).toBe("Resultado da versão anterior — execute de novo.");
    // Back to what ran: not stale any more.
    await page.selectOption("[data-pg-scenario]", "Sucesso");
    await expect.poll(() => stale.isHidden()).toBe(true);
    // An edit of the definition.
    await page.click("[data-pg-editor] .cm-content");
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.insertText("\n");
    await stale.waitFor();
    // Running again clears it.
    expect(await runScenario(page, "SempreSobrecarregado")).toBe("FAILED");
    expect(await stale.isHidden()).toBe(true);

    // The Data tab's error heading is pt-BR, not a field name.
    await page.click('[data-pg-tab="data"]');
    const visits = await page.$$eval("[data-pg-visit] option", (options) =>
      options.map((option) => [option.getAttribute("value"), option.textContent]),
    );
    const failed = visits.find(([, label]) => label?.startsWith("PagamentoRecusado"));
    await page.selectOption("[data-pg-visit]", failed![0]!);
    expect(await page.locator('[data-pg-panel="data"] h4').allTextContents()).toContain("Detalhes do erro");
    expect(await page.textContent('[data-pg-panel="data"]')).not.toContain("errorDetails");

    // A broken definition: the place is said once, as the link that selects it.
    const broken = paymentDefinition.replace('"Next": "AtualizarEstoque"', '"Next": "AtualizarEstoqu"');
    await replaceEditorText(page, broken);
    await page.click("[data-pg-run]");
    const problem = page.locator('[data-pg-problem="definition"]').first();
    await problem.waitFor();
    const text = (await problem.textContent()) ?? "";
    expect(text.match(/linha \d+, coluna \d+/g), text).toHaveLength(1);
    expect(text).toMatch(/^Definição \(linha 19, coluna \d+\): /);
    expect(await problem.locator("button.pg-link").textContent()).toMatch(/^linha 19, coluna \d+$/);

    // CodeMirror's lint panel (Ctrl+Shift+M) with pt-BR labels.
    await page.locator("[data-pg-editor] .cm-lintRange-error").first().waitFor();
    await page.click("[data-pg-editor] .cm-content");
    await page.keyboard.press("Control+Shift+M");
    const panel = page.locator("[data-pg-editor] .cm-panel-lint");
    await panel.waitFor();
    expect(await panel.locator("ul").getAttribute("aria-label")).toBe("Problemas");
    expect(await panel.locator('button[name="close"]').getAttribute("aria-label")).toBe("fechar");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the event list is readable at 390 px: details take the width (or the rows stack), no page scroll", async () => {
    const { page, context } = await open(PAYMENT, { width: 390 });
    expect(await runScenario(page, "SempreSobrecarregado")).toBe("FAILED");
    await page.click('[data-pg-tab="events"]');
    const cell = page
      .locator('[data-pg-panel="events"] tr[data-event-type="LambdaFunctionScheduled"] td.pg-event-details')
      .first();
    const box = await cell.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(200);
    // The ARN wraps at the cell's width: a few lines, not one character per line.
    const summary = await cell.locator("summary").boundingBox();
    const lineHeight = await cell
      .locator("summary")
      .evaluate((element) => parseFloat(getComputedStyle(element).lineHeight) || 20);
    expect(summary!.height / lineHeight).toBeLessThanOrEqual(4);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await context.close();
  });
});
