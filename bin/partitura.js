#!/usr/bin/env node
// Entry point for `partitura`. The CLI is TypeScript run by Node's type stripping (Node >= 22.18);
// when started by an older Node (machines here ship Node 20), re-run it on the project's own Node 24.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [major, minor] = process.versions.node.split(".").map(Number);
if (major > 22 || (major === 22 && minor >= 18)) {
  await import("../grader/cli/main.ts");
} else {
  const bundled = join(here, "..", "node_modules", "node", "bin", "node");
  if (!existsSync(bundled)) {
    console.error(
      `partitura precisa do Node 22.18 ou mais recente (este é o ${process.versions.node}). Rode 'npm install' na pasta do projeto.`,
    );
    process.exit(2);
  }
  const child = spawnSync(bundled, [join(here, "partitura.js"), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(child.status ?? 1);
}
