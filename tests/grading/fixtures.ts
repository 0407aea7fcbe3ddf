/** Small in-memory exercises for the grading tests. */
import { parseExercise, type Exercise, type ExerciseFiles } from "../../grader/grading/index.ts";

const task = (resource: string, extra: Record<string, unknown> = {}) => ({
  Type: "Task",
  Resource: `arn:aws:lambda:us-east-1:123456789012:function:${resource}`,
  ...extra,
});

/** Preparar → Paralelo(Extrair ‖ Analisar) → Pagar (Retry + Catch → Falhou) → Fim */
export function pipeline(
  overrides: { pagar?: Record<string, unknown>; paralelo?: boolean; retryAll?: boolean } = {},
) {
  const retry = overrides.retryAll ? { Retry: [{ ErrorEquals: ["States.ALL"] }] } : {};
  const branches =
    overrides.paralelo === false
      ? undefined
      : [
          { StartAt: "Extrair", States: { Extrair: task("extrair", { End: true, ...retry }) } },
          { StartAt: "Analisar", States: { Analisar: task("analisar", { End: true, ...retry }) } },
        ];
  const states: Record<string, unknown> = {
    Preparar: { Type: "Pass", Next: branches ? "Paralelo" : "Extrair" },
    Pagar: task("pagar", {
      Retry: [
        {
          ErrorEquals: ["Lambda.TooManyRequestsException"],
          IntervalSeconds: 1,
          MaxAttempts: 2,
          BackoffRate: 2,
        },
      ],
      Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.erro", Next: "Falhou" }],
      Parameters: { "pedido.$": "$.pedido", fixo: 1 },
      ResultPath: "$.pagamento",
      Next: "Fim",
      ...overrides.pagar,
    }),
    Falhou: { Type: "Pass", End: true },
    Fim: { Type: "Succeed" },
  };
  if (branches)
    states.Paralelo = { Type: "Parallel", Branches: branches, ResultPath: "$.partes", Next: "Pagar" };
  else {
    states.Extrair = task("extrair", { ResultPath: null, Next: "Analisar" });
    states.Analisar = task("analisar", { ResultPath: null, Next: "Pagar" });
  }
  return { Comment: "fixture", StartAt: "Preparar", States: states };
}

export const json = (value: unknown) => JSON.stringify(value, null, 2);

function sumPoints(yaml: string): number {
  return [...yaml.matchAll(/\bpoints: ([\d.]+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
}

/** An exercise whose scenarios/static checks are the given YAML blocks (indented as list items). */
export function exerciseFiles(parts: {
  scenarios: string;
  staticChecks?: string;
  extra?: string;
}): Record<string, string> {
  const points = sumPoints(parts.scenarios) + sumPoints(parts.staticChecks ?? "");
  const yaml = [
    "slug: teste",
    "title: Exercício de teste",
    `points: ${points}`,
    "lessonSection: Seção",
    "learningGoals: [Objetivo]",
    "statement: Enunciado",
    "starter: inicial.asl.json",
    "solution: solucao.asl.json",
    "stateMachineName: Teste",
    parts.extra ?? "",
    parts.staticChecks ? `staticChecks:\n${parts.staticChecks}` : "",
    `scenarios:\n${parts.scenarios}`,
  ].join("\n");
  return {
    "exercicio.yaml": yaml,
    "inicial.asl.json": json(pipeline({ paralelo: false })),
    "solucao.asl.json": json(pipeline()),
  };
}

export function exercise(
  parts: { scenarios: string; staticChecks?: string; extra?: string },
  files: ExerciseFiles = {},
): Exercise {
  return parseExercise({ ...exerciseFiles(parts), ...files });
}

/** Mocks where every task succeeds; Extrair takes 5 s and Analisar 7 s. */
export const happyMocks = `
    mocks:
      Extrair: { "0": { Return: { texto: ok }, DurationSeconds: 5 } }
      Analisar: { "0": { Return: { nota: 9 }, DurationSeconds: 7 } }
      Pagar: { "0": { Return: { pago: true } } }`;
