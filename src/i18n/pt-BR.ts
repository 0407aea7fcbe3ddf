/**
 * The link from a validator diagnostic to the lesson that explains it: shared by the lesson playgrounds and
 * the exercise page's editor, apart from `ui` so the exercise page's bundle takes only this line.
 */
import { graphMessages } from "../../grader/graph/messages.ts";

export const lessonLinkUi = {
  seeInLesson: (title: string) => `Ver na lição: ${title}`,
};

/**
 * CodeMirror's own texts (screen-reader labels of the lint panel, announcements), by the English phrase the
 * CodeMirror packages ask `EditorState.phrase` for (@codemirror/lint, @codemirror/view, @codemirror/commands).
 * Apart from `ui`, like `lessonLinkUi`, so the exercise page's bundle takes only these lines.
 */
export const editorPhrases: Record<string, string> = {
  // @codemirror/lint: the panel (Ctrl+Shift+M) and its close button.
  Diagnostics: "Problemas",
  "No diagnostics": "Nenhum problema",
  close: "fechar",
  // @codemirror/view and @codemirror/commands.
  "Control character": "Caractere de controle",
  "Selection deleted": "Seleção apagada",
  // @codemirror/search (not mounted today), kept for when a search panel is added.
  "Go to line": "Ir para a linha",
  go: "ir",
};

const numberFormat = new Intl.NumberFormat("pt-BR");
/** A count with pt-BR thousands separators: 12499 → "12.499". */
export const formatCount = (value: number): string => numberFormat.format(value);

/** Every UI string the course site shows (Starlight's own UI comes from its built-in pt-BR translation). */
export const ui = {
  /** The name of a code block that scrolls sideways (src/site/scroll-regions.ts). */
  codeBlockRegion: (index: number | undefined, total: number | undefined, language: string) =>
    `Bloco de código${index === undefined ? "" : ` ${index}${total === undefined ? "" : ` de ${total}`}`} (${language})`,
  siteTitle: "Partitura · Aula 14",
  siteDescription: "Curso interativo: Orquestração de Workflows com AWS Step Functions.",
  sidebarHome: "Início",
  sidebarLessons: "Aula 14 – Step Functions",
  sidebarExercises: "Exercícios",
  sidebarAllExercises: "Todos os exercícios",
  homeTitle: "Aula 14 – Orquestração de Workflows com AWS Step Functions",
  homeTagline:
    "A aula completa, com os diagramas dos workflows gerados a partir da própria definição em ASL.",
  startLesson: "Começar pela primeira lição",
  lessonsHeading: "Lições",
  lessonsIntro: "Na ordem da aula. Cada página corresponde a uma seção do material original.",
  exercisesHeading: "Exercícios",
  exercisesNone: "Os exercícios ainda não foram publicados.",
  exercisePractises: "lição:",
  progressHeading: "Seu progresso",
  progressIntro: "Guardado só neste navegador.",
  progressLessons: (opened: number, total: number) => `Lições abertas: ${opened} de ${total}`,
  progressExercises: (graded: number, total: number) => `Exercícios avaliados: ${graded} de ${total}`,
  progressExerciseScore: (points: number, max: number, best?: number) =>
    `${points} de ${max} pontos` + (best !== undefined && best > points ? ` (melhor: ${best})` : ""),
  progressQuiz: (answered: number, total: number, verified: boolean) =>
    `Autoavaliação: ${answered} de ${total} questões respondidas` + (verified ? " e verificadas" : ""),
  progressNotGraded: "ainda não avaliado",
  progressOpened: "aberta",
  progressClear: "Apagar meu progresso",
  progressCleared: "Progresso apagado. Seus códigos e respostas continuam salvos neste navegador.",
  progressClearAll: "Apagar tudo, inclusive meus códigos e respostas",
  progressClearAllConfirm:
    "Apagar o progresso E todo o trabalho salvo neste navegador (códigos dos exercícios, edições dos playgrounds, " +
    "respostas do questionário)? Isso não pode ser desfeito.",
  progressClearedAll: "Tudo o que o curso salvou neste navegador foi apagado.",
  progressUnavailable:
    "O armazenamento local está desativado neste navegador; o progresso não pode ser mostrado.",
  aboutHeading: "Sobre esta aula",
  graph: {
    ...graphMessages,
    iterations: "por item",
    branch: (index: number) => `Ramo ${index}`,
    generatedFrom: "Diagrama gerado a partir de",
  },
  playground: {
    region: (title: string) => `Playground: ${title}`,
    loading: "Carregando o playground…",
    noscript: "Ative o JavaScript para editar e executar este workflow no navegador.",
    editorLabel: "Definição da máquina de estado (Amazon States Language)",
    format: "Formato",
    express: "Express",
    expressHint: "Executar como workflow Express (tipo EXPRESS)",
    input: "Entrada (JSON)",
    scenario: "Cenário",
    scenarioNone: "sem cenário (toda Task falha)",
    mocksSummary: "Arquivo de mocks (Step Functions Local)",
    mocksHint: "MockConfigFile.json do Step Functions Local: cada caso de teste diz o que cada Task devolve.",
    run: "Executar",
    watch: "Ver executando",
    stop: "Parar",
    skip: "Pular para o fim",
    download: "Baixar",
    downloadLabel: (name: string) => `Baixar a definição como ${name}`,
    share: "Copiar link",
    shareLabel: "Copiar um link que abre este playground com a definição, a entrada e o cenário",
    shareReady: "Link copiado. Quem abrir recebe a definição, a entrada e o cenário.",
    shareReadyNoClipboard: "Link pronto: copie-o do campo abaixo.",
    shareField: "Link para compartilhar",
    restore: "Restaurar versão da lição",
    restored: "Versão da lição restaurada. A sua foi guardada.",
    undo: "Desfazer",
    undone: "Sua versão voltou.",
    savedAt: (time: string) => `Salvo neste navegador às ${time}.`,
    restoredSaved: "Sua versão salva foi carregada.",
    storageOff: "O armazenamento local está desativado: suas alterações não serão salvas.",
    sharedConflict:
      "Este link traz uma versão diferente da que você salvou aqui. Nada foi sobrescrito: escolha qual abrir.",
    sharedOpen: "Abrir a versão do link",
    sharedOpenHint: "A sua versão fica guardada; use Desfazer para voltar a ela.",
    sharedKeep: "Manter a minha",
    sharedLoaded: "Versão do link aberta.",
    sharedKept: "Sua versão foi mantida.",
    sharedInvalid: "O link de compartilhamento está incompleto ou corrompido; nada foi carregado.",
    running: "Executando…",
    replaying: (current: number, total: number, seconds: string) =>
      `Reproduzindo: evento ${formatCount(current)} de ${formatCount(total)} · ${seconds}`,
    problemsTitle: "Não foi possível executar",
    stale: "Resultado da versão anterior — execute de novo.",
    staleLabel: "Resultado desatualizado",
    problemAt: (line: number, column: number) => `linha ${line}, coluna ${column}`,
    problemField: { definition: "Definição", input: "Entrada", mocks: "Arquivo de mocks" },
    tips: (count: number) => (count === 1 ? "1 dica" : `${formatCount(count)} dicas`),
    tipsIntro:
      "Observações do validador que não impedem a execução; por isso não ficam sublinhadas no editor.",
    nothingToRun: "Não há definição para executar.",
    jsonUnreadable: "O texto não é um JSON válido.",
    mocksNoScenarios:
      'O arquivo de mocks não lista cenários: ele precisa de "StateMachines" → (nome da máquina) → "TestCases".',
    mocksBroken: "O arquivo de mocks não pôde ser lido",
    mocksBrokenKeep: "Enquanto isso, a lista de cenários não muda.",
    noScenarioCause: (state: string) =>
      `Sem cenário selecionado: a Task '${state}' não tem resposta simulada. Escolha um cenário.`,
    graphError: (message: string) => `O grafo não pôde ser desenhado: ${message}`,
    status: {
      SUCCEEDED: "Sucesso",
      FAILED: "Falhou",
      TIMED_OUT: "Tempo esgotado",
      ABORTED: "Abortada",
      RUNNING: "Em execução",
      PENDING_REDRIVE: "Aguardando redrive",
    } as Record<string, string>,
    visitStatus: {
      running: "em execução",
      succeeded: "sucesso",
      failed: "falhou",
      caught: "erro capturado",
      aborted: "cancelado",
    },
    summaryStatus: "Status",
    summaryDuration: "Duração (virtual)",
    summaryTransitions: "Transições de estado",
    summaryOutput: "Saída",
    summaryError: "Erro",
    /** The path of a long run: its first and last states, and how many there were. */
    pathSteps: (count: number) => `(${formatCount(count)} ${count === 1 ? "passo" : "passos"})`,
    pathLabel: "Caminho percorrido",
    /** The AWS text of an error stays as AWS shows it; src/i18n/pt-BR-erros.ts explains the known ones. */
    errorHelpLabel: "O que isso quer dizer",
    costTitle: "Custo estimado desta execução",
    costStandard: (transitions: number) =>
      `Standard: ${transitions === 1 ? "1 transição" : `${formatCount(transitions)} transições`} × US$ 0,025 por 1.000`,
    costExpress: (ms: number) =>
      `Express: 1 requisição (US$ 1,00 por milhão) + ${formatCount(ms)} ms × 64 MB (US$ 0,00001667 por GB-segundo)`,
    costNote:
      "Preços da região us-east-1, sem o nível gratuito; para Express supomos 64 MB de memória e a duração virtual arredondada a 100 ms.",
    costSource: "Tabela de preços do Step Functions",
    tabs: "Visualizações da execução",
    tabGraph: "Grafo",
    tabTable: "Tabela",
    tabEvents: "Eventos",
    tabData: "Dados",
    notRunYet: "Execute o workflow para ver esta visualização.",
    tableState: "Estado",
    tableType: "Tipo",
    tableStatus: "Status",
    tableStart: "Início",
    tableDuration: "Duração",
    tableAttempts: "Tentativas",
    tableTimeline: "Linha do tempo",
    timelineAxis: (seconds: string) => `0 s a ${seconds}`,
    timelineAttempt: (index: number, outcome: string, from: string, to: string) =>
      `Tentativa ${index}: ${outcome}, de ${from} a ${to}`,
    timelineGap: (seconds: string) => `Espera de retentativa: ${seconds}`,
    retries: (count: number) => (count === 1 ? "1 retentativa" : `${formatCount(count)} retentativas`),
    eventsId: "ID",
    eventsType: "Tipo",
    eventsTime: "Horário (virtual)",
    eventsDetails: "Detalhes",
    eventsTruncated: (shown: number, total: number) =>
      `Mostrando os primeiros ${formatCount(shown)} de ${formatCount(total)} eventos; ${formatCount(total - shown)} não aparecem aqui.`,
    tableTruncated: (shown: number, total: number) =>
      `Mostrando as primeiras ${formatCount(shown)} de ${formatCount(total)} visitas a estados; ${formatCount(total - shown)} não aparecem aqui.`,
    dataPick: "Visita ao estado",
    dataTruncated: (shown: number, total: number) =>
      `A lista mostra as primeiras ${formatCount(shown)} de ${formatCount(total)} visitas; ` +
      `clique num estado do grafo para ver a última visita dele.`,
    dataVisit: (name: string, index: number, status: string) =>
      `${name} (visita ${formatCount(index)}, ${status})`,
    dataStages: {
      input: "Entrada do estado",
      afterInputPath: "Depois de InputPath",
      afterParameters: "Depois de Parameters",
      afterArguments: "Depois de Arguments",
      afterItemsPath: "Depois de ItemsPath",
      afterItemSelector: "Depois de ItemSelector",
      result: "Resultado",
      afterResultSelector: "Depois de ResultSelector",
      afterResultPath: "Depois de ResultPath",
      output: "Saída (depois de OutputPath)",
      outputJsonata: "Saída (Output)",
      variables: "Variáveis",
      assignedVariables: "Variáveis atribuídas (Assign)",
    } as Record<string, string>,
    dataAbsent: "(não se aplica)",
    dataAttempts: "Tentativas",
    dataAttempt: (index: number) => `Tentativa ${index}`,
    dataBackoff: (seconds: number) => `retentativa depois de ${seconds} s`,
    dataErrorDetails: "Detalhes do erro",
    dataNext: (name: string) => `Próximo estado: ${name}`,
    dataNone: "Nenhum estado foi visitado.",
    seconds: (value: number) => `${value.toLocaleString("pt-BR", { maximumFractionDigits: 3 })} s`,
    retryBadge: (count: number) => `↻${count}`,
  },
} as const;
