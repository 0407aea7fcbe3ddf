/** Every sentence the quiz shows a person, in Brazilian Portuguese (browser-safe). */
export const quizMessages = {
  // The quiz file itself
  notObject: "o questionário deve ser um objeto JSON",
  missingField: (field: string) => `falta o campo obrigatório '${field}'`,
  notText: (field: string) => `'${field}' deve ser um texto não vazio`,
  notPositive: (field: string) => `'${field}' deve ser um número maior que zero`,
  unknownField: (field: string) => `campo desconhecido '${field}'`,
  badType: (value: string) => `tipo de questão desconhecido '${value}' (use 'multiple-choice' ou 'essay')`,
  noQuestions: "o questionário precisa de ao menos uma questão",
  numberOutOfOrder: (expected: number) => `as questões devem ser numeradas 1, 2, 3…; esperava ${expected}`,
  badLetter: (value: string) => `letra de alternativa inválida '${value}' (uma letra maiúscula, A a Z)`,
  lettersOutOfOrder: (expected: string) =>
    `as alternativas devem vir em ordem A, B, C…; esperava ${expected}`,
  answerNotAnOption: (letter: string) => `o gabarito '${letter}' não é uma das alternativas`,
  rubricSum: (sum: number, points: number) =>
    `os critérios da rubrica somam ${sum} ponto(s), mas a questão vale ${points}`,
  duplicateRubricId: (id: string) => `critério de rubrica repetido '${id}'`,
  quizError: (file: string, pointer: string, message: string) =>
    `${file}: questionário inválido em ${pointer || "/"}: ${message}`,

  // A student's answers
  answersNotObject:
    'as respostas devem ser um objeto que liga o número da questão à resposta, ex.: {"1": "B", "2": "C"}',
  unknownQuestion: (key: string, count: number) =>
    `questão desconhecida '${key}' (o questionário tem as questões 1 a ${count})`,
  duplicateQuestion: (number: number) => `a questão ${number} aparece mais de uma vez`,
  missingQuestion: (number: number) => `falta a resposta da questão ${number} (use "" para deixar em branco)`,
  invalidLetter: (number: number, value: string, letters: readonly string[]) =>
    `questão ${number}: '${value}' não é uma alternativa válida (use ${listLetters(letters)})`,
  notALetter: (number: number, letters: readonly string[]) =>
    `questão ${number}: a resposta deve ser uma letra (${listLetters(letters)})`,
  essayNotText: (number: number) => `questão ${number}: a resposta dissertativa deve ser um texto`,

  // Reports
  heading: (title: string) => title,
  columns: {
    student: "Aluno",
    objective: "Objetivas",
    essay: "Dissertativa",
    percent: "%",
    status: "Situação",
    source: "Arquivo",
    problems: "Problemas",
  },
  question: (number: number) => `Q${number}`,
  statusScored: "corrigido",
  statusInvalid: "inválido",
  needsReview: "precisa de revisão",
  blank: "em branco",
  blankEssay: "em branco (0 pontos)",
  summary: (count: number, invalid: number, average: string) =>
    `${count} aluno(s) · ${invalid} arquivo(s) inválido(s) · média das objetivas ${average}%`,
  answerKey: (key: string) => `Gabarito: ${key}`,
  rubricHeading: (number: number, points: number) =>
    `Rubrica da questão ${number} (${formatPoints(points)} pts, precisa de revisão pelo professor):`,
  rubricLine: (id: string, points: number, criterion: string) =>
    `  [${id}] ${formatPoints(points)} pt — ${criterion}`,
  invalidDetail: (student: string) => `${student}:`,
  csvRubric: (number: number, id: string) => `Q${number} rubrica: ${id}`,
};

function listLetters(letters: readonly string[]): string {
  if (letters.length <= 1) return letters.join("");
  return `${letters.slice(0, -1).join(", ")} ou ${letters.at(-1)}`;
}

export function formatPoints(points: number): string {
  return Number(points.toFixed(2)).toString().replace(".", ",");
}
