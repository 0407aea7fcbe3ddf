/** `partitura quiz` as an instructor runs it on a class's answer files. */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { partitura, tempDir } from "./partitura.ts";

function folder(files: Record<string, string>): string {
  const dir = tempDir("partitura-quiz-");
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const essay = "Uma loja on-line processa pedidos com Retry e Catch.";

describe("partitura quiz", () => {
  it("scores a folder of JSON and YAML answer files, one per student, essay marked for review", () => {
    const dir = folder({
      "maria.json": JSON.stringify({ "1": "B", "2": "C", "3": "C", "4": "C", "5": essay }),
      "joao.yaml": `"1": A\n"2": C\n"3": b\n"4": C\n"5": |\n  ${essay}\n`,
    });
    const { code, stdout, stderr } = partitura("quiz", dir);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/joao\s+A ✗\s+C ✓\s+B ✗\s+C ✓\s+2\/4\s+50\s+precisa de revisão/);
    expect(stdout).toMatch(/maria\s+B ✓\s+C ✓\s+C ✓\s+C ✓\s+4\/4\s+100\s+precisa de revisão/);
    expect(stdout).toContain("[cenario] 1 pt — Cenário de negócio concreto");
  });

  it("reads one CSV with a row per student; --format json gives the per-question results", () => {
    const dir = folder({
      "turma.csv": `aluno,1,2,3,4,5\r\nAna Lima,B,C,C,D,"${essay}, com Parallel"\r\nBeto,,C,C,C,\r\n`,
    });
    const { code, stdout } = partitura("quiz", join(dir, "turma.csv"), "--format", "json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.students.map((s: { student: string; points: number }) => [s.student, s.points])).toEqual([
      ["Ana Lima", 3],
      ["Beto", 3],
    ]);
    expect(report.students[0].questions[4]).toMatchObject({
      status: "needs-review",
      text: `${essay}, com Parallel`,
    });
    expect(report.students[1].questions[0]).toMatchObject({ status: "blank", points: 0 });
  });

  it("bad answer files become invalid rows with located pt-BR reasons; exit 2, no stack trace", () => {
    const dir = folder({
      "ok.json": JSON.stringify({ "1": "B", "2": "C", "3": "C", "4": "C", "5": "" }),
      "letra.json": '{\n  "1": "B",\n  "2": "E",\n  "3": "C",\n  "4": "C",\n  "5": ""\n}\n',
      "falta.yaml": '"1": B\n"2": C\n"3": C\n"5": ""\n',
      "extra.json": '{"1": "B", "2": "C", "3": "C", "4": "C", "5": "",\n "6": "A"}',
      "quebrado.json": '{"1": "B",, "2": "C"}',
      "texto.txt": "1-B 2-C 3-C 4-C",
    });
    const { code, stdout, stderr } = partitura("quiz", dir, "--format", "csv");
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${join(dir, "letra.json")}:3: questão 2: 'E' não é uma alternativa válida (use A, B, C ou D)`,
    );
    expect(stderr).toContain(`${join(dir, "falta.yaml")}: falta a resposta da questão 4`);
    expect(stderr).toContain(`${join(dir, "extra.json")}:2: questão desconhecida '6'`);
    expect(stderr).toContain(`${join(dir, "quebrado.json")}:1:11: erro de sintaxe JSON`);
    expect(stderr).toContain(`${join(dir, "texto.txt")}: formato não suportado`);
    expect(stderr).not.toContain("    at ");
    const rows: string[][] = parseCsv(stdout);
    expect(rows.map((row) => [row[0], row[2]])).toEqual([
      ["Aluno", "Situação"],
      ["extra", "inválido"],
      ["falta", "inválido"],
      ["letra", "inválido"],
      ["ok", "corrigido"],
      ["quebrado", "inválido"],
      ["texto", "inválido"],
    ]);
  });

  it("--out writes the report atomically (no temporary file left behind)", () => {
    const dir = folder({
      "ana.json": JSON.stringify({ "1": "B", "2": "C", "3": "C", "4": "C", "5": essay }),
    });
    const out = join(tempDir("partitura-out-"), "notas.csv");
    const { code, stdout } = partitura("quiz", dir, "--format", "csv", "--out", out);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(readFileSync(out, "utf8")).toContain("ana,");
    expect(readdirSync(join(out, ".."))).toEqual(["notas.csv"]);
  });

  it("usage errors are explained in Portuguese with exit 2", () => {
    expect(partitura("quiz")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Informe as respostas"),
    });
    const dir = folder({ "a.json": "{}" });
    expect(partitura("quiz", dir, "--format", "xml")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--format aceita 'table', 'json', 'csv', não 'xml'."),
    });
    expect(partitura("quiz", join(dir, "nada"))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("não encontrado"),
    });
  });
  it("reads a semicolon CSV (Excel in Portuguese), takes short rows as blanks and explains CSV errors", () => {
    const dir = tempDir("partitura-quiz-csv-");
    writeFileSync(join(dir, "ponto-e-virgula.csv"), "aluno;1;2;3;4;5\nAna;B;C;C;C;texto\nBia;b;c\n");
    const { code, stdout } = partitura("quiz", join(dir, "ponto-e-virgula.csv"), "--format", "json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { students: { student: string; points: number }[] };
    expect(report.students.map((row) => [row.student, row.points])).toEqual([
      ["Ana", 4],
      ["Bia", 2],
    ]);
    writeFileSync(join(dir, "aspas.csv"), 'aluno,1,2,3,4,5\n"Ana,B,C,C,C,x\n');
    const broken = partitura("quiz", join(dir, "aspas.csv"));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("aspas.csv:2: erro de sintaxe CSV: aspas abertas e não fechadas");
  });

  it("a CSV saved as UTF-16 or Latin-1 is explained in Portuguese, located, never read as mojibake", () => {
    const dir = tempDir("partitura-quiz-");
    const utf16 = join(dir, "unicode.csv");
    writeFileSync(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("aluno,1\nana,A\n", "utf16le")]),
    );
    const latin1 = join(dir, "latin1.csv");
    writeFileSync(latin1, Buffer.from("aluno;1\nJos\xe9;A\n", "latin1"));
    const a = partitura("quiz", utf16);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`${utf16}:1: O arquivo está em UTF-16`);
    const b = partitura("quiz", latin1);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`${latin1}:2: O arquivo não é texto UTF-8 válido`);
    expect(b.stderr + a.stderr).not.toMatch(/\uFFFD| {4}at /);
    // Each command spawns the CLI: up to 20 s on a loaded 2-core machine.
  }, 60_000);

  it("a name with a semicolon and a formula reaches the CSV quoted, so Excel in Portuguese keeps it one cell", () => {
    const dir = tempDir("partitura-quiz-");
    const answers = join(dir, "respostas.csv");
    writeFileSync(answers, 'aluno;1;2;3;4;5\n"ana;=1+1";B;C;C;C;texto\n');
    const { stdout } = partitura("quiz", answers, "--format", "csv");
    const row = stdout.split(/\r?\n/)[1]!;
    // Unquoted (`ana;=1+1,…`), a ";"-splitting spreadsheet would see a cell starting with "=".
    expect(row.startsWith('"ana;=1+1",')).toBe(true);
  }, 60_000);
});
