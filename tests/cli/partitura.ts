/** What the CLI test files share: `partitura` run as a user runs it (a real process), and temporary files. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
export const BIN = join(ROOT, "bin", "partitura.js");

/** Runs `partitura ...args` in a fresh Node process; its exit code and both outputs, as text. */
export function partitura(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh, empty folder under the system's temporary folder. */
export function tempDir(prefix = "partitura-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `content` to a file named `name` in a fresh temporary folder; returns its path. */
export function tempFile(name: string, content: string, prefix = "partitura-"): string {
  const file = join(tempDir(prefix), name);
  writeFileSync(file, content);
  return file;
}
