/**
 * `partitura gradescope`: the zip is unpacked into a simulated /autograder (PARTITURA_AUTOGRADER_ROOT),
 * its run_autograder is run the way Gradescope runs it, and results.json is checked.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { partitura, ROOT, tempDir } from "./partitura.ts";

const SAMPLES = join(ROOT, "examples", "submissions", "falha-pagamento");

let zipFile: string;
let entries: Record<string, Uint8Array>;
let build: ReturnType<typeof partitura>;

beforeAll(() => {
  zipFile = join(tempDir("partitura-gs-"), "autograder.zip");
  build = partitura("gradescope", "falha-pagamento", "--out", zipFile);
  entries = unzipSync(readFileSync(zipFile));
});

const env = (root: string) => ({
  ...process.env,
  PARTITURA_AUTOGRADER_ROOT: root,
  PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
});

/** /autograder/source as Gradescope extracts the zip. */
function unpack(): string {
  const root = tempDir("autograder-");
  for (const [path, data] of Object.entries(entries)) {
    const target = join(root, "source", path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  return root;
}

/** Lays out /autograder as Gradescope does, with the student's files, and runs run_autograder. */
function runAutograder(submission: Record<string, string>) {
  const root = unpack();
  copyFileSync(join(root, "source", "run_autograder"), join(root, "run_autograder"));
  chmodSync(join(root, "run_autograder"), 0o755);
  mkdirSync(join(root, "submission"));
  for (const [name, text] of Object.entries(submission)) writeFileSync(join(root, "submission", name), text);
  const run = spawnSync(join(root, "run_autograder"), {
    encoding: "utf8",
    env: env(root),
  });
  return { run, results: JSON.parse(readFileSync(join(root, "results", "results.json"), "utf8")) };
}

describe("partitura gradescope", () => {
  it("builds a zip with setup.sh and run_autograder at its root, the grader, its libraries and the exercise", () => {
    expect(build.code).toBe(0);
    expect(build.stdout).toContain('autograder do exercício "Falha no pagamento: Retry e Catch"');
    const names = Object.keys(entries);
    expect(names).toEqual(
      expect.arrayContaining(["setup.sh", "run_autograder", "partitura/bin/partitura.js"]),
    );
    expect(names).toContain("partitura/exercises/falha-pagamento/exercicio.yaml");
    expect(names).toContain("partitura/node_modules/yaml/package.json");
    expect(
      names.some((name) => name.startsWith("partitura/exercises/") && !name.includes("falha-pagamento")),
    ).toBe(false);
    expect(new TextDecoder().decode(entries["setup.sh"])).toContain(
      `NODE_VERSION="${process.versions.node}"`,
    );
  });

  it("setup.sh keeps a recent Node it finds and checks that the bundled grader starts", () => {
    const root = unpack();
    const setup = spawnSync("bash", [join(root, "source", "setup.sh")], { encoding: "utf8", env: env(root) });
    expect(setup.stderr).toBe("");
    expect(setup.status).toBe(0);
    expect(setup.stdout).toContain("já instalado");
    expect(setup.stdout).toContain("partitura pronto.");
  });

  it("run_autograder grades the submission, hidden scenarios included, into Gradescope's results.json", () => {
    const { run, results } = runAutograder({
      "minha-solucao.asl.json": readFileSync(join(SAMPLES, "diego-rocha.asl.json"), "utf8"),
    });
    expect(run.status).toBe(0);
    expect(results.score).toBe(85);
    expect(results.tests.reduce((sum: number, t: { max_score: number }) => sum + t.max_score, 0)).toBe(100);
    const hidden = results.tests.filter((t: { visibility: string }) => t.visibility === "after_published");
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.find((t: { status: string }) => t.status === "failed").output).toContain("erro de negócio");
    expect(results.output).toContain("Nota: 85 de 100 pontos (85%).");
  });

  it("a broken submission still gets a results.json with a located reason", () => {
    const { results } = runAutograder({ "definicao.json": '{\n  "StartAt": "A",,\n}' });
    expect(results.score).toBe(0);
    expect(results.tests[0]).toMatchObject({
      name: "Leitura da submissão",
      status: "failed",
      max_score: 100,
    });
    expect(results.tests[0].output).toContain("linha 2");
  });

  it("an empty submission is a 0 with an explanation, never a missing results.json", () => {
    const { results } = runAutograder({ "leia-me.txt": "esqueci o arquivo" });
    expect(results.score).toBe(0);
    expect(results.tests[0].output).toContain("nenhum arquivo JSON ou YAML");
  });

  it("needs --out and a known exercise", () => {
    const missing = partitura("gradescope", "falha-pagamento");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Uso: partitura gradescope <exercício> --out autograder.zip");
  });
});
