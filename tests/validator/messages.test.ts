/** Lesson links and the language of the messages: what a student reads. */
import { readFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sections, SECTION_TITLES, slugify, validateDefinition } from "../../grader/validator/index.ts";
import { SEED } from "./lesson-seed.ts";

describe("lesson sections", () => {
  it("slugify folds accents and punctuation", () => {
    expect(slugify("Tratamento de Erros e Retentativas: Resiliência em Sistemas Distribuídos")).toBe(
      "tratamento-de-erros-e-retentativas-resiliencia-em-sistemas-distribuidos",
    );
    expect(slugify("Padrões de Orquestração: Sequencial – O Caminho Linear")).toBe(
      "padroes-de-orquestracao-sequencial-o-caminho-linear",
    );
  });

  it.runIf(existsSync(SEED))("every section id is a top-level title of the lesson, slugified", () => {
    const titles = [...readFileSync(SEED, "utf8").matchAll(/^# (.+)$/gm)].map((m) => slugify(m[1]!));
    for (const id of Object.values(sections)) expect(titles).toContain(id);
    expect(Object.keys(sections)).toEqual(Object.keys(SECTION_TITLES));
  });

  it("Retry/Catch problems link to the error-handling section", () => {
    const [diagnostic] = validateDefinition({
      StartAt: "A",
      States: {
        A: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Retry: [{ ErrorEquals: [] }],
          End: true,
        },
      },
    });
    expect(diagnostic!.lessonSection).toBe(sections.errors);
  });
});

describe("messages", () => {
  it("say what is wrong and how to fix it, in Portuguese", () => {
    const diagnostics = validateDefinition({
      StartAt: "A",
      States: { A: { Type: "Pass", Next: "B", End: true }, B: { Type: "Wait", End: true } },
    });
    const text = diagnostics.map((d) => d.message).join("\n");
    expect(text).toContain("escolha um");
    expect(text).toContain('"Seconds": 10');
    expect(text).not.toMatch(/must have|should be|is required/);
  });

  it("a number written as text is told to drop the quotes", () => {
    const [diagnostic] = validateDefinition({
      StartAt: "W",
      States: { W: { Type: "Wait", Seconds: "10", End: true } },
    });
    expect(diagnostic!.message).toBe(
      "O campo 'Seconds' deve ser um número inteiro, mas é o texto '10'. Tire as aspas: \"Seconds\": 10.",
    );
  });
});
