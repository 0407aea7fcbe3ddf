/** The self-assessment quiz: data model, validation, scoring and reports. Browser-safe. */
export * from "./model.ts";
export { parseQuiz, QuizDefinitionError } from "./parse.ts";
export { checkAnswers, scoreAnswers, quizReport, maxChoicePoints, essayPoints } from "./score.ts";
export { formatQuizTable, formatQuizJson, formatQuizCsv } from "./report.ts";
export { quizMessages } from "./messages.ts";
