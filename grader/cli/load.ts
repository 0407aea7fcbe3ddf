/**
 * Reading the files a user names on the command line: JSON or YAML, with syntax errors located to
 * the line and column and explained in Portuguese.
 */
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parseDocument } from "yaml";
import { messages } from "./messages.ts";

/** A problem with the user's input: reported as one located line, exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function readText(file: string): string {
  try {
    return file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(messages.cannotRead(file, code === "ENOENT" ? messages.fileNotFound : String(code)));
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const offset = position ? Number(position[1]) : text.length;
    const { line, column } = lineAndColumn(text, offset);
    throw new InputError(messages.jsonSyntax(file, line, column, describeJsonError(detail)));
  }
}

function describeJsonError(detail: string): string {
  if (/Unexpected end of JSON input/.test(detail)) return messages.jsonUnexpectedEnd;
  const token =
    /Unexpected token '?(.)'?/.exec(detail) ?? /Unexpected (?:non-whitespace )?character/.exec(detail);
  if (/property name/.test(detail)) return messages.jsonExpectedProperty;
  if (/Expected ',' or '}'/.test(detail)) return messages.jsonExpectedCommaOrBrace;
  if (/Expected ',' or ']'/.test(detail)) return messages.jsonExpectedCommaOrBracket;
  if (/Bad control character/.test(detail)) return messages.jsonControlCharacter;
  if (token?.[1]) return messages.jsonUnexpectedToken(token[1]);
  return messages.jsonGeneric;
}

function parseYaml(text: string, file: string): unknown {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const first = document.errors[0];
  if (first) {
    const { line, column } = lineAndColumn(text, first.pos[0]);
    throw new InputError(messages.yamlSyntax(file, line, column, first.message.split("\n")[0] ?? ""));
  }
  return document.toJS({ maxAliasCount: 100 });
}

/** Reads a JSON or YAML file (by extension; `-` is standard input, read as JSON). */
export function readData(file: string): unknown {
  const text = readText(file);
  const extension = extname(file).toLowerCase();
  return extension === ".yaml" || extension === ".yml" ? parseYaml(text, file) : parseJson(text, file);
}
