/**
 * Exercise pages in Debian's Chromium: the page grades in the browser exactly as `partitura grade` does
 * in Node (same score, same checks, same pt-BR messages), under a CSP without 'unsafe-eval', in a Web
 * Worker with a timeout; autosave, "Ver solução", the home page's score, and no hidden scenario anywhere in
 * the page.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page, Worker } from "playwright-core";
import { parse } from "yaml";
import {
  gradeSubmission,
  parseExercise,
  type Exercise,
  type SubmissionResult,
} from "../../grader/grading/index.ts";
import { STUDENT } from "../../src/exercise/grade-core.ts";
import { attemptKey } from "../../src/exercise/storage.ts";
import { exerciseSlugs } from "../../src/exercise/load.ts";
import { exerciseUi } from "../../src/i18n/pt-BR-exercicios.ts";
import { pasteIntoEditor, ROOT, removeDir, useBuiltSite } from "./harness.ts";

const run = promisify(execFile);
const EXERCISES = join(ROOT, "exercises");
const slugs = exerciseSlugs(EXERCISES);

/** A CSP without 'unsafe-eval': any eval / new Function in the grader bundle would throw. */
const CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

/** The grading worker's script, as Vite emits it. */
const WORKER_PATH = /^\/_astro\/grade-worker-[\w-]+\.js$/;

const site = useBuiltSite();
const workDirs: string[] = [];

afterAll(() => {
  for (const dir of workDirs) removeDir(dir);
});

function readExercise(slug: string): Exercise {
  const dir = join(EXERCISES, slug);
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) files[name] = readFileSync(join(dir, name), "utf8");
  return parseExercise(files);
}

/**
 * A context as strict as a CSP without 'unsafe-eval': the HTML carries that CSP, and — because Chromium
 * lets eval through in a page that DevTools (Playwright) has evaluated code in — new Function and the
 * other function constructors are also replaced, before any page script runs, by ones that record the
 * attempt and throw EvalError, as the CSP would. The grading worker's script carries the same CSP, so an
 * eval in the grader would throw there and the grading would not match the CLI's.
 */
async function strictContext(): Promise<BrowserContext> {
  const context = await site.browser.newContext();
  await context.route(
    // The pages, and the grading worker's script: the page's policy does not reach a worker, Chromium
    // applies the one its script's response carries (and DevTools never evaluates code there).
    (url) =>
      url.origin === site.baseUrl && (!/\.[a-z0-9]+$/i.test(url.pathname) || WORKER_PATH.test(url.pathname)),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": CSP } });
    },
  );
  await context.addInitScript(() => {
    const attempts: string[] = [];
    Object.defineProperty(window, "__tentativasDeEval", { value: attempts });
    const block = (what: string): never => {
      attempts.push(what);
      throw new EvalError(`${what} bloqueado: a CSP do site não permite 'unsafe-eval'`);
    };
    const poison = (original: object, name: string) =>
      new Proxy(original, { apply: () => block(name), construct: () => block(`new ${name}`) });
    const constructors: [object, string][] = [
      [Object.getPrototypeOf(async function () {}), "AsyncFunction"],
      [Object.getPrototypeOf(function* () {}), "GeneratorFunction"],
      [Object.getPrototypeOf(async function* () {}), "AsyncGeneratorFunction"],
      [Function.prototype, "Function"],
    ];
    for (const [prototype, name] of constructors) {
      const original = (prototype as { constructor: object }).constructor;
      Object.defineProperty(prototype, "constructor", { value: poison(original, name), configurable: true });
    }
    Object.defineProperty(window, "Function", { value: poison(Function, "Function"), configurable: true });
    // window.eval stays: Playwright's own evaluate uses it. The bundle scan below shows the site never calls it.
  });
  return context;
}

async function openExercise(
  context: BrowserContext,
  slug: string,
): Promise<{ page: Page; errors: string[]; workers: Worker[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const workers: Worker[] = [];
  page.on("worker", (worker) => workers.push(worker));
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|EvalError/i.test(message.text()))
      errors.push(message.text());
  });
  await page.goto(`${site.baseUrl}/exercicios/${slug}/`);
  await page.waitForSelector('[data-exercise][data-ready="true"]');
  return { page, errors, workers };
}

/** Replaces the attempt with `text` through a paste event, as a student pasting a file would. */
async function paste(page: Page, slug: string, text: string): Promise<void> {
  await pasteIntoEditor(page, '[data-part="editor"] .cm-content', text);
  // The autosave holds exactly what the editor holds.
  await expect
    .poll(() =>
      page.evaluate((key) => {
        const raw = localStorage.getItem(key);
        return raw === null ? null : (JSON.parse(raw) as { text: string }).text;
      }, attemptKey(slug)),
    )
    .toBe(text);
}

/** What the page shows after "Avaliar", read back from the rendered result. */
interface ShownResult {
  status: string;
  points: number;
  maxPoints: number;
  percent: number;
  scoreText: string;
  reason: string | null;
  diagnostics: {
    code: string;
    severity: string;
    line: number | null;
    column: number | null;
    message: string;
  }[];
  staticChecks: ShownCheck[];
  scenarios: {
    id: string;
    title: string;
    visibility: string;
    status: string;
    points: number;
    maxPoints: number;
    checks: ShownCheck[];
  }[];
}
interface ShownCheck {
  id: string;
  description: string;
  status: string;
  points: number;
  maxPoints: number;
  message: string;
}

async function gradeOnPage(page: Page): Promise<ShownResult> {
  await page.evaluate(() => document.querySelector('[data-part="result"]')!.replaceChildren());
  await page.click('[data-part="grade"]');
  await page.waitForSelector('[data-part="result"] [data-result]');
  return page.$eval("[data-result]", (root) => {
    const el = root as HTMLElement;
    const text = (node: Element | null) => node?.textContent ?? "";
    const checks = (container: Element) =>
      [...container.querySelectorAll<HTMLElement>(":scope > ul > li[data-check-id]")].map((li) => ({
        id: li.dataset["checkId"]!,
        description: text(li.querySelector("[data-description]")),
        status: li.dataset["status"]!,
        points: Number(li.dataset["points"]),
        maxPoints: Number(li.dataset["maxPoints"]),
        message: text(li.querySelector("[data-message]")),
      }));
    const statics = el.querySelector('[data-group="static"]');
    return {
      status: el.dataset["status"]!,
      points: Number(el.dataset["points"]),
      maxPoints: Number(el.dataset["maxPoints"]),
      percent: Number(el.dataset["percent"]),
      scoreText: text(el.querySelector("[data-score]")),
      reason: el.querySelector("[data-reason]")?.textContent ?? null,
      diagnostics: [...el.querySelectorAll<HTMLElement>("li[data-diagnostic]")].map((li) => ({
        code: li.dataset["code"]!,
        severity: li.dataset["severity"]!,
        line: li.dataset["line"] === undefined ? null : Number(li.dataset["line"]),
        column: li.dataset["column"] === undefined ? null : Number(li.dataset["column"]),
        message: text(li.querySelector("[data-message]")),
      })),
      staticChecks: statics ? checks(statics) : [],
      scenarios: [...el.querySelectorAll<HTMLElement>("section[data-scenario-id]")].map((section) => ({
        id: section.dataset["scenarioId"]!,
        title: text(section.querySelector("[data-title]")),
        visibility: section.dataset["visibility"]!,
        status: section.dataset["status"]!,
        points: Number(section.dataset["points"]),
        maxPoints: Number(section.dataset["maxPoints"]),
        checks: checks(section),
      })),
    };
  });
}

/**
 * A submission the grader works on for seconds: each of the 5000 transitions the scenario may take counts
 * 100 000 numbers in JSONata, and the Choice never leaves the loop (about 9 s in Node).
 */
const SLOW_DEFINITION = JSON.stringify(
  {
    QueryLanguage: "JSONata",
    StartAt: "Contar",
    States: {
      Contar: { Type: "Pass", Output: "{% $count([1..100000]) %}", Next: "DeNovo" },
      DeNovo: { Type: "Choice", Choices: [{ Condition: "{% false %}", Next: "Fim" }], Default: "Contar" },
      Fim: { Type: "Succeed" },
    },
  },
  null,
  2,
);

const squash = (text: string) => text.replace(/\s+/g, "");

/** The CLI's JSON for one submission, in the shape the page shows (everything but student/file/execution). */
function expected(result: SubmissionResult): Omit<ShownResult, "scoreText"> {
  const check = (c: SubmissionResult["staticChecks"][number]): ShownCheck => ({
    id: c.id,
    description: c.description,
    status: c.status,
    points: c.points,
    maxPoints: c.maxPoints,
    message: c.message,
  });
  return {
    status: result.status,
    points: result.points,
    maxPoints: result.maxPoints,
    percent: result.percent,
    reason: result.status === "graded" ? null : (result.reason ?? null),
    diagnostics: result.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      line: d.line ?? null,
      column: d.column ?? null,
      message: d.message,
    })),
    staticChecks: result.staticChecks.map(check),
    scenarios: result.scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      visibility: s.visibility,
      status: s.status,
      points: s.points,
      maxPoints: s.maxPoints,
      checks: s.checks.map(check),
    })),
  };
}

/**
 * Grades named texts with the CLI (`partitura grade <folder> --exercise <slug> --format json`), one folder
 * per case holding the file under the starter's name — the name the page grades the attempt under.
 */
async function gradeWithCli(
  slug: string,
  fileName: string,
  cases: Record<string, string>,
): Promise<Map<string, SubmissionResult>> {
  const dir = mkdtempSync(join(tmpdir(), `partitura-grade-${slug}-`));
  workDirs.push(dir);
  for (const [name, text] of Object.entries(cases)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, fileName), text);
  }
  const { stdout } = await run(
    process.execPath,
    [join(ROOT, "bin", "partitura.js"), "grade", dir, "--exercise", slug, "--format", "json", "--jobs", "1"],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  ).catch((error: { stdout?: string; code?: number }) => {
    // Exit code 1 means "some submission did not score 100%": the JSON is still complete.
    if (typeof error.stdout === "string" && error.stdout.trim().startsWith("{"))
      return { stdout: error.stdout };
    throw error;
  });
  const report = JSON.parse(stdout) as { includesHidden: boolean; submissions: SubmissionResult[] };
  expect(report.includesHidden).toBe(false);
  return new Map(report.submissions.map((submission) => [submission.student, submission]));
}

describe("exercise pages", () => {
  it("exist for every exercises/<slug>/ with statement, goals and a working lesson link, linked from the home", async () => {
    expect(slugs.length).toBe(7);
    const context = await site.browser.newContext();
    const home = await context.newPage();
    await home.goto(`${site.baseUrl}/`);
    const links = await home.$$eval(".course-exercises li[data-slug]", (items) =>
      items.map((item) => ({
        slug: item.getAttribute("data-slug"),
        href: item.querySelector("a.course-exercise-title")?.getAttribute("href"),
      })),
    );
    expect(links.map((link) => link.slug).sort()).toEqual(slugs);
    for (const link of links) expect(link.href).toBe(`/exercicios/${link.slug}/`);

    for (const slug of slugs) {
      const exercise = readExercise(slug);
      const { page, errors } = await openExercise(context, slug);
      expect(await page.textContent("h1")).toBe(exercise.title);
      expect(await page.getAttribute("html", "lang")).toBe("pt-BR");
      const main = await page.innerText("main");
      for (const goal of exercise.learningGoals) expect(main, slug).toContain(goal);
      // The statement's Markdown is rendered (no raw "**" or "##" left) and its first heading shows.
      const statement = await page.innerText(".px-statement");
      expect(statement).not.toMatch(/\*\*|^##/m);
      expect(statement).toContain(exercise.statement.match(/^#+\s+(.+)$/m)?.[1] ?? "");
      const lessonHref = await page.getAttribute(".px-lesson-link a", "href");
      expect(lessonHref, slug).toMatch(/^\/\d\d-[a-z0-9-]+\/$/);
      const lesson = await context.newPage();
      await lesson.goto(site.baseUrl + lessonHref!);
      expect(await lesson.textContent("h1")).toBe(exercise.lessonSection);
      await lesson.close();
      // The editor starts with the starter and is labelled.
      expect(await page.getAttribute('[data-part="editor"] .cm-content', "aria-label")).toBe(
        exerciseUi.editorAriaLabel(exercise.starter.fileName),
      );
      expect(errors, slug).toEqual([]);
      await page.close();
    }
    const list = await context.newPage();
    await list.goto(`${site.baseUrl}/exercicios/`);
    expect(
      (
        await list.$$eval(".px-exercise-list > li > a:first-child", (a) =>
          a.map((x) => x.getAttribute("href")),
        )
      ).sort(),
    ).toEqual(slugs.map((slug) => `/exercicios/${slug}/`));
    await context.close();
  });

  it("never ship a hidden scenario: no id, title, concept, input or feedback of one is in the page", async () => {
    for (const slug of slugs) {
      const html = readFileSync(join(site.outDir, "exercicios", slug, "index.html"), "utf8");
      const raw = parse(readFileSync(join(EXERCISES, slug, "exercicio.yaml"), "utf8")) as {
        scenarios: { id: string; title: string; concept?: string; visibility: string; input?: unknown }[];
      };
      const hidden = raw.scenarios.filter((scenario) => scenario.visibility === "hidden");
      expect(hidden.length, slug).toBeGreaterThan(0);
      for (const scenario of hidden) {
        for (const secret of [`id: ${scenario.id}`, scenario.title, scenario.concept]) {
          if (secret) expect(html, `${slug}: ${secret}`).not.toContain(JSON.stringify(secret).slice(1, -1));
        }
      }
      expect(html).not.toContain("visibility: hidden");
    }
  });

  it("grade in the browser exactly as `partitura grade` does: starter < 100 %, solution 100 %, wrong and broken files — under a CSP without eval", async () => {
    const context = await strictContext();
    let compared = 0;
    await Promise.all(
      slugs.map(async (slug) => {
        const exercise = readExercise(slug);
        const starter = exercise.starter.text;
        const solution = exercise.solution.text;
        const cases: Record<string, string> = { inicial: starter, solucao: solution };
        if (slug === "falha-pagamento") {
          // Right shape, wrong numbers: one retry instead of three.
          cases["errada"] = solution.replace('"MaxAttempts": 3', '"MaxAttempts": 1');
          expect(cases["errada"]).not.toBe(solution);
          // A JSON syntax error: located diagnostics, status "invalid".
          cases["quebrada"] = solution.replace(/}\s*$/, "");
          // A definition the validator rejects (a Next to a state that does not exist).
          cases["invalida"] = solution.replace('"Next": "AtualizarEstoque"', '"Next": "EstadoQueNaoExiste"');
          expect(cases["invalida"]).not.toBe(solution);
        }
        if (slug === "pedidos-sequencial") {
          // Issue 13: without the ResultPaths the statement asks for, the page used to say 100 %.
          const withoutResultPaths = JSON.parse(solution) as {
            States: Record<string, Record<string, unknown>>;
          };
          delete withoutResultPaths.States.ProcessarPagamento!.ResultPath;
          delete withoutResultPaths.States.AtualizarEstoque!.ResultPath;
          cases["sem-resultpath"] = JSON.stringify(withoutResultPaths, null, 2);
        }
        if (slug === "standard-vs-express") {
          cases["errada"] = solution.replace("type: EXPRESS", "type: STANDARD");
          expect(cases["errada"]).not.toBe(solution);
        }
        const cli = await gradeWithCli(slug, exercise.starter.fileName, cases);
        const { page, errors, workers } = await openExercise(context, slug);
        // The page says how many points only the teacher's grading (hidden scenarios) awards.
        const hiddenPoints =
          exercise.points -
          exercise.scenarios.filter((s) => s.visibility === "public").reduce((sum, s) => sum + s.points, 0) -
          exercise.staticChecks.reduce((sum, c) => sum + c.points, 0);
        expect(await page.locator(".px-hidden-points").textContent(), slug).toContain(
          `${hiddenPoints} pontos em cenários ocultos — avaliados pelo professor`,
        );
        // Eval is refused on this page.
        expect(
          await page.evaluate(() => {
            try {
              return typeof new Function("return 1");
            } catch (error) {
              return (error as Error).name;
            }
          }),
        ).toBe("EvalError");
        await page.evaluate(() =>
          (window as unknown as { __tentativasDeEval: string[] }).__tentativasDeEval.splice(0),
        );
        for (const [name, text] of Object.entries(cases)) {
          await paste(page, slug, text);
          const shown = await gradeOnPage(page);
          const fromCli = cli.get(name);
          expect(fromCli, `${slug}/${name}`).toBeDefined();
          const { scoreText, ...rest } = shown;
          expect(rest, `${slug}/${name}`).toEqual(expected(fromCli!));
          expect(scoreText).toBe(
            exerciseUi.resultSummary(fromCli!.points, fromCli!.maxPoints, fromCli!.percent),
          );
          if (name === "inicial") expect(shown.percent, `${slug}: inicial`).toBeLessThan(100);
          if (name === "solucao") expect(shown.percent, `${slug}: solução`).toBe(100);
          if (name !== "solucao") expect(shown.percent, `${slug}/${name}`).toBeLessThan(100);
          if (name === "quebrada" || name === "invalida") {
            expect(shown.status, name).toBe("invalid");
            expect(shown.diagnostics.length, name).toBeGreaterThan(0);
          }
          // Only public scenarios, every one of them.
          if (shown.status === "graded") {
            expect(shown.scenarios.map((s) => s.id)).toEqual(
              exercise.scenarios.filter((s) => s.visibility === "public").map((s) => s.id),
            );
          }
          compared++;
        }
        expect(errors, slug).toEqual([]);
        // Graded in one worker (the grading worker's file), created on the first "Avaliar" and reused.
        expect(
          workers.map((worker) => new URL(worker.url()).pathname),
          slug,
        ).toEqual([expect.stringMatching(WORKER_PATH)]);
        // Grading never tried eval or new Function.
        expect(
          await page.evaluate(
            () => (window as unknown as { __tentativasDeEval: string[] }).__tentativasDeEval,
          ),
          slug,
        ).toEqual([]);
        await page.close();
      }),
    );
    expect(compared).toBe(slugs.length * 2 + 5);
    await context.close();
  });

  it("autosaves the attempt, keeps it after a reload, and puts the last score where the home page reads it", async () => {
    const slug = "falha-pagamento";
    const exercise = readExercise(slug);
    const context = await site.browser.newContext();
    const { page, errors } = await openExercise(context, slug);
    expect(await page.innerText('[data-part="editor"] .cm-content')).toContain('"StartAt"');
    await paste(page, slug, exercise.solution.text);
    await page.reload();
    await page.waitForSelector('[data-exercise][data-ready="true"]');
    expect(await page.textContent('[data-part="save-status"]')).toBe(exerciseUi.restored);
    const shown = await gradeOnPage(page);
    expect(shown.percent).toBe(100);
    expect(await page.textContent('[data-part="announce"]')).toBe(
      exerciseUi.resultAnnouncement(shown.points, shown.maxPoints, 100, 0),
    );
    expect(await page.getAttribute('[data-part="announce"]', "aria-live")).toBe("polite");
    const stored = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? "null"),
      `partitura:exercicio:${slug}`,
    );
    expect(stored).toMatchObject({ points: shown.points, maxPoints: shown.maxPoints, percent: 100 });
    // After a reload the result is back (the editor holds the code it graded), as far as the score.
    await page.reload();
    await page.waitForSelector('[data-exercise][data-ready="true"]');
    expect(await page.isVisible("[data-restored-result]")).toBe(true);
    expect(await page.getAttribute("[data-result]", "data-percent")).toBe("100");
    const home = await context.newPage();
    await home.goto(`${site.baseUrl}/`);
    expect(await home.textContent(`.course-exercises li[data-slug="${slug}"] [data-exercise-score]`)).toBe(
      `${shown.points} de ${shown.maxPoints} pontos`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("send the result over postMessage unchanged: a SubmissionResult is plain data", async () => {
    for (const slug of slugs) {
      const exercise = readExercise(slug);
      for (const text of [
        exercise.starter.text,
        exercise.solution.text,
        exercise.solution.text.slice(0, -5),
      ]) {
        const result = await gradeSubmission(
          exercise,
          { student: STUDENT, fileName: exercise.starter.fileName, text },
          { includeHidden: false },
        );
        // What the worker's postMessage does to it, and JSON: no class instance, Map, function or undefined.
        expect(structuredClone(result), slug).toStrictEqual(result);
        expect(JSON.parse(JSON.stringify(result)), slug).toStrictEqual(result);
      }
    }
  });

  it("grade in a Web Worker: the page stays responsive while a slow submission is graded", async () => {
    const slug = "pedidos-sequencial";
    const context = await site.browser.newContext();
    const { page, errors, workers } = await openExercise(context, slug);
    // No worker before the first "Avaliar".
    expect(workers).toEqual([]);
    await paste(page, slug, SLOW_DEFINITION);
    await page.click('[data-part="grade"]');
    await page.waitForSelector('[data-part="result"][aria-busy="true"]');
    expect(await page.getAttribute('[data-part="grade"]', "aria-disabled")).toBe("true");
    expect(await page.textContent('[data-part="announce"]')).toBe(exerciseUi.grading);
    // For one second of grading, the main thread keeps running 10 ms timers: the longest gap stays far below
    // the grading (this definition loops until the 15 s grading timeout), which on the main thread would hold
    // it for all that time. The bound leaves room for a busy machine's scheduling.
    const { longestGap, stillBusy } = await page.evaluate(async () => {
      let longestGap = 0;
      let last = performance.now();
      const until = last + 1000;
      while (performance.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last);
        last = now;
      }
      const busy = document.querySelector('[data-part="result"]')!.getAttribute("aria-busy") === "true";
      return { longestGap, stillBusy: busy };
    });
    expect(stillBusy).toBe(true);
    expect(longestGap).toBeLessThan(5000);
    // The editor still takes keystrokes while the worker grades.
    await page.click('[data-part="editor"] .cm-content');
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type(" ");
    expect(await page.getAttribute('[data-part="result"]', "aria-busy")).toBe("true");
    await expect
      .poll(() =>
        page.evaluate(
          (key) => (JSON.parse(localStorage.getItem(key) ?? "{}") as { text?: string }).text,
          attemptKey(slug),
        ),
      )
      .toBe(SLOW_DEFINITION + " ");
    expect(workers.map((worker) => new URL(worker.url()).pathname)).toEqual([
      expect.stringMatching(WORKER_PATH),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("stop a grading that runs past the timeout, keep the attempt, and grade again with a fresh worker", async () => {
    const slug = "pedidos-sequencial";
    const exercise = readExercise(slug);
    const context = await site.browser.newContext();
    const { page, errors, workers } = await openExercise(context, slug);
    const closed: Worker[] = [];
    page.on("worker", (worker) => worker.on("close", () => closed.push(worker)));
    // The timeout is 15 s; the island's data-grade-timeout-ms (absent from the built page) shortens it.
    await page.$eval("[data-exercise]", (root) => ((root as HTMLElement).dataset["gradeTimeoutMs"] = "200"));
    await paste(page, slug, SLOW_DEFINITION);
    await page.click('[data-part="grade"]');
    const timeoutMessage = exerciseUi.gradingTimedOut(0.2);
    expect(timeoutMessage).toContain("0,2 s");
    await page.waitForSelector('[data-part="result"] [data-timeout]');
    expect(await page.textContent('[data-part="result"] [data-timeout]')).toBe(timeoutMessage);
    expect(await page.textContent('[data-part="announce"]')).toBe(timeoutMessage);
    expect(await page.getAttribute('[data-part="result"]', "aria-busy")).toBeNull();
    const button = page.locator('[data-part="grade"]');
    expect(await button.getAttribute("aria-disabled")).toBeNull();
    expect(await button.textContent()).toBe(exerciseUi.grade);
    // The attempt is untouched, in the editor and in the autosave.
    expect(squash(await page.innerText('[data-part="editor"] .cm-content'))).toBe(squash(SLOW_DEFINITION));
    const saved = await page.evaluate((key) => localStorage.getItem(key), attemptKey(slug));
    expect((JSON.parse(saved!) as { text: string }).text).toBe(SLOW_DEFINITION);
    // The stuck worker was terminated (Chromium stops a worker busy in a script within about 2 s).
    await expect.poll(() => closed.length).toBe(1);
    expect(closed[0]).toBe(workers[0]);

    // Back to the default timeout: the solution grades to 100 % in a new worker.
    await page.$eval("[data-exercise]", (root) => delete (root as HTMLElement).dataset["gradeTimeoutMs"]);
    await paste(page, slug, exercise.solution.text);
    const shown = await gradeOnPage(page);
    expect(shown.percent).toBe(100);
    expect(await page.textContent('[data-part="announce"]')).toBe(
      exerciseUi.resultAnnouncement(shown.points, shown.maxPoints, 100, 0),
    );
    expect(workers.length).toBe(2);
    expect(workers.map((worker) => new URL(worker.url()).pathname)).toEqual([
      expect.stringMatching(WORKER_PATH),
      expect.stringMatching(WORKER_PATH),
    ]);
    expect(closed).toEqual([workers[0]]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("grade on the main thread when the browser has no Worker or the worker cannot start", async () => {
    const slug = "registro-usuario";
    const exercise = readExercise(slug);
    for (const how of ["no Worker", "worker not found"]) {
      const context = await site.browser.newContext();
      if (how === "no Worker")
        await context.addInitScript(() => Object.defineProperty(window, "Worker", { value: undefined }));
      const refused: string[] = [];
      if (how === "worker not found")
        await context.route(
          (url) => WORKER_PATH.test(url.pathname),
          (route) => {
            refused.push(route.request().url());
            return route.fulfill({ status: 404, body: "" });
          },
        );
      const { page, errors, workers } = await openExercise(context, slug);
      for (const [text, percent] of [
        [exercise.solution.text, 100],
        [exercise.starter.text, undefined],
      ] as const) {
        await paste(page, slug, text);
        const shown = await gradeOnPage(page);
        if (percent === undefined) expect(shown.percent, how).toBeLessThan(100);
        else expect(shown.percent, how).toBe(percent);
      }
      // Graded without a worker: none was created, or its script was asked for once and never came.
      if (how === "no Worker") expect(workers).toEqual([]);
      else expect(refused.length).toBe(1);
      expect(errors, how).toEqual([]);
      await context.close();
    }
  });

  it("“Ver solução” shows the reference next to the attempt without touching it", async () => {
    const slug = "documentos-paralelo";
    const exercise = readExercise(slug);
    const context = await site.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, errors } = await openExercise(context, slug);
    const attempt =
      '{\n  "Comment": "minha tentativa",\n  "StartAt": "X",\n  "States": { "X": { "Type": "Succeed" } }\n}';
    await paste(page, slug, attempt);
    const toggle = page.locator('[data-part="toggle-solution"]');
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.isVisible('[data-part="solution-pane"]')).toBe(false);
    // Keyboard: focus the button and press Enter.
    await toggle.focus();
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await toggle.textContent()).toBe(exerciseUi.hideSolution);
    // CodeMirror renders only the lines near the viewport: check the top, then scroll and check the end.
    const reference = squash(exercise.solution.text);
    const solutionContent = '[data-part="solution"] .cm-content';
    expect(reference.startsWith(squash(await page.innerText(solutionContent)))).toBe(true);
    await page.$eval('[data-part="solution"] .cm-scroller', (scroller) =>
      scroller.scrollTo(0, scroller.scrollHeight),
    );
    await expect
      .poll(async () => reference.endsWith(squash(await page.innerText(solutionContent)).slice(-300)))
      .toBe(true);
    expect(await page.getAttribute('[data-part="solution"] .cm-content', "contenteditable")).toBe("false");
    expect(squash(await page.innerText('[data-part="editor"] .cm-content'))).toBe(squash(attempt));
    // Side by side on a wide screen.
    const left = await page.locator('[data-part="editor"]').boundingBox();
    const right = await page.locator('[data-part="solution"]').boundingBox();
    expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
    const saved = await page.evaluate((key) => localStorage.getItem(key), attemptKey(slug));
    expect((JSON.parse(saved!) as { text: string }).text).toBe(attempt);
    await toggle.click();
    expect(await page.isVisible('[data-part="solution-pane"]')).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("edits from the keyboard: Enter keeps the indentation, Ctrl+Z undoes, Tab leaves the editor", async () => {
    const slug = "pedidos-sequencial";
    const context = await site.browser.newContext();
    const { page, errors } = await openExercise(context, slug);
    await paste(page, slug, '{\n  "StartAt": "A"');
    await page.keyboard.press("End");
    await page.keyboard.type(",");
    await page.keyboard.press("Enter");
    await page.keyboard.type('"States": {}');
    await expect
      .poll(() =>
        page.evaluate(
          (key) => JSON.parse(localStorage.getItem(key) ?? "{}").text as string,
          attemptKey(slug),
        ),
      )
      .toBe('{\n  "StartAt": "A",\n  "States": {}');
    await page.keyboard.press("ControlOrMeta+Z");
    expect(await page.innerText('[data-part="editor"] .cm-content')).not.toContain("States");
    await page.keyboard.press("ControlOrMeta+Shift+Z");
    expect(await page.innerText('[data-part="editor"] .cm-content')).toContain("States");
    // Tab is not trapped: it moves focus out of the editor, to the next control of the page.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest(".cm-editor"))).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("ships no eval: the built JavaScript has no `new Function(` nor `eval(`", () => {
    const dir = join(site.outDir, "_astro");
    const scripts = readdirSync(dir).filter((file) => file.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const code = readFileSync(join(dir, file), "utf8");
      // A method that happens to be named eval (re2js's prefilter: `eval(t,n){…}`) is a definition, not a call.
      expect(code, file).not.toMatch(/new Function\s*\(|[^.\w]eval\s*\((?![^()]*\)\s*\{)/);
    }
  });
});

describe("exercise pages: the result speaks pt-BR", () => {
  it("shows each scenario's execution status in pt-BR with the AWS status in parentheses", async () => {
    const slug = "falha-pagamento";
    const context = await site.browser.newContext();
    const { page, errors } = await openExercise(context, slug);
    await paste(page, slug, readExercise(slug).solution.text);
    await gradeOnPage(page);
    const executions = await page.$$eval("[data-result] .px-execution", (items) =>
      items.map((item) => ({
        status: (item as HTMLElement).dataset["execution"] ?? "",
        code: item.querySelector("code")?.textContent ?? "",
        text: item.textContent ?? "",
      })),
    );
    expect(executions.length).toBeGreaterThan(0);
    for (const execution of executions) {
      expect(execution.code).toBe(execution.status);
      const label = exerciseUi.executionStatus[execution.status];
      expect(label, execution.status).toBeDefined();
      expect(execution.text.startsWith(`Execução: ${label} (${execution.status}) · `), execution.text).toBe(
        true,
      );
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
