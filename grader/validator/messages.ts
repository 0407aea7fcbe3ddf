/**
 * Every sentence the validator shows a person, in Brazilian Portuguese: what is wrong and how to fix it,
 * with a tiny example where it helps. Codes, fields and identifiers stay as AWS writes them.
 */
import type { ParseErrorCode } from "jsonc-parser";
import { editDistance } from "./edit-distance.ts";
import type { UnsupportedKind } from "./jsonata-rules.ts";

/** The lesson's top-level sections (titles exactly as in the seed), by short id. */
export const SECTION_TITLES = {
  intro: "Introdução ao AWS Step Functions: O Maestro dos Workflows Serverless",
  anatomy: "Anatomia de uma Máquina de Estado: Os Blocos Construtivos",
  sequential: "Padrões de Orquestração: Sequencial – O Caminho Linear",
  parallel: "Padrões de Orquestração: Paralelo – A Eficiência da Simultaneidade",
  errors: "Tratamento de Erros e Retentativas: Resiliência em Sistemas Distribuídos",
  lambda: "Integrando Step Functions com AWS Lambda: A Dupla Dinâmica",
  services: "Integrando Step Functions com Outros Serviços AWS: Um Ecossistema Conectado",
  iac: "Infraestrutura como Código (IaC) para Workflows: Automação e Governança",
  bestPractices: "Casos de Uso Reais e Melhores Práticas: Onde o Step Functions Brilha",
  challenges: "Desafios e Considerações Avançadas: Navegando na Complexidade",
} as const;

export type SectionId = keyof typeof SECTION_TITLES;

/** `Tratamento de Erros e Retentativas: …` → `tratamento-de-erros-e-retentativas-…` (accents folded). */
export function slugify(title: string): string {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export const sections = Object.fromEntries(
  Object.entries(SECTION_TITLES).map(([id, title]) => [id, slugify(title)]),
) as Record<SectionId, string>;

const list = (items: readonly unknown[]) => items.map((item) => `'${String(item)}'`).join(", ");
const show = (value: unknown) => (typeof value === "string" ? `'${value}'` : JSON.stringify(value));

const TYPE_NAMES: Record<string, string> = {
  string: "um texto",
  number: "um número",
  integer: "um número inteiro",
  boolean: "true ou false",
  object: "um objeto { … }",
  array: "uma lista [ … ]",
  null: "null",
};

function typeName(type: string): string {
  return type
    .split(",")
    .map((t) => TYPE_NAMES[t] ?? t)
    .join(" ou ");
}

function actualType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "uma lista";
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      return "um número grande demais para o JSON (a AWS só aceita números finitos)";
    return Number.isInteger(value) ? "um número inteiro" : `o número ${value}`;
  }
  if (typeof value === "string") return `o texto '${value.length > 40 ? value.slice(0, 40) + "…" : value}'`;
  if (typeof value === "boolean") return String(value);
  return "um objeto";
}

/** jsonc-parser's ParseErrorCode (a const enum, so written as numbers here). */
const JSON_ERRORS: Partial<Record<number, string>> = {
  /* InvalidSymbol */ 1: "caractere inesperado",
  /* InvalidNumberFormat */ 2: "número mal formado",
  /* PropertyNameExpected */ 3: "esperava o nome de um campo entre aspas duplas (há uma vírgula sobrando antes de '}'?)",
  /* ValueExpected */ 4: "esperava um valor (texto, número, true/false, null, { } ou [ ]); há uma vírgula sobrando?",
  /* ColonExpected */ 5: "esperava ':' entre o nome do campo e o valor",
  /* CommaExpected */ 6: "esperava ',' — falta uma vírgula entre os campos ou itens?",
  /* CloseBraceExpected */ 7: "esperava '}' — falta fechar um objeto?",
  /* CloseBracketExpected */ 8: "esperava ']' — falta fechar uma lista?",
  /* EndOfFileExpected */ 9: "esperava o fim do arquivo: há conteúdo depois do '}' final",
  /* InvalidCommentToken */ 10: "JSON não aceita comentários (// ou /* */); remova-os",
  /* UnexpectedEndOfComment */ 11: "comentário sem fim (e JSON não aceita comentários)",
  /* UnexpectedEndOfString */ 12: "texto sem as aspas de fechamento",
  /* UnexpectedEndOfNumber */ 13: "número incompleto",
  /* InvalidUnicode */ 14: "sequência \\u inválida",
  /* InvalidEscapeCharacter */ 15: 'escape inválido dentro do texto (use \\\\, \\", \\n, \\t …)',
  /* InvalidCharacter */ 16: "caractere de controle dentro de um texto — use \\n para quebras de linha",
};

const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: "chave repetida no mesmo mapa; cada campo só pode aparecer uma vez",
  BAD_INDENT: "indentação incorreta; alinhe os campos do mesmo nível com os mesmos espaços",
  TAB_AS_INDENT: "YAML não aceita TAB na indentação; use espaços",
  MISSING_CHAR: "falta um caractere (talvez ':' ou um fechamento de aspas, ']' ou '}')",
  MULTIPLE_DOCS: "há mais de um documento ('---') no arquivo",
  BLOCK_AS_IMPLICIT_KEY: "um bloco não pode ser chave; falta ':' ou a indentação está errada",
  UNEXPECTED_TOKEN: "símbolo inesperado",
  MULTILINE_IMPLICIT_KEY: "chave em várias linhas; falta ':' na linha anterior?",
};

export const messages = {
  // Sources -------------------------------------------------------------------------------------
  jsonSyntax: (code: ParseErrorCode, snippet: string) =>
    `Erro de sintaxe JSON: ${JSON_ERRORS[code] ?? "o conteúdo não é JSON válido"}${snippet.trim() ? ` (encontrou '${snippet.slice(0, 20)}')` : ""}.`,
  yamlSyntax: (code: string, original: string) =>
    `Erro de sintaxe YAML: ${YAML_ERRORS[code] ?? `o conteúdo não é YAML válido (${original.split("\n")[0]})`}.`,
  jsonSingleQuotes: (snippet: string) =>
    `Erro de sintaxe JSON: JSON só aceita aspas duplas — escreva "texto", não 'texto' (encontrou ${snippet.slice(0, 20)}).`,
  invalidUtf8:
    "O arquivo não é texto UTF-8 válido (há bytes de outra codificação, como Latin-1/Windows-1252, a partir daqui); " +
    "salve-o como UTF-8 e tente de novo.",
  utf16File:
    "O arquivo está em UTF-16 (comum ao redirecionar com > no PowerShell 5 ou ao salvar como 'Unicode'); " +
    "salve-o como UTF-8 e tente de novo.",
  tooDeepSource: (max: number) =>
    `O arquivo aninha objetos e listas em mais de ${max} níveis; nenhuma definição ou entrada real chega perto ` +
    "disso. Parallel/Map aninhados demais? Divida o fluxo em máquinas menores (states:startExecution).",
  aliasBomb: (added: number, max: number) =>
    `Os aliases YAML (*nome) deste arquivo se expandem em ${added.toLocaleString("pt-BR")} valores, mais do que o ` +
    `limite de ${max.toLocaleString("pt-BR")}: parece um arquivo feito para travar o leitor ("billion laughs"). ` +
    "Escreva os valores repetidos por extenso ou use menos níveis de aliases.",
  aliasCycle: "Este alias YAML aponta para o próprio bloco que o contém (referência circular); remova-o.",
  emptyDefinition:
    "A definição está vazia. Escreva um objeto JSON com StartAt e States, por exemplo: " +
    '{ "StartAt": "Olá", "States": { "Olá": { "Type": "Pass", "End": true } } }.',
  notAnObject:
    "A definição deve ser um objeto JSON com os campos StartAt e States, por exemplo: " +
    '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }.',
  noStateMachine:
    "Nenhuma máquina de estados encontrada. Este validador lê uma definição ASL (com StartAt e States), " +
    "um serverless.yml (stepFunctions.stateMachines.<nome>.definition) ou um template SAM/CloudFormation " +
    "(AWS::Serverless::StateMachine ou AWS::StepFunctions::StateMachine).",
  serverlessWithoutDefinition: (name: string) =>
    `A máquina '${name}' não tem 'definition' aqui; nada a validar. Se a definição está em outro arquivo, valide esse arquivo.`,
  definitionUri: (name: string, uri: string) =>
    `A definição de '${name}' está em ${uri} (DefinitionUri); valide esse arquivo diretamente: partitura validate ${uri}.`,
  definitionS3: (name: string) =>
    `A definição de '${name}' está no S3 (DefinitionS3Location); baixe o arquivo e valide-o diretamente.`,
  definitionStringUnreadable: (name: string) =>
    `Não foi possível ler o DefinitionString de '${name}': use um texto, !Sub com texto ou !Join com partes de texto.`,
  insideDefinitionString: (message: string) => `Dentro do DefinitionString: ${message}`,

  // Schema --------------------------------------------------------------------------------------
  requiredFields: (fields: readonly string[]) =>
    fields.length === 1
      ? `Falta o campo obrigatório '${fields[0]}'. Acrescente-o, por exemplo: "${fields[0]}": ${exampleFor(fields[0]!)}.`
      : `Faltam os campos obrigatórios: ${list(fields)}.`,
  unknownField: (field: string, allowed: readonly string[]) =>
    `O campo '${field}' não é suportado aqui.${hint(field, allowed)}${allowed.length ? ` Campos aceitos: ${list(allowed)}.` : ""}`,
  fieldNotInType: (field: string, type: string, allowed: readonly string[], owners: readonly string[]) =>
    `O campo '${field}' não é suportado em estados do tipo ${type}.` +
    (hint(field, allowed) || (owners.length ? ` Ele existe em: ${owners.join(", ")}.` : " Remova-o.")),
  fieldOfOtherLanguage: (field: string, language: string) =>
    language === "JSONPath"
      ? `O campo '${field}' só é suportado com QueryLanguage JSONata. Neste estado (JSONPath) use os campos de JSONPath ` +
        `(InputPath, Parameters, ResultSelector, ResultPath, OutputPath) ou declare "QueryLanguage": "JSONata".`
      : `O campo '${field}' só existe em JSONPath; em JSONata use Arguments (entrada da tarefa), Output (saída) e ` +
        `expressões {% … %}, por exemplo "Output": "{% $states.result.Payload %}".`,
  wrongTypeOf: (field: string, expected: string, actual: unknown) =>
    `O campo '${field}' deve ser ${typeName(expected)}, mas é ${actualType(actual)}.` +
    (typeof actual === "string" &&
    /number|integer|boolean/.test(expected) &&
    /^(-?\d+(\.\d+)?|true|false)$/.test(actual)
      ? ` Tire as aspas: "${field}": ${actual}.`
      : typeof actual === "number" &&
          Number.isFinite(actual) &&
          !Number.isInteger(actual) &&
          expected.includes("integer")
        ? ` Use um número inteiro, por exemplo "${field}": ${Math.round(actual)}.`
        : ""),
  jsonataOrNumber: (field: string) =>
    `O campo '${field}' aceita ${field === "Items" ? "uma lista" : "um número"} ou uma expressão JSONata inteira, ` +
    `como "{% $states.input.${field === "Items" ? "itens" : "espera"} %}".`,
  notInEnum: (field: string, actual: unknown, allowed: readonly unknown[]) =>
    field === "Type"
      ? `O campo 'Type' deve ter um destes valores: [${allowed.join(", ")}], não ${show(actual)}.`
      : `O campo '${field}' não aceita ${show(actual)}; use um destes valores: ${list(allowed)}.`,
  emptyValue: (field: string) => `O campo '${field}' não pode ser um texto vazio.`,
  outOfRange: (field: string, actual: unknown, keyword: string, limit: number) =>
    `O campo '${field}' vale ${show(actual)}, mas deve ser ${keyword === "minimum" ? "no mínimo" : "no máximo"} ${limit}.` +
    (field === "BackoffRate" ? ' Exemplo: "BackoffRate": 2.0 dobra o intervalo a cada tentativa.' : ""),
  emptyArray: (field: string) =>
    field === "Branches"
      ? "A lista 'Branches' não pode ser vazia: um Parallel precisa de ao menos um ramo com StartAt e States."
      : `A lista '${field}' não pode ser vazia.`,
  genericSchema: (field: string, keyword: string) => `O campo '${field}' é inválido (${keyword}).`,

  // Structure -----------------------------------------------------------------------------------
  emptyStates:
    'O bloco States está vazio: declare ao menos um estado, por exemplo "Fim": { "Type": "Succeed" }.',
  stateNotObject: 'Cada estado deve ser um objeto, por exemplo { "Type": "Pass", "End": true }.',
  missingType: (types: readonly string[]) =>
    `Falta o campo 'Type' do estado. Use um destes valores: [${types.join(", ")}].`,
  badType: (type: string, types: readonly string[]) =>
    `O campo 'Type' deve ter um destes valores: [${types.join(", ")}], não '${type}'.${hint(type, types)}`,
  jsonPathInsideJsonata:
    "'QueryLanguage' não pode ser 'JSONPath' num estado quando a máquina inteira usa 'JSONata'. " +
    "Remova o QueryLanguage do topo (o padrão é JSONPath) e declare 'JSONata' só nos estados que a usam.",
  nextAndEnd:
    "O estado tem 'Next' e 'End' ao mesmo tempo: escolha um — 'Next' para seguir, \"End\": true para terminar.",
  nextOrEnd:
    'O estado não diz o que vem depois: acrescente "Next": "<próximo estado>" ou, se é o último, "End": true.',
  endFalse: '"End": false não é aceito: para seguir adiante use "Next"; para terminar use "End": true.',
  onlyOneOf: (fields: readonly string[]) =>
    `Use só um destes campos, não ${fields.length === 2 ? "os dois" : "vários"}: ${list(fields)}.`,
  missingEndState:
    'Este bloco States não tem estado final: nenhum estado tem "End": true nem é do tipo Succeed ou Fail, ' +
    'então a execução nunca terminaria. Marque o último estado com "End": true.',
  invalidStateName: (name: string, max: number) =>
    `O nome de estado '${name}' é inválido: deve ter de 1 a ${max} caracteres, sem caracteres de controle.`,
  duplicateStateName: (name: string) =>
    `O estado '${name}' aparece duas vezes no mesmo bloco States; só o último valeria. Renomeie um deles.`,
  duplicateStateNameNested: (name: string, first: string) =>
    `Já existe um estado chamado '${name}' (em ${first}). Os nomes devem ser únicos na máquina inteira, ` +
    `inclusive dentro de ramos de Parallel e Map. Renomeie um deles, por exemplo '${name}2'.`,
  missingTarget: (target: string, suggestion: string | undefined) =>
    `O estado '${target}' não existe neste bloco States.` +
    (suggestion
      ? ` Você quis dizer '${suggestion}'?`
      : " Confira a grafia (maiúsculas contam) ou crie o estado."),
  jumpOutside: (target: string) =>
    `O estado '${target}' existe, mas fora deste bloco: um ramo de Parallel ou o processador de um Map só pode ` +
    `transitar para estados do próprio bloco. Termine o ramo com "End": true e siga adiante no Next do Parallel/Map.`,
  tooDeeplyNested: (max: number) =>
    `Parallel/Map aninhados em mais de ${max} níveis. Divida o fluxo em máquinas menores (states:startExecution).`,
  ruleNotObject:
    'Cada regra de Choice deve ser um objeto, por exemplo { "Variable": "$.idade", "NumericGreaterThan": 17, "Next": "Adulto" }.',
  conditionNeedsJsonata:
    "'Condition' só existe em JSONata. Em JSONPath escreva a regra com Variable e um operador, por exemplo " +
    '{ "Variable": "$.valor", "NumericGreaterThan": 100, "Next": "Alto" }, ou declare "QueryLanguage": "JSONata".',
  nestedRuleNext: (field: string) =>
    `'${field}' só vale na regra de topo do Choice, não dentro de And/Or/Not.`,
  unknownRuleField: (field: string, operators: readonly string[]) =>
    `O campo '${field}' não é um operador de Choice.${hint(field, operators)}`,
  ruleNeedsOperator:
    'A regra não tem operador de comparação. Exemplo: { "Variable": "$.status", "StringEquals": "PAGO", "Next": "Enviar" }.',
  ruleOneOperator: (operators: readonly string[]) =>
    `A regra tem mais de um operador (${list(operators)}); use um por regra e combine com "And"/"Or".`,
  combinatorWithVariable: (key: string) =>
    `Uma regra com '${key}' não usa 'Variable'; coloque Variable dentro de cada regra combinada.`,
  combinatorArray: (key: string) =>
    `'${key}' deve ser uma lista não vazia de regras, por exemplo "${key}": [ { "Variable": "$.a", "IsPresent": true } ].`,
  wrongType: (op: string, expected: string) => `O valor de '${op}' deve ser ${expected}.`,
  branchNotObject: "Cada ramo de Branches deve ser um objeto com StartAt e States.",
  waitNeedsOne: (language: string) =>
    `O Wait precisa de exatamente um destes campos: ${language === "JSONata" ? "'Seconds' ou 'Timestamp'" : "'Seconds', 'SecondsPath', 'Timestamp' ou 'TimestampPath'"}. Exemplo: "Seconds": 10.`,
  badTimestamp: (value: string) =>
    `'${value}' não é um timestamp RFC 3339. Use o formato "2026-03-01T12:00:00Z" (T e Z maiúsculos).`,
  invalidLabel: (label: string, max: number) =>
    `O Label '${label}' é inválido: de 1 a ${max} caracteres, sem espaços, colchetes, chaves, curingas (? *) nem símbolos como # % \\ ^ | ~ \` $ & , ; : /.`,
  duplicateLabel: (label: string, first: string) =>
    `O Label '${label}' já é usado em ${first}; cada Map precisa de um Label único.`,

  // Task ----------------------------------------------------------------------------------------
  invalidResource: (arn: string) =>
    `O Resource '${arn}' não é um ARN que o Step Functions aceite. Exemplos: ` +
    `"arn:aws:lambda:us-east-1:123456789012:function:MinhaFuncao" ou "arn:aws:states:::lambda:invoke".`,
  unknownIntegration: (arn: string, service: string) =>
    `O Resource '${arn}' chama '${service}', que não é uma integração otimizada do Step Functions. ` +
    `Para chamar a API de um serviço sem integração otimizada use o SDK: "arn:aws:states:::aws-sdk:${service}:<ação>" ` +
    `(por exemplo "arn:aws:states:::aws-sdk:s3:getObject").`,
  unsupportedPattern: (arn: string, service: string, suffix: string, supported: readonly string[]) =>
    `O Resource '${arn}' usa o padrão '${suffix}', que a integração '${service}' não oferece. ` +
    `Padrões aceitos por ela: ${supported.map((s) => (s === "" ? "request-response (sem sufixo)" : `'${s}'`)).join(", ")}.`,
  placeholderArn: (arn: string, tokens: readonly string[]) =>
    `O ARN '${arn}' usa marcadores (${tokens.join(", ")}), como no exemplo da aula. Está ok para estudar; ` +
    `para implantar, troque pela região e conta reais ou use as variáveis do seu IaC: \${aws:region} e ` +
    `\${aws:accountId} no Serverless Framework, \${AWS::Region} e \${AWS::AccountId} no CloudFormation/SAM.`,
  lambdaArnMissingPart: (arn: string) =>
    `O ARN '${arn}' parece não ter todas as partes: um ARN de Lambda é arn:aws:lambda:<região>:<conta>:function:<nome>. ` +
    `Falta a região? Exemplo: arn:aws:lambda:\${aws:region}:\${aws:accountId}:function:\${self:service}-minhaFuncao.`,
  expressActivity:
    "Workflows Express não aceitam Activities (o tempo máximo é 5 minutos). Use um workflow Standard ou troque por uma integração request-response.",
  expressPattern: (suffix: string) =>
    `Workflows Express não aceitam a integração '${suffix}' (Express state machine does not support '${suffix}' service integration). ` +
    `Use um workflow Standard ou a versão request-response do recurso (sem o sufixo).`,
  heartbeatNotBelowTimeout: (heartbeat: number, timeout: number) =>
    `HeartbeatSeconds (${heartbeat}) deve ser menor que TimeoutSeconds (${timeout}); senão o heartbeat nunca ajudaria. ` +
    `Exemplo: "TimeoutSeconds": 300, "HeartbeatSeconds": 60.`,
  credentialsRoleArn:
    "Em 'Credentials', o campo 'RoleArn' é obrigatório, por exemplo \"RoleArn\": \"arn:aws:iam::123456789012:role/MinhaRole\".",

  // Retry / Catch ---------------------------------------------------------------------------
  statesAllAlone: (field: string) =>
    `"States.ALL" deve aparecer sozinho em ErrorEquals (no ${field}). Separe os outros erros num ${field === "Retry" ? "retentador" : "catcher"} anterior.`,
  statesAllLast: (field: string) =>
    `O ${field === "Retry" ? "retentador" : "catcher"} com "States.ALL" deve ser o último da lista ${field}: ` +
    `depois dele nenhum outro seria considerado. Mova-o para o fim.`,
  neverFires: (field: string, errors: readonly string[]) =>
    `Este ${field === "Retry" ? "retentador" : "catcher"} nunca será usado: os erros ${list(errors)} já são tratados por um anterior ` +
    `(a lista ${field} é avaliada em ordem e vale o primeiro que combina). Coloque os casos específicos antes dos genéricos.`,
  definitionTooLarge: (bytes: number, limit: number) =>
    `A definição tem ${bytes.toLocaleString("pt-BR")} bytes; a AWS aceita no máximo ` +
    `${limit.toLocaleString("pt-BR")} (1 MB). Guarde dados grandes fora da definição (S3, parâmetros) e ` +
    `divida fluxos enormes em máquinas menores chamadas com states:startExecution.`,
  unknownStatesError: (field: string, error: string, suggestion: string | undefined) =>
    `"${error}" não é um erro predefinido do Step Functions. O prefixo "States." é reservado aos erros da AWS ` +
    `(um estado nunca lança outro nome com esse prefixo), então este ${field === "Retry" ? "retentador" : "catcher"} ` +
    `nunca tratará esse erro.` +
    (suggestion
      ? ` Você quis dizer "${suggestion}"?`
      : ` Confira a grafia (maiúsculas contam) na lista da AWS.`),
  catchDiscardsInput:
    "Sem ResultPath, o Catch SUBSTITUI a entrada do estado pelo objeto de erro ({ Error, Cause }) e os dados do pedido se perdem. " +
    'Para guardar o erro ao lado da entrada use, por exemplo, "ResultPath": "$.erro".',
  passResultReplacesInput:
    'Este Pass com Result substitui toda a entrada pelo Result. Se quer manter a entrada, acrescente "ResultPath": "$.resultado".',
  taskWithoutRetry: (name: string, lambda: boolean) =>
    lambda
      ? `A Task '${name}' não tem Retry: uma falha passageira do serviço Lambda encerra o fluxo. A AWS recomenda ` +
        `retentar esses erros: "Retry": [{ "ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException", ` +
        `"Lambda.SdkClientException", "Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "MaxAttempts": 3, ` +
        `"BackoffRate": 2.0 }]. Evite States.ALL ou States.TaskFailed se a função lança erros de negócio ` +
        `(como um cartão recusado), que repetir não resolve.`
      : `A Task '${name}' não tem Retry: uma falha passageira do serviço (limite de requisições, indisponibilidade ` +
        `momentânea) encerra o fluxo. Considere um Retry para os erros transitórios desse serviço; ` +
        `"ErrorEquals": ["States.TaskFailed"] repete qualquer falha, inclusive as que repetir não resolve.`,
  unreachable: (name: string, startAt: string) =>
    `Nenhum caminho a partir de '${startAt}' chega ao estado '${name}': ele nunca será executado. ` +
    `Aponte um Next, Default ou Catch para ele, ou remova-o.`,

  // Paths and intrinsics --------------------------------------------------------------------
  badPath: (field: string, value: string, detail: string, kind: "path" | "reference") =>
    `O valor de '${field}' ('${value}') não é um ${kind === "reference" ? "caminho de referência" : "JSONPath"} válido: ${detail}.`,
  notReferencePath: (field: string, value: string) =>
    `'${field}' aceita só um caminho de referência (um único nó, como $.pedido.itens[0]); '${value}' usa filtros, curingas ou fatias.`,
  resultPathRoot: (value: string) =>
    `ResultPath deve apontar para a entrada do estado ('$' ou '$.campo'); '${value}' usa '$$' ou uma variável. Exemplo: "ResultPath": "$.resultado".`,
  badIntrinsic: (detail: string) => `${detail}.`,
  intrinsicOpenEscape: (escape: string) =>
    `'${escape}' não é um escape válido num texto de função intrínseca: só \\', \\{, \\} e \\\\ são. A AWS aceita a ` +
    `definição, mas o estado falha ao executar (States.Runtime: "An open escape backslash was found…"). ` +
    `Para uma barra invertida literal escreva \\\\.`,
  dollarKeyNeedsPath: (key: string) =>
    `O valor do campo '${key}' deve ser um JSONPath válido ou uma chamada de função intrínseca, por exemplo "$.pedido.id" ou "States.Format('Olá, {}', $.nome)". ` +
    `Se é um valor fixo, tire o '.$' do nome do campo.`,
  noDollar: (key: string, value: string) =>
    `O valor de '${key}' parece um JSONPath ou função intrínseca ('${value}'), mas o nome do campo não termina em '.$', ` +
    `então ele será usado como texto fixo. Para ler o valor, renomeie para '${key}.$'.`,
  noPath: (field: string, pathField: string, value: string) =>
    `O valor de '${field}' parece um caminho ('${value}'), mas será usado como texto fixo. Para ler da entrada use '${pathField}'.`,
  passResultIsStatic: (key: string) =>
    `Result de um Pass é estático: '${key}' não é avaliado como caminho. Para ler da entrada use Parameters no lugar de Result.`,

  // Variables ---------------------------------------------------------------------------------
  variableSubPath: (name: string) =>
    `Não é possível atribuir a uma parte de variável ('${name}'). Atribua a variável inteira, por exemplo "pedido": { … }.`,
  badVariableName: (name: string, max: number) =>
    `'${name}' não é um nome de variável válido: use letras, dígitos e '_' (sem começar por dígito), até ${max} caracteres.`,
  reservedVariable: "'states' é reservado em JSONata ($states); escolha outro nome de variável.",
  variableNeverAssigned: (name: string) =>
    `A variável '$${name}' é lida, mas nenhum Assign a define. A AWS aceita a definição, mas na execução a variável ` +
    `não terá valor neste estado. Acrescente "Assign": { "${name}": … } num estado anterior, ou corrija o nome.`,
  variableNotVisible: (name: string) =>
    `A variável '$${name}' só é atribuída em outro escopo (outro ramo de Parallel, outro Map ou dentro de um Map distribuído) ` +
    `e não é visível aqui. A AWS aceita a definição, mas na execução a variável não terá valor neste estado.`,
  variableShadows: (name: string) =>
    `A variável '${name}' já é atribuída num escopo externo; dentro de Parallel/Map não se pode redefini-la nem escrevê-la. Use outro nome.`,

  // JSONata -----------------------------------------------------------------------------------
  jsonataUnclosed: (value: string) =>
    `A expressão '${value.length > 40 ? value.slice(0, 40) + "…" : value}' começa com '{%' mas não termina com '%}'. O texto inteiro deve ser {% expressão %}.`,
  jsonataSyntax: (detail: string, position: number) =>
    `Expressão JSONata inválida (posição ${position}): ${detail}. Exemplo válido: "{% $states.input.valor * 2 %}".`,
  jsonataUnsupported: (problem: UnsupportedKind) => {
    switch (problem.kind) {
      case "root":
        return "Em Step Functions, '$' no topo de uma expressão JSONata não é aceito. Use $states.input, por exemplo {% $states.input.pedido %}.";
      case "context-root":
        return "'$$' não é aceito em JSONata. Para o objeto de contexto use $states.context, por exemplo {% $states.context.Execution.Id %}.";
      case "bare-field":
        return `O campo '${problem.name}' sem prefixo não é aceito no topo de uma expressão. Leia a entrada com $states.input.${problem.name}.`;
      case "result-here":
        return "$states.result só existe no Output/Assign de Task, Map e Parallel (depois que a tarefa devolve o resultado).";
      case "error-output-here":
        return "$states.errorOutput só existe no Output/Assign de um Catch.";
      case "unknown-states-field":
        return `$states.${problem.name} não existe; os campos são input, result, errorOutput e context.`;
    }
  },
  dollarKeyInJsonata: (key: string) =>
    `Campos terminados em '.$' ('${key}') são de JSONPath. Num estado JSONata a AWS aceita, mas trata '${key}' como ` +
    `um nome comum (com o '.$' no nome) e não avalia o valor. Use o nome sem '.$' e o valor como {% expressão %}.`,
};

function hint(name: string, candidates: readonly string[]): string {
  const lower = name.toLowerCase();
  const match =
    candidates.find((c) => c.toLowerCase() === lower) ??
    candidates.find((c) => editDistance(lower, c.toLowerCase()) <= 2 && Math.min(name.length, c.length) > 3);
  return match && match !== name ? ` Você quis dizer '${match}'?` : "";
}

function exampleFor(field: string): string {
  switch (field) {
    case "StartAt":
      return '"PrimeiroEstado"';
    case "States":
      return '{ "PrimeiroEstado": { "Type": "Pass", "End": true } }';
    case "Type":
      return '"Task"';
    case "Resource":
      return '"arn:aws:states:::lambda:invoke"';
    case "Next":
      return '"ProximoEstado"';
    case "ErrorEquals":
      return '["States.TaskFailed"]';
    case "Choices":
      return '[{ "Variable": "$.ok", "BooleanEquals": true, "Next": "Sim" }]';
    case "Branches":
      return '[{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }]';
    case "ItemProcessor":
      return '{ "StartAt": "Item", "States": { "Item": { "Type": "Pass", "End": true } } }';
    case "Condition":
      return '"{% $states.input.valor > 100 %}"';
    case "Variable":
      return '"$.campo"';
    default:
      return "…";
  }
}
