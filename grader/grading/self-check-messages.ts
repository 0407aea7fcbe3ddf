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

/** pt-BR names of the mutants of the mutation self-check. */
export const mutantMessages = {
  noRetry: (state: string) => `sem o Retry de ${state}`,
  noCatch: (state: string) => `sem o Catch de ${state}`,
  noResultPath: (state: string) => `sem o ResultPath de ${state}`,
  noPattern: (state: string) => `${state} sem .sync/.waitForTaskToken`,
  taskAsPass: (state: string) => `${state} vira um Pass`,
  parallelAsSequence: (state: string) => `${state}: ramos em sequência`,
  otherErrorEquals: (state: string) => `ErrorEquals trocado em ${state}`,
  otherFunction: (state: string) => `${state} chama outra função`,
  choiceLoops: (state: string) => `${state} em laço infinito`,
  choiceFlipped: (state: string) => `comparação invertida em ${state}`,
  doNothing: (name: string) => `fluxo que não faz nada (${name})`,
};
