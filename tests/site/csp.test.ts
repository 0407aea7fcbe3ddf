/**
 * The site's Content Security Policy (security.csp in astro.config.mjs): every built page carries one
 * strict policy (no 'unsafe-inline' or 'unsafe-eval' for scripts) that allows each inline script and style
 * it has, and in Debian's Chromium the pages and their widgets — theme, mobile menu, Pagefind search, code
 * copy buttons, playground, exercise grading, quiz, lesson-visit progress — cause no violation.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { pasteIntoEditor, ROOT, useBuiltSite } from "./harness.ts";

const site = useBuiltSite();

// ---------------------------------------------------------------------------------------------------------
// The built HTML
// ---------------------------------------------------------------------------------------------------------

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .sort();
}

/** The content of each `<meta http-equiv="content-security-policy">` of a page. */
function metaPolicies(html: string): string[] {
  return [...html.matchAll(/<meta\b[^>]*>/gi)]
    .map((match) => attributes(match[0]))
    .filter((attrs) => attrs.get("http-equiv")?.toLowerCase() === "content-security-policy")
    .map((attrs) => decodeEntities(attrs.get("content") ?? ""));
}

/** Directive name → its sources, e.g. "script-src" → ["'self'", "'sha256-…'"]. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The attributes of a start tag (`<script type="module" src=x>`), names lower-cased. */
function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const body = tag.replace(/^<[a-z0-9-]+/i, "").replace(/\/?>$/, "");
  for (const match of body.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attrs.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? "");
  }
  return attrs;
}

const decodeEntities = (text: string) =>
  text.replace(/&(#x?[0-9a-f]+|quot|apos|amp|lt|gt);/gi, (entity, code: string) => {
    const named: Record<string, string> = { quot: '"', apos: "'", amp: "&", lt: "<", gt: ">" };
    if (code[0] !== "#") return named[code.toLowerCase()] ?? entity;
    return String.fromCodePoint(code[1] === "x" ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
  });

/** Script types the browser runs (a JSON data block is not a script and needs no hash). */
const RUNNABLE = new Set(["", "module", "text/javascript", "application/javascript", "speculationrules"]);

/** The text of each inline element `tag` (script or style) that the policy must allow. */
function inlineBodies(html: string, tag: "script" | "style"): string[] {
  const pattern = new RegExp(`(<${tag}\\b[^>]*>)([\\s\\S]*?)</${tag}>`, "gi");
  return [...html.matchAll(pattern)]
    .filter(([, open]) => {
      const attrs = attributes(open!);
      return tag === "style" || (!attrs.has("src") && RUNNABLE.has(attrs.get("type")?.toLowerCase() ?? ""));
    })
    .map(([, , body]) => body!);
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("the policy in every built page", () => {
  it("is one <meta http-equiv> per page, without 'unsafe-inline' or 'unsafe-eval' for scripts", () => {
    const files = htmlFiles(site.outDir);
    expect(files).toContain("index.html");
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const html = readFileSync(join(site.outDir, file), "utf8");
      const policies = metaPolicies(html);
      expect(policies, file).toHaveLength(1);
      const policy = parsePolicy(policies[0]!);
      // Scripts: the site's own files, hashed inline scripts, and WebAssembly compilation for Pagefind.
      const scriptSrc = policy.get("script-src") ?? [];
      expect(scriptSrc, file).toContain("'self'");
      for (const name of ["script-src", "script-src-elem", "script-src-attr", "default-src"]) {
        for (const source of policy.get(name) ?? []) {
          expect(
            ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "blob:", "http:", "https:"],
            `${file}: ${name}`,
          ).not.toContain(source);
        }
      }
      for (const source of scriptSrc.filter((item) => item !== "'self'" && item !== "'wasm-unsafe-eval'")) {
        expect(source, file).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
      }
      expect(policy.get("default-src"), file).toEqual(["'self'"]);
      expect(policy.get("object-src"), file).toEqual(["'none'"]);
      expect(policy.get("base-uri"), file).toEqual(["'self'"]);
      // Workers (Pagefind's, the exercise grader's) only from the site's own files: no blob: workers.
      expect(policy.get("worker-src"), file).toEqual(["'self'"]);
      // <style> elements: same-origin files and hashes, except where a code editor (CodeMirror) writes its
      // own at run time (src/site/csp.ts); style="" attributes are free.
      expect(policy.get("style-src") ?? [], file).not.toContain("'unsafe-inline'");
      const editor = /\sdata-(playground|exercise)[\s=>]/.test(html);
      expect(policy.get("style-src-elem")?.includes("'unsafe-inline'") ?? false, file).toBe(editor);
      expect(policy.get("style-src-attr"), file).toEqual(["'unsafe-inline'"]);
    }
  });

  it("lists the hash of every inline script and <style> of the page, and the page has no inline handlers", () => {
    let scripts = 0;
    for (const file of htmlFiles(site.outDir)) {
      const html = readFileSync(join(site.outDir, file), "utf8");
      const policy = parsePolicy(metaPolicies(html)[0] ?? "");
      const scriptHashes = new Set(policy.get("script-src-elem") ?? policy.get("script-src") ?? []);
      const styleHashes = new Set(policy.get("style-src-elem") ?? policy.get("style-src") ?? []);
      for (const body of inlineBodies(html, "script")) {
        expect(scriptHashes.has(sha256(body)), `${file}: inline script ${body.trim().slice(0, 80)}`).toBe(
          true,
        );
        scripts++;
      }
      const anyStyle = policy.get("style-src-elem")?.includes("'unsafe-inline'") ?? false;
      for (const body of anyStyle ? [] : inlineBodies(html, "style")) {
        expect(styleHashes.has(sha256(body)), `${file}: <style> ${body.trim().slice(0, 80)}`).toBe(true);
      }
      // Event-handler attributes and javascript: URLs would be refused: the site must not rely on them.
      for (const [tag] of html.matchAll(/<[a-z][a-z0-9-]*\b[^>]*>/gi)) {
        for (const [name, value] of attributes(tag)) {
          expect(name.startsWith("on"), `${file}: ${tag.slice(0, 120)}`).toBe(false);
          expect(/^\s*javascript:/i.test(value), `${file}: ${tag.slice(0, 120)}`).toBe(false);
        }
      }
    }
    // Starlight's theme and sidebar scripts are inline on every page: the check above did look at them.
    expect(scripts).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------------------
// In the browser
// ---------------------------------------------------------------------------------------------------------

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

interface Watched {
  page: Page;
  /** Uncaught errors and console errors (a refused resource is logged there too). */
  errors: string[];
  /** The page's securitypolicyviolation events so far (read from the page). */
  violations: () => Promise<Violation[]>;
  /** Paths of the workers the page started. */
  workers: string[];
}

/** A context whose pages record every CSP violation on `window.__cspViolations` from their first script on. */
async function watchedContext(options: { width?: number } = {}): Promise<BrowserContext> {
  const context = await site.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.baseUrl });
  await context.addInitScript(() => {
    const list: Violation[] = [];
    Object.defineProperty(window, "__cspViolations", { value: list });
    document.addEventListener("securitypolicyviolation", (event) => {
      list.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: `${event.sourceFile}:${event.lineNumber}`,
      });
    });
  });
  return context;
}

async function open(context: BrowserContext, path: string): Promise<Watched> {
  const page = await context.newPage();
  const errors: string[] = [];
  const workers: string[] = [];
  page.on("pageerror", (error) => errors.push(`${path}: ${error.message}`));
  page.on("worker", (worker) => workers.push(worker.url().replace(site.baseUrl, "")));
  page.on("console", (message) => {
    const { url, lineNumber } = message.location();
    if (message.type() === "error") {
      errors.push(`${path}: ${message.text()} (${url}:${lineNumber})`);
    }
  });
  await page.goto(site.baseUrl + path, { waitUntil: "load" });
  // The policy the page runs under is the build's meta tag.
  expect(await page.locator('meta[http-equiv="content-security-policy"]').count(), path).toBe(1);
  const violations = () =>
    page.evaluate(() => [...(window as unknown as { __cspViolations: Violation[] }).__cspViolations]);
  return { page, errors, violations, workers };
}

/** Fails with the page's violations and errors listed, if there are any. */
async function expectClean(watched: Watched, label: string): Promise<void> {
  expect(await watched.violations(), `${label}: CSP violations`).toEqual([]);
  expect(watched.errors, `${label}: errors`).toEqual([]);
}

async function replaceEditorText(page: Page, editor: string, text: string): Promise<void> {
  await page.click(`${editor} .cm-content`);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

describe("under the policy, in Chromium", () => {
  it("is enforced: an injected inline script is refused and reported", async () => {
    const context = await watchedContext();
    const watched = await open(context, "/");
    const ran = await watched.page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true;";
      document.head.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect
      .poll(async () => (await watched.violations()).map((violation) => violation.directive))
      .toEqual(["script-src-elem"]);
    await context.close();
  });

  it("home page: theme select, Pagefind search and the lesson-visit progress work without violations", async () => {
    const context = await watchedContext();
    // A lesson visit is recorded by the bundled tracker and shown on the home page.
    const lesson = await open(context, "/02-introducao-ao-step-functions/");
    await expect
      .poll(() =>
        lesson.page.evaluate(() =>
          localStorage.getItem("partitura:licao-visitada:02-introducao-ao-step-functions"),
        ),
      )
      .toMatch(/^\d{4}-\d\d-\d\dT/);
    await expectClean(lesson, "lição 02");

    const home = await open(context, "/");
    const { page } = home;
    await expect
      .poll(() => page.textContent("[data-progress-lessons]"))
      .toMatch(/^Lições abertas: 1 de \d+$/);
    expect(
      await page.isVisible(
        '.course-lessons li[data-slug="02-introducao-ao-step-functions"] [data-progress-badge]',
      ),
    ).toBe(true);

    // Theme: Starlight's select switches and remembers it.
    const select = "starlight-theme-select select";
    await page.selectOption(select, "light");
    expect(await page.getAttribute("html", "data-theme")).toBe("light");
    await page.selectOption(select, "dark");
    expect(await page.getAttribute("html", "data-theme")).toBe("dark");
    expect(await page.evaluate(() => localStorage.getItem("starlight-theme"))).toBe("dark");

    // Search: Pagefind's UI, its index and its WebAssembly load from the site and find the Retry lesson.
    await page.click("button[data-open-modal]");
    const input = page.locator("#starlight__search .pagefind-ui__search-input");
    await input.waitFor();
    await input.fill("Retry");
    // Enter submits Pagefind's form (action="javascript:void(0);"): it must stay harmless.
    await input.press("Enter");
    const results = page.locator("#starlight__search .pagefind-ui__result");
    await results.first().waitFor();
    const links = await results
      .locator("a")
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
    expect(links.some((href) => href.includes("/06-erros-e-retentativas/"))).toBe(true);
    expect(home.workers).toContain("/pagefind/pagefind-worker.js");
    await expectClean(home, "início");
    await context.close();
  });

  it("lesson with a playground: editing, running, and the code blocks' copy button", async () => {
    const context = await watchedContext();
    const watched = await open(context, "/06-erros-e-retentativas/");
    const { page } = watched;
    await page.waitForSelector('[data-playground][data-ready="true"]');
    const definition = readFileSync(join(ROOT, "exercises/examples/pagamento.asl.json"), "utf8");
    // A broken definition is underlined (CodeMirror's lint decorations and tooltips style themselves)...
    await replaceEditorText(
      page,
      "[data-pg-editor]",
      definition.replace('"Next": "AtualizarEstoque"', '"Next": "AtualizarEstoqu"'),
    );
    const underline = page.locator("[data-pg-editor] .cm-lintRange-error").first();
    await underline.waitFor();
    await underline.hover();
    await page.locator(".cm-tooltip-lint").waitFor();
    // ...and the fixed one runs on the engine, with the graph redrawn in the browser.
    await replaceEditorText(page, "[data-pg-editor]", definition);
    await expect.poll(() => page.locator("[data-pg-editor] .cm-lintRange-error").count()).toBe(0);
    await page.selectOption("[data-pg-scenario]", "Sucesso");
    await page.click("[data-pg-run]");
    await page.waitForSelector("[data-pg-result-status]", { state: "attached" });
    expect(await page.getAttribute("[data-pg-result-status]", "data-pg-result-status")).toBe("SUCCEEDED");
    expect(await page.locator("[data-playground] svg.wf-svg").count()).toBeGreaterThan(0);

    // Expressive Code's copy button (its script is a bundled file) copies the block's code.
    const block = page.locator(".expressive-code").first();
    const squash = (text: string) => text.replace(/\s+/g, "");
    const code = squash(await block.locator("pre").innerText());
    await block.hover();
    await block.locator(".copy button").click();
    await expect
      .poll(async () => squash(await page.evaluate(() => navigator.clipboard.readText())))
      .toBe(code);
    await expectClean(watched, "lição 06");
    await context.close();
  });

  it("lesson without a playground, on a phone: the mobile menu opens and closes", async () => {
    const context = await watchedContext({ width: 390 });
    const watched = await open(context, "/02-introducao-ao-step-functions/");
    const { page } = watched;
    expect(await page.locator("[data-playground]").count()).toBe(0);
    // Starlight's menu is a popover over the sidebar.
    const sidebarOpen = () =>
      page.locator("#starlight__sidebar").evaluate((nav) => nav.matches(":popover-open"));
    const toggle = page.locator("button.sl-menu-button");
    expect(await sidebarOpen()).toBe(false);
    await toggle.click();
    expect(await sidebarOpen()).toBe(true);
    await page.locator("#starlight__sidebar").getByRole("link", { name: "Autoavaliação" }).waitFor();
    await toggle.click();
    expect(await sidebarOpen()).toBe(false);
    await expectClean(watched, "lição 02");
    await context.close();
  });

  it("exercise page: the editor and grading (in a same-origin worker) work", async () => {
    const context = await watchedContext();
    const slug = "falha-pagamento";
    const watched = await open(context, `/exercicios/${slug}/`);
    const { page } = watched;
    await page.waitForSelector('[data-exercise][data-ready="true"]');
    const solution = readFileSync(join(ROOT, "exercises", slug, "solucao.asl.json"), "utf8");
    await pasteIntoEditor(page, '[data-part="editor"] .cm-content', solution);
    await page.click('[data-part="grade"]');
    const result = page.locator('[data-part="result"] [data-result]');
    await result.waitFor();
    expect(await result.getAttribute("data-status")).toBe("graded");
    expect(await result.getAttribute("data-percent")).toBe("100");
    // Graded in the module worker Vite bundled as a file of the site (worker-src 'self'), not a blob: one.
    expect(watched.workers.filter((url) => /^\/_astro\/grade-worker[^/]*\.js$/.test(url))).toHaveLength(1);
    await expectClean(watched, `exercício ${slug}`);
    await context.close();
  });

  it("quiz page: answering and checking work", async () => {
    const context = await watchedContext();
    const watched = await open(context, "/15-autoavaliacao/");
    const { page } = watched;
    await page.waitForSelector('[data-quiz][data-ready="true"]');
    await page.check("#qz-1-A");
    await page.click('[data-part="verify"]');
    await expect.poll(() => page.textContent('[data-part="result"]')).not.toBe("");
    expect(await page.textContent('fieldset[data-question="1"] [data-part="feedback"]')).not.toBe("");
    await expectClean(watched, "autoavaliação");
    await context.close();
  });
});
