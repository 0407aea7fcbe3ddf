/**
 * Reads a submitted file (plain ASL as JSON or YAML, a serverless.yml, or a SAM/CloudFormation
 * template) into a state machine definition, and says whether it may be graded. The one place that
 * decides "invalid": the validator (issue 3, `validateSource`) finds the errors, located in the file;
 * then the engine must compile the definition too.
 *
 * Nothing here runs code from the file: JSON.parse and the YAML parser build plain data (a
 * `__proto__` key stays a plain key), and the engine only interprets ASL.
 */
import { compileStateMachine, DefinitionError, type CompiledStateMachine } from "../engine/index.ts";
import { normalizeIntrinsics } from "../validator/iac.ts";
import { parseSource, validateSource, type Diagnostic } from "../validator/index.ts";
import type { WorkflowType } from "./exercise-format.ts";
import { gradingMessages as m } from "./messages.ts";
import type { SubmissionDiagnostic } from "./result-model.ts";
import { looksLikeYaml, pointerToPath, SourceLocator, type PathSegment } from "./source-location.ts";

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
  /** SAM's `DefinitionSubstitutions` that are plain text: `${Name}` → value. */
  readonly substitutions?: ReadonlyMap<string, string>;
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

/**
 * Parses JSON or YAML text into plain data through the validator's one reader (`parseSource`): BOM,
 * UTF-16, alias bombs, absurd nesting and syntax errors come back located, in Portuguese. CloudFormation's
 * short tags (`!Ref`, `!GetAtt`, `!Sub`…) are always read in their long form.
 */
export function parseDataText(
  text: string,
  fileName: string,
): { ok: true; value: unknown } | { ok: false; diagnostics: SubmissionDiagnostic[] } {
  const parsed = parseSource(text, fileName);
  const errors = parsed.diagnostics.filter((finding) => finding.severity === "error");
  if (parsed.value !== undefined && errors.length === 0) return { ok: true, value: parsed.value };
  return {
    ok: false,
    diagnostics: errors.slice(0, 5).map((finding) => {
      const located = fromValidator(finding);
      const syntax = looksLikeYaml(fileName) ? "YAML_SYNTAX" : "JSON_SYNTAX";
      return {
        ...located,
        code: finding.code === "INVALID_JSON_DESCRIPTION" ? syntax : finding.code,
        message: located.message.charAt(0).toLowerCase() + located.message.slice(1),
      };
    }),
  };
}

function typeFrom(value: unknown): WorkflowType | undefined {
  if (typeof value !== "string") return undefined;
  const upper = value.toUpperCase();
  return upper === "EXPRESS" || upper === "STANDARD" ? upper : undefined;
}

/** The JSON text of a `DefinitionString`: a string, `Fn::Sub` (string or `[text, variables]`) or `Fn::Join`. */
function definitionStringText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (!isObject(value)) return undefined;
  const sub = own(value, "Fn::Sub");
  if (typeof sub === "string") return sub;
  if (Array.isArray(sub) && typeof sub[0] === "string") return sub[0];
  const join = own(value, "Fn::Join");
  if (Array.isArray(join) && typeof join[0] === "string" && Array.isArray(join[1])) {
    const pieces = (join[1] as unknown[]).map((piece) => normalizeIntrinsics(piece));
    return pieces.map((piece) => (typeof piece === "string" ? piece : "")).join(join[0]);
  }
  return undefined;
}

/** IaC variables: `${AWS::Region}`, `${aws:accountId}`, `#{AWS::Region}` (serverless-pseudo-parameters). */
const IAC_VARIABLE = /\$\{([^}]*)\}|#\{([^}]*)\}/g;

/** What an IaC variable stands for inside an ARN, so the engine can run the definition. */
function variableValue(name: string): string {
  const plain = name.trim();
  if (/region/i.test(plain)) return "us-east-1";
  if (/account/i.test(plain)) return "123456789012";
  if (/partition/i.test(plain)) return "aws";
  // A name (function, table, queue): keep it readable and valid in an ARN.
  return (
    plain
      .replace(/\.Arn$/i, "")
      .replace(/[^A-Za-z0-9_-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "x"
  );
}

/**
 * A Resource holding IaC variables as a concrete ARN of the same shape: `${Pagar.Arn}` (from
 * `!GetAtt Pagar.Arn` or `!Ref Pagar`) → a Lambda function ARN named `Pagar`; `${AWS::Region}` →
 * `us-east-1`, and so on. The validator accepts these where an ARN is expected; the engine needs a
 * real one. Mocks and checks name tasks by state, so the made-up ARN changes no grade.
 */
function concreteResource(resource: string): string {
  if (!/\$\{[^}]*\}|#\{[^}]*\}/.test(resource)) return resource;
  const whole = /^\s*(?:\$\{([^}]*)\}|#\{([^}]*)\})\s*$/.exec(resource);
  if (whole)
    return `arn:aws:lambda:us-east-1:123456789012:function:${variableValue(whole[1] ?? whole[2] ?? "")}`;
  return resource.replace(IAC_VARIABLE, (_, dollar?: string, hash?: string) =>
    variableValue(dollar ?? hash ?? ""),
  );
}

/** AWS's pseudo parameters (`${AWS::Region}`, `${aws:accountId}`, `#{AWS::Partition}`), which have one value per account. */
const PSEUDO_PARAMETER =
  /\$\{\s*(?:AWS::|aws:)(Region|AccountId|Partition)\s*\}|#\{\s*AWS::(Region|AccountId|Partition)\s*\}/gi;

/**
 * Every string of the definition with SAM's plain `DefinitionSubstitutions` and AWS's pseudo parameters
 * replaced (keys untouched), as deploying it would.
 */
function withPseudoParameters(
  value: unknown,
  substitutions: ReadonlyMap<string, string> | undefined,
  depth = 0,
): unknown {
  if (typeof value === "string") {
    if (!value.includes("{")) return value;
    const substituted = substitutions
      ? value.replace(/\$\{([^}]*)\}/g, (all, name: string) => substitutions.get(name) ?? all)
      : value;
    return substituted.replace(PSEUDO_PARAMETER, (_, a?: string, b?: string) => variableValue(a ?? b ?? ""));
  }
  if (depth > 200) return value;
  if (Array.isArray(value)) return value.map((item) => withPseudoParameters(item, substitutions, depth + 1));
  if (!isObject(value)) return value;
  const copy: Json = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, {
      value: withPseudoParameters(value[key], substitutions, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/**
 * A copy of the definition the engine can compile and run as the student deployed it: SAM's
 * substitutions are applied, AWS's pseudo parameters get the grader's account (`us-east-1`, `123456789012`, as in the exercises), and every
 * templated Resource is made concrete.
 */
function withConcreteResources(original: Json, substitutions: ReadonlyMap<string, string> | undefined): Json {
  const definition = withPseudoParameters(original, substitutions) as Json;
  const scope = (value: unknown, depth: number): unknown => {
    if (!isObject(value) || depth > 40) return value;
    const states = own(value, "States");
    if (!isObject(states)) return value;
    const copy: Json = {};
    for (const name of Object.keys(states)) {
      const state = states[name];
      Object.defineProperty(copy, name, {
        value: isObject(state) ? concreteState(state, depth) : state,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return { ...value, States: copy };
  };
  const withResource = (holder: unknown): unknown => {
    if (!isObject(holder)) return holder;
    const resource = own(holder, "Resource");
    return typeof resource === "string" ? { ...holder, Resource: concreteResource(resource) } : holder;
  };
  const concreteState = (state: Json, depth: number): Json => {
    const out: Json = { ...(withResource(state) as Json) };
    if (Array.isArray(out["Branches"])) out["Branches"] = out["Branches"].map((b) => scope(b, depth + 1));
    if (out["ItemProcessor"] !== undefined) out["ItemProcessor"] = scope(out["ItemProcessor"], depth + 1);
    if (out["Iterator"] !== undefined) out["Iterator"] = scope(out["Iterator"], depth + 1);
    if (out["ItemReader"] !== undefined) out["ItemReader"] = withResource(out["ItemReader"]);
    if (out["ResultWriter"] !== undefined) out["ResultWriter"] = withResource(out["ResultWriter"]);
    return out;
  };
  return scope(definition, 0) as Json;
}

/** Every state name of a definition, nested branches and Map processors included. */
function stateNames(definition: unknown): string[] {
  const names: string[] = [];
  const visitScope = (scope: unknown, depth: number) => {
    if (!isObject(scope) || depth > 40) return;
    const states = own(scope, "States");
    if (!isObject(states)) return;
    for (const name of Object.keys(states)) {
      names.push(name);
      const state = states[name];
      if (!isObject(state)) continue;
      const branches = own(state, "Branches");
      if (Array.isArray(branches)) for (const branch of branches) visitScope(branch, depth + 1);
      visitScope(own(state, "ItemProcessor"), depth + 1);
      visitScope(own(state, "Iterator"), depth + 1);
    }
  };
  visitScope(definition, 0);
  return names;
}

/**
 * The machine to grade when a file defines several: the one with most of the exercise's state names,
 * then the one named like the exercise's machine, then the first.
 */
function chooseMachine(
  machines: readonly FoundMachine[],
  preferredName: string | undefined,
  expectedStates: readonly string[] | undefined,
): number {
  const expected = new Set(expectedStates ?? []);
  let best = 0;
  let bestScore = -1;
  machines.forEach((machine, index) => {
    const matches = new Set(stateNames(machine.definition).filter((name) => expected.has(name))).size;
    const score = matches * 2 + (machine.name === preferredName ? 1 : 0);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/** The plain-text entries of SAM's `DefinitionSubstitutions` (an `!GetAtt` one stays a variable). */
function plainSubstitutions(value: unknown): ReadonlyMap<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const plain = new Map<string, string>();
  for (const key of Object.keys(value)) {
    const text = value[key];
    if (typeof text === "string" || typeof text === "number") plain.set(key, String(text));
  }
  return plain.size > 0 ? plain : undefined;
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
        definition: normalizeIntrinsics(own(machine, "definition")),
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
          definition: normalizeIntrinsics(own(properties, "Definition")),
          workflowType: typeFrom(own(properties, "Type")),
          path: ["Resources", key, "Properties", "Definition"],
          substitutions: plainSubstitutions(own(properties, "DefinitionSubstitutions")),
        });
      } else if (type === "AWS::StepFunctions::StateMachine") {
        let definition = normalizeIntrinsics(own(properties, "Definition"));
        let path: PathSegment[] | undefined = ["Resources", key, "Properties", "Definition"];
        if (definition === undefined) {
          const text = definitionStringText(own(properties, "DefinitionString"));
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
 * Reads one submission. When an IaC file defines several machines, the one holding most of
 * `expectedStates` (the exercise's state names) is graded, else the one called `preferredName`, else the
 * first. Engine definition errors become located diagnostics.
 */
export function readSubmission(
  text: string,
  options: { fileName: string; preferredName?: string; expectedStates?: readonly string[] },
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
  const chosenIndex = chooseMachine(machines, options.preferredName, options.expectedStates);
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
            message: m.submissionTooManyMachines(
              machines.map((x) => x.name),
              chosen.name,
            ),
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
    const iac = chosen.path === undefined || chosen.path.length > 0;
    const machine = compileStateMachine(
      iac ? withConcreteResources(chosen.definition, chosen.substitutions) : chosen.definition,
    );
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
