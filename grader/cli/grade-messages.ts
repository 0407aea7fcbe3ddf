/** What `partitura grade`, `partitura quiz` and `partitura gradescope` say to a person, in Brazilian Portuguese. */
export const gradeMessages = {
  // Shared
  badFormat: (value: string, allowed: readonly string[]) =>
    `--format aceita ${allowed.map((f) => `'${f}'`).join(", ")}, não '${value}'.`,
  cannotWrite: (file: string, reason: string) => `${file}: não foi possível gravar o arquivo (${reason}).`,
  folderMissing: "a pasta não existe",
  notFound: (path: string) => `${path}: arquivo ou pasta não encontrado.`,
  cannotReadPath: (path: string, reason: string) => `${path}: não foi possível ler (${reason}).`,

  /** A file-system error as a person reads it (EACCES → "sem permissão de leitura"). */
  systemError: (code: string | undefined, writing = false) => {
    switch (code) {
      case "EACCES":
      case "EPERM":
        return writing ? "sem permissão de escrita" : "sem permissão de leitura";
      case "ENOENT":
        return writing ? "a pasta não existe" : "arquivo não encontrado";
      case "EISDIR":
        return "é uma pasta, não um arquivo";
      case "ENOTDIR":
        return "parte do caminho não é uma pasta";
      case "ELOOP":
        return "link simbólico em ciclo";
      case "EROFS":
        return "o sistema de arquivos é somente leitura";
      case "ENOSPC":
        return "o disco está cheio";
      case "EMFILE":
      case "ENFILE":
        return "arquivos abertos demais ao mesmo tempo";
      case "EIO":
        return "erro de leitura no disco";
      default:
        return code ? `erro do sistema ${code}` : "erro desconhecido do sistema";
    }
  },
  unreadableFile: (reason: string) => `não foi possível ler o arquivo: ${reason}`,
  unreadableFolder: (reason: string) => `não foi possível ler a pasta do aluno: ${reason}`,
  /** fflate's error codes (FlateErrorCode) in Portuguese. */
  zipProblem: (code: number | undefined) => {
    if (code === 0) return "os dados terminam antes do fim; o download ficou incompleto?";
    if (code === 13) return "arquivo corrompido ou incompleto";
    if (code === 14) return "usa um método de compressão não suportado";
    return "dados comprimidos corrompidos";
  },

  // partitura quiz
  missingAnswers:
    "Informe as respostas: partitura quiz <pasta com um arquivo por aluno | respostas.csv> [--format table|json|csv]",
  quizFileError: (file: string, pointer: string, message: string) =>
    `${file}: questionário inválido em ${pointer || "/"}: ${message}`,
  noAnswerFiles: (folder: string) =>
    `${folder}: nenhum arquivo de respostas (.json, .yaml ou .yml) encontrado na pasta.`,
  notAnswersSource: (path: string) =>
    `${path}: informe uma pasta com um arquivo de respostas por aluno ou um arquivo .csv com uma linha por aluno.`,
  located: (file: string, line: number | undefined, message: string) =>
    line ? `${file}:${line}: ${message}` : `${file}: ${message}`,
  duplicateStudent: (student: string, other: string) => `aluno '${student}' repetido (também em ${other})`,
  csvEmpty: "o CSV está vazio: a primeira linha deve ser o cabeçalho (aluno,1,2,3,4,5)",
  csvStudentColumn: (found: string) =>
    `a primeira coluna do cabeçalho deve ser o nome do aluno ('aluno'), não '${found}'`,
  csvSyntax: (file: string, line: number, what: string) => `${file}:${line}: erro de sintaxe CSV: ${what}`,
  /** csv-parse's error codes, as a person would say them. */
  csvProblem: (code: string | undefined) =>
    ({
      CSV_QUOTE_NOT_CLOSED: 'aspas abertas e não fechadas; feche o texto com " ou tire a aspa solta',
      CSV_INVALID_CLOSING_QUOTE:
        'texto depois de uma aspa de fechamento; aspas dentro de um texto se escrevem ""',
      CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE:
        'texto depois de uma aspa de fechamento; aspas dentro de um texto se escrevem ""',
      CSV_INVALID_OPENING_QUOTE: "aspa no meio de um campo sem aspas; ponha o campo todo entre aspas",
    })[code ?? ""] ??
    "o arquivo não pôde ser lido como CSV (uma linha por aluno, campos separados por vírgula)",
  csvNoStudent: "a linha não tem o nome do aluno na primeira coluna",
  // partitura grade: finding submissions
  tooManyFiles: (path: string, limit: number) =>
    `${path}: mais de ${limit} arquivos; isto não parece uma pasta de submissões.`,
  zipTooLarge: (path: string, bytes: number, limit: number) =>
    `${path}: o zip tem ${formatBytes(bytes)}; o limite é ${formatBytes(limit)}.`,
  zipInflatesTooMuch: (path: string, limit: number) =>
    `${path}: descompactados, os arquivos JSON/YAML passam de ${formatBytes(limit)} (o limite de uma turma); ` +
    "o zip pode ser uma bomba de compressão — confira o arquivo ou divida a turma em partes.",
  folderTooLarge: (path: string, limit: number) =>
    `${path}: os arquivos JSON/YAML da pasta passam de ${formatBytes(limit)} (o limite de uma turma); divida a turma em partes.`,
  badZip: (path: string, detail: string) => `${path}: não é um arquivo .zip válido (${detail}).`,
  noSubmissions: (path: string) =>
    `${path}: nenhuma submissão encontrada (pastas ou arquivos .json, .yaml, .yml).`,
  tooLarge: (bytes: number, limit: number) => {
    const shown = formatBytes(bytes) === formatBytes(limit) ? `${bytes} bytes` : formatBytes(bytes);
    return `arquivo grande demais: ${shown}; o limite é ${formatBytes(limit)} (uma definição na AWS tem no máximo 1 MB)`;
  },
  binaryFile: "o arquivo é binário (não é texto JSON ou YAML)",
  notUtf8: "o arquivo não é texto UTF-8; salve-o como UTF-8",
  forbiddenKey: (key: string, line: number) =>
    `linha ${line}: a chave '${key}' não existe na ASL e é usada para atacar programas JavaScript (poluição de protótipo); remova-a`,
  unsupportedFiles: (names: readonly string[]) =>
    `nenhum arquivo JSON ou YAML (encontrado: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}); envie a definição como .json, .yaml ou .yml`,
  emptyFolder: "a pasta do aluno está vazia",
  ambiguousFiles: (names: readonly string[]) =>
    `há mais de um arquivo de definição (${names.join(", ")}); deixe só um, ou nomeie o principal como *.asl.json`,
  // partitura grade
  missingSubmissions:
    "Informe as submissões: partitura grade <pasta|arquivo.zip> --exercise <exercício> (veja 'partitura --help').",
  extraArguments: (extra: readonly string[]) =>
    `Argumentos a mais: ${extra.join(" ")}. Informe uma pasta ou um .zip com as submissões.`,
  missingExercise: "Informe o exercício: --exercise <exercício> (veja 'partitura exercises').",
  badNumber: (flag: string, value: string) =>
    `${flag} espera um número inteiro maior que zero, não '${value}'.`,
  numberTooLarge: (flag: string, value: string, max: number) =>
    `${flag} aceita no máximo ${max.toLocaleString("pt-BR")}${flag === "--timeout" ? " segundos (cerca de 24 dias)" : ""}, não '${value}'.`,
  singleSubmission: (format: string, count: number) =>
    `--format ${format} descreve uma única submissão, mas foram encontradas ${count}; use --student NOME para tratar a pasta como a submissão de um aluno.`,
  timedOut: (seconds: number) =>
    `a avaliação passou do limite de ${seconds} s e foi interrompida (a definição entra em laço sem fim?)`,
  outOfMemory: (megabytes: number) =>
    `a avaliação esgotou a memória permitida (${megabytes} MiB) e foi interrompida`,
  graderFailed: (detail: string) => `o avaliador falhou nesta submissão: ${detail}`,
  progress: (bar: string, count: number, total: number, failed: number) =>
    `Avaliando ${bar} ${count}/${total}${failed ? ` · ${failed} com erro` : ""}`,
  fileMissing: "arquivo não encontrado",
  compareNotJson: (file: string) =>
    `${file}: não é JSON; --compare espera a saída de 'partitura grade --format json'.`,
  compareNotReport: (file: string) =>
    `${file}: não é um relatório do partitura; --compare espera a saída de 'partitura grade --format json'.`,
  compareBadSubmission: (file: string, index: number) =>
    `${file}: submissions/${index} não tem o formato de um resultado (student, points, staticChecks, scenarios).`,
  compareOtherExercise: (file: string, found: string, expected: string) =>
    `${file}: é um relatório do exercício '${found}', não de '${expected}'.`,
  compareHeading: (file: string) => `Comparação com ${file}:`,
  compareNoChange: "nenhuma nota mudou.",
  compareAdded: (student: string, points: string, max: string) =>
    `${student}: novo nesta correção (${points}/${max})`,
  compareRemoved: (student: string, points: string) =>
    `${student}: não está mais nas submissões (tinha ${points})`,
  compareChanged: (student: string, before: string, after: string, delta: string) =>
    `${student}: ${before} → ${after} (${delta})`,
  compareStatus: (before: string, after: string, reason: string | undefined) =>
    `situação: ${before} → ${after}${reason ? ` (${reason})` : ""}`,
  compareNowPasses: (label: string, points: string) => `${label}: agora passa (${points})`,
  compareNowFails: (label: string, points: string, message: string) =>
    `${label}: agora falha (${points}): ${message}`,
  compareUnchanged: (count: number) => `${count} aluno(s) sem mudança.`,
  compareStatic: "estática",
  compareNewCheck: (label: string, points: string, max: string) =>
    `${label}: verificação nova nesta correção (${points}/${max})`,
  compareHiddenMismatch: (previousHadHidden: boolean) =>
    previousHadHidden
      ? "  Atenção: o relatório anterior incluiu os cenários ocultos e este não (use --hidden para comparar igual com igual)."
      : "  Atenção: este relatório inclui os cenários ocultos e o anterior não; parte da diferença vem disso.",
  // partitura gradescope
  gradescopeUsage: "Uso: partitura gradescope <exercício> --out autograder.zip",
  gradescopeMissingPackage: (name: string) =>
    `a biblioteca '${name}' não está em node_modules; rode 'npm install' antes de gerar o autograder.`,
  gradescopeBuilt: (file: string, title: string, size: string) =>
    `${file} criado (${size}): autograder do exercício "${title}", com os cenários ocultos.\n` +
    "No Gradescope: Programming Assignment → Configure Autograder → Zip file upload (imagem Ubuntu).",
  notAnswerFile: "formato não suportado: salve as respostas como .json, .yaml ou .yml",
  duplicateKey: (key: string) => `a chave '${key}' aparece mais de uma vez no arquivo`,
  invalidFilesSummary: (count: number) =>
    `${count} arquivo(s) de respostas com problema; esses alunos aparecem como inválidos no relatório.`,
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024)
    return `${Number((bytes / 1024).toFixed(1))
      .toString()
      .replace(".", ",")} KiB`;
  return `${Number((bytes / 1024 / 1024).toFixed(1))
    .toString()
    .replace(".", ",")} MiB`;
}
