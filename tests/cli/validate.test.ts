/** `partitura validate` as a user runs it: a real process, real files, exit codes and Portuguese output. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { partitura, tempDir, tempFile } from "./partitura.ts";

const CORPUS = join(import.meta.dirname, "..", "validator", "corpus");

const broken = [
  "{",
  '  "StartAt": "Pagar",',
  '  "States": {',
  '    "Pagar": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Fimm" },',
  '    "Fim": { "Type": "Succeed" }',
  "  }",
  "}",
].join("\n");

describe("partitura validate", () => {
  it("prints compiler-style lines (file:line:column  severity  CODE  message) and exits 1 on errors", () => {
    const file = tempFile("pagamento.asl.json", broken);
    const { code, stdout } = partitura("validate", file);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:4:86  erro  MISSING_TRANSITION_TARGET  O estado 'Fimm' não existe`);
    expect(stdout).toContain("Você quis dizer 'Fim'?");
    expect(stdout).toContain("(/States/Pagar/Next)");
    expect(stdout).toContain("nota  TASK_WITHOUT_RETRY");
    expect(stdout).toMatch(/1 erro, 0 avisos, \d+ notas? em 1 arquivo\./);
  });

  it("exits 0 on the lesson's files, whose notes are not errors", () => {
    const { code, stdout } = partitura(
      "validate",
      join(CORPUS, "aula-exemplo-de-asl.asl.json"),
      join(CORPUS, "aula-serverless.yml"),
    );
    expect(code).toBe(0);
    expect(stdout).toContain("nota  PLACEHOLDER_ARN");
    expect(stdout).toContain("aula-serverless.yml:22:23  nota  ARN_MISSING_PART");
  });

  it("--severity error hides warnings and notes", () => {
    const { code, stdout } = partitura(
      "validate",
      join(CORPUS, "aula-exemplo-de-asl.asl.json"),
      "--severity",
      "error",
    );
    expect(code).toBe(0);
    expect(stdout.trim()).toBe("Nenhum problema encontrado em 1 arquivo.");
  });

  it("--format json gives the diagnostics with locations and ranges", () => {
    const file = tempFile("pagamento.asl.json", broken);
    const { code, stdout } = partitura("validate", file, "--format", "json", "--severity", "error");
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.errors).toBe(1);
    expect(result.files[0].stateMachines[0].diagnostics).toEqual([
      expect.objectContaining({
        code: "MISSING_TRANSITION_TARGET",
        severity: "error",
        location: "/States/Pagar/Next",
        range: expect.objectContaining({ start: expect.objectContaining({ line: 4, column: 86 }) }),
      }),
    ]);
  });

  it("--express rejects .waitForTaskToken", () => {
    const file = tempFile(
      "callback.asl.json",
      JSON.stringify({
        StartAt: "A",
        States: {
          A: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", End: true },
        },
      }),
    );
    expect(partitura("validate", file).code).toBe(0);
    const express = partitura("validate", file, "--express", "--severity", "error");
    expect(express.code).toBe(1);
    expect(express.stdout).toContain("Workflows Express não aceitam a integração '.waitForTaskToken'");
  });

  it("a JSON syntax error is located and explained, exit 1", () => {
    const file = tempFile("quebrado.json", '{\n  "StartAt": "A",,\n  "States": {}\n}\n');
    const { code, stdout } = partitura("validate", file);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `${file}:2:18  erro  INVALID_JSON_DESCRIPTION  Erro de sintaxe JSON: esperava o nome de um campo`,
    );
  });

  it("a file that cannot be read: exit 2, Portuguese message, no stack trace; other files still validated", () => {
    const good = join(CORPUS, "aws-hello-world-console-template.asl.json");
    const { code, stdout, stderr } = partitura("validate", "/nao/existe.asl.json", good);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "/nao/existe.asl.json: não foi possível ler o arquivo (arquivo não encontrado).",
    );
    expect(stderr).not.toContain("    at ");
    expect(stdout).toContain("em 1 arquivo");
  });

  it("bad usage exits 2 with a hint", () => {
    expect(partitura("validate").code).toBe(2);
    const format = partitura("validate", "x.json", "--format", "xml");
    expect([format.code, format.stderr.trim()]).toEqual([2, "--format aceita 'text' ou 'json', não 'xml'."]);
    expect(partitura("validate", "x.json", "--severity", "fatal").stderr).toContain("--severity aceita");
  });

  it("is listed in --help", () => {
    expect(partitura("--help").stdout).toContain("partitura validate <arquivos...>");
  });

  it("a BOM file validates like the same file without it; UTF-16, alias bombs and deep nesting are located", () => {
    const pass = '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }';
    const bom = tempFile("bom.asl.json", "\uFEFF" + pass);
    expect(partitura("validate", bom)).toMatchObject({
      code: 0,
      stdout: "Nenhum problema encontrado em 1 arquivo.\n",
    });
    const wide = join(tempDir(), "u16.json");
    writeFileSync(wide, Buffer.from("\uFEFF" + pass, "utf16le"));
    expect(partitura("validate", wide).stdout).toContain(
      `${wide}:1:1  erro  INVALID_ENCODING  O arquivo está em UTF-16`,
    );
    const levels = "bcdefgh"
      .split("")
      .map((name, i) => `${name}: &${name} [${Array(10).fill(`*${"abcdefg"[i]}`).join(",")}]`);
    const bomb = tempFile(
      "bomba.yaml",
      [
        "a: &a [x,x,x,x,x,x,x,x,x,x]",
        ...levels,
        "StartAt: A",
        "States: {A: {Type: Pass, Result: *h, End: true}}",
      ].join("\n"),
    );
    const started = Date.now();
    const refused = partitura("validate", bomb);
    // Expanded, the bomb is 10^8 nodes (minutes and gigabytes); refused, it costs one CLI start, which took
    // up to 14 s at load 25 on 2 cores: the bound tells the two apart on a busy machine too.
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`${bomb}:10:34  erro  YAML_ALIAS_LIMIT`);
    const deep = tempFile("fundo.json", "[".repeat(100_000) + "]".repeat(100_000));
    expect(partitura("validate", deep).stdout).toContain(`${deep}:1:513  erro  TOO_DEEPLY_NESTED`);
  });
});
