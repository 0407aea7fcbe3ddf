// @ts-check
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import starlight from "@astrojs/starlight";
import { ui } from "./src/i18n/pt-BR.ts";

// The lessons live in the top-level `lessons/` folder, one numbered MDX file per section of Aula 14; the
// sidebar follows the file order (the seed's order).
const lessonSlugs = readdirSync(new URL("./lessons/", import.meta.url))
  .filter((file) => /^\d{2}-.+\.mdx$/.test(file))
  .sort()
  .map((file) => file.replace(/\.mdx$/, ""));

// Each exercise folder with an exercicio.yaml gets a sidebar link to its page.
const exerciseLinks = readdirSync(new URL("./exercises/", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => new URL(`./exercises/${entry.name}/exercicio.yaml`, import.meta.url))
  .filter((file) => existsSync(file))
  .map((file) => {
    const slug = file.pathname.split("/").at(-2);
    return {
      label: String(parseYaml(readFileSync(file, "utf8")).title ?? slug),
      link: `/exercicios/${slug}/`,
    };
  })
  .sort((a, b) => a.label.localeCompare(b.label, "pt-BR"));

export default defineConfig({
  server: { port: 4321 },
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
      // Keep code blocks exactly as the lesson wrote them (e.g. the "# serverless.yml" comment line).
      expressiveCode: { frames: { extractFileNameFromCode: false } },
      head: [
        {
          // Progress without island JavaScript: remember which lessons were opened (read by the home page).
          tag: "script",
          content:
            "try{var m=location.pathname.match(/^\\/(\\d\\d-[a-z0-9-]+)\\/?$/);" +
            "if(m)localStorage.setItem('partitura:licao-visitada:'+m[1],new Date().toISOString())}catch(e){}",
        },
      ],
    }),
    mdx(),
  ],
});
