/** Every sentence the CLI shows a person, in Brazilian Portuguese. Add a language by adding a sibling table. */
export const messages = {
  usage: `Uso:
  partitura run <definição.json|.yaml|serverless.yml|template.yaml> [--input ARQUIVO|-] [--state-machine NOME]
                [--mock-config ARQUIVO --test-case NOME]
                [--json] [--events] [--inspect] [--clock virtual|real] [--express] [--seed TEXTO]
  partitura exercises [--json] [--root PASTA]
  partitura check-exercises [EXERCÍCIO…] [--json] [--root PASTA] [--watch]
  partitura new-exercise SLUG [--root PASTA]
  partitura grade <pasta|arquivo.zip|arquivo> --exercise EXERCÍCIO [--hidden] [--format table|json|csv|moodle|canvas|junit|gradescope|classroom|html]
                  [--out ARQUIVO] [--jobs N] [--compare ANTERIOR.json] [--student NOME] [--timeout SEGUNDOS] [--site URL]
  partitura gradescope EXERCÍCIO --out autograder.zip
  partitura similarity <pasta|arquivo.zip> [--exercise EXERCÍCIO] [--threshold 0.8] [--format table|json] [--out ARQUIVO]
  partitura quiz <pasta|respostas.csv> [--format table|json|csv] [--out ARQUIVO] [--quiz ARQUIVO]
  partitura validate <arquivos...> [--format text|json] [--severity error|warning|info] [--express]
  partitura test-state [PEDIDO.json|PEDIDO.yaml|-] [--inspection-level INFO|DEBUG|TRACE] [--state-name NOME]

Comandos:
  run               executa uma máquina de estado localmente, com tarefas simuladas (mocks) e tempo virtual
  exercises         lista os exercícios (título, pontos, cenários públicos e ocultos)
  check-exercises   autoverificação: inicial falha, solução tira 100 %, cenário oculto alcançável, fluxo vazio ≤ 15 %
  new-exercise      cria a pasta de um exercício novo a partir de um modelo que já passa na autoverificação
  grade             corrige as submissões de uma turma (pasta, pasta por aluno ou .zip do AVA) em paralelo
  gradescope        gera o autograder do Gradescope (setup.sh + run_autograder) de um exercício
  similarity        aponta pares de submissões com a mesma máquina de estado depois de renomear e reformatar
  quiz              corrige a autoavaliação da aula; a dissertativa fica marcada "precisa de revisão"
  validate          valida definições ASL (JSON/YAML) e serverless.yml/SAM/CloudFormation como a AWS, em português
  test-state        testa um estado sozinho, como a API TestState da AWS: pedido JSON na entrada, resposta JSON na saída

Códigos de saída: 0 a execução terminou com sucesso; 1 a execução não teve sucesso; 2 uso ou entrada inválida.`,
  unknownCommand: (command: string) =>
    `Comando desconhecido: '${command}'. Use 'partitura --help' para ver os comandos.`,
  missingDefinition: "Informe o arquivo da definição: partitura run <definição.json>",
  badClock: (value: string) => `--clock aceita 'virtual' ou 'real', não '${value}'.`,
  testCaseNeedsMocks: "--test-case só faz sentido com --mock-config ARQUIVO.",
  mocksNeedTestCase:
    "Com --mock-config, informe também --test-case NOME (o caso de teste do arquivo de mocks).",
  cannotRead: (file: string, reason: string) => `${file}: não foi possível ler o arquivo (${reason}).`,
  fileNotFound: "arquivo não encontrado",
  isDirectory: "é uma pasta, não um arquivo",
  emptyFile: "o arquivo está vazio",
  /** A problem at a place in a file; `what` is a sentence from the validator's reader (first letter lowered). */
  located: (file: string, line: number, column: number, what: string) =>
    `${file}:${line}:${column}: ${what.charAt(0).toLowerCase()}${what.slice(1)}`,
  definitionError: (file: string, location: string, message: string) =>
    `${file}: definição inválida em ${location}: ${message}`,
  /** `message` is the engine's, which ends naming the location: "(em /States/A/Next)". */
  definitionErrorAt: (file: string, line: number, column: number, message: string) =>
    `${file}:${line}:${column}: definição inválida: ${message}`,
  severalMachines: (file: string, names: readonly string[]) =>
    `${file} tem ${names.length} máquinas de estado (${names.map((n) => `'${n}'`).join(", ")}); ` +
    `escolha uma com --state-machine NOME.`,
  unknownMachine: (file: string, name: string, names: readonly string[]) =>
    `${file}: não há máquina de estado '${name}'; as máquinas do arquivo são ${names.map((n) => `'${n}'`).join(", ")}.`,
  mockError: (file: string, pointer: string, message: string) =>
    `${file}: arquivo de mocks inválido em ${pointer || "/"}: ${message}`,
  heading: (status: string) => `Execução ${status}`,
  statusNames: {
    SUCCEEDED: "concluída com sucesso",
    FAILED: "falhou",
    TIMED_OUT: "excedeu o tempo limite",
    ABORTED: "abortada",
    RUNNING: "pausada (aguardando retorno de tarefa)",
  } as Record<string, string>,
  pathTaken: "Caminho percorrido:",
  pathOmitted: (count: number) => `  … ${count.toLocaleString("pt-BR")} linhas do caminho omitidas …`,
  unprintableData:
    "(dados aninhados ou longos demais para exibir: o JSON passa do que o Node consegue escrever — confira se um estado embrulha a própria entrada num laço)",
  retry: (attempt: number, seconds: number) => `nova tentativa nº ${attempt} após ${formatSeconds(seconds)}`,
  waited: (seconds: number) => `esperou ${formatSeconds(seconds)}`,
  failedWith: (error: string) => `falhou com ${error}`,
  caught: (error: string, next: string) => `erro ${error} capturado (Catch) → ${next}`,
  output: "Saída:",
  error: (error: string, cause: string) => `Erro: ${error}${cause ? `\nCausa: ${cause}` : ""}`,
  transitions: (count: number) => `Transições de estado: ${count}`,
  duration: (seconds: number) => `Duração (tempo virtual): ${formatSeconds(seconds)}`,
  dataFlow: "Fluxo de dados por estado (como o TestState da AWS mostra):",
  dataFlowStage: {
    input: "entrada",
    afterInputPath: "após InputPath",
    afterParameters: "após Parameters",
    afterArguments: "após Arguments",
    afterItemsPath: "itens (ItemsPath/ItemReader)",
    afterItemSelector: "após ItemSelector",
    afterItemBatcher: "após ItemBatcher",
    result: "resultado",
    afterResultSelector: "após ResultSelector",
    afterResultPath: "após ResultPath",
    output: "saída",
    assignedVariables: "variáveis atribuídas",
  } as Record<string, string>,
  dataFlowAttempt: (index: number, error: string, backoff?: number) =>
    `tentativa ${index}: ${error}` +
    (backoff === undefined ? "" : ` → nova tentativa após ${formatSeconds(backoff)}`),
  dataFlowNext: (next: string) => `próximo estado: ${next}`,
};

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Number(seconds.toFixed(3))} s`;
  const units: Array<[number, string]> = [
    [86400, "d"],
    [3600, "h"],
    [60, "min"],
    [1, "s"],
  ];
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count} ${name}`);
    rest -= count * size;
  }
  return parts.join(" ");
}
