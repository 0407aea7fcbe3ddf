import { describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { readSubmission } from "../../grader/grading/index.ts";
import { findSimilarPairs, fingerprint } from "../../grader/similarity/index.ts";
import { solution, starter, variant } from "../reports/class-fixture.ts";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A student's own take on the exercise: the required behaviour, with their own names, texts and extras. */
const honest = (own: { comment: string; resultPath: string; error: string; cause: string; extra: Json }) =>
  JSON.parse(
    variant((d) => {
      d.Comment = own.comment;
      d.States.ProcessarPagamento.Catch[0].ResultPath = own.resultPath;
      Object.assign(d.States.ProcessarPagamento, own.extra);
      const fail = Object.values(d.States as Record<string, Json>).find((s) => s.Type === "Fail")!;
      fail.Error = own.error;
      fail.Cause = own.cause;
    }),
  ) as Json;

const ana = honest({
  comment: "Minha versão: retenta a Lambda e avisa o financeiro",
  resultPath: "$.detalheDoErro",
  error: "PagamentoNaoConcluido",
  cause: "O cliente foi avisado por SNS",
  extra: { TimeoutSeconds: 30 },
});
const bruno = honest({
  comment: "Fluxo resiliente do pedido",
  resultPath: "$.falha",
  error: "FalhaDefinitivaNoPagamento",
  cause: "Esgotadas as tentativas",
  extra: { HeartbeatSeconds: 10 },
});

/** The same machine with every state renamed, keys reordered, written as YAML (what a copier does). */
function renamedCopy(definition: Json): Json {
  const names = new Map(Object.keys(definition.States).map((name, i) => [name, `Etapa${i + 1}`]));
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (typeof value !== "object" || value === null) return value;
    const entries = Object.entries(value as Json).reverse();
    return Object.fromEntries(
      entries.map(([key, inner]) => [
        key,
        (key === "Next" || key === "StartAt" || key === "Default") && typeof inner === "string"
          ? names.get(inner)
          : key === "States"
            ? Object.fromEntries(Object.entries(inner as Json).map(([n, s]) => [names.get(n), rename(s)]))
            : rename(inner),
      ]),
    );
  };
  const yaml = toYaml(rename(definition));
  const reading = readSubmission(yaml, { fileName: "copia.yaml" });
  if (!reading.ok) throw new Error(reading.reason);
  return reading.definition as Json;
}

const exercise = { starter, solution };

describe("similarity", () => {
  it("flags a renamed, reformatted copy, with the evidence side by side", () => {
    const copy = renamedCopy(ana);
    expect(fingerprint(copy).fullKey).toBe(fingerprint(ana).fullKey);
    const report = findSimilarPairs(
      [
        { id: "ana", definition: ana },
        { id: "bruno", definition: bruno },
        { id: "carla", definition: copy },
      ],
      exercise,
    );
    expect(report.pairs.map((p) => [p.a, p.b])).toEqual([["ana", "carla"]]);
    const [pair] = report.pairs;
    expect(pair).toMatchObject({ score: 1, identical: true, sameShape: true });
    const evidence = pair!.evidence.find((e) => e.feature.includes("$.detalheDoErro"))!;
    expect(evidence.a).toBe("ProcessarPagamento › Catch[0].ResultPath");
    expect(evidence.b).toBe("Etapa1 › Catch[0].ResultPath");
  });

  it("does not flag two honest solutions, even though both do exactly what the exercise asks", () => {
    const report = findSimilarPairs(
      [
        { id: "ana", definition: ana },
        { id: "bruno", definition: bruno },
        { id: "davi", definition: { ...solution, Comment: "Entrega do Davi" } },
        { id: "eva", definition: { ...solution, Comment: "Entrega da Eva" } },
      ],
      exercise,
    );
    expect(report.pairs).toEqual([]);
  });

  it("does not count what the starter gives everyone (subtracted), which alone would look like copying", () => {
    // Two students hand in the starter as they got it (one re-saved it as YAML).
    const inputs = [
      { id: "fabio", definition: starter },
      { id: "gil", definition: renamedCopy(starter) },
    ];
    expect(findSimilarPairs(inputs, {}).pairs).toHaveLength(1);
    expect(findSimilarPairs(inputs, exercise).pairs).toEqual([]);
  });

  it("does not compare every pair: a class that all hands in the solution proposes no candidates", () => {
    const inputs = Array.from({ length: 300 }, (_, i) => ({
      id: `aluno-${i}`,
      definition: { ...solution, Comment: `Aluno ${i}` },
    }));
    const report = findSimilarPairs(inputs, exercise);
    expect(report.candidates).toBe(0);
    expect(report.pairs).toEqual([]);
  });
});
