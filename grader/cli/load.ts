/**
 * Reading the files a user names on the command line: JSON or YAML, through the validator's one
 * reader (grader/validator/source.ts), so a BOM, UTF-16, syntax errors, alias bombs and absurd
 * nesting are handled — and explained in Portuguese, located to the line and column — the same way
 * in `run`, `quiz`, `grade` and `validate`.
 */
import { readFileSync } from "node:fs";
import { decodeSource, parseSource, type ParsedSource } from "../validator/index.ts";
import { messages as validatorMessages } from "../validator/messages.ts";
import { messages } from "./messages.ts";

/** A problem with the user's input: reported as one located line, exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** A file's text (`-` is standard input): UTF-8 with or without BOM (dropped); UTF-16 is refused, located. */
export function readText(file: string): string {
  let bytes: Uint8Array;
  try {
    bytes = file === "-" ? readFileSync(0) : readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? messages.fileNotFound : code === "EISDIR" ? messages.isDirectory : String(code);
    throw new InputError(messages.cannotRead(file, reason));
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok)
    throw new InputError(messages.located(file, decoded.line, decoded.column, decoded.message));
  return decoded.text;
}

export type DecodedText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

/**
 * A file's bytes as text: UTF-8 (a BOM is dropped). UTF-16 and invalid UTF-8 (a Latin-1 file) are
 * refused, located at the first byte that is not UTF-8, never read as replacement characters.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decoded = decodeSource(bytes, { fatal: true });
  if (decoded.ok) return decoded;
  if (decoded.encoding === "utf-16")
    return { ok: false, line: 1, column: 1, message: validatorMessages.utf16File };
  const lenient = new TextDecoder("utf-8").decode(bytes);
  const before = lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD")));
  const lines = before.split("\n");
  return {
    ok: false,
    line: lines.length,
    column: lines.at(-1)!.length + 1,
    message: validatorMessages.invalidUtf8,
  };
}

/** The first error of a parsed file as one located line. */
export function sourceError(
  file: string,
  parsed: { readonly diagnostics: readonly ParsedSource["diagnostics"][number][] },
): InputError | undefined {
  const first = parsed.diagnostics.find((diagnostic) => diagnostic.severity === "error");
  if (!first) return undefined;
  const start = first.range?.start;
  return new InputError(messages.located(file, start?.line ?? 1, start?.column ?? 1, first.message));
}

/** Reads a JSON or YAML file (YAML by extension; `-` is standard input) into plain data. */
export function readData(file: string): unknown {
  const text = readText(file);
  if (text.trim() === "") throw new InputError(messages.located(file, 1, 1, messages.emptyFile));
  const parsed = parseSource(text, file);
  const error = sourceError(file, parsed);
  if (error) throw error;
  return parsed.value;
}
