/**
 * The map from the validator's lesson sections to lesson pages (src/playground/lesson-sections.generated.ts,
 * written by scripts/build-lesson-sections.ts): complete, pointing at lessons that exist, and up to date.
 * tests/site/playground.test.ts checks the same links (and any #anchor) in the built site.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sections, SECTION_TITLES, slugify } from "../../grader/validator/index.ts";
import {
  generatedModule,
  lessonFiles,
  lessonSectionLinks,
  LESSONS_DIR,
} from "../../scripts/build-lesson-sections.ts";
import { lessonLink } from "../../src/playground/lesson-links.ts";
import { LESSON_SECTIONS } from "../../src/playground/lesson-sections.generated.ts";

/** `/06-erros-e-retentativas/#x` → lessons/06-erros-e-retentativas.mdx and `x`. */
function lessonOf(href: string): { file: string | undefined; anchor: string | undefined } {
  const match = /^\/(\d{2}-[a-z0-9-]+)\/(?:#(.+))?$/.exec(href);
  const page = match?.[1];
  return {
    file: page === undefined ? undefined : lessonFiles().find((file) => file.replace(/\.mdx?$/, "") === page),
    anchor: match?.[2],
  };
}

describe("validator section → lesson page", () => {
  it("every section the validator can name has a lesson page in lessons/", () => {
    expect(Object.keys(sections).length).toBeGreaterThanOrEqual(10);
    for (const [id, slug] of Object.entries(sections)) {
      const link = lessonLink(slug);
      expect(link, id).toBeDefined();
      const { file } = lessonOf(link!.href);
      expect(file, `${id} → ${link!.href}`).toBeDefined();
      expect(existsSync(join(LESSONS_DIR, file!))).toBe(true);
      // The link's text is the section's title, as the lesson shows it.
      expect(slugify(link!.title)).toBe(slug);
    }
    // Nothing else in the map: every entry is one of the validator's sections.
    expect(Object.keys(LESSON_SECTIONS).sort()).toEqual(Object.values(sections).sort());
  });

  it("a section that is a whole lesson links to the page; one inside a lesson links to its heading", () => {
    for (const [id, title] of Object.entries(SECTION_TITLES)) {
      const link = lessonLink(sections[id as keyof typeof sections])!;
      const { file, anchor } = lessonOf(link.href);
      const text = readFileSync(join(LESSONS_DIR, file!), "utf8");
      if (anchor === undefined) expect(text, id).toContain(`title: "${title}"`);
      else
        expect(text, id).toMatch(
          new RegExp(`^#{1,6} .*${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"),
        );
    }
    // Today every section is its own lesson page (lessons/NN-*.mdx, one per top-level section of the seed).
    expect(lessonLink(sections.errors)?.href).toBe("/06-erros-e-retentativas/");
    expect(lessonLink(sections.iac)?.href).toBe("/11-infraestrutura-como-codigo/");
  });

  it("the generated module is up to date with lessons/ (else: node scripts/build-lesson-sections.ts)", async () => {
    expect(LESSON_SECTIONS).toEqual(lessonSectionLinks());
    const file = join(import.meta.dirname, "../../src/playground/lesson-sections.generated.ts");
    expect(readFileSync(file, "utf8")).toBe(await generatedModule());
  });

  it("maps a section found only as a heading to the heading's github-slugger id (accents kept)", () => {
    const dir = mkdtempSync(join(tmpdir(), "partitura-lessons-"));
    try {
      cpSync(LESSONS_DIR, dir, { recursive: true });
      // Section "errors" no longer has its own page: it becomes a heading inside another lesson.
      rmSync(join(dir, "06-erros-e-retentativas.mdx"));
      const before = readFileSync(join(dir, "05-padrao-paralelo.mdx"), "utf8");
      writeFileSync(
        join(dir, "05-padrao-paralelo.mdx"),
        `${before}\n\n## Resumo\n\n## ${SECTION_TITLES.errors}\n\nTexto.\n`,
      );
      const links = lessonSectionLinks(dir);
      expect(links[sections.errors]).toEqual({
        href: "/05-padrao-paralelo/#tratamento-de-erros-e-retentativas-resiliência-em-sistemas-distribuídos",
        title: SECTION_TITLES.errors,
      });
      // A section with no page and no heading is an error, not a missing link.
      rmSync(join(dir, "11-infraestrutura-como-codigo.mdx"));
      expect(() => lessonSectionLinks(dir)).toThrow(/Infraestrutura como Código/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has no link for an unknown section (nor for Object.prototype's names)", () => {
    expect(lessonLink(undefined)).toBeUndefined();
    expect(lessonLink("secao-que-nao-existe")).toBeUndefined();
    expect(lessonLink("constructor")).toBeUndefined();
    expect(lessonLink("__proto__")).toBeUndefined();
  });
});
