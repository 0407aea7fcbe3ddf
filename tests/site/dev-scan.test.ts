/**
 * `npm start` (astro dev) has Vite scan every .astro file for the dependencies of its scripts: Vite cuts the
 * file's <script> elements out with a regular expression and compiles each as TypeScript. Text that looks like
 * a script tag anywhere else (a frontmatter comment, say) becomes a "script" that does not compile, and every
 * start printed a red "Failed to run dependency scan" error. This runs the same cut and compile.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { transform } from "esbuild";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness.ts";

// Vite 8's dependency scanner (vite/dist/node/chunks: scriptRE, commentRE, typeRE), for .astro files.
const SCRIPT =
  /(<script(?:\s+[a-z_:][-\w:]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^"'<>=\s]+))?)*\s*>)(.*?)<\/script>/gis;
const COMMENT = /<!--.*?-->/gs;
const TYPE = /\btype\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s'">]+))/i;

function scannedScripts(source: string): string[] {
  const scripts: string[] = [];
  for (const [, openTag = "", content = ""] of source.replace(COMMENT, "<!---->").matchAll(SCRIPT)) {
    const match = TYPE.exec(openTag);
    const type = match && (match[1] ?? match[2] ?? match[3]);
    if (type && !(type.includes("javascript") || type.includes("ecmascript") || type === "module")) continue;
    if (content.trim()) scripts.push(content);
  }
  return scripts;
}

describe("npm start: Vite's dependency scan of the .astro files", () => {
  it("finds only real scripts, and each compiles", async () => {
    const files = readdirSync(join(ROOT, "src"), { recursive: true, encoding: "utf8" }).filter((file) =>
      file.endsWith(".astro"),
    );
    expect(files.length).toBeGreaterThan(3);
    const failures: string[] = [];
    for (const file of files) {
      for (const script of scannedScripts(readFileSync(join(ROOT, "src", file), "utf8"))) {
        await transform(script, { loader: "ts" }).catch((error: Error) =>
          failures.push(`${file}: ${error.message.split("\n")[0]}`),
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it("would have caught a script tag written in a frontmatter comment", async () => {
    const source =
      '---\n// Inside <script>, "</script" must not appear.\n---\n<p>oi</p>\n<script>\n  go();\n</script>\n';
    const [script] = scannedScripts(source);
    await expect(transform(script!, { loader: "ts" })).rejects.toThrow();
  });
});
