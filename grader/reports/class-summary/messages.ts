/** Every sentence of the class report (HTML and the JSON summary), in Brazilian Portuguese. */
const TYPE_LABELS: Readonly<Record<string, string>> = {
  Parallel: "Sem Parallel: os ramos rodam em sequência, um depois do outro",
  Map: "Sem Map: os itens não são processados por um Map",
  Choice: "Sem Choice: nenhuma decisão no fluxo",
  Wait: "Sem Wait: o fluxo não espera",
  Fail: "Sem estado Fail: a falha não encerra a execução como falha",
};

export const classMessages = {
  located: (line: number, column: number, message: string) => `linha ${line}, coluna ${column}: ${message}`,
  errorProblem: "O corretor não conseguiu terminar (arquivo grande demais, tempo esgotado…)",
  invalidProblem: (code: string) => `Definição inválida (${code}): não pôde ser executada`,
  feature: {
    starterUnchanged: "Entregou a definição inicial sem mudanças",
    detector: {
      "no-retry": "Sem Retry em nenhum estado",
      "no-catch": "Sem Catch em nenhum estado",
      "catch-replaces-input": "Catch sem ResultPath: o erro substitui a entrada (os dados se perdem)",
      "retry-wildcard": "Retry com curinga (States.ALL / States.TaskFailed): retenta também erros de negócio",
      "constant-backoff": "Retry com BackoffRate 1: intervalo constante, sem backoff exponencial",
    } as Readonly<Record<string, string>>,
    missingType: (type: string) => TYPE_LABELS[type] ?? `Nenhum estado do tipo ${type}`,
    missingField: (field: string) => `Sem ${field} em nenhum estado`,
    missingState: (name: string) => `Falta o estado ${name}`,
  },
};
