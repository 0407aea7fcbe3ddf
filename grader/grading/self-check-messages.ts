/** pt-BR sentences of the exercises' self-check. */
export const selfCheckMessages = {
  tooFewScenarios: (got: number, min: number) => `tem ${got} cenário(s); o curso pede pelo menos ${min}`,
  noHiddenScenario: "não tem nenhum cenário oculto (visibility: hidden)",
  starterNotGraded: (reason: string) => `a definição inicial não pôde ser avaliada: ${reason}`,
  starterPasses: "a definição inicial já tira 100 %: nenhuma verificação a reprova",
  solutionNotGraded: (reason: string) => `a solução de referência não pôde ser avaliada: ${reason}`,
  solutionFailsStatic: (check: string, message: string) =>
    `a solução de referência falha na verificação estática '${check}': ${message}`,
  solutionFailsScenario: (scenario: string, check: string, message: string) =>
    `a solução de referência falha em '${scenario}' › '${check}': ${message}`,
  hiddenUnreachable: (scenario: string, check: string, message: string) =>
    `o cenário oculto '${scenario}' não é alcançável: a solução falha em '${check}' (${message})`,
  notDeterministic: "avaliar a mesma solução duas vezes deu resultados diferentes",
  trivialScores: (name: string, percent: number, max: number, checks: readonly string[]) =>
    `um fluxo que não faz nada ('${name}') tira ${percent} % (o máximo é ${max} %), pontuando em ` +
    `${checks.join(", ")}: use 'requires' nas verificações do tipo "X não aconteceu" para que só ` +
    `contem quando a execução chega aos estados de que elas tratam`,
};
