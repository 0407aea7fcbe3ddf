/**
 * Browser-test harness: builds the site once into a temporary folder, serves it on 127.0.0.1 with a tiny
 * static server, and drives Debian's Chromium through playwright-core (the test tool's own browser
 * download does not work here; `.ci/run` installs /usr/bin/chromium).
 */
import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { TIMEOUTS } from "../timeouts.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const CHROMIUM = process.env["PARTITURA_CHROMIUM"] ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const run = promisify(execFile);

/** Runs `astro build` into a fresh temporary folder and returns it. */
async function buildInto(outDir: string): Promise<number> {
  const astro = join(ROOT, "node_modules", "astro", "bin", "astro.mjs");
  const started = performance.now();
  // vitest also copies its import.meta.env into process.env (DEV=1, MODE=test, ...); a build that inherits
  // DEV=1 renders dev-only markup (Starlight's search becomes its "not available in dev" notice).
  const { DEV: _dev, PROD: _prod, SSR: _ssr, MODE: _mode, BASE_URL: _base, ...inherited } = process.env;
  await run(process.execPath, [astro, "build", "--outDir", outDir], {
    cwd: ROOT,
    // vitest sets NODE_ENV=test; the site under test must be the production build users get.
    env: { ...inherited, NODE_ENV: "production", ASTRO_TELEMETRY_DISABLED: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return (performance.now() - started) / 1000;
}

const SHARED_PREFIX = "partitura-site-run-";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the site once per test run: the test files of one `vitest run` (worker processes of the same
 * parent) share one build in `$TMPDIR/partitura-site-run-<parent pid>/`. The first file to ask builds it;
 * the others wait for it as long as the building process lives (a second build would only slow a busy
 * machine down further). Builds left behind by runs that ended are removed here.
 */
export async function buildSite(): Promise<{ outDir: string; seconds: number }> {
  for (const entry of readdirSync(tmpdir())) {
    const pid = Number(entry.slice(SHARED_PREFIX.length));
    if (entry.startsWith(SHARED_PREFIX) && pid !== process.ppid && !alive(pid)) {
      rmSync(join(tmpdir(), entry), { recursive: true, force: true });
    }
  }
  const shared = join(tmpdir(), `${SHARED_PREFIX}${process.ppid}`);
  const outDir = join(shared, "out");
  const done = join(shared, "done");
  const failed = join(shared, "failed");
  const builder = join(shared, "builder");
  try {
    mkdirSync(shared);
  } catch {
    // Another test file of this run is building (or has built) the site: wait while its process lives.
    const builderAlive = () => !existsSync(builder) || alive(Number(readFileSync(builder, "utf8")));
    while (!existsSync(done) && !existsSync(failed) && builderAlive()) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (existsSync(done)) return { outDir, seconds: Number(readFileSync(done, "utf8")) };
    // The build failed: every file fails with its error (building again would fail the same way, slowly).
    if (existsSync(failed)) throw new Error(readFileSync(failed, "utf8"));
    // The building process died (a crashed worker): build this file's own copy.
    const own = mkdtempSync(join(tmpdir(), "partitura-site-"));
    return { outDir: own, seconds: await buildInto(own) };
  }
  writeFileSync(builder, String(process.pid));
  try {
    const seconds = await buildInto(outDir);
    writeFileSync(done, String(seconds));
    return { outDir, seconds };
  } catch (error) {
    writeFileSync(failed, String(error));
    throw error;
  }
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
};

/**
 * Serves a built site; `/x/` maps to `/x/index.html`, like any static host. `headers` are added to every
 * HTML response (e.g. a Content-Security-Policy).
 */
export async function serveStatic(
  dir: string,
  options: { headers?: Record<string, string> } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": TYPES[".html"] }).end(readIfExists(join(dir, "404.html")));
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    response.writeHead(200, {
      "content-type": type,
      ...(type.startsWith("text/html") ? options.headers : {}),
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "Not found";
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium não encontrado em ${CHROMIUM}. Instale com: apt-get install -y chromium (ou defina PARTITURA_CHROMIUM).`,
    );
  }
  // chromium.launch always starts from a fresh temporary user-data-dir.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: TIMEOUTS.wait,
  });
  return withWaitTimeout(browser, TIMEOUTS.wait);
}

/**
 * Gives every context and page opened on `browser` a default wait of `ms` (Playwright's 30 s is too short on
 * a busy machine): the waits in the tests then need no timeout of their own.
 */
function withWaitTimeout(browser: Browser, ms: number): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(ms);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    page.setDefaultTimeout(ms);
    return page;
  };
  return browser;
}

/** The built site, served on 127.0.0.1, and a Chromium: what a browser test file works against. */
export interface SiteUnderTest {
  outDir: string;
  baseUrl: string;
  browser: Browser;
}

/**
 * Registers the file's beforeAll/afterAll: build (once per run), serve, launch Chromium; then close
 * them. The returned object is filled in by beforeAll (the build included).
 */
export function useBuiltSite(): SiteUnderTest {
  const site = { outDir: "", baseUrl: "" } as SiteUnderTest;
  let closeServer: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const built = await buildSite();
    site.outDir = built.outDir;
    console.log(`astro build: ${built.seconds.toFixed(1)} s`);
    const server = await serveStatic(site.outDir);
    site.baseUrl = server.url;
    closeServer = server.close;
    site.browser = await launchChromium();
  }, TIMEOUTS.site.hook);
  afterAll(async () => {
    await site.browser?.close();
    await closeServer();
    if (site.outDir) removeDir(site.outDir);
  });
  return site;
}

/** Removes a test's temporary folder; the run's shared build stays for the other test files (see buildSite). */
export function removeDir(dir: string): void {
  if (dir.startsWith(join(tmpdir(), SHARED_PREFIX))) return;
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The lesson text this site must follow: a copy of the seed kept next to the lessons (ignored by the content
 * collection because of the leading underscore), so the tests run in any clone.
 */
export const SEED = join(ROOT, "lessons", "_fonte", "aula-14-step-functions.md");

/** Top-level (`# `) headings of a Markdown text, ignoring lines inside code fences. */
export function topLevelHeadings(markdown: string): string[] {
  const headings: string[] = [];
  let inFence = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) inFence = !inFence;
    else if (!inFence && line.startsWith("# ")) headings.push(line.slice(2).trim());
  }
  return headings;
}

/** Bodies of the fenced code blocks of a Markdown text. */
export function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1] ?? "");
}

/** Replaces a CodeMirror editor's text through a paste event, as a student pasting a file would. */
export async function pasteIntoEditor(page: Page, contentSelector: string, text: string): Promise<void> {
  await page.click(contentSelector);
  await page.keyboard.press("ControlOrMeta+A");
  await page.evaluate(
    ({ selector, content }) => {
      const target = document.querySelector(selector)!;
      const data = new DataTransfer();
      data.setData("text/plain", content);
      target.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { selector: contentSelector, content: text },
  );
}
