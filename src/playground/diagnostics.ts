/**
 * The playground's one door to diagnostics: the validator (`validateSource`, grader/validator) for the
 * editor's underlines, and the same source parsers to place an engine `DefinitionError` (an AWS pointer
 * such as `/States/Pagar/Retry/0`) on a line and column. Swap the validator here and nowhere else.
 */
import { validateSource, type Diagnostic } from "../../grader/validator/index.ts";
import { parseJsonSource, parseYamlSource, type Segment } from "../../grader/validator/source.ts";

export type Format = "json" | "yaml";

export interface EditorDiagnostic {
  readonly from: number;
  readonly to: number;
  /** 1-based, for messages ("linha 8, coluna 15"). */
  readonly line: number;
  readonly column: number;
  readonly severity: "error" | "warning" | "info";
  readonly code: string;
  readonly location: string;
  readonly message: string;
  /** The lesson section that explains it (a slug of grader/validator `sections`; see lesson-links.ts). */
  readonly lessonSection?: string;
}

export interface Analysis {
  readonly diagnostics: readonly EditorDiagnostic[];
  /** The (first) state machine's definition, when the text could be read. */
  readonly definition: unknown;
}

export function fileNameFor(format: Format): string {
  return format === "yaml" ? "definicao.asl.yaml" : "definicao.asl.json";
}

function toEditor(diagnostic: Diagnostic, length: number): EditorDiagnostic {
  const from = Math.min(diagnostic.range?.start.offset ?? 0, length);
  const to = Math.min(Math.max(diagnostic.range?.end.offset ?? from, from), length);
  return {
    from,
    to,
    line: diagnostic.range?.start.line ?? 1,
    column: diagnostic.range?.start.column ?? 1,
    severity: diagnostic.severity,
    code: diagnostic.code,
    location: diagnostic.location,
    message: diagnostic.message,
    ...(diagnostic.lessonSection ? { lessonSection: diagnostic.lessonSection } : {}),
  };
}

/** Validates the editor's text: located diagnostics (pt-BR) and the definition to run. */
export function analyze(text: string, options: { format: Format; express?: boolean }): Analysis {
  const report = validateSource(text, { fileName: fileNameFor(options.format), express: options.express });
  const diagnostics = [
    ...report.fileDiagnostics,
    ...report.stateMachines.flatMap((machine) => machine.diagnostics),
  ].map((diagnostic) => toEditor(diagnostic, text.length));
  return { diagnostics, definition: report.stateMachines[0]?.definition };
}

function pointerSegments(pointer: string): Segment[] {
  if (pointer === "" || pointer === "/") return [];
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Where an AWS pointer (`/States/A/Next`) sits in a plain definition's text; the nearest enclosing value
 * that exists when the pointer names a missing field. Undefined when the text cannot be read.
 */
export function locatePointer(
  text: string,
  format: Format,
  pointer: string,
): { from: number; to: number; line: number; column: number } | undefined {
  const parsed = format === "yaml" ? parseYamlSource(text) : parseJsonSource(text);
  // An IaC file (serverless.yml, SAM…): the pointer is relative to a definition nested somewhere inside.
  if (typeof parsed.value !== "object" || parsed.value === null || !("States" in parsed.value))
    return undefined;
  const segments = pointerSegments(pointer);
  for (let length = segments.length; length >= 0; length--) {
    const range = parsed.locator.range(segments.slice(0, length));
    if (range) {
      return {
        from: range.start.offset,
        to: range.end.offset,
        line: range.start.line,
        column: range.start.column,
      };
    }
  }
  return undefined;
}
