/** What the validator reports: the shape shared by the CLI, the grader and the browser editor. */

export type Severity = "error" | "warning" | "info";

/** A place in the ORIGINAL source file: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface SourceRange {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

export interface Diagnostic {
  /** AWS's code where AWS has one (SCHEMA_VALIDATION_FAILED, MISSING_TRANSITION_TARGET, …), else our own. */
  readonly code: string;
  readonly severity: Severity;
  /** AWS-style JSON pointer inside the state machine definition, e.g. `/States/Pagar/Retry/0`. */
  readonly location: string;
  /** Where the offending value sits in the source file; null when the value has no position (e.g. a missing field: then the range of its parent). */
  readonly range: SourceRange | null;
  /** pt-BR: what is wrong and how to fix it. */
  readonly message: string;
  /** Identifier of the lesson section that teaches this (mapped to a page by the site). */
  readonly lessonSection?: string;
}

/** One state machine found in a source file (a plain ASL file holds one; IaC files may hold several). */
export interface ValidatedStateMachine {
  /** The machine's name: the IaC logical id / key, or the file's base name for a plain definition. */
  readonly name: string;
  /** The definition as a JSON value, or undefined when it could not be read at all. */
  readonly definition: unknown;
  readonly diagnostics: readonly Diagnostic[];
}

export interface ValidationReport {
  readonly fileName: string;
  /** Problems with the file itself (syntax errors, no state machine found). */
  readonly fileDiagnostics: readonly Diagnostic[];
  readonly stateMachines: readonly ValidatedStateMachine[];
}
