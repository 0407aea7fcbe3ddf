/**
 * The self-assessment page in Debian's Chromium: the questions of exercises/quiz/autoavaliacao.json (the
 * file `partitura quiz` scores) with the seed's text, answered with the keyboard only, scored as the CLI
 * scores them, explained option by option, announced, retried, and still there after a reload.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import {
  parseQuiz,
  scoreAnswers,
  type MultipleChoiceQuestion,
  type QuizReport,
} from "../../grader/quiz/index.ts";
import { quizUi } from "../../src/i18n/pt-BR-exercicios.ts";
import { QUIZ_KEY } from "../../src/quiz/storage.ts";
import { ROOT, SEED, removeDir, useBuiltSite } from "./harness.ts";

const run = promisify(execFile);
const quiz = parseQuiz(
  JSON.parse(readFileSync(join(ROOT, "exercises", "quiz", "autoavaliacao.json"), "utf8")),
);
const choices = quiz.questions.filter((q): q is MultipleChoiceQuestion => q.type === "multiple-choice");
const PATH = "/15-autoavaliacao/";
const ESSAY = "Um e-commerce processa pedidos: pagamento, estoque e envio, com Retry e Catch.";

const site = useBuiltSite();
const workDirs: string[] = [];

afterAll(() => {
  for (const dir of workDirs) removeDir(dir);
});

async function openQuiz(page: Page): Promise<void> {
  await page.goto(site.baseUrl + PATH);
  await page.waitForSelector('[data-quiz][data-ready="true"]');
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return { tag: element?.tagName, name: element?.name, value: element?.value, type: element?.type };
  });

describe("quiz page", () => {
  it("shows the quiz file's questions with the seed's text, in fieldsets with legends and native radios", async () => {
    const seed = readFileSync(SEED, "utf8");
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await openQuiz(page);
    expect(await page.textContent("h1")).toBe("Autoavaliação");
    const shown = await page.$$eval("fieldset.qz-question", (sets) =>
      sets.map((set) => ({
        number: Number(set.getAttribute("data-question")),
        prompt: set.querySelector(":scope > legend .qz-prompt")?.textContent ?? "",
        options: [...set.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => ({
          letter: radio.value,
          label: radio.labels?.[0]?.textContent?.replace(/\s+/g, " ").trim() ?? "",
          name: radio.name,
        })),
        textarea: set.querySelector("textarea")?.labels?.[0]?.textContent?.trim() ?? null,
        rubric: set.querySelectorAll('.qz-rubric input[type="checkbox"]').length,
      })),
    );
    expect(shown.map((question) => question.number)).toEqual([1, 2, 3, 4, 5]);
    for (const question of quiz.questions) {
      const onPage = shown[question.number - 1]!;
      expect(onPage.prompt).toBe(question.prompt);
      expect(seed).toContain(question.prompt);
      if (question.type === "multiple-choice") {
        expect(onPage.options.map((option) => option.label)).toEqual(
          question.options.map((option) => `${option.letter}) ${option.text}`),
        );
        for (const option of question.options) expect(seed).toContain(option.text);
        expect(new Set(onPage.options.map((option) => option.name)).size).toBe(1);
      } else {
        expect(onPage.textarea).toBe(quizUi.essayLabel);
        expect(onPage.rubric).toBe(question.rubric.length);
      }
    }
    // Explanations stay hidden until "Verificar".
    expect(await page.locator(".qz-explanation:visible").count()).toBe(0);
    expect(await page.getAttribute('[data-part="result"]', "aria-live")).toBe("polite");
    expect(await page.getAttribute('[data-part="result"]', "role")).toBe("status");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("is answered with the keyboard only (Tab, arrows, Space, Enter): key B, C, C, C scores every objective point, as `partitura quiz` does", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await openQuiz(page);
    // Start the Tab sequence at the quiz's introduction (the student would Tab there from the page top).
    await page.evaluate(() => {
      const intro = document.querySelector<HTMLElement>("[data-quiz] > p")!;
      intro.tabIndex = -1;
      intro.focus();
    });
    // Q1: Tab enters the group on A; ArrowDown moves to B and selects it.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ name: "qz-1", value: "A" });
    await page.keyboard.press("ArrowDown");
    // Q2 and Q3: two steps down.
    for (const name of ["qz-2", "qz-3"]) {
      await page.keyboard.press("Tab");
      expect(await focused(page)).toMatchObject({ name, value: "A" });
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
    }
    // Q4: Space selects the focused A, then arrows move to C.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    expect(await page.isChecked("#qz-4-A")).toBe(true);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    // Q5: type the essay, tick the first two rubric criteria with Space.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "TEXTAREA" });
    await page.keyboard.type(ESSAY);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    // Tab past the other criteria to "Verificar" and press Enter.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(quizUi.verify);
    await page.keyboard.press("Enter");

    const answers = { "1": "B", "2": "C", "3": "C", "4": "C", "5": ESSAY };
    const checked = await page.$$eval('input[type="radio"]:checked', (radios) =>
      radios.map((radio) => (radio as HTMLInputElement).value),
    );
    expect(checked).toEqual(["B", "C", "C", "C"]);
    expect(choices.map((question) => question.answer)).toEqual(["B", "C", "C", "C"]);

    // Same score as the CLI's function and the CLI itself.
    const expected = scoreAnswers(quiz, "aluno", "aluno.json", answers);
    expect(expected.points).toBe(expected.maxPoints);
    const dir = mkdtempSync(join(tmpdir(), "partitura-quiz-"));
    workDirs.push(dir);
    writeFileSync(join(dir, "aluno.json"), JSON.stringify(answers));
    const { stdout } = await run(
      process.execPath,
      [join(ROOT, "bin", "partitura.js"), "quiz", dir, "--format", "json"],
      {
        cwd: ROOT,
      },
    );
    const report = JSON.parse(stdout) as QuizReport;
    expect(report.students[0]).toMatchObject({ points: expected.points, maxPoints: expected.maxPoints });
    const live = page.locator('[data-part="result"]');
    await expect
      .poll(() => live.textContent())
      .toContain(quizUi.resultSummary(expected.points, expected.maxPoints, choices.length, choices.length));
    expect(await live.textContent()).toContain(quizUi.resultEssay(4, 2, 4, false));
    expect(await page.getAttribute("[data-quiz]", "data-points")).toBe(String(expected.points));

    // Every option of every objective question is explained; the right one is marked.
    for (const question of choices) {
      for (const option of question.options) {
        const explanation = page.locator(`#qz-${question.number}-${option.letter}-explicacao`);
        expect(await explanation.isVisible()).toBe(true);
        expect(await explanation.textContent()).toContain(option.explanation);
        expect(await page.getAttribute(`#qz-${question.number}-${option.letter}`, "aria-describedby")).toBe(
          `qz-${question.number}-${option.letter}-explicacao`,
        );
      }
      expect(
        await page.textContent(`fieldset[data-question="${question.number}"] [data-part="feedback"]`),
      ).toBe(quizUi.questionCorrect);
      const tag = page.locator(
        `fieldset[data-question="${question.number}"] li[data-letter="${question.answer}"] [data-part="tag"]`,
      );
      expect(await tag.textContent()).toBe(`${quizUi.chosen} · ${quizUi.correctAnswer}`);
    }
    await context.close();
  });

  it("explains a wrong choice, keeps everything after a reload, and “Tentar de novo” starts over", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await openQuiz(page);
    await page.check("#qz-1-A");
    await page.check("#qz-2-C");
    await page.fill("#qz-5-texto", ESSAY);
    await page.check("#qz-5-rubrica-cenario");
    await page.click('[data-part="verify"]');
    const q1 = choices[0]!;
    const expected = scoreAnswers(quiz, "voce", "navegador", {
      "1": "A",
      "2": "C",
      "3": "",
      "4": "",
      "5": ESSAY,
    });
    expect(expected.points).toBe(1);
    const live = page.locator('[data-part="result"]');
    await expect.poll(() => live.textContent()).toContain(quizUi.resultSummary(1, 4, 1, 4));
    expect(await page.textContent('fieldset[data-question="1"] [data-part="feedback"]')).toBe(
      quizUi.questionWrong(q1.answer),
    );
    expect(await page.textContent('fieldset[data-question="3"] [data-part="feedback"]')).toBe(
      quizUi.questionBlank("C"),
    );
    expect(await page.textContent('li[data-letter="A"] [data-part="tag"] >> nth=0')).toBe(quizUi.chosen);
    expect(await page.isVisible("#qz-1-A-explicacao")).toBe(true);
    expect(await page.getAttribute('fieldset[data-question="1"]', "class")).toContain("is-wrong");

    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null"), QUIZ_KEY);
    expect(stored).toEqual({
      answers: { "1": "A", "2": "C", "3": "", "4": "", "5": ESSAY },
      rubric: ["cenario"],
      verified: true,
    });

    await page.reload();
    await page.waitForSelector('[data-quiz][data-ready="true"]');
    expect(await page.isChecked("#qz-1-A")).toBe(true);
    expect(await page.isChecked("#qz-2-C")).toBe(true);
    expect(await page.inputValue("#qz-5-texto")).toBe(ESSAY);
    expect(await page.isChecked("#qz-5-rubrica-cenario")).toBe(true);
    expect(await page.isChecked("#qz-5-rubrica-desafios")).toBe(false);
    expect(await live.textContent()).toContain(quizUi.resultSummary(1, 4, 1, 4));
    expect(await page.isVisible("#qz-1-A-explicacao")).toBe(true);

    // Changing an answer hides the now outdated result until "Verificar" again.
    await page.check("#qz-1-B");
    expect(await page.isVisible("#qz-1-A-explicacao")).toBe(false);
    expect(await live.textContent()).toBe("");
    expect(await page.isVisible('[data-part="stale"]')).toBe(true);

    // "Tentar de novo": objective answers and rubric cleared, the essay kept, focus on question 1.
    await page.click('[data-part="retry"]');
    expect(await page.locator('input[type="radio"]:checked').count()).toBe(0);
    expect(await page.locator('input[type="checkbox"]:checked').count()).toBe(0);
    expect(await page.inputValue("#qz-5-texto")).toBe(ESSAY);
    expect(await live.textContent()).toBe(quizUi.retryDone);
    expect(await focused(page)).toMatchObject({ name: "qz-1", value: "A" });
    await page.reload();
    await page.waitForSelector('[data-quiz][data-ready="true"]');
    expect(await page.locator('input[type="radio"]:checked').count()).toBe(0);
    expect(await page.inputValue("#qz-5-texto")).toBe(ESSAY);
    await context.close();
  });
});
