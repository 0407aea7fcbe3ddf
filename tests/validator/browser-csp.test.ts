/**
 * The validator as the browser editor loads it: bundled for the browser, served under a Content Security
 * Policy without 'unsafe-eval', run in Chromium. Any eval / new Function (e.g. a schema compiled at run
 * time) would be refused by the browser and reported as a CSP violation.
 */
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TIMEOUTS } from "../timeouts.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const CHROMIUM = process.env["PARTITURA_CHROMIUM"] ?? "/usr/bin/chromium";
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'";

const PAGE = `<!doctype html><meta charset="utf-8"><title>validador</title><script type="module" src="/main.js"></script>`;

const MAIN = `
import { validateSource } from "/validator.js";
const violations = [];
document.addEventListener("securitypolicyviolation", (event) => violations.push(event.violatedDirective + " " + event.blockedURI));
const jsonata = JSON.stringify({
  QueryLanguage: "JSONata",
  StartAt: "A",
  States: { A: { Type: "Pass", Output: "{% $states.input.itens[preco > 10] %}", Next: "B" }, B: { Type: "Succeed", Output: "{% $ %}" } },
});
const yaml = "StartAt: A\\nStates:\\n  A:\\n    Type: Task\\n    Resource: arn:aws:lambda:us-east-1:123456789012:function:F\\n    Retry: [{ ErrorEquals: [States.ALL], BackoffRate: 0.5 }]\\n    Nxt: B\\n";
let result;
try {
  const a = validateSource(jsonata, { fileName: "a.asl.json" }).stateMachines[0].diagnostics;
  const b = validateSource(yaml, { fileName: "b.asl.yaml" }).stateMachines[0].diagnostics;
  result = { a: a.map((d) => d.code + " " + d.location), b: b.map((d) => d.code + " " + d.location) };
} catch (error) {
  result = { error: String(error) };
}
// Give the browser a moment to dispatch violation events, then check the policy is really in force.
await new Promise((done) => setTimeout(done, 100));
result.violations = violations.slice();
try {
  new Function("return 1");
  result.evalAllowed = true;
} catch {
  result.evalAllowed = false;
}
window.result = result;
`;

describe("in a browser with a strict CSP (no 'unsafe-eval')", () => {
  it.runIf(existsSync(CHROMIUM))(
    "the bundled validator loads and validates JSONPath, JSONata and YAML",
    async () => {
      const bundle = await build({
        entryPoints: [join(ROOT, "grader", "validator", "index.ts")],
        bundle: true,
        format: "esm",
        platform: "browser",
        write: false,
        logLevel: "silent",
      });
      const files: Record<string, [string, string]> = {
        "/": ["text/html; charset=utf-8", PAGE],
        "/main.js": ["text/javascript", MAIN],
        "/validator.js": ["text/javascript", bundle.outputFiles[0]!.text],
      };
      const server = createServer((request, response) => {
        const file = files[request.url ?? "/"];
        if (!file) return void response.writeHead(404).end();
        response.writeHead(200, { "content-type": file[0], "content-security-policy": CSP }).end(file[1]);
      });
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
      });
      try {
        const page = await browser.newPage();
        const pageErrors: string[] = [];
        page.on("pageerror", (error) => pageErrors.push(error.message));
        await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
        await page.waitForFunction(() => "result" in window, undefined, { timeout: TIMEOUTS.wait });
        const result = await page.evaluate(() => (window as unknown as { result: unknown }).result);
        expect(pageErrors).toEqual([]);
        expect(result).toEqual({
          // The policy is in force: the page itself may not eval (so the validator could not either).
          evalAllowed: false,
          a: ["UNSUPPORTED_JSONATA_EXPRESSION /States/B/Output"],
          b: expect.arrayContaining([
            "SCHEMA_VALIDATION_FAILED /States/A/Retry/0/BackoffRate",
            "SCHEMA_VALIDATION_FAILED /States/A/Nxt",
          ]),
          violations: [],
        });
      } finally {
        await browser.close();
        await new Promise<void>((done) => server.close(() => done()));
      }
    },
  );
});
