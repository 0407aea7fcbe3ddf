/**
 * Reads a submitted file (plain ASL as JSON or YAML, a serverless.yml, or a SAM/CloudFormation
 * template) into a state machine definition, and says whether it may be graded. The one place that
 * decides "invalid": the validator (issue 3, `validateSource`) finds the errors, located in the file;
 * then the engine must compile the definition too.
 *
 * Nothing here runs code from the file: JSON.parse and the YAML parser build plain data (a
 * `__proto__` key stays a plain key), and the engine only interprets ASL.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from "jsonc-parser";
import { parseDocument } from "yaml";
import { compileStateMachine, DefinitionError, type CompiledStateMachine } from "../engine/index.ts";
import { validateSource, type Diagnostic } from "../validator/index.ts";
import type { WorkflowType } from "./exercise-format.ts";
import { gradingMessages as m } from "./messages.ts";
import type { SubmissionDiagnostic } from "./result-model.ts";
import {
  lineAndColumn,
  looksLikeYaml,
  pointerToPath,
  SourceLocator,
  type PathSegment,
} from "./source-location.ts";

/** AWS's limit for a definition is 1 MB; a submission file gets a little room for IaC around it. */
export const MAX_SUBMISSION_BYTES = 1_048_576;

export type SubmissionReading =
  | {
      readonly ok: true;
      readonly definition: unknown;
      readonly machine: CompiledStateMachine;
      /** Declared by IaC (`type: express`, `Type: EXPRESS`, `StateMachineType`); undefined for plain ASL. */
      readonly workflowType?: WorkflowType;
      readonly stateMachineName?: string;
      readonly diagnostics: readonly SubmissionDiagnostic[];
    }
  | { readonly ok: false; readonly reason: string; readonly diagnostics: readonly SubmissionDiagnostic[] };

interface FoundMachine {
  readonly name: string;
  readonly definition: unknown;
  readonly workflowType?: WorkflowType;
  /** Where the definition sits in the file (for locating engine errors), or undefined when it was a string. */
  readonly path?: readonly PathSegment[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(object: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function invalid(reason: string, diagnostics: SubmissionDiagnostic[] = []): SubmissionReading {
  return { ok: false, reason, diagnostics };
}

function diagnostic(
  code: string,
  message: string,
  at?: { line: number; column: number },
): SubmissionDiagnostic {
  return at
    ? { code, severity: "error", line: at.line, column: at.column, message }
    : { code, severity: "error", message };
}

const JSON_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: "caractere inesperado (JSON exige aspas duplas e não aceita comentários)",
  InvalidNumberFormat: "número mal formado",
  PropertyNameExpected: "esperava o nome de um campo entre aspas duplas (vírgula sobrando antes de '}'?)",
  ValueExpected: "esperava um valor",
  ColonExpected: "esperava ':' depois do nome do campo",
  CommaExpected: "esperava ',' — falta uma vírgula entre os itens?",
  CloseBraceExpected: "esperava '}' — falta fechar um objeto?",
  CloseBracketExpected: "esperava ']' — falta fechar uma lista?",
  EndOfFileExpected: "há conteúdo depois do fim do JSON",
  InvalidCommentToken: "JSON não aceita comentários",
  UnexpectedEndOfComment: "comentário não terminado",
  UnexpectedEndOfString: "texto sem aspas de fechamento",
  UnexpectedEndOfNumber: "número incompleto",
  InvalidUnicode: "sequência \\u inválida",
  InvalidEscapeCharacter: "escape inválido dentro de um texto",
  InvalidCharacter: "caractere de controle dentro de um texto — use \\n",
};

/** Parses JSON or YAML text into plain data, or returns located syntax diagnostics. */
export function parseDataText(
  text: string,
  fileName: string,
): { ok: true; value: unknown } | { ok: false; diagnostics: SubmissionDiagnostic[] } {
  if (looksLikeYaml(fileName)) {
    const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    if (document.errors.length > 0) {
      return {
        ok: false,
        diagnostics: document.errors
          .slice(0, 5)
          .map((error) =>
            diagnostic(
              "YAML_SYNTAX",
              m.yamlSyntax(error.message.split("\n")[0] ?? ""),
              lineAndColumn(text, error.pos[0]),
            ),
          ),
      };
    }
    return { ok: true, value: document.toJS({ maxAliasCount: 100 }) };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const at = lineAndColumn(text, first?.offset ?? text.length);
    const code = first ? printParseErrorCode(first.error) : "ValueExpected";
    return {
      ok: false,
      diagnostics: [diagnostic("JSON_SYNTAX", m.jsonSyntax(JSON_ERROR_TEXT[code] ?? code), at)],
    };
  }
}

function typeFrom(value: unknown): WorkflowType | undefined {
  if (typeof value !== "string") return undefined;
  const upper = value.toUpperCase();
  return upper === "EXPRESS" || upper === "STANDARD" ? upper : undefined;
}

/** Finds the state machines a parsed file holds. */
function findMachines(data: unknown, fileName: string): FoundMachine[] {
  if (!isObject(data)) return [];
  if (own(data, "StartAt") !== undefined || own(data, "States") !== undefined) {
    return [{ name: fileName.replace(/^.*\//, "").replace(/\..*$/, ""), definition: data, path: [] }];
  }
  const found: FoundMachine[] = [];
  // Serverless Framework: stepFunctions.stateMachines.<key>.definition (+ type: express)
  const stepFunctions = own(data, "stepFunctions");
  const serverlessMachines = isObject(stepFunctions) ? own(stepFunctions, "stateMachines") : undefined;
  if (isObject(serverlessMachines)) {
    for (const key of Object.keys(serverlessMachines)) {
      const machine = serverlessMachines[key];
      if (!isObject(machine)) continue;
      const name = own(machine, "name");
      found.push({
        name: typeof name === "string" ? name : key,
        definition: own(machine, "definition"),
        workflowType: typeFrom(own(machine, "type")),
        path: ["stepFunctions", "stateMachines", key, "definition"],
      });
    }
  }
  // SAM / CloudFormation
  const resources = own(data, "Resources");
  if (isObject(resources)) {
    for (const key of Object.keys(resources)) {
      const resource = resources[key];
      if (!isObject(resource)) continue;
      const type = own(resource, "Type");
      const properties = own(resource, "Properties");
      if (!isObject(properties)) continue;
      if (type === "AWS::Serverless::StateMachine") {
        found.push({
          name: key,
          definition: own(properties, "Definition"),
          workflowType: typeFrom(own(properties, "Type")),
          path: ["Resources", key, "Properties", "Definition"],
        });
      } else if (type === "AWS::StepFunctions::StateMachine") {
        let definition = own(properties, "Definition");
        let path: PathSegment[] | undefined = ["Resources", key, "Properties", "Definition"];
        if (definition === undefined) {
          let text = own(properties, "DefinitionString");
          if (isObject(text)) {
            const sub = own(text, "Fn::Sub");
            text = Array.isArray(sub) ? sub[0] : sub;
          }
          path = undefined;
          try {
            definition = typeof text === "string" ? JSON.parse(text) : undefined;
          } catch {
            definition = { __partituraBadDefinitionString: true };
          }
        }
        found.push({
          name: key,
          definition,
          workflowType: typeFrom(own(properties, "StateMachineType")),
          path,
        });
      }
    }
  }
  return found;
}

/**
 * Reads one submission. `preferredName` picks the machine when an IaC file defines several (else the
 * first). Engine definition errors become located diagnostics.
 */
export function readSubmission(
  text: string,
  options: { fileName: string; preferredName?: string },
): SubmissionReading {
  const { fileName } = options;
  const bytes = utf8Length(text);
  if (bytes > MAX_SUBMISSION_BYTES) {
    const reason = m.submissionTooLarge(bytes, MAX_SUBMISSION_BYTES);
    return invalid(reason, [diagnostic("TOO_LARGE", reason)]);
  }
  if (text.trim() === "")
    return invalid(m.submissionEmpty, [diagnostic("EMPTY", m.submissionEmpty, { line: 1, column: 1 })]);
  const parsed = parseDataText(text, fileName);
  if (!parsed.ok) return invalid(parsed.diagnostics[0]?.message ?? m.submissionInvalid, parsed.diagnostics);

  const machines = findMachines(parsed.value, fileName);
  if (machines.length === 0) {
    return invalid(m.submissionNoStateMachine, [
      diagnostic("NO_STATE_MACHINE", m.submissionNoStateMachine, { line: 1, column: 1 }),
    ]);
  }
  const chosenIndex = Math.max(
    0,
    machines.findIndex((machine) => machine.name === options.preferredName),
  );
  const chosen = machines[chosenIndex]!;
  const validation = validatorFindings(
    text,
    fileName,
    chosen.workflowType === "EXPRESS",
    chosenIndex,
    machines.length,
  );
  const firstError = validation.find((finding) => finding.severity === "error");
  if (firstError) return invalid(firstError.message, validation);
  const warnings: SubmissionDiagnostic[] = [
    ...validation,
    ...(machines.length > 1
      ? [
          {
            code: "SEVERAL_STATE_MACHINES",
            severity: "warning" as const,
            message: m.submissionTooManyMachines(machines.map((x) => x.name)),
          },
        ]
      : []),
  ];
  const locator = new SourceLocator(text, fileName);
  const base = chosen.path ?? [];
  if (!isObject(chosen.definition) || own(chosen.definition, "__partituraBadDefinitionString") === true) {
    const message = isObject(chosen.definition) ? m.submissionDefinitionString : m.submissionNotObject;
    return invalid(message, [diagnostic("INVALID_DEFINITION", message, locator.locate(base))]);
  }
  try {
    const machine = compileStateMachine(chosen.definition);
    return {
      ok: true,
      definition: chosen.definition,
      machine,
      workflowType: chosen.workflowType,
      stateMachineName: chosen.name,
      diagnostics: warnings,
    };
  } catch (error) {
    if (!(error instanceof DefinitionError)) {
      const message = m.submissionInvalidDefinition(error instanceof Error ? error.message : String(error));
      return invalid(message, [...warnings, diagnostic("ENGINE_REJECTED", message)]);
    }
    const at = chosen.path ? locator.locate([...base, ...pointerToPath(error.location)]) : undefined;
    const message = m.submissionInvalidDefinition(error.message);
    return invalid(message, [...warnings, diagnostic("INVALID_DEFINITION", message, at)]);
  }
}

function fromValidator(finding: Diagnostic): SubmissionDiagnostic {
  const start = finding.range?.start;
  return {
    code: finding.code,
    severity: finding.severity,
    ...(start ? { line: start.line, column: start.column } : {}),
    message: finding.message,
    ...(finding.lessonSection ? { lessonSection: finding.lessonSection } : {}),
  };
}

/**
 * The validator's errors and warnings for the chosen machine (its advice, severity "info", is left
 * out of grading results). A validator failure never stops grading: it becomes a warning.
 */
function validatorFindings(
  text: string,
  fileName: string,
  express: boolean,
  machineIndex: number,
  machineCount: number,
): SubmissionDiagnostic[] {
  try {
    const report = validateSource(text, { fileName, express });
    const machine =
      report.stateMachines.length === machineCount ? report.stateMachines[machineIndex] : undefined;
    const machines = machine ? [machine] : report.stateMachines;
    return [...report.fileDiagnostics, ...machines.flatMap((entry) => entry.diagnostics)]
      .filter((finding) => finding.severity !== "info")
      .map(fromValidator);
  } catch (error) {
    return [
      {
        code: "VALIDATOR_FAILED",
        severity: "warning",
        message: m.validatorFailed(error instanceof Error ? error.message : String(error)),
      },
    ];
  }
}
