import { describe, expect, it } from "vitest";
import { summarizeClass } from "../../grader/reports/class-summary/summary.ts";
import { formatClassHtml } from "../../grader/reports/html/class-report.ts";
import { CLASS, exercise, gradeClass, solution, starter } from "./class-fixture.ts";

describe("class report (HTML)", async () => {
  const { report, definitions } = await gradeClass({ ...CLASS, "<script>x</script>": CLASS.bia! });
  const summary = summarizeClass(report, { exercise, solution, starter, definitions });
  const html = formatClassHtml(report, summary, {
    definitions,
    lessonHref: (section) => `https://curso.example/${section.slug}/`,
  });

  it("is one self-contained file: no script, nothing loaded from elsewhere, a policy that forbids both", () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<html lang="pt-BR">`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    expect(html).not.toMatch(/url\((?!#)/i); // only the SVG's own markers, url(#…)
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    // Student names are data, never markup.
    expect(html).toContain("&#60;script&#62;x&#60;/script&#62;");
  });

  it("draws the histogram, the pass bars and each group's representative graph as inline SVG", () => {
    expect(html).toContain("Distribuição das notas");
    expect(html.match(/class="pass-bar"/g)!.length).toBe(summary.checks.length);
    const group = /<article class="group" id="grupo-1">[\s\S]*?<\/article>/.exec(html)![0];
    expect(group).toContain("Grupo 1: 4 alunos");
    expect(group).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="wf-svg"');
    expect(group).toContain("Sem ResultPath, o Catch substitui a entrada");
    expect(group).toContain('href="https://curso.example/tratamento-de-erros-e-retentativas');
  });

  it("links each re-teach item to its groups", () => {
    const reteach = /<section id="retomar">[\s\S]*?<\/section>/.exec(html)![0];
    expect(reteach).toContain('<a href="#grupo-1">1</a>');
  });
});
