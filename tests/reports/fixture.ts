/** A hand-built GradingReport that exercises every corner the reporters must handle. */
import type { GradingReport, ScenarioResult, SubmissionResult } from "../../grader/grading/result-model.ts";

const publicScenario = (points: number, failedMessage?: string): ScenarioResult => ({
  id: "instavel-depois-ok",
  title: "Lambda sobrecarregada duas vezes, depois aprova",
  visibility: "public",
  status: failedMessage ? "failed" : "passed",
  points,
  maxPoints: 15,
  checks: [
    {
      id: "duas-retentativas",
      description: "Duas novas tentativas, após 2 s e 4 s",
      status: failedMessage ? "failed" : "passed",
      points: failedMessage ? 0 : 10,
      maxPoints: 10,
      message: failedMessage ?? "ok",
    },
    {
      id: "sucesso",
      description: "A execução termina com sucesso",
      status: "passed",
      points: 5,
      maxPoints: 5,
      message: "ok",
    },
  ],
  execution: { status: "SUCCEEDED", stateTransitions: 6, durationSeconds: 6 },
});

const hiddenScenario = (passed: boolean): ScenarioResult => ({
  id: "cartao-recusado",
  title: "Um erro que não é transitório vai direto para o Catch",
  visibility: "hidden",
  status: passed ? "passed" : "failed",
  points: passed ? 5 : 0,
  maxPoints: 5,
  checks: [
    {
      id: "sem-retentativa",
      description: "Erros de negócio não são retentados",
      status: passed ? "passed" : "failed",
      points: passed ? 5 : 0,
      maxPoints: 5,
      message: passed ? "ok" : "Retentar um erro de negócio só atrasa a resposta.",
    },
  ],
});

const staticCheck = (passed: boolean) => ({
  id: "retry-configurado",
  description: "ProcessarPagamento tem um Retry",
  status: passed ? ("passed" as const) : ("failed" as const),
  points: passed ? 5 : 0,
  maxPoints: 5,
  message: passed ? "ok" : 'Use "BackoffRate": 2, não 1 — e ErrorEquals <Lambda.*> & cia.',
});

const graded = (student: string, full: boolean, file = `${student}.asl.json`): SubmissionResult => ({
  student,
  exercise: "falha-pagamento",
  file,
  status: "graded",
  points: full ? 25 : 5,
  maxPoints: 25,
  percent: full ? 100 : 20,
  diagnostics: [],
  staticChecks: [staticCheck(full)],
  scenarios: [
    publicScenario(
      full ? 15 : 5,
      full ? undefined : 'esperado 2 s, 4 s; obtido "2 s, 2 s"\nrevise o BackoffRate',
    ),
    hiddenScenario(full),
  ],
});

export const report: GradingReport = {
  exercise: "falha-pagamento",
  exerciseTitle: "Falha no pagamento: Retry e Catch",
  includesHidden: true,
  submissions: [
    graded("Ágata Souza", true),
    graded('bruno, o "rápido"', false, "bruno.yaml"),
    {
      student: '=HYPERLINK("x")',
      exercise: "falha-pagamento",
      file: "formula.json",
      status: "invalid",
      reason: "erro de sintaxe JSON: esperava ',' ou '}'",
      points: 0,
      maxPoints: 25,
      percent: 0,
      diagnostics: [
        { code: "JSON_SYNTAX", severity: "error", line: 3, column: 7, message: "esperava ',' ou '}'" },
      ],
      staticChecks: [],
      scenarios: [],
    },
    {
      student: "zeca\u0007",
      exercise: "falha-pagamento",
      file: "zeca.json",
      status: "error",
      reason: "a avaliação passou do limite de 10 s e foi interrompida",
      points: 0,
      maxPoints: 25,
      percent: 0,
      diagnostics: [],
      staticChecks: [],
      scenarios: [],
    },
  ],
};

export function single(index: number): GradingReport {
  return { ...report, submissions: [report.submissions[index]!] };
}
