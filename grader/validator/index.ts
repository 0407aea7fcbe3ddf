/**
 * The ASL validator's public API, used by the CLI (`partitura validate`), the grader and the browser
 * editor. Runs unchanged in a browser: no Node APIs, no `eval` / `new Function` (the JSON Schema is
 * compiled ahead of time, see scripts/build-validator-schema.ts).
 */
import { checkDefinition, type CheckOptions } from "./check.ts";
import type { Diagnostic, ValidatedStateMachine, ValidationReport } from "./diagnostic.ts";
import { findMachines, type MachineSource } from "./iac.ts";
import { messages, sections } from "./messages.ts";
import { parseSource, stripBom, type ParsedSource } from "./source.ts";

export type {
  Diagnostic,
  Severity,
  SourcePosition,
  SourceRange,
  ValidatedStateMachine,
  ValidationReport,
} from "./diagnostic.ts";
export { sections, SECTION_TITLES, slugify } from "./messages.ts";
export type { MachineSource } from "./iac.ts";
export {
  decodeSource,
  MAX_SOURCE_DEPTH,
  parseSource,
  stripBom,
  type DecodedSource,
  type Locator,
  type ParsedSource,
} from "./source.ts";

export interface ValidateSourceOptions {
  /** Used for the report, to pick the parser (.json / .yaml / .yml) and to name a plain definition. */
  readonly fileName: string;
  /** Validate as an Express workflow. IaC files that declare EXPRESS are validated as Express anyway. */
  readonly express?: boolean;
}

export interface ValidateDefinitionOptions {
  readonly express?: boolean;
  /** The definition came from an IaC file: `${…}` variables are accepted where a Resource ARN is expected. */
  readonly iac?: boolean;
}

/** Validates an already-parsed definition (ranges are null: there is no source text). */
export function validateDefinition(
  definition: unknown,
  options: ValidateDefinitionOptions = {},
): Diagnostic[] {
  return checkDefinition(definition, { express: options.express, iac: options.iac });
}

function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  return name.replace(/\.(asl\.)?(json|ya?ml)$/i, "") || name;
}

export interface SourceMachines {
  /** Problems with the file as a whole (syntax, encoding, no state machine found…). */
  readonly fileDiagnostics: Diagnostic[];
  readonly machines: MachineSource[];
  /** JSON only: keys written twice, from the root of the file. */
  readonly duplicateKeys: ParsedSource["duplicateKeys"];
}

/**
 * The state machines a source file holds, read the way `validate`, `run` and `grade` all read them: a
 * plain ASL definition (JSON or YAML) is one machine; a serverless.yml or SAM/CloudFormation template
 * may hold several, each with a locator into the original file.
 */
export function readStateMachines(source: string, fileName: string): SourceMachines {
  const text = stripBom(source);
  const parsed = parseSource(text, fileName);
  if (parsed.value === undefined) {
    return { fileDiagnostics: parsed.diagnostics, machines: [], duplicateKeys: [] };
  }
  const found = findMachines(parsed, text, baseName(fileName));
  return { fileDiagnostics: found.notes, machines: found.machines, duplicateKeys: parsed.duplicateKeys };
}

/** Validates a source file's text: a plain ASL definition (JSON or YAML), or an IaC file holding state machines. */
export function validateSource(source: string, options: ValidateSourceOptions): ValidationReport {
  const { fileName } = options;
  const parsed = readStateMachines(source, fileName);
  const found = { notes: parsed.fileDiagnostics, machines: parsed.machines };
  const stateMachines: ValidatedStateMachine[] = found.machines.map((machine) => {
    if (machine.definition === undefined) {
      return { name: machine.name, definition: undefined, diagnostics: machine.diagnostics };
    }
    const checkOptions: CheckOptions = {
      express: options.express || machine.express,
      locator: machine.locator,
      iac: machine.iac,
      duplicateKeys: machine.iac ? [] : parsed.duplicateKeys,
    };
    return {
      name: machine.name,
      definition: machine.definition,
      diagnostics: [
        ...machine.diagnostics,
        ...definitionSizeDiagnostics(source, machine),
        ...checkDefinition(machine.definition, checkOptions),
      ],
    };
  });
  return { fileName, fileDiagnostics: found.notes, stateMachines };
}

/** AWS's quota on a state machine definition: 1 MB (1,048,576 bytes) of JSON. */
export const MAX_DEFINITION_BYTES = 1_048_576;

/**
 * DEFINITION_TOO_LARGE when the definition, as the JSON AWS would receive, is over the quota. Only measured
 * when the file itself is that large (a definition is never much bigger than its source), so the editor's
 * per-keystroke validation pays nothing for it.
 */
function definitionSizeDiagnostics(source: string, machine: MachineSource): Diagnostic[] {
  if (source.length < MAX_DEFINITION_BYTES / 4) return [];
  const bytes = new TextEncoder().encode(JSON.stringify(machine.definition)).length;
  if (bytes <= MAX_DEFINITION_BYTES) return [];
  return [
    {
      code: "DEFINITION_TOO_LARGE",
      severity: "error",
      location: "/",
      range: machine.locator.range([]),
      message: messages.definitionTooLarge(bytes, MAX_DEFINITION_BYTES),
      lessonSection: sections.anatomy,
    },
  ];
}

/** Every diagnostic of a report, file-level first, each with the machine it belongs to. */
export function allDiagnostics(report: ValidationReport): { machine?: string; diagnostic: Diagnostic }[] {
  return [
    ...report.fileDiagnostics.map((diagnostic) => ({ diagnostic })),
    ...report.stateMachines.flatMap((machine) =>
      machine.diagnostics.map((diagnostic) => ({ machine: machine.name, diagnostic })),
    ),
  ];
}
