/** Reading a quiz file into a `Quiz`, with located pt-BR errors (JSON pointers). Browser-safe. */
import { quizMessages as m } from "./messages.ts";
import type { Quiz, QuizQuestion, RubricCriterion, QuizOption } from "./model.ts";

export class QuizDefinitionError extends Error {
  readonly pointer: string;
  constructor(pointer: string, message: string) {
    super(message);
    this.name = "QuizDefinitionError";
    this.pointer = pointer;
  }
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fields(value: Obj, pointer: string, required: readonly string[], optional: readonly string[]): void {
  for (const field of required)
    if (!Object.hasOwn(value, field)) throw new QuizDefinitionError(pointer, m.missingField(field));
  for (const field of Object.keys(value))
    if (!required.includes(field) && !optional.includes(field))
      throw new QuizDefinitionError(`${pointer}/${field}`, m.unknownField(field));
}

function text(value: Obj, field: string, pointer: string): string {
  const found = value[field];
  if (typeof found !== "string" || found.trim() === "")
    throw new QuizDefinitionError(`${pointer}/${field}`, m.notText(field));
  return found;
}

function positive(value: Obj, field: string, pointer: string): number {
  const found = value[field];
  if (typeof found !== "number" || !Number.isFinite(found) || found <= 0)
    throw new QuizDefinitionError(`${pointer}/${field}`, m.notPositive(field));
  return found;
}

function letter(value: unknown, pointer: string): string {
  if (typeof value !== "string" || !/^[A-Z]$/.test(value))
    throw new QuizDefinitionError(pointer, m.badLetter(String(value)));
  return value;
}

/** Validates a parsed quiz file (the checks of quiz.schema.json plus the ones a schema cannot state). */
export function parseQuiz(data: unknown): Quiz {
  if (!isObject(data)) throw new QuizDefinitionError("", m.notObject);
  fields(data, "", ["id", "title", "questions"], ["$schema", "lessonSection"]);
  const id = text(data, "id", "");
  const title = text(data, "title", "");
  if (!Array.isArray(data.questions) || data.questions.length === 0)
    throw new QuizDefinitionError("/questions", m.noQuestions);
  const questions = data.questions.map((raw: unknown, index): QuizQuestion => {
    const pointer = `/questions/${index}`;
    if (!isObject(raw)) throw new QuizDefinitionError(pointer, m.notObject);
    if (raw.number !== index + 1)
      throw new QuizDefinitionError(`${pointer}/number`, m.numberOutOfOrder(index + 1));
    const base = {
      number: index + 1,
      prompt: text(raw, "prompt", pointer),
      points: positive(raw, "points", pointer),
    };
    if (raw.type === "multiple-choice") {
      fields(raw, pointer, ["number", "type", "prompt", "points", "answer", "options"], []);
      if (!Array.isArray(raw.options) || raw.options.length < 2)
        throw new QuizDefinitionError(`${pointer}/options`, m.missingField("options"));
      const options = raw.options.map((option: unknown, at): QuizOption => {
        const where = `${pointer}/options/${at}`;
        if (!isObject(option)) throw new QuizDefinitionError(where, m.notObject);
        fields(option, where, ["letter", "text", "explanation"], []);
        const expected = String.fromCharCode(65 + at);
        if (letter(option.letter, `${where}/letter`) !== expected)
          throw new QuizDefinitionError(`${where}/letter`, m.lettersOutOfOrder(expected));
        return {
          letter: expected,
          text: text(option, "text", where),
          explanation: text(option, "explanation", where),
        };
      });
      const answer = letter(raw.answer, `${pointer}/answer`);
      if (!options.some((option) => option.letter === answer))
        throw new QuizDefinitionError(`${pointer}/answer`, m.answerNotAnOption(answer));
      return { ...base, type: "multiple-choice", answer, options };
    }
    if (raw.type === "essay") {
      fields(raw, pointer, ["number", "type", "prompt", "points", "rubric"], []);
      if (!Array.isArray(raw.rubric) || raw.rubric.length === 0)
        throw new QuizDefinitionError(`${pointer}/rubric`, m.missingField("rubric"));
      const seen = new Set<string>();
      const rubric = raw.rubric.map((criterion: unknown, at): RubricCriterion => {
        const where = `${pointer}/rubric/${at}`;
        if (!isObject(criterion)) throw new QuizDefinitionError(where, m.notObject);
        fields(criterion, where, ["id", "criterion", "points"], []);
        const criterionId = text(criterion, "id", where);
        if (seen.has(criterionId))
          throw new QuizDefinitionError(`${where}/id`, m.duplicateRubricId(criterionId));
        seen.add(criterionId);
        return {
          id: criterionId,
          criterion: text(criterion, "criterion", where),
          points: positive(criterion, "points", where),
        };
      });
      const sum = rubric.reduce((total, criterion) => total + criterion.points, 0);
      if (Math.abs(sum - base.points) > 1e-9)
        throw new QuizDefinitionError(`${pointer}/rubric`, m.rubricSum(sum, base.points));
      return { ...base, type: "essay", rubric };
    }
    throw new QuizDefinitionError(`${pointer}/type`, m.badType(String(raw.type)));
  });
  const quiz: Quiz = { id, title, questions };
  return typeof data.lessonSection === "string" ? { ...quiz, lessonSection: data.lessonSection } : quiz;
}
