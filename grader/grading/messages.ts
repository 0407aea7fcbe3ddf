/** Every sentence the grading core shows a person, in Brazilian Portuguese. */

const q = (value: string) => `'${value}'`;
const list = (values: readonly string[]) => values.map(q).join(", ");
/** A state path can be thousands of names long (a loop): show its start, its end and its length. */
const pathList = (values: readonly string[], head = 20, tail = 5) =>
  values.length <= head + tail + 1
    ? list(values)
    : `${list(values.slice(0, head))}, … ${values.length - head - tail} estados …, ` +
      `${list(values.slice(-tail))} (${values.length} estados no total)`;
const seconds = (value: number) => `${value.toLocaleString("pt-BR", { maximumFractionDigits: 3 })} s`;
const money = (value: number) =>
  value.toLocaleString("pt-BR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const patternName = (pattern: string) =>
  ({
    "request-response": "request-response (chama e segue sem esperar)",
    sync: ".sync (espera o job terminar)",
    "wait-for-task-token": ".waitForTaskToken (espera o callback com o token)",
  })[pattern] ?? pattern;

export function showValue(value: unknown, max = 160): string {
  const text = value === undefined ? "(nada)" : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const gradingMessages = {
  // ----- exercise format -------------------------------------------------------------------
  missingExerciseFile: "a pasta do exercício não tem 'exercicio.yaml'",
  yamlSyntax: (what: string) => `erro de sintaxe YAML: ${what}`,
  jsonSyntax: (what: string) => `erro de sintaxe JSON: ${what}`,
  schemaRequired: (field: string) => `falta o campo obrigatório ${q(field)}`,
  schemaUnknownField: (field: string) => `campo desconhecido ${q(field)} (erro de digitação?)`,
  schemaType: (expected: string) => `o valor deveria ser ${expected}`,
  schemaEnum: (allowed: readonly unknown[]) =>
    `valor não permitido; use um destes: ${allowed.map((v) => JSON.stringify(v)).join(", ")}`,
  schemaConst: (allowed: unknown) => `o valor deveria ser ${JSON.stringify(allowed)}`,
  schemaMinimum: (limit: number) => `o número deveria ser ≥ ${limit}`,
  schemaExclusiveMinimum: (limit: number) => `o número deveria ser > ${limit}`,
  schemaMaximum: (limit: number) => `o número deveria ser ≤ ${limit}`,
  schemaMinItems: (limit: number) => `a lista precisa de pelo menos ${limit} item(ns)`,
  schemaMinLength: "o texto não pode ser vazio",
  schemaPattern: (pattern: string) => `o texto não segue o formato esperado (${pattern})`,
  schemaIdentifier: "use só letras minúsculas, números e hífens (ex.: 'pagamento-ok')",
  schemaPropertyName: (name: string) =>
    `a chave ${q(name)} não é um número de invocação: use "0", "3" ou um intervalo "1-2"`,
  schemaOneMatcher: "use exatamente um de 'equals', 'includes' ou 'paths'",
  schemaOneOfReturnThrow:
    'cada invocação simulada precisa de exatamente um de "Return", "Throw" ou "Service" ("Service" já traz a sua duração)',
  schemaAnyOf: (fields: readonly string[]) => `informe ao menos um destes campos: ${list(fields)}`,
  schemaHiddenConcept:
    "um cenário oculto precisa de 'concept': o conceito que ele verifica, mostrado no lugar dos dados",
  schemaNotBoth: (a: string, b: string) => `use ${q(a)} ou ${q(b)}, não os dois`,
  schemaUnknownCheck: (type: string, allowed: readonly string[]) =>
    `tipo de verificação desconhecido ${q(type)}; tipos válidos: ${list(allowed)}`,
  schemaGeneric: (detail: string) => `valor inválido (${detail})`,
  typeNames: {
    string: "um texto",
    number: "um número",
    integer: "um número inteiro",
    boolean: "verdadeiro ou falso (true/false)",
    object: "um objeto (campos chave: valor)",
    array: "uma lista",
    null: "null",
  } as Record<string, string>,
  missingFile: (file: string) => `o arquivo ${q(file)} não existe na pasta do exercício`,
  duplicateId: (id: string, where: string) => `o id ${q(id)} aparece mais de uma vez em ${where}`,
  badDeadline: (deadline: string) =>
    `o prazo '${deadline}' não é uma data válida (use, por exemplo, 2026-12-10T23:59:00-03:00)`,
  pointsMismatch: (declared: number, sum: number) =>
    `'points' diz ${declared}, mas as verificações somam ${sum}; ajuste 'points' ou as pontuações`,
  mockConfigInvalid: (detail: string) => `arquivo de mocks inválido: ${detail}`,
  inlineMocksInvalid: (detail: string) => `mocks inválidos: ${detail}`,
  referenceUnreadable: (detail: string) => `a definição não pôde ser lida: ${detail}`,

  // ----- reading a submission ----------------------------------------------------------------
  submissionTooLarge: (bytes: number, limit: number) =>
    `o arquivo tem ${bytes} bytes; o limite é ${limit} (o de uma definição na AWS é 1 MB)`,
  submissionEmpty: "o arquivo está vazio",
  submissionNoStateMachine:
    "não encontrei uma máquina de estado: esperava uma definição ASL (com 'StartAt' e 'States') ou um " +
    "arquivo de IaC (serverless.yml, template SAM/CloudFormation) que contenha uma",
  submissionNotObject: "a definição precisa ser um objeto JSON com 'StartAt' e 'States'",
  submissionDefinitionString: "'DefinitionString' não contém JSON válido",
  submissionInvalidDefinition: (message: string) => `definição inválida: ${message}`,
  validatorFailed: (reason: string) =>
    `o validador não pôde analisar o arquivo (${reason}); a submissão foi avaliada mesmo assim`,
  submissionInvalid: "a submissão não é uma máquina de estado válida; veja os erros indicados",
  submissionTooManyMachines: (names: readonly string[], chosen: string) =>
    `o arquivo define várias máquinas de estado (${list(names)}); avaliei ${q(chosen)}`,

  // ----- grading -----------------------------------------------------------------------------
  passed: "Correto.",
  hiddenFailed: (feedback: string) => feedback,
  detail: (feedback: string, detail: string) => `${feedback} (${detail})`,
  scenarioCouldNotRun: (reason: string) => `o cenário não pôde ser executado: ${reason}`,
  expressRejected: (reason: string) => `a definição não é aceita como Express: ${reason}`,
  engineFailure: (reason: string) => `erro interno ao executar: ${reason}`,

  statusGot: (expected: string, got: string, error?: string) =>
    `esperado ${expected}, obtido ${got}${error ? ` com o erro ${error}` : ""}`,
  statusErrorGot: (expected: string, got: string | undefined) =>
    `esperado o erro ${expected}, obtido ${got ?? "nenhum erro"}`,
  valueNotEqual: (what: "output" | "parameters" | "input", got: unknown) =>
    `${{ output: "saída obtida", parameters: "parâmetros enviados", input: "entrada recebida" }[what]}: ${showValue(got)}`,
  outputNoResult: (status: string) => `a execução terminou com ${status} e não produziu saída`,
  valueMissingField: (path: string, expected: unknown, got: unknown) =>
    `em ${path}: esperado ${showValue(expected, 80)}, obtido ${showValue(got, 80)}`,
  pathMissing: (path: string) => `${path} não existe`,
  pathShouldNotExist: (path: string) => `${path} não deveria existir`,
  pathLength: (path: string, expected: number, got: unknown) =>
    `${path} deveria ter ${expected} item(ns); tem ${Array.isArray(got) ? got.length : "—"}`,
  pathInvalid: (path: string, detail: string) => `JSONPath inválido ${q(path)}: ${detail}`,
  orderBroken: (expected: readonly string[], got: readonly string[]) =>
    `ordem esperada ${list(expected)}; caminho percorrido ${pathList(got)}`,
  notVisited: (states: readonly string[]) => `estes estados não foram executados: ${pathList(states)}`,
  visitedForbidden: (states: readonly string[]) =>
    `estes estados não deveriam ter sido executados: ${pathList(states)}`,
  stateNeverEntered: (state: string) => `o estado ${q(state)} não foi executado`,
  stateVisitMissing: (state: string, visit: number, visits: number) =>
    `o estado ${q(state)} foi executado ${visits} vez(es); a verificação olha a ${visit}ª`,
  retriesGot: (expected: number, got: number) => `esperadas ${expected} novas tentativas, houve ${got}`,
  backoffGot: (expected: readonly number[], got: readonly number[]) =>
    `intervalos esperados ${expected.map(seconds).join(", ") || "nenhum"}; ` +
    `obtidos ${got.map(seconds).join(", ") || "nenhum"}`,
  nothingCaught: (state: string) => `nenhum Catch de ${q(state)} foi acionado`,
  caughtUnexpected: (state: string, error: string, next: string) =>
    `o Catch de ${q(state)} capturou ${error} e seguiu para ${q(next)}`,
  caughtWrongNext: (expected: string, got: string) =>
    `esperado seguir para ${q(expected)}; seguiu para ${q(got)}`,
  caughtWrongError: (expected: string, got: string) => `esperado o erro ${expected}; capturado ${got}`,
  durationGot: (got: number, min: number | undefined, max: number | undefined) =>
    `duração ${seconds(got)}; esperado ${min !== undefined ? `≥ ${seconds(min)}` : ""}` +
    `${min !== undefined && max !== undefined ? " e " : ""}${max !== undefined ? `≤ ${seconds(max)}` : ""}`,
  stateNotFinished: (state: string) => `o estado ${q(state)} não terminou`,
  notOverlapping: (a: string, b: string) => `${q(a)} e ${q(b)} não rodaram ao mesmo tempo`,
  transitionsGot: (got: number, min: number | undefined, max: number | undefined) =>
    `${got} transições; esperado ${min !== undefined ? `≥ ${min}` : ""}` +
    `${min !== undefined && max !== undefined ? " e " : ""}${max !== undefined ? `≤ ${max}` : ""}`,
  workflowTypeGot: (expected: string, got: string) => `tipo esperado ${expected}; a submissão usa ${got}`,
  costGot: (type: string, usd: number, max: number, executions: number) =>
    `custo estimado (${type}) de US$ ${money(usd)} para ${executions.toLocaleString("pt-BR")} ` +
    `execuções/mês; limite US$ ${money(max)}`,
  invocationsGot: (state: string, got: number) => `${q(state)} foi invocado ${got} vez(es)`,
  taskNeverInvoked: (state: string, invocation: number) =>
    `o estado ${q(state)} não teve a ${invocation}ª invocação`,
  requiredNotReached: (states: readonly string[]) =>
    `ela só conta quando a execução executa ${list(states)}, e isso não aconteceu`,
  engineStopped:
    "a execução não terminou: o cenário não tinha resposta para uma chamada que ela fez " +
    "(um laço que chama a mesma tarefa sem parar?), e uma execução interrompida não pontua",
  timingOnWrongEnd: (expected: string, got: string, error?: string) =>
    `tempo e custo só contam numa execução que termina como o cenário espera (${expected}); ` +
    `esta terminou com ${got}${error ? ` (${error})` : ""}`,
  unmockedTasks: (states: readonly string[]) =>
    `${states.length === 1 ? "O estado" : "Os estados"} ${list(states)} não ${states.length === 1 ? "é simulado" : "são simulados"} ` +
    `neste cenário: ${states.length === 1 ? "respondeu" : "responderam"} {} (um resultado neutro), sem chamar serviço algum.`,
  neverFinished:
    "a execução não terminou em nenhum cenário (um laço sem saída?): uma definição que não roda até o " +
    "fim não pontua nem pelo que declara",
  wrongFunctionRan: (state: string, expected: string) =>
    `${q(state)} chama outra função, não ${q(expected)}, que o enunciado pede: o trabalho que o cenário ` +
    `espera não aconteceu, e o cenário não pontua`,
  impostorState: (state: string, got: string, expected: string) =>
    `${q(state)} é um estado ${got}, não um ${expected}: ele não faz o trabalho que o cenário espera, ` +
    `e o cenário não pontua`,
  runStopped: (reason: string) => `Atenção: ${reason}.`,
  runFailed: (
    status: string,
    state: string | undefined,
    error: string,
    cause: string | undefined,
    explanation: string | undefined,
  ) =>
    `Atenção: a execução terminou com ${status}` +
    `${state ? ` no estado ${q(state)}` : ""}` +
    `${error ? ` com o erro ${error}` : ""}` +
    `${cause ? ` — causa informada pela AWS: "${cause.length > 300 ? `${cause.slice(0, 299)}…` : cause}"` : ""}.` +
    `${explanation ? ` ${explanation}` : ""}`,
  runtimeErrorExplanations: {
    "States.Runtime":
      "É um erro da própria definição, não do serviço: em geral um caminho JSONPath ou uma expressão " +
      "que não encontrou o campo na entrada do estado. Confira InputPath, Parameters, ResultSelector e " +
      "OutputPath desse estado com a entrada que ele recebeu.",
    "States.ResultPathMatchFailure":
      "O ResultPath desse estado aponta para um lugar onde o resultado não pode ser gravado (por exemplo, " +
      "dentro de um valor que não é objeto).",
    "States.ParameterPathFailure":
      "Um campo terminado em .$ em Parameters (ou ItemSelector) aponta para um caminho que não existe " +
      "na entrada do estado.",
    "States.IntrinsicFailure":
      "Uma função intrínseca (States.Format, States.Array…) recebeu argumentos inválidos.",
    "States.QueryEvaluationError":
      "Uma expressão JSONata do estado falhou ao ser avaliada (campo ausente, tipo errado, resultado indefinido).",
    "States.NoChoiceMatched":
      "Nenhuma regra do Choice casou e ele não tem Default. Confira os tipos comparados: um booleano se " +
      'compara com BooleanEquals, não com StringEquals "true".',
    "States.DataLimitExceeded": "Um estado produziu mais de 256 KiB de dados, o limite da AWS.",
    "States.ItemReaderFailed": "O ItemReader do Map não conseguiu ler os itens.",
    "States.ResultWriterFailed": "O ResultWriter do Map não conseguiu gravar os resultados.",
  } as Readonly<Record<string, string>>,
  checkNotReached: (detail: string) =>
    `Esta verificação não pôde ser feita: ${detail}. O problema está antes, no caminho que a execução seguiu.`,
  runawayExecution: (transitions: number) =>
    `a execução não terminou: foi interrompida depois de ${transitions} transições de estado ` +
    `(um laço sem condição de saída?)`,

  // ----- static checks -------------------------------------------------------------------------
  stateMissing: (state: string) => `a definição não tem o estado ${q(state)}`,
  stateTypeCount: (type: string, got: number) => `a definição tem ${got} estado(s) ${type}`,
  tasksWithoutRetry: (states: readonly string[]) => `estados Task sem Retry adequado: ${list(states)}`,
  noMatchingRetrier: (state: string, errors: readonly string[]) =>
    `${q(state)} não tem um Retry com ErrorEquals cobrindo ${list(errors)}`,
  retrierWildcard: (state: string, wildcard: string, errors: readonly string[]) =>
    `o Retry de ${q(state)} cobre ${list(errors)} só por meio de ${wildcard}, que retenta também ` +
    `qualquer outro erro — inclusive erros de negócio, que não devem ser retentados; ` +
    `liste em ErrorEquals apenas os erros transitórios`,
  retrierField: (field: string, expected: string, got: unknown) =>
    `${field}: esperado ${expected}, encontrado ${showValue(got, 40)}`,
  noMatchingCatcher: (state: string) => `${q(state)} não tem um Catch como o pedido`,
  notATask: (state: string, type: unknown) =>
    `${q(state)} é um estado ${typeof type === "string" ? type : "sem Type"}, não um Task: ele não chama serviço algum`,
  serviceGot: (state: string, expected: string, got: string) =>
    `${q(state)} chama ${got}; o enunciado pede ${expected}`,
  functionGot: (state: string, expected: string, got: string | undefined) =>
    got === undefined
      ? `não consegui ler qual função ${q(state)} chama; o enunciado pede ${q(expected)} (escreva o nome ou o ARN em FunctionName)`
      : `${q(state)} chama a função ${q(got)}; o enunciado pede ${q(expected)}`,
  patternGot: (state: string, expected: string, got: string) =>
    `${q(state)} usa o padrão ${patternName(got)}; o enunciado pede ${patternName(expected)}`,
  resourceMissing: (contains: string) => `nenhum Resource contém ${q(contains)}`,
  resourceOfState: (state: string, got: unknown) => `o Resource de ${q(state)} é ${showValue(got, 100)}`,
  fieldGot: (state: string, field: string, got: unknown) => `${q(state)}.${field} = ${showValue(got, 80)}`,
  maxStatesGot: (got: number, max: number) => `a definição tem ${got} estados; o máximo é ${max}`,
};
