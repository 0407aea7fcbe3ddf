/**
 * `parseExercise(files)`: an exercise folder's texts → a checked {@link Exercise}. Works on a map of
 * relative path → text, so the browser can use it as the CLI does. A broken exercise throws
 * {@link ExerciseFormatError}, located (file, line, column) and explained in Portuguese.
 */
import type { ErrorObject } from "ajv";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { MockConfigError, parseMockConfig, createMockResolver } from "../engine/index.ts";
import type {
  Exercise,
  ExerciseFiles,
  Scenario,
  ScenarioCheck,
  StaticCheck,
  WorkflowType,
  LatePolicy,
} from "./exercise-format.ts";
import { exerciseSchema } from "./exercise-schema.ts";
import { validateExercise } from "./generated/exercise-schema.js";
import { gradingMessages as m } from "./messages.ts";
import { parseDataText, readSubmission } from "./read-submission.ts";
import { lineAndColumn, pointerToPath, SourceLocator, type PathSegment } from "./source-location.ts";

export const EXERCISE_FILE = "exercicio.yaml";
export const DEFAULT_MAX_STATE_TRANSITIONS = 5000;

export class ExerciseFormatError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly detail: string;

  constructor(file: string, line: number, column: number, detail: string) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = "ExerciseFormatError";
    this.file = file;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}

/** The schema is compiled ahead of time (no `new Function` at run time: the site's CSP forbids it). */
function validate(value: unknown): readonly ErrorObject[] {
  return validateExercise(value) ? [] : (validateExercise.errors ?? []);
}

/** The sub-schema an error's schemaPath (`#/properties/…/anyOf`) points at. */
function schemaAt(schemaPath: string): unknown {
  let node: unknown = exerciseSchema;
  for (const token of pointerToPath(schemaPath.replace(/^#/, ""))) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[String(token)];
  }
  return node;
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function fileText(files: ExerciseFiles, name: string): string | undefined {
  const normalized = name.replace(/^\.\//, "");
  return hasOwn(files, normalized) ? files[normalized] : undefined;
}

function valueAtPointer(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[String(segment)];
  }
  return value;
}

/** One ajv error → a pt-BR sentence and the path to locate. */
function describeSchemaError(error: ErrorObject, data: unknown): { path: PathSegment[]; detail: string } {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) {
    return { path: [...path, error.propertyName], detail: m.schemaPropertyName(error.propertyName) };
  }
  switch (error.keyword) {
    case "required": {
      const field = String(params.missingProperty);
      return { path, detail: field === "concept" ? m.schemaHiddenConcept : m.schemaRequired(field) };
    }
    case "additionalProperties": {
      const field = String(params.additionalProperty);
      return { path: [...path, field], detail: m.schemaUnknownField(field) };
    }
    case "type":
      return {
        path,
        detail: m.schemaType(
          String(params.type)
            .split(",")
            .map((type) => m.typeNames[type] ?? type)
            .join(" ou "),
        ),
      };
    case "enum":
      return { path, detail: m.schemaEnum(params.allowedValues as unknown[]) };
    case "const":
      return { path, detail: m.schemaConst(params.allowedValue) };
    case "minimum":
      return { path, detail: m.schemaMinimum(Number(params.limit)) };
    case "exclusiveMinimum":
      return { path, detail: m.schemaExclusiveMinimum(Number(params.limit)) };
    case "maximum":
      return { path, detail: m.schemaMaximum(Number(params.limit)) };
    case "minItems":
      return { path, detail: m.schemaMinItems(Number(params.limit)) };
    case "minLength":
      return { path, detail: m.schemaMinLength };
    case "minProperties":
      return { path, detail: m.schemaMinItems(Number(params.limit)) };
    case "pattern":
      return {
        path,
        detail: String(params.pattern).startsWith("^[a-z0-9]")
          ? m.schemaIdentifier
          : m.schemaPattern(String(params.pattern)),
      };
    case "propertyNames":
      return {
        path: [...path, String(params.propertyName)],
        detail: m.schemaPropertyName(String(params.propertyName)),
      };
    case "discriminator": {
      const parent = schemaAt(error.schemaPath.replace(/\/discriminator$/, "")) as
        { oneOf?: Array<{ properties: { type: { const: string } } }> } | undefined;
      const variants = parent?.oneOf ?? [];
      const allowed = variants.map((variant) => variant.properties.type.const);
      if (params.error === "tag") return { path, detail: m.schemaRequired("type") };
      return { path: [...path, "type"], detail: m.schemaUnknownCheck(String(params.tagValue), allowed) };
    }
    case "oneOf": {
      const value = valueAtPointer(data, path);
      if (
        value &&
        typeof value === "object" &&
        ("Return" in value || "Throw" in value || "DurationSeconds" in value)
      ) {
        return { path, detail: m.schemaOneOfReturnThrow };
      }
      return { path, detail: m.schemaOneMatcher };
    }
    case "anyOf": {
      const alternatives = (schemaAt(error.schemaPath) ?? []) as Array<{ required?: string[] }>;
      const options = alternatives.flatMap((option) => option.required ?? []);
      return { path, detail: m.schemaAnyOf(options) };
    }
    case "not": {
      const value = (valueAtPointer(data, path) ?? {}) as Record<string, unknown>;
      const pair =
        "inputFile" in value && "input" in value ? ["input", "inputFile"] : ["mocks", "mockConfig"];
      return { path, detail: m.schemaNotBoth(pair[0]!, pair[1]!) };
    }
    default:
      return { path, detail: m.schemaGeneric(error.message ?? error.keyword) };
  }
}

interface RawCheck {
  readonly id: string;
  readonly points: number;
}

interface RawScenario {
  readonly id: string;
  readonly title: string;
  readonly visibility: "public" | "hidden";
  readonly concept?: string;
  readonly input?: unknown;
  readonly inputFile?: string;
  readonly workflowType?: WorkflowType;
  readonly mocks?: Record<string, unknown>;
  readonly mockConfig?: { file: string; testCase: string; stateMachine?: string };
  readonly checks: ReadonlyArray<RawCheck & Record<string, unknown>>;
}

interface RawExercise {
  readonly slug: string;
  readonly title: string;
  readonly points: number;
  readonly lessonSection: string;
  readonly learningGoals: string[];
  readonly statement: string;
  readonly starter: string;
  readonly solution: string;
  readonly stateMachineName?: string;
  readonly workflowType?: WorkflowType;
  readonly maxStateTransitions?: number;
  readonly staticChecks?: ReadonlyArray<RawCheck & Record<string, unknown>>;
  readonly scenarios: RawScenario[];
  readonly equivalentMutants?: ReadonlyArray<{ readonly id: string; readonly reason: string }>;
  readonly latePolicy?: LatePolicy;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Parses and checks an exercise folder given as relative path → text. */
export function parseExercise(files: ExerciseFiles): Exercise {
  const mainName = EXERCISE_FILE;
  const mainText = fileText(files, mainName);
  if (mainText === undefined) throw new ExerciseFormatError(mainName, 1, 1, m.missingExerciseFile);

  const lineCounter = new LineCounter();
  const document = parseDocument(mainText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const at = lineAndColumn(mainText, syntax.pos[0]);
    throw new ExerciseFormatError(
      mainName,
      at.line,
      at.column,
      m.yamlSyntax(syntax.message.split("\n")[0] ?? ""),
    );
  }
  const data: unknown = document.toJS({ maxAliasCount: 100 });
  const locator = new SourceLocator(mainText, mainName);
  const failAt = (path: readonly PathSegment[], detail: string): never => {
    const at = locator.locate(path);
    throw new ExerciseFormatError(mainName, at.line, at.column, detail);
  };

  const errors = validate(data);
  const first = errors.find((error) => error.keyword !== "if") ?? errors[0];
  if (first) {
    const { path, detail } = describeSchemaError(first, data);
    failAt(path, detail);
  }
  // The YAML was a mapping with sequences where the schema says so; keep TypeScript informed.
  if (!isMap(document.contents) || !isSeq(document.get("scenarios"))) failAt([], m.schemaType("um objeto"));
  const raw = data as RawExercise;

  const needFile = (name: string, path: PathSegment[]): string => {
    const text = fileText(files, name);
    if (text === undefined) failAt(path, m.missingFile(name));
    return text as string;
  };

  const stateMachineName = raw.stateMachineName ?? raw.slug;
  const readReference = (name: string, field: "starter" | "solution") => {
    const text = needFile(name, [field]);
    const reading = readSubmission(text, { fileName: name, preferredName: stateMachineName });
    if (!reading.ok) {
      const diagnostic = reading.diagnostics[0];
      throw new ExerciseFormatError(
        name,
        diagnostic?.line ?? 1,
        diagnostic?.column ?? 1,
        m.referenceUnreadable(diagnostic?.message ?? reading.reason),
      );
    }
    return { fileName: name, text };
  };
  const starter = readReference(raw.starter, "starter");
  const solution = readReference(raw.solution, "solution");

  const uniqueIds = (checks: ReadonlyArray<{ readonly id: string }>, where: string, path: PathSegment[]) => {
    const seen = new Set<string>();
    checks.forEach((check, index) => {
      if (seen.has(check.id)) failAt([...path, index, "id"], m.duplicateId(check.id, where));
      seen.add(check.id);
    });
  };

  const staticChecks = (raw.staticChecks ?? []) as unknown as StaticCheck[];
  uniqueIds(staticChecks, "staticChecks", ["staticChecks"]);
  uniqueIds(raw.scenarios, "scenarios", ["scenarios"]);

  const scenarios: Scenario[] = raw.scenarios.map((scenario, index) => {
    const path: PathSegment[] = ["scenarios", index];
    uniqueIds(scenario.checks, `scenarios[${index}].checks`, [...path, "checks"]);
    let input: unknown = scenario.input ?? {};
    if (scenario.inputFile !== undefined) {
      const text = needFile(scenario.inputFile, [...path, "inputFile"]);
      const parsed = parseDataText(text, scenario.inputFile);
      if (!parsed.ok) {
        const diagnostic = parsed.diagnostics[0];
        throw new ExerciseFormatError(
          scenario.inputFile,
          diagnostic?.line ?? 1,
          diagnostic?.column ?? 1,
          diagnostic?.message ?? "",
        );
      }
      input = parsed.value;
    }

    let mocks: Scenario["mocks"];
    if (scenario.mockConfig) {
      const { file, testCase, stateMachine } = scenario.mockConfig;
      const text = needFile(file, [...path, "mockConfig", "file"]);
      const parsed = parseDataText(text, file);
      if (!parsed.ok) {
        const diagnostic = parsed.diagnostics[0];
        throw new ExerciseFormatError(
          file,
          diagnostic?.line ?? 1,
          diagnostic?.column ?? 1,
          diagnostic?.message ?? "",
        );
      }
      try {
        const config = parseMockConfig(parsed.value);
        createMockResolver(config, { stateMachineName: stateMachine, testCaseName: testCase });
      } catch (error) {
        if (!(error instanceof MockConfigError)) throw error;
        const pointer = error.pointer;
        const inFile = pointer !== "" || !/caso de teste|máquina/.test(error.message);
        if (inFile && pointer !== "/StateMachines" && !pointer.endsWith("/TestCases")) {
          const at = new SourceLocator(text, file).locate(pointerToPath(pointer));
          throw new ExerciseFormatError(file, at.line, at.column, m.mockConfigInvalid(error.message));
        }
        failAt([...path, "mockConfig", "testCase"], m.mockConfigInvalid(error.message));
      }
      mocks = { config: parsed.value, testCase, ...(stateMachine !== undefined ? { stateMachine } : {}) };
    } else {
      const inline = scenario.mocks ?? {};
      const responses: Record<string, unknown> = {};
      const testCase: Record<string, string> = {};
      for (const state of Object.keys(inline)) {
        Object.defineProperty(responses, state, {
          value: inline[state],
          enumerable: true,
          writable: true,
          configurable: true,
        });
        Object.defineProperty(testCase, state, {
          value: state,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      const config = {
        StateMachines: { [stateMachineName]: { TestCases: { [scenario.id]: testCase } } },
        MockedResponses: responses,
      };
      try {
        parseMockConfig(config);
      } catch (error) {
        if (!(error instanceof MockConfigError)) throw error;
        const inner = pointerToPath(error.pointer).slice(1);
        failAt([...path, "mocks", ...inner], m.inlineMocksInvalid(error.message));
      }
      mocks = { config, testCase: scenario.id, stateMachine: stateMachineName };
    }

    const checks = scenario.checks as unknown as ScenarioCheck[];
    return {
      id: scenario.id,
      title: scenario.title,
      visibility: scenario.visibility,
      ...(scenario.concept !== undefined ? { concept: scenario.concept } : {}),
      input,
      ...(scenario.workflowType !== undefined ? { workflowType: scenario.workflowType } : {}),
      mocks,
      checks,
      points: round2(checks.reduce((sum, check) => sum + check.points, 0)),
    };
  });

  const total = round2(
    staticChecks.reduce((sum, check) => sum + check.points, 0) +
      scenarios.reduce((sum, scenario) => sum + scenario.points, 0),
  );
  if (Math.abs(total - raw.points) > 1e-6) failAt(["points"], m.pointsMismatch(raw.points, total));
  if (raw.latePolicy && Number.isNaN(Date.parse(raw.latePolicy.deadline)))
    failAt(["latePolicy", "deadline"], m.badDeadline(raw.latePolicy.deadline));

  return {
    slug: raw.slug,
    title: raw.title,
    points: raw.points,
    lessonSection: raw.lessonSection,
    learningGoals: raw.learningGoals,
    statement: raw.statement,
    starter,
    solution,
    stateMachineName,
    workflowType: raw.workflowType ?? "STANDARD",
    maxStateTransitions: raw.maxStateTransitions ?? DEFAULT_MAX_STATE_TRANSITIONS,
    staticChecks,
    scenarios,
    ...(raw.equivalentMutants ? { equivalentMutants: raw.equivalentMutants } : {}),
    ...(raw.latePolicy ? { latePolicy: raw.latePolicy } : {}),
  };
}
