/** `partitura quiz <answers>`: scores the lesson's self-assessment for a class. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { parseTree, type Node as JsonNode } from "jsonc-parser";
import { isMap, isScalar, parseDocument } from "yaml";
import {
  checkAnswers,
  formatQuizCsv,
  formatQuizJson,
  formatQuizTable,
  parseQuiz,
  QuizDefinitionError,
  quizReport,
  scoreAnswers,
  type Quiz,
  type QuizAnswers,
  type QuizStudentResult,
} from "../quiz/index.ts";
import { emit } from "./atomic-write.ts";
import { parseCommandArgs } from "./command.ts";
import { gradeMessages as g } from "./grade-messages.ts";
import { decodeText, InputError, readData } from "./load.ts";

const FORMATS = ["table", "json", "csv"] as const;
export const DEFAULT_QUIZ = join(import.meta.dirname, "..", "..", "exercises", "quiz", "autoavaliacao.json");
const ANSWER_EXTENSIONS = new Set([".json", ".yaml", ".yml"]);

/** One student's answers read from a file, with the line of each key (to locate problems). */
interface AnswerSheet {
  readonly student: string;
  readonly source: string;
  readonly answers: QuizAnswers;
  readonly lines: ReadonlyMap<string, number>;
  /** Problems found while reading (syntax, duplicate keys), already located. */
  readonly readProblems: string[];
}

export function loadQuiz(file: string): Quiz {
  try {
    return parseQuiz(readData(file));
  } catch (error) {
    if (error instanceof QuizDefinitionError)
      throw new InputError(g.quizFileError(file, error.pointer, error.message));
    throw error;
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Lines of the top-level keys of a JSON or YAML answer file, and the keys written twice. */
function keyLines(
  text: string,
  yaml: boolean,
): { lines: Map<string, number>; duplicates: [string, number][] } {
  const lines = new Map<string, number>();
  const duplicates: [string, number][] = [];
  const add = (key: string, offset: number) => {
    const line = lineOf(text, offset);
    if (lines.has(key)) duplicates.push([key, line]);
    else lines.set(key, line);
  };
  if (yaml) {
    const document = parseDocument(text, { uniqueKeys: false });
    if (isMap(document.contents))
      for (const pair of document.contents.items)
        if (isScalar(pair.key) && pair.key.range) add(String(pair.key.value), pair.key.range[0]);
  } else {
    const tree: JsonNode | undefined = parseTree(text);
    if (tree?.type === "object")
      for (const property of tree.children ?? []) {
        const key = property.children?.[0];
        if (key) add(String(key.value), key.offset);
      }
  }
  return { lines, duplicates };
}

function readSheet(file: string, display: string): AnswerSheet {
  const student = basename(file, extname(file));
  const extension = extname(file).toLowerCase();
  try {
    const answers = readData(file);
    const { lines, duplicates } = keyLines(readFileSync(file, "utf8"), extension !== ".json");
    return {
      student,
      source: display,
      answers: answers as QuizAnswers,
      lines,
      readProblems: duplicates.map(([key, line]) => g.located(display, line, g.duplicateKey(key))),
    };
  } catch (error) {
    if (error instanceof InputError)
      return {
        student,
        source: display,
        answers: {},
        lines: new Map(),
        readProblems: [error.message.replace(file, display)],
      };
    throw error;
  }
}

function readFolder(folder: string): AnswerSheet[] {
  const names = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith(".") && !/^readme(\.|$)/i.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const answers = names.filter((name) => ANSWER_EXTENSIONS.has(extname(name).toLowerCase()));
  if (answers.length === 0) throw new InputError(g.noAnswerFiles(folder));
  return names.map((name) => {
    const path = join(folder, name);
    if (answers.includes(name)) return readSheet(path, path);
    // A student's answers saved as .txt or .docx must not vanish from the gradebook.
    const student = basename(name, extname(name));
    return {
      student,
      source: path,
      answers: {},
      lines: new Map(),
      readProblems: [g.located(path, undefined, g.notAnswerFile)],
    };
  });
}

/** `;` when the header line has semicolons and no commas (Excel in pt-BR), else `,`. */
function csvDelimiter(text: string): string {
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return header.includes(";") && !header.includes(",") ? ";" : ",";
}

const STUDENT_HEADERS = /^(aluno|aluna|estudante|nome|student|name)$/i;

function readCsv(file: string): AnswerSheet[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(g.cannotReadPath(file, String((error as NodeJS.ErrnoException).code)));
  }
  // A spreadsheet saved as "Unicode" (UTF-16) or in Latin-1: explained, never read as mojibake.
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new InputError(g.located(file, decoded.line, decoded.message));
  const text = decoded.text;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      // Spreadsheets in Portuguese save "CSV" with semicolons; a short row is a student who left blanks.
      delimiter: csvDelimiter(text),
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    const err = error as { lines?: number; code?: string; message: string };
    throw new InputError(g.csvSyntax(file, err.lines ?? 1, g.csvProblem(err.code)));
  }
  const [header, ...rows] = records;
  if (!header) throw new InputError(g.located(file, undefined, g.csvEmpty));
  const [first = "", ...keys] = header.record;
  if (!STUDENT_HEADERS.test(first))
    throw new InputError(g.located(file, header.info.lines, g.csvStudentColumn(first)));
  return rows.map(({ record, info }) => {
    const source = `${file}:${info.lines}`;
    const student = record[0] ?? "";
    // fromEntries defines own properties: a "__proto__" column is just an unknown question.
    const answers: Record<string, unknown> = Object.fromEntries(
      keys.map((key, index) => [key, record[index + 1] ?? ""]),
    );
    const lines = new Map(keys.map((key) => [key, info.lines]));
    return {
      student: student || `(linha ${info.lines})`,
      source,
      answers,
      lines,
      readProblems: student ? [] : [g.located(file, info.lines, g.csvNoStudent)],
    };
  });
}

/** Scores every sheet; a bad sheet becomes that student's invalid row with located reasons. */
export function scoreSheets(quiz: Quiz, sheets: readonly AnswerSheet[]): QuizStudentResult[] {
  const seen = new Map<string, string>();
  return sheets.map((sheet) => {
    const file = sheet.source.replace(/:\d+$/, "");
    const problems = [...sheet.readProblems];
    if (problems.length === 0)
      for (const problem of checkAnswers(quiz, sheet.answers))
        problems.push(
          g.located(
            file,
            problem.question !== undefined ? sheet.lines.get(problem.question) : lineIn(sheet.source),
            problem.message,
          ),
        );
    const other = seen.get(sheet.student);
    if (other) problems.push(g.located(file, lineIn(sheet.source), g.duplicateStudent(sheet.student, other)));
    else seen.set(sheet.student, sheet.source);
    return scoreAnswers(quiz, sheet.student, sheet.source, sheet.answers, problems);
  });
}

function lineIn(source: string): number | undefined {
  const match = /:(\d+)$/.exec(source);
  return match ? Number(match[1]) : undefined;
}

export async function quizCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: "string", default: "table" },
    out: { type: "string" },
    quiz: { type: "string", default: DEFAULT_QUIZ },
  });
  const source = positionals[0];
  if (!source) throw new InputError(g.missingAnswers);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new InputError(g.badFormat(values.format, FORMATS));
  const quiz = loadQuiz(values.quiz);
  if (!existsSync(source)) throw new InputError(g.notFound(source));
  let sheets: AnswerSheet[];
  if (statSync(source).isDirectory()) sheets = readFolder(source);
  else if (extname(source).toLowerCase() === ".csv") sheets = readCsv(source);
  else throw new InputError(g.notAnswersSource(source));

  const report = quizReport(quiz, scoreSheets(quiz, sheets));
  const text =
    format === "json"
      ? formatQuizJson(report)
      : format === "csv"
        ? formatQuizCsv(report, quiz)
        : formatQuizTable(report, quiz);
  emit(text, values.out);
  const invalid = report.students.filter((student) => student.status === "invalid");
  if (invalid.length === 0) return 0;
  if (format !== "table" || values.out)
    for (const student of invalid)
      for (const problem of student.problems) process.stderr.write(problem + "\n");
  process.stderr.write(g.invalidFilesSummary(invalid.length) + "\n");
  return 2;
}
