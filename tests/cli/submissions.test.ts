/** Finding each student's submission in what an LMS hands the instructor. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { gradeMessages as g } from "../../grader/cli/grade-messages.ts";
import { discoverSubmissions } from "../../grader/cli/submissions.ts";

function tree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), "partitura-subs-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const summary = (found: ReturnType<typeof discoverSubmissions>) =>
  found.map((entry) =>
    entry.kind === "file" ? [entry.student, entry.fileName] : [entry.student, entry.reason],
  );

describe("discoverSubmissions", () => {
  it("Canvas's flat zip names give the student's name; OS junk is skipped", () => {
    const zip = join(tree({}), "canvas.zip");
    writeFileSync(
      zip,
      zipSync({
        "silvaana_12345_67890_pagamento.asl.json": strToU8("{}"),
        "souzabeto_LATE_222_333_fluxo.yaml": strToU8("StartAt: A"),
        ".DS_Store": strToU8("x"),
        "__MACOSX/._silvaana": strToU8("x"),
      }),
    );
    expect(summary(discoverSubmissions(zip))).toEqual([
      ["silvaana", "silvaana_12345_67890_pagamento.asl.json"],
      ["souzabeto", "souzabeto_LATE_222_333_fluxo.yaml"],
    ]);
  });

  it("in a student's folder, the only data file or the *.asl.* one is graded; otherwise the reason says why", () => {
    const root = tree({
      "ana/notas.txt": "rascunho",
      "ana/src/definicao.asl.json": "{}",
      "ana/src/entrada.json": "{}",
      "beto/a.json": "{}",
      "beto/b.yaml": "x: 1",
      "caio/relatorio.pdf": "%PDF",
      "dora/vazio/.gitkeep": "",
    });
    expect(summary(discoverSubmissions(root))).toEqual([
      ["ana", "ana/src/definicao.asl.json"],
      [
        "beto",
        "há mais de um arquivo de definição (a.json, b.yaml); deixe só um, ou nomeie o principal como *.asl.json",
      ],
      [
        "caio",
        "nenhum arquivo JSON ou YAML (encontrado: relatorio.pdf); envie a definição como .json, .yaml ou .yml",
      ],
    ]);
  });

  it("files beside the submissions that cannot be one (notas.csv, package.json) are not students", () => {
    const root = tree({
      "ana.asl.json": "{}",
      "notas.csv": "aluno,nota",
      "LEIAME.txt": "x",
      "package.json": "{}",
      "package-lock.json": "{}",
      "beto/fluxo.yaml": "StartAt: A",
      "beto/package.json": "{}",
      "silvaana_1_2_pagamento.pdf": "%PDF",
    });
    expect(summary(discoverSubmissions(root))).toEqual([
      ["ana", "ana.asl.json"],
      ["beto", "beto/fluxo.yaml"],
      [
        "silvaana",
        "nenhum arquivo JSON ou YAML (encontrado: silvaana_1_2_pagamento.pdf); envie a definição como .json, .yaml ou .yml",
      ],
    ]);
  });

  it("file-system errors are worded in pt-BR, never as raw codes", () => {
    expect(g.unreadableFile(g.systemError("EACCES"))).toBe(
      "não foi possível ler o arquivo: sem permissão de leitura",
    );
    expect(g.systemError("EISDIR")).toBe("é uma pasta, não um arquivo");
    expect(g.systemError("EACCES", true)).toBe("sem permissão de escrita");
    expect(g.systemError("EWHATEVER")).toBe("erro do sistema EWHATEVER");
    expect(g.zipProblem(13)).toBe("arquivo corrompido ou incompleto");
  });

  it("binary, non-UTF-8 and oversized files are refused unread, each with its reason", () => {
    const root = tree({
      "bin.json": new Uint8Array([123, 0, 125]),
      "latin1.json": new Uint8Array([123, 34, 0xe9, 34, 125]),
      "grande.json": "x".repeat(1024 * 1024 + 1),
      "ok.json": '\uFEFF{"StartAt": "A"}',
    });
    const found = discoverSubmissions(root);
    expect(summary(found)).toEqual([
      ["bin", "o arquivo é binário (não é texto JSON ou YAML)"],
      [
        "grande",
        "arquivo grande demais: 1048577 bytes; o limite é 1 MiB (uma definição na AWS tem no máximo 1 MB)",
      ],
      ["latin1", "o arquivo não é texto UTF-8; salve-o como UTF-8"],
      ["ok", "ok.json"],
    ]);
    expect(found[3]).toMatchObject({ text: '{"StartAt": "A"}' });
  });

  it("--student treats the whole folder as one student's submission (Gradescope)", () => {
    const root = tree({ "sub/definicao.yaml": "StartAt: A" });
    expect(summary(discoverSubmissions(root, { student: "aluno" }))).toEqual([
      ["aluno", "sub/definicao.yaml"],
    ]);
  });

  it("two students with the same name and different LMS ids stay two rows (Moodle and Canvas)", () => {
    const moodle = tree({
      "Maria Silva_101_assignsubmission_file_/fluxo.json": "{}",
      "Maria Silva_202_assignsubmission_file_/fluxo.json": "{}",
      "Ana Lima_303_assignsubmission_file_/fluxo.json": "{}",
    });
    expect(
      summary(discoverSubmissions(moodle))
        .map(([student]) => student)
        .sort(),
    ).toEqual(["Ana Lima", "Maria Silva (101)", "Maria Silva (202)"]);
    const canvas = tree({
      "silvamaria_11_901_fluxo.json": "{}",
      "silvamaria_22_902_fluxo.json": "{}",
      "limaana_33_903_fluxo.json": "{}",
    });
    expect(
      summary(discoverSubmissions(canvas))
        .map(([student]) => student)
        .sort(),
    ).toEqual(["limaana", "silvamaria (11)", "silvamaria (22)"]);
  });

  it("a report an earlier run saved inside the submissions folder (--out notas.json) is not a student", () => {
    const report = JSON.stringify(
      { exercise: "falha-pagamento", exerciseTitle: "x", includesHidden: false, submissions: [] },
      null,
      2,
    );
    const root = tree({ "ana.json": "{}", "notas.json": report, "resultado.json": report });
    expect(summary(discoverSubmissions(root))).toEqual([["ana", "ana.json"]]);
  });
});
