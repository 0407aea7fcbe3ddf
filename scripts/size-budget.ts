/**
 * Size budget of the built site (`npm run size`, after `npm run build`; or `node scripts/size-budget.ts <dist>`).
 *
 * What it counts, per page, from the HTML and the built chunks (no browser):
 * - FIRST LOAD: the page's module scripts (`<script type="module" src>` and inline module scripts), the
 *   chunks they import statically, transitively, and the dynamic `import()`s written in those entry scripts
 *   themselves (an island entry such as src/playground/client.ts imports its code right away when the page
 *   has the island), with their static imports.
 * - ON DEMAND: chunks reachable only through a dynamic `import()` or a `new Worker(…)` inside a non-entry
 *   chunk (e.g. the engine, which the playground loads when the student runs a workflow, or the exercise
 *   page's grading worker). Reported apart; first load + on demand is
 *   everything the page can ever load.
 * - "island" JavaScript: what the scripts of this project's own components load
 *   (`<Name>.astro_astro_type_script…`, for a `<Name>.astro` under `src/`). Everything else is Starlight's own
 *   (theme, search, table of contents, prefetch).
 * Sizes are gzip (zlib default level 6), in KiB (1024 bytes).
 *
 * Budget:
 * (a) lesson pages (`/NN-slug/`) without a playground and without a quiz ship no island JavaScript; pages
 *     without a playground never load a playground chunk;
 * (b) the playground's JavaScript — the island JavaScript a playground page loads on first load — is
 *     ≤ 255 KiB gzip. It was 250 until the validator learned AWS's table of optimized integrations and
 *     stricter timestamp rules (issue 11): 251.8 KiB measured after that, with the headroom kept small on
 *     purpose so the next feature moves something on demand (the validator, the YAML language, the lint panel).
 *
 * `--modules` also prints, for the playground's chunks, the bytes per source package when the build has
 * sourcemaps (`vite.build.sourcemap`), else the chunk list only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";

export const PLAYGROUND_BUDGET_KIB = 255;

export interface Chunk {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
}

export interface PageReport {
  /** URL path, e.g. `/06-erros-e-retentativas/`. */
  readonly path: string;
  readonly lesson: boolean;
  readonly playground: boolean;
  readonly quiz: boolean;
  /** Every JS chunk of the first load (external files), plus inline module scripts. */
  readonly js: readonly Chunk[];
  /** Island chunks of the first load. */
  readonly island: readonly Chunk[];
  readonly totalGzip: number;
  readonly islandGzip: number;
  /** Island chunks loaded later, on demand (e.g. the engine when the student runs a workflow). */
  readonly onDemand: readonly Chunk[];
  readonly onDemandGzip: number;
}

export interface SizeReport {
  readonly pages: readonly PageReport[];
  /** The largest island JavaScript of a page with a playground. */
  readonly playgroundGzip: number;
  readonly playgroundPage: string;
  readonly violations: readonly string[];
}

const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== "_astro" && entry !== "pagefind") found.push(...htmlFiles(full));
    } else if (entry === "index.html") found.push(full);
  }
  return found;
}

/** Names of this project's Astro components and pages (their client scripts are islands). */
function projectComponents(root: string): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith(".astro"))
        names.add(entry.replace(/\.astro$/, "").replace(/^\[(.*)\]$/, "_$1_"));
    }
  };
  walk(join(root, "src"));
  return names;
}

/** Chunk files a chunk imports: static imports and re-exports; dynamic imports and Vite's preload lists. */
function importsOf(code: string): { static: string[]; dynamic: string[] } {
  const fixed = new Set<string>();
  const dynamic = new Set<string>();
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'`]((?:\.{1,2})?\/[^"'`]+?\.js)["'`]/g))
    fixed.add(match[1]!);
  for (const match of code.matchAll(/\bimport\s*\(\s*["'`]((?:\.{1,2})?\/[^"'`]+?\.js)["'`]/g))
    dynamic.add(match[1]!);
  // A worker script (`new Worker(new URL("/_astro/x.js", import.meta.url))`) loads when the page starts it.
  for (const match of code.matchAll(/new Worker\(\s*new URL\(\s*["'`]((?:\.{1,2})?\/[^"'`]+?\.js)["'`]/g))
    dynamic.add(match[1]!);
  // Vite's preload helper lists a dynamic import's dependencies as paths from the site root: "_astro/x.js".
  for (const match of code.matchAll(/["'`](_astro\/[^"'`]+?\.js)["'`]/g)) dynamic.add("/" + match[1]!);
  for (const file of fixed) dynamic.delete(file);
  return { static: [...fixed], dynamic: [...dynamic] };
}

export function measureSite(dist: string, root: string = resolve(import.meta.dirname, "..")): SizeReport {
  const components = projectComponents(root);
  const gzCache = new Map<string, Chunk>();
  const chunk = (file: string): Chunk => {
    let known = gzCache.get(file);
    if (!known) {
      const data = readFileSync(file);
      known = { file: relative(dist, file), bytes: data.length, gzip: gzipSync(data).length };
      gzCache.set(file, known);
    }
    return known;
  };
  const target = (from: string, path: string) =>
    path.startsWith("/") ? join(dist, path) : resolve(join(from, ".."), path);
  /** Static closure of `files`; the dynamic imports met on the way are returned apart. */
  const staticClosure = (files: readonly string[], seen: Set<string>): string[] => {
    const dynamic: string[] = [];
    const queue = [...files];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file) || !existsSync(file)) continue;
      seen.add(file);
      const found = importsOf(readFileSync(file, "utf8"));
      queue.push(...found.static.map((path) => target(file, path)));
      dynamic.push(...found.dynamic.map((path) => target(file, path)));
    }
    return dynamic;
  };
  /** First-load and on-demand chunks of a set of entry scripts (see the header). */
  const load = (entries: readonly string[]): { first: Set<string>; later: Set<string> } => {
    const first = new Set<string>();
    const entryDynamic = entries.flatMap((file) =>
      existsSync(file) ? importsOf(readFileSync(file, "utf8")).dynamic.map((path) => target(file, path)) : [],
    );
    const deeper = staticClosure([...entries, ...entryDynamic], first);
    const all = new Set(first);
    let queue = deeper;
    while (queue.length > 0) queue = staticClosure(queue, all);
    return { first, later: new Set([...all].filter((file) => !first.has(file))) };
  };
  const isIslandEntry = (file: string) => {
    const name = basename(file);
    const component = /^(.+?)\.astro_astro_type_script/.exec(name)?.[1];
    return component !== undefined && components.has(component);
  };

  const pages: PageReport[] = [];
  for (const html of htmlFiles(dist).sort()) {
    const text = readFileSync(html, "utf8");
    const path =
      "/" +
      relative(dist, join(html, "..")).replaceAll("\\", "/") +
      (html === join(dist, "index.html") ? "" : "/");
    const entries: string[] = [];
    const inline: Chunk[] = [];
    for (const match of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attributes = match[1] ?? "";
      if (!/type="module"/.test(attributes)) continue;
      const src = /src="([^"]+)"/.exec(attributes)?.[1];
      if (src) entries.push(join(dist, src));
      else {
        const body = Buffer.from(match[2] ?? "");
        inline.push({ file: `${path} (inline)`, bytes: body.length, gzip: gzipSync(body).length });
        const found = importsOf(match[2] ?? "");
        // An inline script's imports are relative to the page (Astro writes them from the site root).
        entries.push(...[...found.static, ...found.dynamic].map((path) => target(html, path)));
      }
    }
    const all = load(entries);
    const island = load(entries.filter(isIslandEntry));
    const js = [...[...all.first].map(chunk), ...inline];
    const islandChunks = [...island.first].map(chunk);
    const onDemand = [...island.later].map(chunk);
    pages.push({
      path,
      lesson: /^\/\d\d-[^/]+\/$/.test(path),
      playground: text.includes("data-playground"),
      quiz: text.includes("data-quiz"),
      js,
      island: islandChunks,
      totalGzip: js.reduce((sum, item) => sum + item.gzip, 0),
      islandGzip: islandChunks.reduce((sum, item) => sum + item.gzip, 0),
      onDemand,
      onDemandGzip: onDemand.reduce((sum, item) => sum + item.gzip, 0),
    });
  }

  const violations: string[] = [];
  const playgroundPages = pages.filter((page) => page.playground);
  for (const page of pages) {
    if (page.lesson && !page.playground && !page.quiz && page.island.length > 0) {
      violations.push(
        `${page.path}: lição sem playground carrega JavaScript de ilha (${page.island.map((c) => c.file).join(", ")})`,
      );
    }
    if (!page.playground) {
      const leaked = [...page.js, ...page.onDemand].filter((item) =>
        /\/(Playground\.astro_|mount\.)/.test("/" + item.file),
      );
      if (leaked.length > 0)
        violations.push(
          `${page.path}: carrega o playground sem ter um (${leaked.map((c) => c.file).join(", ")})`,
        );
    }
  }
  const largest = playgroundPages.reduce<PageReport | undefined>(
    (best, page) => (best === undefined || page.islandGzip > best.islandGzip ? page : best),
    undefined,
  );
  const playgroundGzip = largest?.islandGzip ?? 0;
  if (playgroundGzip > PLAYGROUND_BUDGET_KIB * 1024) {
    violations.push(
      `JavaScript do playground: ${kib(playgroundGzip)} KiB gzip > ${PLAYGROUND_BUDGET_KIB} KiB`,
    );
  }
  if (playgroundPages.length === 0) violations.push("nenhuma página com playground encontrada");
  return { pages, playgroundGzip, playgroundPage: largest?.path ?? "", violations };
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    let digit = B64.indexOf(char);
    const more = digit & 32;
    digit &= 31;
    value += digit << shift;
    if (more) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Generated bytes per source package of a chunk, from its sourcemap (undefined without one). */
export function modulesOf(file: string): Map<string, number> | undefined {
  if (!existsSync(`${file}.map`)) return undefined;
  const map = JSON.parse(readFileSync(`${file}.map`, "utf8")) as { sources: string[]; mappings: string };
  const lines = readFileSync(file, "utf8").split("\n");
  const sizes = new Map<string, number>();
  let source = 0;
  map.mappings.split(";").forEach((line, index) => {
    const segments = line ? line.split(",").map(decodeVlq) : [];
    const length = (lines[index] ?? "").length;
    let column = 0;
    segments.forEach((segment, i) => {
      column += segment[0] ?? 0;
      if (segment.length > 1) source += segment[1] ?? 0;
      const next = i + 1 < segments.length ? column + (segments[i + 1]?.[0] ?? 0) : length;
      const path = map.sources[source] ?? "?";
      const pkg =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.replace(/^(\.\.\/)+(work\/main\/)?/, "");
      sizes.set(pkg, (sizes.get(pkg) ?? 0) + (next - column));
    });
  });
  return sizes;
}

export function formatReport(report: SizeReport, dist: string, withModules = false): string {
  const out: string[] = [];
  out.push(`Orçamento de tamanho — ${dist}`);
  out.push("(KiB gzip, nível 6. ilhas = JavaScript das ilhas do projeto na primeira carga; sob demanda = só");
  out.push(
    " quando o estudante age, p.ex. o motor ao executar; total JS = primeira carga, com o do Starlight)",
  );
  out.push("");
  out.push(
    "página".padEnd(44) +
      "ilhas".padStart(9) +
      "sob demanda".padStart(13) +
      "total JS".padStart(10) +
      "  observações",
  );
  for (const page of report.pages) {
    const notes = [page.playground ? "playground" : "", page.quiz ? "quiz" : ""].filter(Boolean).join(", ");
    out.push(
      page.path.padEnd(44) +
        kib(page.islandGzip).padStart(9) +
        kib(page.onDemandGzip).padStart(13) +
        kib(page.totalGzip).padStart(10) +
        "  " +
        notes,
    );
  }
  const page = report.pages.find((item) => item.path === report.playgroundPage);
  if (page) {
    out.push("");
    out.push(`JavaScript do playground (${page.path}):`);
    const rows = [
      ...page.island.map((item) => ({ ...item, when: "1ª carga" })),
      ...page.onDemand.map((item) => ({ ...item, when: "sob demanda" })),
    ];
    for (const item of rows.sort((a, b) => a.when.localeCompare(b.when) || b.gzip - a.gzip)) {
      out.push(
        `  ${item.when.padEnd(11)} ${kib(item.gzip).padStart(7)} KiB gzip  ${kib(item.bytes).padStart(7)} KiB  ${item.file}`,
      );
      const modules = withModules ? modulesOf(join(dist, item.file)) : undefined;
      if (modules) {
        for (const [name, bytes] of [...modules].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
          out.push(`              ${kib(bytes).padStart(7)} KiB  ${name}`);
        }
      }
    }
  }
  out.push("");
  out.push(
    `(a) lições sem playground nem quiz sem JavaScript de ilha: ${report.pages.filter((p) => p.lesson && !p.playground && !p.quiz).every((p) => p.island.length === 0) ? "OK" : "FALHOU"}`,
  );
  out.push(
    `(b) JavaScript do playground na primeira carga: ${kib(report.playgroundGzip)} KiB gzip (orçamento ${PLAYGROUND_BUDGET_KIB} KiB): ${report.playgroundGzip <= PLAYGROUND_BUDGET_KIB * 1024 ? "OK" : "FALHOU"}` +
      (page ? ` (+ ${kib(page.onDemandGzip)} KiB sob demanda)` : ""),
  );
  for (const violation of report.violations) out.push(`  ✗ ${violation}`);
  return out.join("\n");
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const dist = resolve(args.find((arg) => !arg.startsWith("--")) ?? "dist");
  if (!existsSync(join(dist, "_astro"))) {
    console.error(`${dist} não tem um site construído: rode "npm run build" antes.`);
    process.exit(2);
  }
  const report = measureSite(dist);
  console.log(formatReport(report, dist, args.includes("--modules")));
  process.exit(report.violations.length > 0 ? 1 : 0);
}
