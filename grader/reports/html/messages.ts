/** The HTML class report's sentences, in Brazilian Portuguese. */
import { formatNumber } from "./escape.ts";

const plural = (count: number, one: string, many: string) =>
  `${formatNumber(count)} ${count === 1 ? one : many}`;

export const htmlMessages = {
  pageTitle: (title: string) => `Relatório da turma — ${title}`,
  heading: "Relatório da turma",
  exercise: (title: string, slug: string) => `Exercício: ${title} (${slug})`,
  hiddenIncluded: "Cenários ocultos incluídos na nota.",
  hiddenExcluded: "Só cenários públicos (rode com --hidden para incluir os ocultos).",
  overview: "Visão geral",
  stats: {
    submissions: "Submissões",
    graded: "Avaliadas",
    invalid: "Inválidas",
    errors: "Com erro",
    fullMarks: "Com 100 %",
    mean: "Média",
    median: "Mediana",
  },
  histogramTitle: "Distribuição das notas (quantas submissões em cada faixa de percentual)",
  histogramAxis: "nota (%)",
  bucketLabel: (from: number, to: number, last: boolean) => (last ? `${from}–${to}` : `${from}–${to - 1}`),
  bucketTitle: (label: string, count: number) => `${label} %: ${plural(count, "submissão", "submissões")}`,
  checksHeading: "Cada verificação: quantos passaram",
  checksIntro: "Entre as submissões avaliadas (as inválidas não rodaram nenhuma verificação).",
  checkColumns: { scenario: "Cenário", check: "Verificação", passed: "Passaram", share: "Proporção" },
  staticScenario: "verificações estáticas",
  passShare: (passed: number, total: number) => `${passed} de ${total} passaram`,
  mistakesHeading: "Erros comuns",
  mistakesIntro:
    "Submissões agrupadas pelo conjunto de verificações em que falharam e pelos traços da definição que a " +
    "solução de referência não tem. O maior grupo vem primeiro; cada um mostra um representante, o grafo dele e " +
    "o retorno que ele recebeu.",
  noMistakes: "Nenhum erro: todas as submissões tiraram a nota máxima.",
  group: (index: number, count: number) => `Grupo ${index}: ${plural(count, "aluno", "alunos")}`,
  failedChecks: "Falhou em",
  features: "Traços da definição",
  students: "Alunos",
  representative: (student: string, percent: number) =>
    `Representante: ${student} (${formatNumber(percent)} %)`,
  feedbackHeading: "Retorno que recebeu",
  graphUnavailable: "Grafo indisponível: a definição não pôde ser lida.",
  lessonLink: "Ver na lição",
  reteachHeading: "O que retomar em aula",
  reteachIntro: "Seções da aula ligadas aos grupos acima, da que atinge mais alunos para a que atinge menos.",
  reteachItem: (students: number) => plural(students, "aluno", "alunos"),
  reteachGroups: "Grupos",
  similarityHeading: "Semelhança entre submissões",
  footer: "Gerado por partitura grade. Arquivo autossuficiente: abre sem rede e sem JavaScript.",
};

export const similarityHtmlMessages = {
  heading: "Semelhança entre submissões",
  intro: (threshold: number, minShared: number, submissions: number, candidates: number) =>
    `Pares cujas máquinas de estado são a mesma depois de renomear os estados e reformatar o arquivo. ` +
    `Conta só o trabalho próprio de cada aluno: o que a definição inicial e a solução de referência já têm ` +
    `não é indício. Limiar: ${formatNumber(Math.round(threshold * 100))} % de semelhança e pelo menos ` +
    `${minShared} trechos próprios em comum. ${formatNumber(submissions)} submissões lidas, ` +
    `${formatNumber(candidates)} pares comparados. Semelhança é um indício para conversar com os alunos, não uma prova.`,
  none: "Nenhum par acima do limiar.",
  identical: "mesma definição",
  sameShape: "mesmo grafo",
  counts: (shared: number, onlyA: number, onlyB: number, a: string, b: string) =>
    `${shared} trechos próprios em comum; só em ${a}: ${onlyA}; só em ${b}: ${onlyB}.`,
  feature: "Trecho (estados renomeados)",
};
