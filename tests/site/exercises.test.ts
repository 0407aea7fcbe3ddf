import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listExercises, sortByLesson } from "../../src/site/exercises.ts";

let root = "";
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), "partitura-exercises-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe("listExercises (home page)", () => {
  it("reads each exercise's title and lesson section; skips examples, quiz and folders without an exercise", () => {
    const dir = folder({
      "b-paralelo/exercicio.yaml": 'title: "Documentos em paralelo"\nlessonSection: "Paralelo"\n',
      "a-retry/exercise.json": JSON.stringify({ title: "Retry e Catch" }),
      "c-sem-titulo/exercicio.yaml": "points: 10\n",
      "d-quebrado/exercicio.yaml": "title: [sem fechar\n",
      "examples/exercicio.yaml": "title: não é exercício\n",
      "quiz/exercicio.yaml": "title: não é exercício\n",
      "rascunho/notas.md": "# nada",
      "exercise.schema.json": "{}",
    });
    expect(listExercises(dir)).toEqual([
      { slug: "a-retry", title: "Retry e Catch" },
      { slug: "b-paralelo", title: "Documentos em paralelo", lessonSection: "Paralelo" },
      { slug: "c-sem-titulo", title: "c-sem-titulo" },
      { slug: "d-quebrado", title: "d-quebrado" },
    ]);
  });

  it("gives an empty list when there is no exercises folder", () => {
    expect(listExercises(join(tmpdir(), "partitura-nao-existe", String(Date.now())))).toEqual([]);
  });

  it("orders exercises by the lesson they practise", () => {
    const sorted = sortByLesson(
      [
        { slug: "z", title: "Z", lessonSection: "Primeira" },
        { slug: "a", title: "A" },
        { slug: "m", title: "M", lessonSection: "Segunda" },
      ],
      ["Primeira", "Segunda"],
    );
    expect(sorted.map((exercise) => exercise.slug)).toEqual(["z", "m", "a"]);
  });
});
