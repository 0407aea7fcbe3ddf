/**
 * `node scripts/class-report.ts`: regenerates the committed class report of the sample class
 * (docs/relatorio-turma/turma.html, from `examples/submissions/falha-pagamento` with hidden scenarios) and
 * its screenshots (docs/screenshots/relatorio-turma*.png), opened from disk in Debian's Chromium with
 * playwright-core — the report needs no server and no network.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "../tests/site/harness.ts";

const ROOT = resolve(import.meta.dirname, "..");
const OUT_DIR = join(ROOT, "docs", "relatorio-turma");
const HTML = join(OUT_DIR, "turma.html");
const SHOTS = join(ROOT, "docs", "screenshots");

mkdirSync(OUT_DIR, { recursive: true });
const grade = spawnSync(
  process.execPath,
  [
    join(ROOT, "bin", "partitura.js"),
    "grade",
    "examples/submissions/falha-pagamento",
    "--exercise",
    "falha-pagamento",
    "--hidden",
    "--format",
    "html",
    "--out",
    HTML,
  ],
  { cwd: ROOT, encoding: "utf8" },
);
if (grade.status !== 0) throw new Error(`partitura grade falhou: ${grade.stderr}`);

const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: "light" });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("file:")) requests.push(request.url());
  });
  await page.goto(pathToFileURL(HTML).href);
  if (requests.length > 0) throw new Error(`o relatório pediu recursos de fora: ${requests.join(", ")}`);
  const shots: [string, string | undefined][] = [
    ["relatorio-turma.png", undefined],
    ["relatorio-turma-grupo.png", "#grupo-1"],
    ["relatorio-turma-semelhanca.png", "#semelhanca"],
  ];
  for (const [name, selector] of shots) {
    const path = join(SHOTS, name);
    if (selector) await page.locator(selector).screenshot({ path });
    else await page.screenshot({ path });
    console.log(`${name}  ${(statSync(path).size / 1024).toFixed(0)} KB`);
  }
} finally {
  await browser.close();
}
