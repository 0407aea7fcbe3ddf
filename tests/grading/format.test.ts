/** A broken exercise folder gives one located pt-BR error: file, line, column. */
import { describe, expect, it } from "vitest";
import { ExerciseFormatError, parseExercise } from "../../grader/grading/index.ts";
import { exerciseFiles, happyMocks } from "./fixtures.ts";

const scenario = (checks: string, extra = "") => `  - id: feliz
    title: Caminho feliz
    visibility: public${extra}${happyMocks}
    checks:
${checks}`;

const statusCheck = `      - id: ok
        type: status
        expect: SUCCEEDED
        description: termina bem
        points: 10
        feedback: Deveria terminar bem.`;

function formatError(files: Record<string, string>): ExerciseFormatError {
  try {
    parseExercise(files);
  } catch (error) {
    if (error instanceof ExerciseFormatError) return error;
    throw error;
  }
  throw new Error("parseExercise accepted a broken exercise");
}

function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((line) => line.includes(needle)) + 1;
}

describe("parseExercise", () => {
  it("reads a valid exercise: totals, scenarios, visibility", () => {
    const exercise = parseExercise(exerciseFiles({ scenarios: scenario(statusCheck) }));
    expect(exercise.slug).toBe("teste");
    expect(exercise.points).toBe(10);
    expect(exercise.scenarios.map((s) => [s.id, s.visibility, s.points])).toEqual([["feliz", "public", 10]]);
    expect(exercise.workflowType).toBe("STANDARD");
  });

  it("locates an unknown check type and lists the valid ones", () => {
    const files = exerciseFiles({ scenarios: scenario(statusCheck.replace("type: status", "type: statu")) });
    const error = formatError(files);
    expect(error.file).toBe("exercicio.yaml");
    expect(error.line).toBe(lineOf(files["exercicio.yaml"]!, "type: statu"));
    expect(error.message).toMatch(/tipo de verificação desconhecido 'statu'.*'status'/);
  });

  it("locates a wrong value type, a missing field and an unknown field", () => {
    const wrongType = exerciseFiles({
      scenarios: scenario(statusCheck.replace("points: 10", "points: dez")),
    });
    wrongType["exercicio.yaml"] = wrongType["exercicio.yaml"]!.replace("points: 0\n", "points: 10\n");
    const typeError = formatError(wrongType);
    expect(typeError.line).toBe(lineOf(wrongType["exercicio.yaml"]!, "points: dez"));
    expect(typeError.detail).toBe("o valor deveria ser um número");

    const missing = exerciseFiles({
      scenarios: scenario(statusCheck.replace("        feedback: Deveria terminar bem.", "")),
    });
    expect(formatError(missing).detail).toBe("falta o campo obrigatório 'feedback'");

    const unknown = exerciseFiles({ scenarios: scenario(statusCheck + "\n        pontos: 3") });
    const unknownError = formatError(unknown);
    expect(unknownError.detail).toContain("campo desconhecido 'pontos'");
    expect(unknownError.line).toBe(lineOf(unknown["exercicio.yaml"]!, "pontos: 3"));
    expect(unknownError.column).toBe(9);
  });

  it("requires a concept on hidden scenarios and rejects points that do not add up", () => {
    const hidden = exerciseFiles({
      scenarios: scenario(statusCheck).replace("visibility: public", "visibility: hidden"),
    });
    expect(formatError(hidden).detail).toContain("precisa de 'concept'");

    const files = exerciseFiles({ scenarios: scenario(statusCheck) });
    files["exercicio.yaml"] = files["exercicio.yaml"]!.replace(
      "points: 10\nlessonSection",
      "points: 12\nlessonSection",
    );
    const sum = formatError(files);
    expect(sum.line).toBe(3);
    expect(sum.detail).toContain("'points' diz 12, mas as verificações somam 10");
  });

  it("reports YAML syntax, a missing file, a bad mock key and a broken reference solution where they are", () => {
    const syntax = exerciseFiles({ scenarios: scenario(statusCheck) });
    syntax["exercicio.yaml"] = syntax["exercicio.yaml"]!.replace(
      "title: Exercício de teste",
      "title: [sem fechar",
    );
    expect(formatError(syntax).detail).toContain("erro de sintaxe YAML");

    const missingFile = exerciseFiles({ scenarios: scenario(statusCheck) });
    delete missingFile["solucao.asl.json"];
    const missingError = formatError(missingFile);
    expect(missingError.detail).toBe("o arquivo 'solucao.asl.json' não existe na pasta do exercício");
    expect(missingError.line).toBe(lineOf(missingFile["exercicio.yaml"]!, "solution:"));

    const badKey = exerciseFiles({
      scenarios: scenario(statusCheck).replace('Pagar: { "0"', 'Pagar: { "primeira"'),
    });
    const badKeyError = formatError(badKey);
    expect(badKeyError.detail).toContain("'primeira' não é um número de invocação");
    expect(badKeyError.line).toBe(lineOf(badKey["exercicio.yaml"]!, "primeira"));

    const broken = exerciseFiles({ scenarios: scenario(statusCheck) });
    broken["solucao.asl.json"] =
      '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "End": true },\n  }\n}';
    const brokenError = formatError(broken);
    expect(brokenError.file).toBe("solucao.asl.json");
    expect([brokenError.line, brokenError.column]).toEqual([5, 3]);
  });

  it("reads Step Functions Local mock files and locates their errors", () => {
    const mockFile = {
      StateMachines: { Teste: { TestCases: { Feliz: { Extrair: "Ok", Analisar: "Ok", Pagar: "Ok" } } } },
      MockedResponses: { Ok: { "0": { Return: {} } } },
    };
    const withFile = (text: string) => ({
      ...exerciseFiles({
        scenarios: `  - id: feliz
    title: Caminho feliz
    visibility: public
    mockConfig: { file: mocks.json, testCase: Feliz }
    checks:
${statusCheck}`,
      }),
      "mocks.json": text,
    });
    expect(parseExercise(withFile(JSON.stringify(mockFile))).scenarios[0]!.mocks.testCase).toBe("Feliz");
    const broken = JSON.stringify(mockFile, null, 2).replace('"Return": {}', '"Retorno": {}');
    const error = formatError(withFile(broken));
    expect(error.file).toBe("mocks.json");
    expect(error.line).toBe(lineOf(broken, "Retorno"));
    expect(error.detail).toContain('Chave desconhecida "Retorno"');
  });
});
