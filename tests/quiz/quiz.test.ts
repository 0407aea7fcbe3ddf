/** The lesson's self-assessment as data: faithful to the lesson, valid, and scored as a teacher would. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import {
  checkAnswers,
  formatQuizCsv,
  formatQuizTable,
  parseQuiz,
  QuizDefinitionError,
  quizReport,
  scoreAnswers,
  type MultipleChoiceQuestion,
} from "../../grader/quiz/index.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const raw = JSON.parse(readFileSync(join(ROOT, "exercises", "quiz", "autoavaliacao.json"), "utf8"));
const schema = JSON.parse(readFileSync(join(ROOT, "exercises", "quiz", "quiz.schema.json"), "utf8"));
const quiz = parseQuiz(raw);

/** The lesson's "Autoavaliação" (aula-14-step-functions.md), copied verbatim, and its "Gabarito". */
const LESSON_QUESTIONS: { prompt: string; options: string[] }[] = [
  {
    prompt:
      "Qual é a principal vantagem do AWS Step Functions em relação à coordenação manual de funções Lambda em um workflow complexo?",
    options: [
      "Redução do tempo de execução das funções Lambda.",
      "Gerenciamento automático de estado e tratamento de erros declarativo.",
      "Eliminação da necessidade de escrever código para as funções Lambda.",
      "Custo zero para todas as execuções de workflow.",
    ],
  },
  {
    prompt:
      "Em um workflow do Step Functions, qual tipo de estado permite que múltiplas tarefas sejam executadas simultaneamente?",
    options: ["Task State", "Choice State", "Parallel State", "Wait State"],
  },
  {
    prompt: "A Amazon States Language (ASL) é utilizada para:",
    options: [
      "Escrever o código das funções Lambda invocadas pelo Step Functions.",
      "Definir a infraestrutura de rede para os workflows serverless.",
      "Descrever a lógica e as transições de uma máquina de estado.",
      "Monitorar o desempenho e os logs das execuções do Step Functions.",
    ],
  },
  {
    prompt:
      "Qual das seguintes ferramentas é comumente utilizada para implementar Infraestrutura como Código (IaC) para máquinas de estado do AWS Step Functions?",
    options: ["Docker Compose", "Kubernetes", "Serverless Framework", "Apache Kafka"],
  },
  {
    prompt:
      "Descreva um cenário de negócio onde a orquestração de workflows com AWS Step Functions seria particularmente vantajosa, explicando como ele resolveria os desafios inerentes a esse cenário.",
    options: [],
  },
];
const LESSON_KEY = ["B", "C", "C", "C"];

describe("quiz data (exercises/quiz/autoavaliacao.json)", () => {
  it("validates against its JSON Schema", () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(raw), JSON.stringify(validate.errors)).toBe(true);
  });

  it("has the lesson's five questions and options word for word, and its answer key B, C, C, C", () => {
    expect(quiz.questions).toHaveLength(5);
    expect(quiz.questions.map((q) => q.prompt)).toEqual(LESSON_QUESTIONS.map((q) => q.prompt));
    const choices = quiz.questions.filter((q): q is MultipleChoiceQuestion => q.type === "multiple-choice");
    expect(choices.map((q) => q.options.map((o) => o.text))).toEqual(
      LESSON_QUESTIONS.slice(0, 4).map((q) => q.options),
    );
    expect(choices.map((q) => q.answer)).toEqual(LESSON_KEY);
    expect(quiz.questions[4]!.type).toBe("essay");
  });

  it("explains every option, starting with whether it is right or wrong", () => {
    for (const question of quiz.questions)
      if (question.type === "multiple-choice")
        for (const option of question.options)
          expect(option.explanation).toMatch(
            option.letter === question.answer ? /^Correta\. .{40,}/ : /^Errada\. .{40,}/,
          );
  });

  it("gives the essay a rubric whose criteria add up to its points", () => {
    const essay = quiz.questions[4]!;
    if (essay.type !== "essay") throw new Error("questão 5 deveria ser dissertativa");
    expect(essay.rubric.length).toBeGreaterThanOrEqual(3);
    expect(essay.rubric.reduce((sum, c) => sum + c.points, 0)).toBe(essay.points);
  });

  it("a broken quiz file is refused with a JSON pointer and a pt-BR reason", () => {
    const wrongKey = structuredClone(raw);
    wrongKey.questions[1].answer = "E";
    expect(() => parseQuiz(wrongKey)).toThrow(expect.objectContaining({ pointer: "/questions/1/answer" }));
    const badRubric = structuredClone(raw);
    badRubric.questions[4].rubric[0].points = 3;
    expect(() => parseQuiz(badRubric)).toThrow(QuizDefinitionError);
    expect(() => parseQuiz(badRubric)).toThrow(
      "os critérios da rubrica somam 6 ponto(s), mas a questão vale 4",
    );
  });
});

describe("scoring", () => {
  const answers = {
    "1": "B",
    "2": "c",
    "3": " A ",
    "4": "",
    "5": "Processamento de pedidos com Retry e Catch.",
  };

  it("scores multiple choice (case and spaces forgiven), blanks get zero, the essay awaits review", () => {
    expect(checkAnswers(quiz, answers)).toEqual([]);
    const result = scoreAnswers(quiz, "ana", "ana.json", answers);
    expect(result).toMatchObject({ status: "scored", points: 2, maxPoints: 4, pendingPoints: 4 });
    expect(result.questions.map((q) => q.status)).toEqual([
      "correct",
      "correct",
      "wrong",
      "blank",
      "needs-review",
    ]);
    const third = result.questions[2]!;
    expect(third.type === "multiple-choice" && third.explanation).toMatch(/^Errada\. O código das Lambdas/);
  });

  it("finds invalid letters, missing and unknown questions, naming the question", () => {
    const problems = checkAnswers(quiz, { "1": "E", "2": 3, "3": "C", "5": "", "7": "A" });
    expect(problems).toEqual([
      { question: "7", message: "questão desconhecida '7' (o questionário tem as questões 1 a 5)" },
      { question: "1", message: "questão 1: 'E' não é uma alternativa válida (use A, B, C ou D)" },
      { question: "2", message: "questão 2: a resposta deve ser uma letra (A, B, C ou D)" },
      { message: 'falta a resposta da questão 4 (use "" para deixar em branco)' },
    ]);
  });

  it("the table marks the essay 'precisa de revisão' and lists the rubric; the CSV leaves rubric columns to fill", () => {
    const report = quizReport(quiz, [
      scoreAnswers(quiz, "bruno", "bruno.yaml", { "1": "A", "2": "C", "3": "C", "4": "C", "5": "" }),
      scoreAnswers(quiz, "ana", "ana.json", answers),
    ]);
    expect(report.students.map((s) => s.student)).toEqual(["ana", "bruno"]);
    const table = formatQuizTable(report, quiz);
    expect(table).toContain("Gabarito: 1-B 2-C 3-C 4-C");
    expect(table).toMatch(/ana\s+B ✓\s+C ✓\s+A ✗\s+—\s+2\/4\s+50\s+precisa de revisão/);
    expect(table).toContain("Rubrica da questão 5 (4 pts, precisa de revisão pelo professor):");
    expect(table).toContain("[tipo-workflow] 1 pt — Justifica a escolha entre Standard e Express");
    const rows: string[][] = parseCsv(formatQuizCsv(report, quiz));
    expect(rows[0]).toContain("Q5 rubrica: cenario");
    expect(rows[1]!.slice(0, 9)).toEqual(["ana", "ana.json", "corrigido", "B", "C", "A", "", "2", "50"]);
  });
});

describe("browser safety", () => {
  it("grader/quiz and grader/reports import nothing from Node", async () => {
    const { readdirSync } = await import("node:fs");
    for (const folder of ["quiz", "reports"]) {
      const dir = join(ROOT, "grader", folder);
      const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) =>
        file.endsWith(".ts"),
      );
      expect(files.length).toBeGreaterThan(0);
      for (const file of files)
        expect(readFileSync(join(dir, file), "utf8"), `${folder}/${file}`).not.toMatch(
          /from\s+"(node:|fs|path|os)/,
        );
    }
  });
});
