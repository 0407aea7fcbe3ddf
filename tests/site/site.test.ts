import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { loadQuiz } from "../../src/quiz/load.ts";
import { listExercises } from "../../src/site/exercises.ts";
import { ROOT, SEED, codeBlocks, topLevelHeadings, useBuiltSite } from "./harness.ts";

const seed = readFileSync(SEED, "utf8");
/** Seed's top-level sections after the document title, with the self-assessment page before the answer key. */
const expectedTitles = (() => {
  const [, ...sections] = topLevelHeadings(seed);
  const answers = sections.indexOf("Gabarito e Recursos Adicionais");
  return [...sections.slice(0, answers), "Autoavaliação", ...sections.slice(answers)];
})();

const site = useBuiltSite();

/** Opens a page in a fresh context (fresh localStorage) and fails the test on any page error. */
async function open(path: string, options: { context?: Awaited<ReturnType<Browser["newContext"]>> } = {}) {
  const context = options.context ?? (await site.browser.newContext());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(site.baseUrl + path, { waitUntil: "load" });
  return { page, context, errors };
}

async function lessonLinks(page: Page): Promise<{ title: string; href: string }[]> {
  return page.$$eval(".course-lessons li a", (links) =>
    links.map((link) => ({ title: link.textContent?.trim() ?? "", href: link.getAttribute("href") ?? "" })),
  );
}

describe("course home", () => {
  it("lists every lesson in the seed's order, in pt-BR", async () => {
    expect(expectedTitles.length).toBe(16);
    expect(expectedTitles[0]).toBe("O Desafio da Coordenação em Sistemas Distribuídos");
    const { page, context, errors } = await open("/");
    expect(await page.getAttribute("html", "lang")).toBe("pt-BR");
    const links = await lessonLinks(page);
    expect(links.map((link) => link.title)).toEqual(expectedTitles);
    expect(links.map((link) => link.href)).toEqual([...links.map((link) => link.href)].sort());
    // The seed's introduction (before its first section) is on the home page.
    expect(await page.textContent("main")).toContain("É como ter uma orquestra de músicos talentosos");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lists the exercises found in exercises/*/ with their scores from localStorage, or says there are none", async () => {
    const exercises = listExercises(join(ROOT, "exercises"));
    const context = await site.browser.newContext();
    const { page } = await open("/", { context });
    const shown = await page.$$eval(".course-exercises li", (items) =>
      items.map((item) => ({
        slug: item.getAttribute("data-slug"),
        title: item.querySelector(".course-exercise-title")?.textContent?.trim(),
      })),
    );
    expect(shown.map((item) => item.slug).sort()).toEqual(exercises.map((exercise) => exercise.slug).sort());
    // The sidebar (of any lesson) lists them in the home page's order (the order of the lessons they practise).
    const { page: lesson } = await open("/01-desafio-da-coordenacao/", { context });
    const sidebar = await lesson.$$eval('nav a[href^="/exercicios/"]', (links) =>
      links
        .map((link) => /^\/exercicios\/([^/]+)\/$/.exec(link.getAttribute("href") ?? "")?.[1])
        .filter(Boolean),
    );
    expect(sidebar).toEqual(shown.map((item) => item.slug));
    for (const item of shown) {
      expect(item.title).toBe(exercises.find((exercise) => exercise.slug === item.slug)?.title);
    }
    if (exercises.length === 0) {
      expect(await page.textContent(".course-empty")).toBe("Os exercícios ainda não foram publicados.");
    } else {
      const slug = exercises[0]!.slug;
      await page.evaluate(
        (key) => localStorage.setItem(key, JSON.stringify({ points: 7, maxPoints: 10, bestPoints: 9 })),
        `partitura:exercicio:${slug}`,
      );
      await page.reload();
      expect(await page.textContent(`.course-exercises li[data-slug="${slug}"] [data-exercise-score]`)).toBe(
        "7 de 10 pontos (melhor: 9)",
      );
      expect(await page.textContent("[data-progress-exercises]")).toBe(
        `Exercícios avaliados: 1 de ${exercises.length}`,
      );
    }
    await context.close();
  });

  it("shows how much of the self-assessment was answered", async () => {
    const total = loadQuiz(ROOT).questions.length;
    const context = await site.browser.newContext();
    const { page } = await open("/", { context });
    expect(await page.textContent("[data-progress-quiz]")).toBe(
      `Autoavaliação: 0 de ${total} questões respondidas`,
    );
    await page.evaluate(() =>
      localStorage.setItem(
        "partitura:quiz:v1",
        JSON.stringify({ answers: { "1": "b", "2": "a", "5": " " }, rubric: [], verified: true }),
      ),
    );
    await page.reload();
    expect(await page.textContent("[data-progress-quiz]")).toBe(
      `Autoavaliação: 2 de ${total} questões respondidas e verificadas`,
    );
    await context.close();
  });

  it("shows progress read from localStorage and clears it", async () => {
    const context = await site.browser.newContext();
    await open("/02-introducao-ao-step-functions/", { context });
    const { page } = await open("/", { context });
    await expect
      .poll(() => page.textContent("[data-progress-lessons]"))
      .toBe(`Lições abertas: 1 de ${expectedTitles.length}`);
    expect(
      await page.isVisible(
        '.course-lessons li[data-slug="02-introducao-ao-step-functions"] [data-progress-badge]',
      ),
    ).toBe(true);
    expect(
      await page.isVisible('.course-lessons li[data-slug="01-desafio-da-coordenacao"] [data-progress-badge]'),
    ).toBe(false);
    // The student's work (an exercise attempt, a playground edit) survives "Apagar meu progresso".
    const work = ["partitura:exercicio:falha-pagamento:tentativa:v1", "partitura:playground:pagamento:v1"];
    await page.evaluate((keys) => {
      for (const key of keys) localStorage.setItem(key, "{}");
      localStorage.setItem(
        "partitura:exercicio:falha-pagamento",
        JSON.stringify({ points: 5, maxPoints: 10 }),
      );
    }, work);
    const courseKeys = () =>
      page.evaluate(() =>
        Object.keys(localStorage)
          .filter((key) => key.startsWith("partitura:"))
          .sort(),
      );
    await page.click("[data-progress-clear]");
    expect(await page.textContent("[data-progress-lessons]")).toBe(
      `Lições abertas: 0 de ${expectedTitles.length}`,
    );
    expect(await courseKeys()).toEqual(work.sort());
    // "Apagar tudo" asks first; declining keeps everything, accepting removes the course's keys.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await page.click("[data-progress-clear-all]");
    expect(await courseKeys()).toEqual(work.sort());
    page.once("dialog", (dialog) => void dialog.accept());
    await page.click("[data-progress-clear-all]");
    await expect.poll(courseKeys).toEqual([]);
    await context.close();
  });
});

describe("lesson pages", () => {
  it("each page has its seed heading as title, is pt-BR and loads without errors", async () => {
    const context = await site.browser.newContext();
    const home = await open("/", { context });
    const links = await lessonLinks(home.page);
    for (const { title, href } of links) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(site.baseUrl + href);
      expect(await page.textContent("h1"), href).toBe(title);
      expect(await page.getAttribute("html", "lang"), href).toBe("pt-BR");
      expect(errors, href).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  it("keeps every line of the seed's text, section by section", async () => {
    // Seed sections by top-level heading (outside code), each with its prose lines.
    const sections = new Map<string, string[]>();
    let current = "";
    let inFence = false;
    for (const line of seed.split("\n")) {
      if (line.startsWith("```")) inFence = !inFence;
      if (inFence || line.startsWith("```")) continue;
      if (line.startsWith("# ")) {
        current = line.slice(2).trim();
        sections.set(current, []);
      } else if (line.trim() !== "" && !/^\d{1,2}$/.test(line.trim()) && line.trim() !== "---") {
        sections.get(current)?.push(...line.split("\t"));
      }
    }
    const plain = (text: string) =>
      text
        .replace(/^#+\s|^\s*-\s|\*\*|\*/g, "")
        .replace(/[“”"]/g, '"')
        .replace(/[‘’']/g, "'")
        .replace(/\s+/g, " ")
        .trim();
    const context = await site.browser.newContext();
    const home = await open("/", { context });
    const links = await lessonLinks(home.page);
    const pageText = async (path: string) => {
      const { page } = await open(path, { context });
      return plain(await page.innerText("main"));
    };
    const texts = new Map<string, string>([
      [topLevelHeadings(seed)[0]!, plain(await home.page.innerText("main"))],
    ]);
    for (const { title, href } of links) texts.set(title, await pageText(href));
    // The self-assessment is a subsection of "Consolidação e Próximos Passos" with its own page.
    const consolidation = "Consolidação e Próximos Passos";
    texts.set(consolidation, `${texts.get(consolidation)} ${texts.get("Autoavaliação")}`);
    expect([...sections.keys()]).toEqual(topLevelHeadings(seed));
    for (const [title, lines] of sections) {
      const text = texts.get(title);
      expect(text, title).toBeDefined();
      for (const line of lines) expect(text, `${title}: ${line}`).toContain(plain(line));
    }
    await context.close();
  });

  it("renders every code block of the seed, with its language", async () => {
    // The seed's code blocks in order: the ASL example, the Retry/Catch example, serverless.yml.
    const pages: [string, string][] = [
      ["json", "/03-anatomia-da-maquina-de-estado/"],
      ["json", "/06-erros-e-retentativas/"],
      ["yaml", "/11-infraestrutura-como-codigo/"],
    ];
    const blocks = codeBlocks(seed);
    expect(blocks).toHaveLength(3);
    const squash = (text: string) => text.replace(/\s+/g, "");
    const context = await site.browser.newContext();
    for (const [index, [language, path]] of pages.entries()) {
      const { page } = await open(path, { context });
      const code = await page.$$eval(`pre[data-language="${language}"]`, (pres) =>
        pres.map((pre) => (pre as HTMLElement).innerText),
      );
      expect(code.length, path).toBeGreaterThan(0);
      expect(squash(code[0] ?? ""), path).toBe(squash(blocks[index] ?? "missing"));
    }
    await context.close();
  });

  it("keeps the self-assessment's answers lettered as the answer key refers to them", async () => {
    // The interactive quiz (tests/site/quiz.test.ts) numbers its questions and shows each option's letter.
    const { page, context } = await open("/15-autoavaliacao/");
    const questions = await page.$$eval("fieldset.qz-question", (sets) =>
      sets.map((set) => ({
        number: set.querySelector(".qz-number")?.textContent,
        letters: [...set.querySelectorAll(".qz-letter")].map((letter) => letter.textContent),
      })),
    );
    expect(questions.map((question) => question.number)).toEqual([1, 2, 3, 4, 5].map((n) => `Questão ${n}`));
    expect(questions.slice(0, 4).map((question) => question.letters)).toEqual(
      Array.from({ length: 4 }, () => ["A)", "B)", "C)", "D)"]),
    );
    await context.close();
  });
});

describe("review notes", () => {
  const notes: [string, RegExp, RegExp][] = [
    ["/13-desafios-avancados/", /Retry.*Catch.*Express/s, /choosing-workflow-type/],
    [
      "/11-infraestrutura-como-codigo/",
      /serverless-step-functions/,
      /serverless\.com\/plugins\/serverless-step-functions/,
    ],
    ["/11-infraestrutura-como-codigo/", /\$\{aws:region\}/, /reference-arns/],
    ["/03-anatomia-da-maquina-de-estado/", /SecondsPath/, /state-wait\.html/],
    ["/03-anatomia-da-maquina-de-estado/", /Pass.*Map/s, /workflow-states\.html/],
    ["/05-padrao-paralelo/", /Parallel State inteiro falha/, /state-parallel\.html/],
    ["/06-erros-e-retentativas/", /ResultPath/, /concepts-error-handling\.html/],
    ["/07-integracao-com-lambda/", /Payload/, /connect-lambda\.html/],
    ["/09-evolucao-do-faas/", /no máximo um ano/, /service-quotas\.html/],
    ["/13-desafios-avancados/", /número de execuções/, /aws\.amazon\.com\/step-functions\/pricing/],
    ["/02-introducao-ao-step-functions/", /redrive/, /redrive-executions\.html/],
    ["/10-serverless-containers/", /\.sync/, /integrate-optimized\.html/],
  ];

  it("each correction is a marked aside with its source link", async () => {
    const context = await site.browser.newContext();
    for (const [path, claim, source] of notes) {
      const { page } = await open(path, { context });
      const asides = await page.$$eval("aside", (elements) =>
        elements
          .filter((aside) => aside.textContent?.includes("Nota de revisão"))
          .map((aside) => ({
            text: aside.textContent ?? "",
            links: [...aside.querySelectorAll("a")].map((link) => link.href),
          })),
      );
      const note = asides.find((aside) => claim.test(aside.text));
      expect(note, `${path} ${claim}`).toBeDefined();
      expect(
        note?.links.some((link) => source.test(link)),
        `${path} ${source}`,
      ).toBe(true);
    }
    await context.close();
  });
});

describe("search", () => {
  it("speaks Portuguese: labels, result counts and the no-result message", async () => {
    const { page, context } = await open("/");
    await page.click("button[data-open-modal]");
    const input = page.locator("#starlight__search .pagefind-ui__search-input");
    await input.waitFor();
    expect(await page.getAttribute("#starlight__search .pagefind-ui__form", "aria-label")).toBe(
      "Pesquisar neste site",
    );
    await input.fill("Retry");
    const message = page.locator("#starlight__search .pagefind-ui__message");
    await expect.poll(() => message.textContent()).toMatch(/^\d+ resultados? para Retry$/);
    expect(await page.textContent("#starlight__search .pagefind-ui__search-clear")).toBe("Limpar");
    await input.fill("xyzzyqq");
    await expect.poll(() => message.textContent()).toBe("Nenhum resultado para xyzzyqq");
    await context.close();
  });
});

describe("theme", () => {
  it("switches between dark and light with Starlight's selector and remembers it", async () => {
    const { page, context } = await open("/01-desafio-da-coordenacao/");
    const select = "starlight-theme-select select";
    await page.selectOption(select, "light");
    expect(await page.getAttribute("html", "data-theme")).toBe("light");
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.selectOption(select, "dark");
    expect(await page.getAttribute("html", "data-theme")).toBe("dark");
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBackground).not.toBe(lightBackground);
    await page.reload();
    expect(await page.getAttribute("html", "data-theme")).toBe("dark");
    await context.close();
  });
});

describe("workflow graphs", () => {
  it("draws one node per state of the ASL example shown on the page", async () => {
    const { page, context } = await open("/03-anatomia-da-maquina-de-estado/");
    const code = await page.$eval('pre[data-language="json"]', (pre) => (pre as HTMLElement).innerText);
    const definition = JSON.parse(code) as { States: Record<string, unknown> };
    const svg = page.locator("figure.workflow-graph svg").first();
    await expect.poll(() => svg.count()).toBe(1);
    const names = await svg
      .locator("g.wf-state")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-state")));
    expect(names.sort()).toEqual(Object.keys(definition.States).sort());
    expect(await svg.getAttribute("viewBox")).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
    await context.close();
  });

  it("shows the reconstructed figures, with containers for Parallel and Map", async () => {
    const cases: [string, string, string][] = [
      ["/04-padrao-sequencial/", "pedido-quatro-etapas.asl.json", "Task"],
      ["/05-padrao-paralelo/", "documentos.asl.json", "Parallel"],
      ["/07-integracao-com-lambda/", "registro-usuario.asl.json", "Task"],
      ["/08-integracao-com-servicos-aws/", "logs.asl.json", "Task"],
      ["/10-serverless-containers/", "video-hibrido.asl.json", "Map"],
    ];
    const context = await site.browser.newContext();
    for (const [path, file, containerType] of cases) {
      const definition = JSON.parse(readFileSync(join(ROOT, "exercises", "examples", file), "utf8")) as {
        States: Record<string, unknown>;
      };
      const { page } = await open(path, { context });
      const figure = page.locator(`figure.workflow-graph[data-source="${file}"]`);
      expect(await figure.count(), path).toBe(1);
      const topLevel = await figure
        .locator("svg > g.wf-graph > g.wf-state")
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-state")));
      expect(topLevel.sort(), path).toEqual(Object.keys(definition.States).sort());
      expect(await figure.locator(`g.wf-state[data-type="${containerType}"]`).count(), path).toBeGreaterThan(
        0,
      );
    }
    await context.close();
  });

  it("fits a phone screen without horizontal scrolling", async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page } = await open("/10-serverless-containers/", { context });
    const box = await page.locator("figure.workflow-graph svg").first().boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeLessThanOrEqual(390);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
