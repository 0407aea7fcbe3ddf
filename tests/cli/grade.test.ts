/** `partitura grade` on a class: sample submissions, LMS zips, hostile files, regrades. */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { BIN, partitura, ROOT, tempDir, tempFile } from "./partitura.ts";

const SAMPLES = join(ROOT, "examples", "submissions", "falha-pagamento");
const SOLUTION = readFileSync(join(ROOT, "exercises", "falha-pagamento", "solucao.asl.json"), "utf8");

function gradeJson(source: string, ...more: string[]) {
  const run = partitura("grade", source, "--exercise", "falha-pagamento", "--format", "json", ...more);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

const scores = (report: { submissions: { student: string; status: string; points: number }[] }) =>
  Object.fromEntries(report.submissions.map((s) => [s.student, `${s.status} ${s.points}`]));

describe("partitura grade", () => {
  it("grades the bundled samples (files, a folder per student, YAML, serverless.yml) into a pt-BR table", () => {
    const { code, stdout, stderr } = partitura("grade", SAMPLES, "--exercise", "falha-pagamento", "--hidden");
    expect(code).toBe(0);
    expect(stderr).toBe(""); // not a terminal: no progress bar
    expect(stdout).toContain(
      "Exercício: Falha no pagamento: Retry e Catch (falha-pagamento) — cenários ocultos incluídos",
    );
    expect(stdout).toMatch(/ana-souza\s+avaliado\s+100\/100\s+100/);
    expect(stdout).toMatch(/heitor-dias\s+avaliado\s+100\/100/);
    expect(stdout).toMatch(/fabio-nunes\s+avaliado\s+25\/100/);
    expect(stdout).toMatch(/elisa-costa\s+inválido\s+0\/100\s+0\s+—\s+—\s+erro de sintaxe JSON/);
    expect(stdout).toContain(
      "[oculto: Um erro que não é transitório vai direto para o Catch, sem retentativas]",
    );
    expect(stdout).toContain(
      "Total: 8 submissão(ões) · 3 com nota máxima · 2 inválida(s) · 0 com erro · média 59,38%",
    );
  });

  it("reads an LMS zip (Moodle folders inside one top folder) exactly like the folder", () => {
    const files: Record<string, Uint8Array> = {};
    for (const entry of readdirSync(SAMPLES, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const relative = join(entry.parentPath, entry.name).slice(SAMPLES.length + 1);
      const [first, ...rest] = relative.split("/");
      const student = rest.length ? first! : first!.replace(/(\.asl)?\.(json|ya?ml)$/, "");
      const name = rest.length ? rest.join("/") : first!;
      files[`turma-2026/${student}_1234_assignsubmission_file_/${name}`] = readFileSync(
        join(SAMPLES, relative),
      );
    }
    files["__MACOSX/._lixo"] = strToU8("metadados do macOS");
    const zip = join(tempDir("partitura-grade-"), "submissoes.zip");
    writeFileSync(zip, zipSync(files));
    const fromZip = gradeJson(zip);
    const fromFolder = gradeJson(SAMPLES);
    expect(scores(fromZip)).toEqual(scores(fromFolder));
    expect(Object.keys(scores(fromZip))).toHaveLength(8);
  });

  it("isolates hostile submissions: each becomes its own error row, the others are graded", () => {
    const dir = tempDir("partitura-grade-");
    writeFileSync(join(dir, "boa.asl.json"), SOLUTION);
    writeFileSync(join(dir, "sintaxe.json"), '{ "StartAt": "A", "States": { ');
    writeFileSync(join(dir, "enorme.json"), `{"Comment": "${"x".repeat(10 * 1024 * 1024)}"}`);
    writeFileSync(
      join(dir, "proto.json"),
      `{\n  "__proto__": { "polluted": true },\n  ${SOLUTION.trim().slice(1)}`,
    );
    // Thousands of transitions, each building and partitioning a 1000-item array: far past a 1 s limit.
    const heavy = {
      StartAt: "A",
      States: {
        A: { Type: "Pass", Parameters: { "x.$": "States.ArrayRange(1, 1000, 1)" }, Next: "B" },
        B: {
          Type: "Pass",
          Parameters: {
            "y.$": "States.ArrayPartition($.x, 1)",
            "z.$": "States.JsonToString($.x)",
            "x.$": "$.x",
          },
          Next: "C",
        },
        // An exit the validator accepts, never taken at run time.
        C: { Type: "Choice", Choices: [{ Variable: "$.x[0]", NumericEquals: 0, Next: "Fim" }], Default: "A" },
        Fim: { Type: "Succeed" },
      },
    };
    writeFileSync(join(dir, "sem-fim.json"), JSON.stringify(heavy));
    const report = gradeJson(dir, "--timeout", "1", "--jobs", "2");
    const byStudent = Object.fromEntries(report.submissions.map((s: { student: string }) => [s.student, s]));
    expect(Object.keys(byStudent)).toEqual(["boa", "enorme", "proto", "sem-fim", "sintaxe"]);
    expect(byStudent.boa).toMatchObject({ status: "graded", percent: 100 });
    expect(byStudent.sintaxe).toMatchObject({ status: "invalid", points: 0 });
    expect(byStudent.sintaxe.reason).toContain("JSON");
    expect(byStudent.enorme).toMatchObject({ status: "error", points: 0 });
    expect(byStudent.enorme.reason).toContain("arquivo grande demais: 10 MiB; o limite é 1 MiB");
    expect(byStudent.proto).toMatchObject({ status: "error" });
    expect(byStudent.proto.reason).toContain("linha 2: a chave '__proto__' não existe na ASL");
    expect(byStudent["sem-fim"]).toMatchObject({ status: "error", points: 0 });
    expect(byStudent["sem-fim"].reason).toContain("passou do limite de 1 s e foi interrompida");
  });

  it("is deterministic: one worker or several, the JSON report is byte-identical", () => {
    const args = ["grade", SAMPLES, "--exercise", "falha-pagamento", "--format", "json", "--hidden"];
    const one = partitura(...args, "--jobs", "1");
    const many = partitura(...args, "--jobs", "3");
    expect(one.stdout).toBe(many.stdout);
    expect(one.stdout).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });

  it("--compare shows whose score changed after a regrade and which checks flipped", () => {
    const dir = tempDir("partitura-grade-");
    cpSync(SAMPLES, join(dir, "turma"), { recursive: true });
    const previous = join(dir, "antes.json");
    expect(
      partitura(
        "grade",
        join(dir, "turma"),
        "--exercise",
        "falha-pagamento",
        "--format",
        "json",
        "--out",
        previous,
      ).code,
    ).toBe(0);
    writeFileSync(join(dir, "turma", "carla-mendes.asl.json"), SOLUTION); // Carla fixes her Retry and Catch
    const { code, stdout } = partitura(
      "grade",
      join(dir, "turma"),
      "--exercise",
      "falha-pagamento",
      "--compare",
      previous,
    );
    expect(code).toBe(0);
    const comparison = stdout.slice(stdout.indexOf("Comparação com"));
    expect(comparison).toContain("carla-mendes: 45 → 80 (+35)");
    expect(comparison).toContain(
      "✓ [Lambda sobrecarregada em todas as tentativas] Três novas tentativas, após 2 s, 4 s e 8 s: agora passa (0 → 10)",
    );
    expect(comparison).toContain(
      "✓ [estática] ProcessarPagamento tem um Retry para os erros transitórios da Lambda: agora passa",
    );
    expect(comparison).not.toContain("ana-souza");
    expect(comparison).toContain("7 aluno(s) sem mudança.");
  });

  it("--out writes atomically; CSV and JUnit are offered; gradescope needs a single submission", () => {
    const dir = tempDir("partitura-grade-");
    const out = join(dir, "notas.csv");
    const run = partitura("grade", SAMPLES, "--exercise", "falha-pagamento", "--format", "csv", "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(readFileSync(out, "utf8").startsWith("\uFEFFAluno,Arquivo,")).toBe(true); // Excel reads UTF-8
    expect(readFileSync(out, "utf8").split("\r\n")[1]).toMatch(
      /^ana-souza,ana-souza\.asl\.json,avaliado,80,80,100,/,
    );
    expect(readdirSync(dir)).toEqual(["notas.csv"]);
    const junit = partitura("grade", SAMPLES, "--exercise", "falha-pagamento", "--format", "junit");
    expect(junit.stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="partitura: falha-pagamento" tests="\d+"/,
    );
    const gradescope = partitura("grade", SAMPLES, "--exercise", "falha-pagamento", "--format", "gradescope");
    expect(gradescope.code).toBe(2);
    expect(gradescope.stderr).toContain(
      "--format gradescope descreve uma única submissão, mas foram encontradas 8",
    );
    const one = partitura(
      "grade",
      join(SAMPLES, "fabio-nunes"),
      "--exercise",
      "falha-pagamento",
      "--student",
      "fabio",
      "--format",
      "gradescope",
    );
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).score).toBe(20);
  });

  // Root reads any file: the permission case runs as `nobody` through runuser, or directly when not root.
  const asRoot = process.getuid?.() === 0;
  const runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].find((file) => existsSync(file));
  it.skipIf(asRoot && !runuser)(
    "an unreadable file or student folder is that student's error row; the class is still graded",
    () => {
      const root = tempDir("partitura-grade-");
      cpSync(join(SAMPLES, "ana-souza.asl.json"), join(root, "ana.asl.json"));
      cpSync(join(SAMPLES, "ana-souza.asl.json"), join(root, "bruno.asl.json"));
      mkdirSync(join(root, "carla"));
      cpSync(join(SAMPLES, "ana-souza.asl.json"), join(root, "carla", "carla.asl.json"));
      chmodSync(join(root, "bruno.asl.json"), 0o000);
      chmodSync(join(root, "carla"), 0o000);
      chmodSync(root, 0o755);
      const args = [BIN, "grade", root, "--exercise", "falha-pagamento", "--format", "json"];
      const run = asRoot
        ? spawnSync(runuser!, ["-u", "nobody", "--", process.execPath, ...args], { encoding: "utf8" })
        : spawnSync(process.execPath, args, { encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout) as {
        submissions: { student: string; status: string; reason?: string }[];
      };
      expect(report.submissions.map((s) => [s.student, s.status, s.reason])).toEqual([
        ["ana", "graded", undefined],
        ["bruno", "error", "não foi possível ler o arquivo: sem permissão de leitura"],
        ["carla", "error", "não foi possível ler a pasta do aluno: sem permissão de leitura"],
      ]);
    },
  );

  it("usage and input errors: located pt-BR message, exit 2, no stack trace", () => {
    const cases: [string[], string][] = [
      [["grade"], "Informe as submissões"],
      [["grade", SAMPLES], "Informe o exercício: --exercise"],
      [["grade", SAMPLES, "--exercise", "nao-existe"], "nao-existe"],
      [
        ["grade", SAMPLES, "--exercise", "falha-pagamento", "--format", "pdf"],
        "--format aceita 'table', 'json', 'csv', 'moodle', 'canvas', 'junit', 'gradescope', 'classroom', 'html', não 'pdf'.",
      ],
      [
        ["grade", SAMPLES, "--exercise", "falha-pagamento", "--jobs", "0"],
        "--jobs espera um número inteiro maior que zero, não '0'.",
      ],
      [
        ["grade", SAMPLES, "--exercise", "falha-pagamento", "--timeout", "3000000"],
        "--timeout aceita no máximo 2.147.483 segundos (cerca de 24 dias), não '3000000'.",
      ],
      [
        ["grade", join(SAMPLES, "nada"), "--exercise", "falha-pagamento"],
        "nada: arquivo ou pasta não encontrado.",
      ],
      [
        ["grade", tempFile("turma.zip", "isto não é um zip"), "--exercise", "falha-pagamento"],
        "turma.zip: não é um arquivo .zip válido (arquivo corrompido ou incompleto).",
      ],
      [
        ["grade", SAMPLES, "--exercise", "falha-pagamento", "--compare", join(SAMPLES, "ana-souza.asl.json")],
        "não é um relatório do partitura",
      ],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = partitura(...args);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toContain(message);
      expect(stderr).not.toContain("    at ");
    }
  });
});
