// @ts-check
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { defineConfig } from "astro/config";
import { satteri } from "@astrojs/markdown-satteri";
import mdx from "@astrojs/mdx";
import starlight from "@astrojs/starlight";
import { renderWorkflow } from "./grader/graph/svg.ts";
import { ui } from "./src/i18n/pt-BR.ts";
import { listExercises, sortByLesson } from "./src/site/exercises.ts";
import { lessonVisitedKey } from "./src/progress/keys.ts";
import { focusableTables } from "./src/site/scroll-regions.ts";

// The lessons live in the top-level `lessons/` folder, one numbered MDX file per section of Aula 14; the
// sidebar follows the file order (the seed's order).
const lessonSlugs = readdirSync(new URL("./lessons/", import.meta.url))
  .filter((file) => /^\d{2}-.+\.mdx$/.test(file))
  .sort()
  .map((file) => file.replace(/\.mdx$/, ""));

// Each exercise gets a sidebar link to its page, in the order of the lessons they practise (as on the home
// page and /exercicios/).
const lessonTitles = lessonSlugs.map((slug) => {
  const source = readFileSync(new URL(`./lessons/${slug}.mdx`, import.meta.url), "utf8");
  return String(parseYaml(/^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? "")?.title ?? "");
});
const exerciseLinks = sortByLesson(
  listExercises(fileURLToPath(new URL("./exercises/", import.meta.url))),
  lessonTitles,
).map((exercise) => ({ label: exercise.title, link: `/exercicios/${exercise.slug}/` }));

/** The CSP hash-source of an inline script's or style's text. */
const cspHash = (text) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

// Progress without island JavaScript: a tiny inline script in every page's <head> remembers which lessons
// were opened (`partitura:licao-visitada:<slug>`, read by the home page). Its hash is in the policy below.
const visitTracker =
  "try{var m=location.pathname.match(/^\\/(\\d\\d-[a-z0-9-]+)\\/?$/);" +
  `if(m)localStorage.setItem(${JSON.stringify(lessonVisitedKey(""))}+m[1],new Date().toISOString())}catch(e){}`;

/**
 * Hashes of Starlight's own inline scripts (theme provider, sidebar state, search shortcut, ...): Astro hashes
 * the scripts it bundles, but `<script is:inline>` text is copied to the page as written, so each one is
 * hashed here from the component source that ships in node_modules. tests/site/csp.test.ts fails if a built
 * page has an inline script whose hash is missing from its policy.
 */
function starlightInlineScriptHashes() {
  const root = fileURLToPath(new URL("./", import.meta.resolve("@astrojs/starlight/components")));
  const hashes = new Set();
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".astro")) continue;
    const source = readFileSync(join(root, file), "utf8");
    for (const [, attributes = "", text = ""] of source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (!/\bis:inline\b/.test(attributes) || /\btype=/.test(attributes)) continue;
      hashes.add(cspHash(text));
    }
  }
  return [...hashes].sort();
}

/**
 * The workflow graphs (grader/graph/svg.ts) are SVG with their own <style> element, drawn at build time and
 * again by the playground in the browser; its text is the same in every drawing, so one hash allows it.
 */
function workflowGraphStyleHash() {
  const { svg } = renderWorkflow({ StartAt: "A", States: { A: { Type: "Succeed" } } });
  const style = /<style>([\s\S]*?)<\/style>/.exec(svg)?.[1];
  if (style === undefined)
    throw new Error("grader/graph/svg.ts no longer draws a <style>: update astro.config.mjs");
  return cspHash(style);
}

export default defineConfig({
  server: { port: 4321 },
  markdown: {
    // Wide tables scroll sideways on a phone (see src/styles/custom.css): they must take the keyboard focus.
    // Starlight adds its own plugins (asides, heading links) to this processor.
    processor: satteri({ hastPlugins: [focusableTables] }),
    // Code blocks are Starlight's Expressive Code; Astro's own Shiki would be unused (and warns on every start
    // that its inline styles do not suit a Content Security Policy).
    syntaxHighlight: false,
  },
  // Stylesheets as files, never inline <style>: Astro does not hash the styles that components used in MDX
  // content bring along (e.g. the quiz's), and the policy below allows only same-origin stylesheets.
  build: { inlineStylesheets: "never" },
  // Every page carries a strict Content Security Policy as a <meta http-equiv> tag (see README, "Security").
  security: {
    csp: {
      algorithm: "SHA-256",
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        // Pagefind searches with WebAssembly, in its own same-origin worker (Chromium does not apply this page
        // policy there) or, without a worker, on the page: 'wasm-unsafe-eval' lets it compile WebAssembly
        // there too (and in browsers that give the worker the page's policy). It does not allow eval.
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [cspHash(visitTracker), ...starlightInlineScriptHashes()],
      },
      styleDirective: {
        // Starlight and Expressive Code write style="…" attributes (icon sizes, token colours), which cannot
        // run code. Stylesheets and <style> elements: 'self' (Astro's default) and hashes; pages with a code
        // editor also allow inline <style> elements (src/site/csp.ts).
        resources: [{ resource: "'unsafe-inline'", kind: "attribute" }],
        hashes: [workflowGraphStyleHash()],
      },
    },
  },
  integrations: [
    starlight({
      title: ui.siteTitle,
      description: ui.siteDescription,
      defaultLocale: "root",
      locales: { root: { label: "Português do Brasil", lang: "pt-BR" } },
      // Starlight's Markdown plugins (asides, heading links) only touch its own folder unless told.
      markdown: { processedDirs: ["./lessons"] },
      sidebar: [
        { label: ui.sidebarHome, link: "/" },
        { label: ui.sidebarLessons, items: lessonSlugs },
        {
          label: ui.sidebarExercises,
          items: [{ label: ui.sidebarAllExercises, link: "/exercicios/" }, ...exerciseLinks],
        },
      ],
      customCss: ["./src/styles/custom.css"],
      // Code blocks (Expressive Code): options in ec.config.mjs.
      head: [{ tag: "script", content: visitTracker }],
    }),
    mdx(),
  ],
});
