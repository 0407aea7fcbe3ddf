/**
 * What TestState says when it refuses a request: AWS's exception message (English, exactly as AWS words
 * it where AWS's wording is known) and the explanation a student reads (Brazilian Portuguese).
 */

/** The exceptions' descriptions from TestState's API reference ("Errors"), used when AWS's exact text is not known. */
export const awsGeneric = {
  InvalidArn: "The provided Amazon Resource Name (ARN) is not valid.",
  InvalidDefinition: "The provided Amazon States Language definition is not valid.",
  InvalidExecutionInput: "The provided JSON input data is not valid.",
  ValidationException: "The input does not satisfy the constraints specified by an AWS service.",
} as const;

/** AWS's messages for requests it refuses. */
export const aws = {
  mustNotBeNull: (field: string) =>
    `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
  notInEnum: (value: string, field: string, values: readonly string[]) =>
    `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ` +
    `Member must satisfy enum value set: [${values.join(", ")}]`,
  tooLong: (field: string, max: number) =>
    `1 validation error detected: Value at '${field}' failed to satisfy constraint: ` +
    `Member must have length less than or equal to ${max}`,
  tooShort: (field: string, min: number) =>
    `1 validation error detected: Value at '${field}' failed to satisfy constraint: ` +
    `Member must have length greater than or equal to ${min}`,
  belowMinimum: (value: number, field: string) =>
    `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ` +
    `Member must have value greater than or equal to 0`,
  notSupportedWithMock: (type: string) => `State type '${type}' is not supported when a mock is specified`,
  mapOrParallelWithoutMock:
    "TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]",
  bothMockFields: "A test mock should have only one of the following fields: [result, errorOutput].",
  revealSecretsWithMock: "TestState does not support RevealSecrets when a mock is specified.",
  mockResultNotJson: "Mocked result must be valid JSON",
  mockResultNotArray: "Mocked result must be an array.",
  mockResultNotObject: "Mocked result must be a JSON object.",
  parallelBranchCount: "Mocked result must contain the same number of items as number of Parallel branches.",
  stateNotFound: "State not found in definition",
  roleArnRequired: "RoleArn must be specified when testing a Task state",
  schemaFieldType: (field: string, type: string) =>
    `Mock result schema validation error: Field '${field}' must be ${type}`,
  schemaRequired: (field: string) =>
    `Mock result schema validation error: Required field '${field}' is missing`,
  schemaEnum: (field: string) =>
    `Mock result schema validation error: Field '${field}' is not an expected value`,
};

/** The explanations a student reads, in Portuguese. */
export const explain = {
  missingField: (field: string) => `O campo '${field}' é obrigatório no pedido ao TestState.`,
  notString: (field: string) => `O campo '${field}' deve ser um texto (string).`,
  notBoolean: (field: string) => `O campo '${field}' deve ser true ou false.`,
  notObject: (field: string) => `O campo '${field}' deve ser um objeto JSON.`,
  notInteger: (field: string) => `O campo '${field}' deve ser um número inteiro.`,
  notInEnum: (field: string, values: readonly string[]) =>
    `O campo '${field}' aceita apenas ${values.map((v) => `'${v}'`).join(", ")}.`,
  tooLong: (field: string, max: number) => `O campo '${field}' passa do limite de ${max} caracteres.`,
  tooShort: (field: string, min: number) => `O campo '${field}' precisa ter ao menos ${min} caractere(s).`,
  negative: (field: string) => `O campo '${field}' não pode ser negativo.`,
  unknownField: (field: string) =>
    `O TestState não tem o campo '${field}'. Confira o nome (maiúsculas contam).`,
  jsonSyntaxAt: (line: number, column: number) => `erro de sintaxe na linha ${line}, coluna ${column}`,
  jsonSyntax: "o texto não segue a sintaxe JSON",
  jsonEmpty: "o texto está vazio",
  badJson: (field: string, reason: string) => `O campo '${field}' não contém JSON válido: ${reason}.`,
  variablesNotObject: "O campo 'variables' deve conter um objeto JSON: cada chave é o nome de uma variável.",
  contextNotObject: "O campo 'context' deve conter um objeto JSON no formato do objeto de contexto ($$).",
  contextWithoutMock:
    "O campo 'context' só pode ser usado junto com um 'mock' (regra da AWS para o TestState).",
  invalidInput: (reason: string) => `A entrada ('input') não é JSON válido: ${reason}.`,
  invalidRoleArn: (arn: string) =>
    `'${arn}' não é o ARN de uma função (role) do IAM, como arn:aws:iam::123456789012:role/MinhaRole.`,
  definitionNotJson: (reason: string) => `A definição não é JSON válido: ${reason}.`,
  definitionNotObject:
    "A definição deve ser um objeto JSON: um estado sozinho ou uma máquina de estado completa.",
  definitionNeedsStateName:
    "A definição é uma máquina de estado completa (tem 'States'): diga qual estado testar com 'stateName'.",
  stateNameOnSingleState:
    "'stateName' só vale com uma máquina de estado completa; a definição enviada é um estado sozinho.",
  stateNotFound: (name: string) => `Não há estado '${name}' na definição (nem dentro de Parallel ou Map).`,
  definitionError: (detail: string) => `A definição não é válida: ${detail}`,
  engineStopped: (detail: string) => `O estado não pôde ser executado: ${detail}`,
  notSupportedWithMock: (type: string) =>
    `Um estado ${type} não chama serviço nenhum, então não aceita 'mock'. Retire o 'mock' do pedido.`,
  mapOrParallelWithoutMock:
    "O TestState só executa Map e Parallel com um 'mock' que faz o papel do resultado do estado inteiro " +
    "(um array, um item por iteração ou ramo). Inclua 'mock'.",
  bothMockFields: "O 'mock' deve ter 'result' (sucesso) ou 'errorOutput' (falha), não os dois.",
  emptyMock: "O 'mock' deve ter 'result' (sucesso) ou 'errorOutput' (falha).",
  revealSecretsWithMock: "'revealSecrets' só faz sentido numa chamada HTTP real, não com 'mock'.",
  mockResultNotJson: (reason: string) => `'mock.result' deve ser um texto com JSON válido: ${reason}.`,
  mockResultNotArray:
    "Para um Map sem ResultWriter, 'mock.result' deve ser um array (um resultado por item).",
  mockResultNotObject: "Para um Map com ResultWriter, 'mock.result' deve ser um objeto JSON.",
  parallelBranchCount: (branches: number) =>
    `Para este Parallel, 'mock.result' deve ser um array com ${branches} item(ns), um por ramo, na ordem dos ramos.`,
  roleArnRequired:
    "Para testar um estado Task sem 'mock', a AWS exige 'roleArn' (ela chamaria o serviço de verdade).",
  offlineTaskNeedsMock:
    "O Partitura roda sem AWS: um estado Task sem 'mock' chamaria o serviço de verdade. " +
    "Inclua um 'mock' com 'result' ou 'errorOutput'.",
  errorCausedByStateNotMapOrParallel:
    "'stateConfiguration.errorCausedByState' só vale para Map ou Parallel com 'mock.errorOutput'.",
  errorCausedByStateUnknown: (name: string) =>
    `'stateConfiguration.errorCausedByState' nomeia '${name}', que não é um estado dentro deste Map ou Parallel.`,
  mapOnlyConfiguration: (field: string) => `'stateConfiguration.${field}' só vale para um estado Map.`,
  itemReaderDataWithoutReader:
    "'stateConfiguration.mapItemReaderData' só vale para um Map com ItemReader (Map distribuído).",
  schemaFieldType: (field: string, type: string) =>
    `No 'mock.result', o campo '${field}' deve ser ${type} (como na resposta da API do serviço). ` +
    `Corrija o mock ou use "fieldValidationMode": "NONE".`,
  schemaRequired: (field: string) =>
    `No 'mock.result', falta '${field}', obrigatório na resposta da API do serviço ("fieldValidationMode": "STRICT"). ` +
    `Inclua o campo ou use "PRESENT".`,
  schemaEnum: (field: string) =>
    `No 'mock.result', o valor de '${field}' não é um dos que a API do serviço devolve.`,
  typeNames: {
    array: "um array",
    object: "um objeto",
    string: "um texto (string)",
    number: "um número",
    boolean: "true ou false",
  } as Record<string, string>,
};
