/** pt-BR sentences of the exercise commands (`partitura exercises`, `partitura check-exercises`). */
export const gradingCliMessages = {
  unknownExercise: (name: string, available: readonly string[]) =>
    `Exercício desconhecido: '${name}'. Disponíveis: ${available.length ? available.join(", ") : "(nenhum)"}.`,
  slugMismatch: (slug: string, folder: string) =>
    `'slug' é '${slug}', mas a pasta se chama '${folder}': os dois precisam ser iguais`,
  noExercises: (root: string) => `Nenhum exercício encontrado em ${root}.`,
  listHeading: (count: number) => `${count} exercício(s):`,
  listColumns: ["exercício", "título", "pontos", "cenários (ocultos)", "seção da aula"] as const,
  scenarioCount: (total: number, hidden: number) => `${total} (${hidden})`,
  brokenExercise: (message: string) => `✗ ${message}`,
  checking: (slug: string) => `Verificando ${slug}…`,
  checkOk: (slug: string, starter: number, solution: number) =>
    `✓ ${slug}: inicial ${formatPercent(starter)}, solução ${formatPercent(solution)}`,
  checkFailed: (slug: string) => `✗ ${slug}:`,
  finding: (message: string) => `    - ${message}`,
  summaryOk: (count: number) => `Todos os ${count} exercícios estão consistentes.`,
  mutantsHeading: (maxMutant: number, maxNothing: number) =>
    `Mutantes das soluções de referência (com cenários ocultos). Um mutante que quebra um requisito ` +
    `do enunciado pode ficar com no máximo ${maxMutant} %; um fluxo que não faz nada, ${maxNothing} %.`,
  mutantColumns: ["exercício", "mutante", "nota", "situação"] as const,
  mutantVerdict: (survives: boolean, breaks: boolean) =>
    survives ? "✗ nota alta demais" : breaks ? "✓ perdeu pontos" : "— não quebra o enunciado",
  mutantsSummary: (survivors: number, total: number) =>
    survivors === 0
      ? `Todos os ${total} mutantes que quebram o enunciado perderam os pontos que deviam.`
      : `${survivors} de ${total} mutante(s) que quebram o enunciado ficaram com nota alta demais.`,
  summaryFailed: (bad: number, count: number) => `${bad} de ${count} exercício(s) com problemas.`,
};

export function formatPercent(value: number): string {
  return `${value.toLocaleString("pt-BR", { maximumFractionDigits: 2 })} %`;
}
