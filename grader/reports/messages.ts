/** Every sentence the grading reports show a person, in Brazilian Portuguese (browser-safe). */
import type { CheckStatus, SubmissionStatus } from "../grading/result-model.ts";

export const reportMessages = {
  heading: (title: string, slug: string) => `Exercício: ${title} (${slug})`,
  hiddenIncluded: "cenários ocultos incluídos",
  hiddenExcluded: "só cenários públicos (use --hidden para incluir os ocultos)",
  noSubmissions: "Nenhuma submissão encontrada.",
  columns: {
    student: "Aluno",
    file: "Arquivo",
    status: "Situação",
    points: "Pontos",
    maxPoints: "Máximo",
    percent: "%",
    percentLong: "Percentual",
    scenarios: "Cenários",
    staticChecks: "Estáticas",
    staticChecksLong: "Verificações estáticas",
    note: "Observação",
    reason: "Motivo",
  },
  submissionStatus: {
    graded: "avaliado",
    invalid: "inválido",
    error: "erro",
  } as Record<SubmissionStatus, string>,
  checkStatus: {
    passed: "ok",
    failed: "falhou",
    error: "erro",
  } as Record<CheckStatus, string>,
  totals: (count: number, full: number, invalid: number, errors: number, average: string) =>
    `Total: ${count} submissão(ões) · ${full} com nota máxima · ${invalid} inválida(s) · ${errors} com erro · média ${average}%`,
  details: "Detalhes (o que falhou):",
  staticLabel: "estática",
  scenarioLabel: (title: string, hidden: boolean) => (hidden ? `oculto: ${title}` : title),
  diagnosticAt: (line: number | undefined, column: number | undefined, message: string) =>
    line ? `linha ${line}${column ? `, coluna ${column}` : ""}: ${message}` : message,
  pointsOf: (points: string, max: string) => `${points}/${max}`,
  scenarioColumn: (title: string, id: string, max: string) => `${title} [${id}] (máx. ${max})`,

  // JUnit
  junitSuites: (slug: string) => `partitura: ${slug}`,
  junitSubmission: "submissão",
  junitStatic: "verificações estáticas",

  // Gradescope and GitHub Classroom
  gradescopeSummary: (title: string, points: string, max: string, percent: string) =>
    `Exercício: ${title}\nNota: ${points} de ${max} pontos (${percent}%).`,
  gradescopeReading: "Leitura da submissão",
  gradescopeStatic: (description: string) => `Verificação estática: ${description}`,
  gradescopeCheck: (scenario: string, description: string) => `${scenario} › ${description}`,
  gradescopeHiddenNote:
    "Cenários ocultos: o resultado mostra o conceito verificado, nunca os dados do cenário.",
  singleSubmission: (format: string, count: number) =>
    `o formato ${format} descreve uma única submissão, mas foram avaliadas ${count}; use --student NOME para tratar a pasta como a submissão de um aluno`,
  passed: "Passou.",

  // Late policy (exercicio.yaml latePolicy)
  late: (days: number, penalty: string, before: string) =>
    days === 0
      ? "Entregue no prazo."
      : `Entregue ${days === 1 ? "1 dia" : `${days} dias`} após o prazo: penalidade de ${penalty} % (nota antes da penalidade: ${before}).`,
  lateTest: "Penalidade por atraso",
  lateColumns: {
    submittedAt: "Entregue em (UTC)",
    daysLate: "Dias de atraso",
    penalty: "Penalidade (%)",
    before: "Pontos antes da penalidade",
  },
};
