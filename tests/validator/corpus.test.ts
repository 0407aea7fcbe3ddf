/**
 * Zero false errors: definitions AWS accepts validate with no errors. The corpus holds the engine's
 * conformance fixtures (written from AWS's documentation), the exercises, definitions written from AWS's
 * documentation examples (aws-*), IaC files (SAM, CloudFormation, Serverless) and the lesson's own snippets.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateSource, type ValidationReport } from "../../grader/validator/index.ts";
import { SEED } from "./lesson-seed.ts";

const CORPUS = join(import.meta.dirname, "corpus");
const files = readdirSync(CORPUS).sort();

function problems(report: ValidationReport, severities = ["error"]): string[] {
  return [...report.fileDiagnostics, ...report.stateMachines.flatMap((m) => m.diagnostics)]
    .filter((d) => severities.includes(d.severity))
    .map((d) => `${d.code} ${d.location}: ${d.message}`);
}

function validateFile(file: string, express = false): ValidationReport {
  return validateSource(readFileSync(join(CORPUS, file), "utf8"), { fileName: file, express });
}

describe("corpus of valid definitions", () => {
  it("holds the engine's fixtures, the AWS documentation examples, IaC files and the lesson's snippets", () => {
    expect(files.filter((f) => f.startsWith("conformance-")).length).toBeGreaterThanOrEqual(50);
    expect(files.filter((f) => f.startsWith("aws-")).length).toBeGreaterThanOrEqual(12);
    expect(files.filter((f) => f.startsWith("aula-"))).toHaveLength(3);
  });

  it.each(files)("%s: no errors and no warnings", (file) => {
    const report = validateFile(file);
    expect(report.stateMachines.length).toBeGreaterThan(0);
    expect(problems(report, ["error", "warning"])).toEqual([]);
  });

  it("the Express example also passes as an Express workflow", () => {
    expect(problems(validateFile("aws-express-request-response.asl.yaml", true))).toEqual([]);
  });

  it("IaC files yield one machine per state machine resource", () => {
    expect(validateFile("sam-template.yaml").stateMachines.map((m) => m.name)).toEqual([
      "PedidoStateMachine",
    ]);
    expect(validateFile("cfn-definitionstring-sub.yaml").stateMachines.map((m) => m.name)).toEqual([
      "Maquina",
      "Expressa",
    ]);
    expect(validateFile("cfn-template.json").stateMachines.map((m) => m.name)).toEqual([
      "Maquina",
      "Simples",
    ]);
    expect(validateFile("serverless-plugin.yml").stateMachines.map((m) => m.name)).toEqual([
      "pedidos",
      "Outra",
    ]);
    expect(validateFile("aula-serverless.yml").stateMachines.map((m) => m.name)).toEqual(["myStateMachine"]);
  });

  it("a DefinitionString's Fn::Sub variables and Fn::Join pieces are read as one definition", () => {
    const [joined] = validateFile("cfn-template.json").stateMachines;
    expect(joined!.definition).toMatchObject({ States: { Chamar: { Resource: "${Funcao.Arn}" } } });
  });
});

describe("the lesson's snippets (seed)", () => {
  const seed = existsSync(SEED) ? readFileSync(SEED, "utf8") : undefined;
  const blocks = seed ? [...seed.matchAll(/```\n([\s\S]*?)```/g)].map((match) => match[1]!) : [];

  it.runIf(seed !== undefined)("the corpus copies are the seed's code blocks, verbatim", () => {
    expect(blocks).toHaveLength(3);
    expect(readFileSync(join(CORPUS, "aula-exemplo-de-asl.asl.json"), "utf8")).toBe(blocks[0]);
    const wrapped = readFileSync(join(CORPUS, "aula-retry-e-catch.asl.json"), "utf8");
    for (const line of blocks[1]!.split("\n")) expect(wrapped).toContain(line.trim());
    expect(readFileSync(join(CORPUS, "aula-serverless.yml"), "utf8")).toBe(blocks[2]);
  });

  it("the ASL example is accepted, its REGION/ACCOUNT_ID placeholders noted (info)", () => {
    const report = validateFile("aula-exemplo-de-asl.asl.json");
    expect(problems(report, ["error", "warning"])).toEqual([]);
    const codes = report.stateMachines[0]!.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === "PLACEHOLDER_ARN")).toHaveLength(3);
  });

  it("the serverless.yml example is accepted; its region-less Lambda ARN gets a note, not an error", () => {
    const report = validateFile("aula-serverless.yml");
    const notes = report.stateMachines[0]!.diagnostics.filter((d) => d.code === "ARN_MISSING_PART");
    expect(notes.map((d) => [d.severity, d.location, d.range?.start.line])).toEqual([
      ["info", "/States/ProcessPayment/Resource", 22],
      ["info", "/States/UpdateInventory/Resource", 26],
    ]);
  });
});
