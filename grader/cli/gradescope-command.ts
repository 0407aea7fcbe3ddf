/**
 * `partitura gradescope <exercise> --out autograder.zip`: a Gradescope autograder for one exercise.
 * The zip holds setup.sh (installs Node), run_autograder (grades /autograder/submission into
 * /autograder/results/results.json) and partitura/: the grader's sources, the libraries it imports
 * (copied from node_modules, so the image build fetches nothing but Node) and the exercise.
 * The zip is reproducible: sorted entries, fixed dates.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { zipSync, type Zippable } from "fflate";
import { writeFileAtomic } from "./atomic-write.ts";
import { parseCommandArgs } from "./command.ts";
import { loadExerciseForGrading } from "./grade-exercise.ts";
import { formatBytes, gradeMessages as g } from "./grade-messages.ts";
import { InputError } from "./load.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const TEMPLATE = join(import.meta.dirname, "gradescope-template");
const FIXED_DATE = new Date("2000-01-01T00:00:00Z");
const EXECUTABLE = 0o100755 << 16;
const REGULAR = 0o100644 << 16;

function walk(dir: string, keep: (path: string) => boolean = () => true): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.name.startsWith(".") || !keep(full)) continue;
    if (entry.isDirectory()) found.push(...walk(full, keep));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

/** The npm packages the grader imports, and everything they depend on. */
export function runtimePackages(): string[] {
  const direct = new Set<string>();
  for (const file of walk(join(ROOT, "grader")).filter((f) => /\.(ts|js|mjs)$/.test(f)))
    for (const match of readFileSync(file, "utf8").matchAll(
      /\bfrom\s+["']([^"'.][^"']*)["']|\b(?:import|require)\(\s*["']([^"'.][^"']*)["']\s*\)/g,
    )) {
      const specifier = match[1] ?? match[2]!;
      if (specifier.startsWith("node:")) continue;
      const parts = specifier.split("/");
      direct.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!);
    }
  const all = new Set<string>();
  const visit = (name: string) => {
    if (all.has(name)) return;
    const manifest = join(ROOT, "node_modules", name, "package.json");
    if (!existsSync(manifest)) throw new InputError(g.gradescopeMissingPackage(name));
    all.add(name);
    const data = JSON.parse(readFileSync(manifest, "utf8")) as { dependencies?: Record<string, string> };
    for (const dependency of Object.keys(data.dependencies ?? {})) visit(dependency);
  };
  [...direct].forEach(visit);
  return [...all].sort();
}

/** The autograder zip's entries (path → bytes), for one exercise folder. */
export function autograderFiles(
  exerciseDir: string,
  slug: string,
): Map<string, { data: Uint8Array; executable: boolean }> {
  const files = new Map<string, { data: Uint8Array; executable: boolean }>();
  const add = (path: string, data: Uint8Array | string, executable = false) =>
    files.set(path, { data: typeof data === "string" ? new TextEncoder().encode(data) : data, executable });
  const nodeVersion = process.versions.node;
  for (const name of ["setup.sh", "run_autograder"])
    add(
      name,
      readFileSync(join(TEMPLATE, name), "utf8")
        .replaceAll("__SLUG__", slug)
        .replaceAll("__NODE_VERSION__", nodeVersion),
      true,
    );
  const rel = (file: string) => relative(ROOT, file).split(sep).join("/");
  for (const file of walk(join(ROOT, "grader"), (path) => !path.startsWith(TEMPLATE)))
    add(`partitura/${rel(file)}`, readFileSync(file));
  add("partitura/bin/partitura.js", readFileSync(join(ROOT, "bin", "partitura.js")), true);
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  add(
    "partitura/package.json",
    JSON.stringify(
      { name: "partitura-autograder", version: manifest.version, private: true, type: "module" },
      null,
      2,
    ) + "\n",
  );
  for (const file of walk(exerciseDir))
    add(
      `partitura/exercises/${slug}/${relative(exerciseDir, file).split(sep).join("/")}`,
      readFileSync(file),
    );
  for (const name of runtimePackages()) {
    const dir = join(ROOT, "node_modules", name);
    for (const file of walk(dir, (path) => !/\.(map|d\.[cm]?ts)$/.test(path)))
      add(`partitura/node_modules/${name}/${relative(dir, file).split(sep).join("/")}`, readFileSync(file));
  }
  return files;
}

export function buildAutograderZip(exerciseDir: string, slug: string): Uint8Array {
  const tree: Zippable = {};
  const files = autograderFiles(exerciseDir, slug);
  for (const path of [...files.keys()].sort()) {
    const { data, executable } = files.get(path)!;
    tree[path] = [data, { mtime: FIXED_DATE, os: 3, attrs: executable ? EXECUTABLE : REGULAR, level: 9 }];
  }
  return zipSync(tree);
}

export async function gradescopeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: "string" } });
  const target = positionals[0];
  if (!target || !values.out) throw new InputError(g.gradescopeUsage);
  const { exercise, dir } = loadExerciseForGrading(target);
  const zip = buildAutograderZip(dir, exercise.slug);
  writeFileAtomic(values.out, zip);
  process.stdout.write(
    g.gradescopeBuilt(values.out, exercise.title, formatBytes(statSync(values.out).size)) + "\n",
  );
  return 0;
}
