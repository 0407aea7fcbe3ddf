/** Every string the exercise pages and the quiz page show, in Brazilian Portuguese. */

/** 12.5 → "12,5"; 100 → "100". */
export function formatNumber(value: number): string {
  return Number(value.toFixed(2)).toString().replace(".", ",");
}

const pontos = (value: number) => `${formatNumber(value)} ${value === 1 ? "ponto" : "pontos"}`;

export const exerciseUi = {
  listTitle: "Exercícios",
  listIntro:
    "Cada exercício roda no seu navegador, no mesmo motor e com o mesmo corretor do professor. Nada é enviado a um servidor.",
  listEmpty: "Os exercícios ainda não foram publicados.",
  listPoints: (points: number) => `${pontos(points)} nos cenários públicos e verificações`,
  pageDescription: (title: string) => `Exercício da Aula 14: ${title}.`,
  practises: "Pratica a lição",
  goalsHeading: "Objetivos de aprendizagem",
  statementHeading: "Enunciado",
  /** Points only the teacher's grading (`partitura grade --hidden`) awards: the page cannot show them. */
  hiddenPoints: (hidden: number, total: number) =>
    `${hidden.toLocaleString("pt-BR")} pontos em cenários ocultos — avaliados pelo professor ` +
    `(o botão "Avaliar" mostra os outros ${(total - hidden).toLocaleString("pt-BR")} de ${total.toLocaleString("pt-BR")}).`,
  workHeading: "Sua solução",
  workIntro: (fileName: string) =>
    `Edite a definição abaixo (começa pelo arquivo inicial ${fileName}). O que você escreve fica salvo neste navegador.`,
  hiddenNote:
    "“Avaliar” roda só os cenários públicos. O professor corrige também com cenários ocultos, que verificam os mesmos conceitos com outros dados.",
  editorLabel: "Sua tentativa",
  editorAriaLabel: (fileName: string) => `Editor da sua tentativa (${fileName})`,
  solutionLabel: "Solução de referência",
  solutionAriaLabel: (fileName: string) => `Solução de referência (${fileName}), somente leitura`,
  // Side by side on wide screens, one under the other on phones (ExerciseWorkspace.astro shows the right one).
  solutionNoteBeside: "A solução aparece ao lado da sua tentativa, que não é alterada.",
  solutionNoteBelow: "A solução aparece abaixo da sua tentativa, que não é alterada.",
  grade: "Avaliar",
  grading: "Avaliando…",
  showSolution: "Ver solução",
  hideSolution: "Ocultar solução",
  reset: "Recomeçar do arquivo inicial",
  resetConfirm: "Trocar a sua tentativa pelo arquivo inicial? O que você escreveu será perdido.",
  resetDone: "A tentativa voltou ao arquivo inicial.",
  saved: "Tentativa salva neste navegador.",
  storageUnavailable:
    "O armazenamento local está desativado: a tentativa não será salva ao recarregar a página.",
  restoredResult: (when: Date) =>
    `Resultado da sua última avaliação (${when.toLocaleString("pt-BR", { dateStyle: "short", timeStyle: "short" })}), ` +
    "para o código que está no editor.",
  restored: "Sua tentativa anterior foi restaurada.",
  loadFailed: (detail: string) => `Não foi possível carregar o exercício: ${detail}`,
  dataMissing: "os arquivos do exercício não vieram com a página",
  resultHeading: "Resultado",
  resultEmpty: "Clique em “Avaliar” para rodar os cenários públicos com a sua definição.",
  resultSummary: (points: number, maxPoints: number, percent: number) =>
    `Nota: ${formatNumber(points)} de ${pontos(maxPoints)} (${formatNumber(percent)} %).`,
  resultAnnouncement: (points: number, maxPoints: number, percent: number, failed: number) =>
    `Avaliação concluída. Nota: ${formatNumber(points)} de ${formatNumber(maxPoints)} (${formatNumber(percent)} %). ` +
    (failed === 0
      ? "Todas as verificações passaram."
      : `${failed} ${failed === 1 ? "verificação falhou" : "verificações falharam"}.`),
  statusLabel: {
    graded: "avaliada",
    invalid: "definição inválida",
    error: "não foi possível avaliar",
  } as Record<string, string>,
  invalidHeading: "A definição não pôde ser executada",
  errorHeading: "A avaliação não terminou",
  diagnosticsHeading: "Problemas encontrados na definição",
  diagnosticAt: (line: number | undefined, column: number | undefined) =>
    line === undefined ? "" : column === undefined ? `linha ${line}: ` : `linha ${line}, coluna ${column}: `,
  severity: { error: "erro", warning: "aviso", info: "informação" } as Record<string, string>,
  staticHeading: "Verificações da definição",
  scenarioPrefix: "Cenário: ",
  checkStatus: (status: string) => (status === "passed" ? "passou" : status === "failed" ? "falhou" : "erro"),
  points: (points: number, maxPoints: number) => `${formatNumber(points)}/${formatNumber(maxPoints)}`,
  pointsLong: (points: number, maxPoints: number) => `${formatNumber(points)} de ${pontos(maxPoints)}`,
  executionLabel: "Execução: ",
  /** The execution's status in pt-BR (the AWS status follows it, in parentheses, as in the CLI's JSON). */
  executionStatus: {
    SUCCEEDED: "Sucesso",
    FAILED: "Falhou",
    TIMED_OUT: "Tempo esgotado",
    ABORTED: "Abortada",
    RUNNING: "Em execução",
  } as Record<string, string>,
  executionFacts: (transitions: number, seconds: number) =>
    ` · ${new Intl.NumberFormat("pt-BR").format(transitions)} ${transitions === 1 ? "transição" : "transições"} de estado · ${formatNumber(seconds)} s de tempo virtual`,
  executionError: (error: string) => ` · erro ${error}`,
  failedCount: (failed: number, total: number) =>
    failed === 0
      ? `todas as ${total} verificações passaram`
      : `${failed} de ${total} ${failed === 1 ? "falhou" : "falharam"}`,
  gradingCrashed: (detail: string) => `O corretor falhou no navegador: ${detail}`,
  gradingTimedOut: (seconds: number) =>
    `A avaliação passou de ${formatNumber(seconds)} s e foi interrompida. A definição pode ter um laço que não termina (um Choice que sempre volta a um estado anterior, por exemplo) ou processar dados demais. A sua tentativa não foi alterada: corrija e clique em “Avaliar” de novo.`,
  gradingStopped: "a avaliação foi interrompida",
  gradingUnreadable: "o resultado da avaliação não pôde ser lido",
};

export const quizUi = {
  intro:
    "Responda às questões e clique em “Verificar”. As questões objetivas são corrigidas aqui mesmo, com a explicação de cada alternativa; a dissertativa você confere com a rubrica. Suas respostas ficam salvas neste navegador.",
  question: (number: number) => `Questão ${number}`,
  questionPoints: (points: number) => `(${pontos(points)})`,
  essayLabel: "Sua resposta",
  essayHint: "Escreva alguns parágrafos. O texto fica salvo neste navegador.",
  rubricHeading: (points: number) =>
    `Confira sua resposta pela rubrica (${pontos(points)}, corrigida pelo professor)`,
  rubricItem: (criterion: string, points: number) => `${criterion} (${pontos(points)})`,
  verify: "Verificar",
  retry: "Tentar de novo",
  retryDone:
    "Alternativas e rubrica desmarcadas; sua resposta dissertativa foi mantida. Comece pela questão 1.",
  chosen: "sua resposta",
  correctAnswer: "resposta correta",
  questionCorrect: "Você acertou.",
  questionWrong: (answer: string) => `Você errou. A resposta correta é a ${answer}.`,
  questionBlank: (answer: string) => `Em branco. A resposta correta é a ${answer}.`,
  resultHeading: "Resultado",
  resultSummary: (points: number, maxPoints: number, correct: number, total: number) =>
    `Você acertou ${correct} de ${total} ${total === 1 ? "questão objetiva" : "questões objetivas"}: ${formatNumber(points)} de ${pontos(maxPoints)}.`,
  resultEssay: (points: number, checked: number, criteria: number, blank: boolean) =>
    blank
      ? `A questão dissertativa (${pontos(points)}) está em branco.`
      : `A questão dissertativa (${pontos(points)}) é corrigida pelo professor; você marcou ${checked} de ${criteria} critérios da rubrica.`,
  stale: "Você mudou uma resposta: clique em “Verificar” de novo para ver o resultado.",
  storageUnavailable:
    "O armazenamento local está desativado: as respostas não serão salvas ao recarregar a página.",
  loadFailed: (detail: string) => `Não foi possível carregar o questionário: ${detail}`,
};
