import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, partitura, tempDir } from "./partitura.ts";

// A CLI start plus a self-check of four scenarios: ~4 s idle, ~20 s measured at load 30; 120 s of margin.
const TIMEOUT = 120_000;

describe("partitura new-exercise", () => {
  it(
    "scaffolds a folder that passes the schema and the self-check as it is",
    () => {
      const root = tempDir();
      const created = partitura("new-exercise", "retry-lambda", "--root", root);
      expect(created.code).toBe(0);
      expect(created.stdout).toContain("partitura check-exercises retry-lambda --watch");
      const check = partitura("check-exercises", "retry-lambda", "--root", root);
      expect(check.stdout).toContain("✓ retry-lambda: inicial 50 %, solução 100 %");
      expect(check.code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "refuses a folder that exists or a slug that is not one, in one Portuguese line",
    () => {
      const root = tempDir();
      expect(partitura("new-exercise", "Exercício 1", "--root", root)).toMatchObject({ code: 2 });
      expect(partitura("new-exercise", "a", "--root", root).code).toBe(0);
      const again = partitura("new-exercise", "a", "--root", root);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/já existe/);
    },
    TIMEOUT,
  );
});

describe("partitura check-exercises --watch", () => {
  it(
    "checks again on every save and shows the located error",
    async () => {
      const root = tempDir();
      expect(partitura("new-exercise", "vigiado", "--root", root).code).toBe(0);
      const child = spawn(process.execPath, [BIN, "check-exercises", "vigiado", "--root", root, "--watch"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const waitFor = (text: string, from = 0) =>
        new Promise<void>((resolve, reject) => {
          const poll = setInterval(() => {
            if (output.indexOf(text, from) >= 0) {
              clearInterval(poll);
              resolve();
            } else if (child.exitCode !== null) {
              clearInterval(poll);
              reject(new Error(`saiu antes: ${output}`));
            }
          }, 50);
        });
      try {
        await waitFor("Aguardando mudanças");
        expect(output).toContain("✓ vigiado");
        const file = join(root, "vigiado", "exercicio.yaml");
        const before = output.length;
        writeFileSync(file, readFileSync(file, "utf8").replace("points: 50", "points: 55"));
        await waitFor("Aguardando mudanças", before);
        const rerun = output.slice(before);
        expect(rerun).toMatch(/exercicio\.yaml mudou/);
        expect(rerun).toMatch(/exercicio\.yaml:\d+:\d+/); // located: file, line and column
      } finally {
        child.kill("SIGINT");
      }
    },
    TIMEOUT,
  );
});
