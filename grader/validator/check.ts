/**
 * The schema, semantic and teaching layers: walks one definition and reports Diagnostics with AWS's
 * codes and AWS's location format (`/States/<State>/<Field>`). Pure: no I/O, runs in a browser.
 */
import { StatesErrors } from "../engine/errors.ts";
import { compileIntrinsic, isIntrinsicCall } from "../engine/intrinsics.ts";
import { compilePath, PathSyntaxError } from "../engine/jsonpath.ts";
import { parseResource } from "../engine/resources.ts";
import type { Diagnostic, Severity } from "./diagnostic.ts";
import { isStateType, STATE_TYPES, type QueryLanguage, type StateType } from "./fields.ts";
import * as compiled from "./generated/asl-schema.js";
import { analyzeJsonata, type JsonataContext } from "./jsonata-rules.ts";
import { editDistance } from "./edit-distance.ts";
import { messages as m, sections, type SectionId } from "./messages.ts";
import { schemaDiagnostics, type SchemaError } from "./schema-errors.ts";
import type { Locator, Segment } from "./source.ts";

export interface CheckOptions {
  /** Validate as an Express workflow (no `.sync`, `.waitForTaskToken` or activities). */
  readonly express?: boolean;
  /** Where each value sits in the source; without it, ranges are null. */
  readonly locator?: Locator;
  /** The definition came from an IaC file: `${…}` / `#{…}` / `Fn::GetAtt` values are expected. */
  readonly iac?: boolean;
  /** Objects in which the source wrote a key twice (paths from the definition's root). */
  readonly duplicateKeys?: readonly { path: readonly Segment[]; key: string }[];
}

type Json = Record<string, unknown>;
type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

const validators = compiled as unknown as Record<string, Validator>;

/** AWS's nesting limit is not documented; a generous bound that only pathological definitions reach (unverified). */
export const MAX_NESTING_DEPTH = 40;
const MAX_NAME = 80;
const MAX_LABEL = 40;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/]/;
const TEMPLATED = /\$\{[^}]*\}|#\{[^}]*\}/g;
/** An IaC variable (`${aws:accountId}`, `#{AWS::Region}`, `${Funcao.Arn}`) inside a string. */
const hasTemplate = (text: string) => /\$\{[^}]*\}|#\{[^}]*\}/.test(text);
const PLACEHOLDER_TOKENS = /\b(REGION|ACCOUNT_ID|ACCOUNT|AWS_REGION|AWS_ACCOUNT_ID|ACCOUNTID)\b|<[^>]*>/g;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

interface VarScope {
  readonly parent: VarScope | undefined;
  /** Distributed Map children cannot see outer variables. */
  readonly isolated: boolean;
  readonly assigned: Map<string, Segment[]>;
  readonly refs: { name: string; path: Segment[] }[];
}

interface Scope {
  /** Path of the object holding StartAt/States. */
  readonly path: Segment[];
  readonly names: Set<string>;
  readonly language: QueryLanguage;
  readonly depth: number;
  readonly vars: VarScope;
}

const STRING_OPS = [
  "StringEquals",
  "StringLessThan",
  "StringGreaterThan",
  "StringLessThanEquals",
  "StringGreaterThanEquals",
];
const NUMERIC_OPS = [
  "NumericEquals",
  "NumericLessThan",
  "NumericGreaterThan",
  "NumericLessThanEquals",
  "NumericGreaterThanEquals",
];
const TIMESTAMP_OPS = [
  "TimestampEquals",
  "TimestampLessThan",
  "TimestampGreaterThan",
  "TimestampLessThanEquals",
  "TimestampGreaterThanEquals",
];
const TYPE_TESTS = ["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"];
const OPERATORS = new Map<string, "string" | "number" | "boolean" | "timestamp" | "path">([
  ...STRING_OPS.map((op) => [op, "string"] as const),
  ["StringMatches", "string"],
  ...NUMERIC_OPS.map((op) => [op, "number"] as const),
  ["BooleanEquals", "boolean"],
  ...TIMESTAMP_OPS.map((op) => [op, "timestamp"] as const),
  ...TYPE_TESTS.map((op) => [op, "boolean"] as const),
  ...[...STRING_OPS, ...NUMERIC_OPS, ...TIMESTAMP_OPS, "BooleanEquals"].map(
    (op) => [`${op}Path`, "path"] as const,
  ),
]);

/** JSONPath-mode state fields that hold paths, intrinsics or payload templates, and how each is checked. */
const JSONPATH_FIELDS = new Map<string, "path" | "reference" | "result" | "pathOrIntrinsic" | "payload">([
  ["InputPath", "path"],
  ["OutputPath", "path"],
  ["ResultPath", "result"],
  ["ItemsPath", "reference"],
  ["SecondsPath", "reference"],
  ["TimestampPath", "reference"],
  ["TimeoutSecondsPath", "reference"],
  ["HeartbeatSecondsPath", "reference"],
  ["MaxConcurrencyPath", "reference"],
  ["ToleratedFailureCountPath", "reference"],
  ["ToleratedFailurePercentagePath", "reference"],
  ["ErrorPath", "pathOrIntrinsic"],
  ["CausePath", "pathOrIntrinsic"],
  ["Parameters", "payload"],
  ["ResultSelector", "payload"],
  ["ItemSelector", "payload"],
  ["Credentials", "payload"],
]);

/** Errors that `States.TaskFailed` does not match (AWS docs). */
const NOT_TASK_FAILED = new Set([
  "States.Timeout",
  "States.HeartbeatTimeout",
  "States.Runtime",
  "States.DataLimitExceeded",
  "States.ALL",
]);

/**
 * The error names AWS predefines. A state can only raise other names without the `States.` prefix (AWS:
 * "error names can't begin with the States. prefix"), so any other `States.*` name can never match.
 */
const PREDEFINED_ERRORS: ReadonlySet<string> = new Set([
  ...Object.values(StatesErrors),
  "States.Http.Socket",
]);

export function checkDefinition(definition: unknown, options: CheckOptions = {}): Diagnostic[] {
  const checker = new Checker(options);
  checker.machine(definition);
  return checker.finish();
}

class Checker {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly locator: Locator | undefined;
  private readonly express: boolean;
  private readonly iac: boolean;
  private readonly stateNames = new Map<string, Segment[]>();
  private readonly labels = new Map<string, Segment[]>();
  private readonly varScopes: VarScope[] = [];
  private readonly duplicateKeys: readonly { path: readonly Segment[]; key: string }[];
  private topLanguage: QueryLanguage = "JSONPath";
  private root: unknown;
  private everyNameCache: Set<string> | undefined;

  /** Every state name in the definition, nested ones included (computed only when a target is missing). */
  private get everyName(): Set<string> {
    return (this.everyNameCache ??= collectStateNames(this.root, new Set()));
  }

  constructor(options: CheckOptions) {
    this.locator = options.locator;
    this.express = options.express ?? false;
    this.iac = options.iac ?? false;
    this.duplicateKeys = options.duplicateKeys ?? [];
  }

  report(
    code: string,
    severity: Severity,
    path: readonly Segment[],
    message: string,
    section: SectionId,
    key = false,
  ): void {
    this.diagnostics.push({
      code,
      severity,
      location: "/" + path.join("/"),
      range: this.locator ? this.locator.range(path, key) : null,
      message,
      lessonSection: sections[section],
    });
  }

  error(path: readonly Segment[], message: string, section: SectionId = "anatomy", key = false): void {
    this.report("SCHEMA_VALIDATION_FAILED", "error", path, message, section, key);
  }

  finish(): Diagnostic[] {
    this.checkVariables();
    const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
    return this.diagnostics.sort(
      (a, b) =>
        (a.range?.start.offset ?? 0) - (b.range?.start.offset ?? 0) || rank[a.severity] - rank[b.severity],
    );
  }

  private schema(
    name: string,
    value: unknown,
    path: Segment[],
    type?: StateType,
    language?: QueryLanguage,
  ): boolean {
    const validate = validators[name]!;
    if (validate(value)) return true;
    for (const d of schemaDiagnostics(validate.errors ?? [], path, value, { type, language })) {
      this.report("SCHEMA_VALIDATION_FAILED", "error", d.path, d.message, d.section, d.key);
    }
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // Machine and scopes

  machine(definition: unknown): void {
    if (!isObject(definition)) {
      this.report("SCHEMA_VALIDATION_FAILED", "error", [], m.notAnObject, "intro");
      return;
    }
    this.schema("machine", definition, []);
    this.root = definition;
    if (definition["QueryLanguage"] === "JSONata") this.topLanguage = "JSONata";
    for (const dup of this.duplicateKeys) {
      if (dup.path[dup.path.length - 1] === "States") {
        this.report(
          "DUPLICATE_STATE_NAME",
          "error",
          [...dup.path, dup.key],
          m.duplicateStateName(dup.key),
          "anatomy",
          true,
        );
      }
    }
    const vars = this.newVarScope(undefined, false);
    this.scope(definition, [], this.topLanguage, 0, vars);
  }

  private newVarScope(parent: VarScope | undefined, isolated: boolean): VarScope {
    const scope: VarScope = { parent, isolated, assigned: new Map(), refs: [] };
    this.varScopes.push(scope);
    return scope;
  }

  private scope(
    container: Json,
    path: Segment[],
    language: QueryLanguage,
    depth: number,
    vars: VarScope,
  ): void {
    const states = container["States"];
    if (!isObject(states)) return;
    const statesPath = [...path, "States"];
    const names = new Set(Object.keys(states));
    const scope: Scope = { path, names, language, depth, vars };
    if (depth > MAX_NESTING_DEPTH) {
      this.report("TOO_DEEPLY_NESTED", "error", path, m.tooDeeplyNested(MAX_NESTING_DEPTH), "parallel");
      return;
    }
    const startAt = container["StartAt"];
    if (typeof startAt === "string" && startAt !== "" && !names.has(startAt)) {
      this.report(
        "MISSING_TRANSITION_TARGET",
        "error",
        [...path, "StartAt"],
        this.missingTarget(startAt, names),
        "sequential",
      );
    }
    if (names.size === 0) {
      this.error(statesPath, m.emptyStates, "anatomy");
      return;
    }
    let hasTerminal = false;
    const edges = new Map<string, string[]>();
    for (const [name, state] of Object.entries(states)) {
      const statePath = [...statesPath, name];
      this.stateName(name, statePath);
      const targets: string[] = [];
      edges.set(name, targets);
      if (this.state(state, statePath, scope, targets)) hasTerminal = true;
    }
    if (!hasTerminal) this.report("MISSING_END_STATE", "error", statesPath, m.missingEndState, "sequential");
    // Teaching: states no path from StartAt reaches.
    if (typeof startAt === "string" && names.has(startAt)) {
      const seen = new Set<string>([startAt]);
      const queue = [startAt];
      while (queue.length > 0) {
        for (const next of edges.get(queue.pop()!) ?? []) {
          if (names.has(next) && !seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      for (const name of names) {
        if (!seen.has(name))
          this.report(
            "UNREACHABLE_STATE",
            "info",
            [...statesPath, name],
            m.unreachable(name, startAt),
            "sequential",
            true,
          );
      }
    }
  }

  private stateName(name: string, path: Segment[]): void {
    if (name.length === 0 || name.length > MAX_NAME || hasControlCharacter(name)) {
      this.report("INVALID_STATE_NAME", "error", path, m.invalidStateName(name, MAX_NAME), "anatomy", true);
    }
    const first = this.stateNames.get(name);
    if (first) {
      this.report(
        "DUPLICATE_STATE_NAME",
        "error",
        path,
        m.duplicateStateNameNested(name, "/" + first.join("/")),
        "anatomy",
        true,
      );
    } else {
      this.stateNames.set(name, path);
    }
  }

  private missingTarget(target: string, names: Set<string>): string {
    if (this.everyName.has(target)) return m.jumpOutside(target);
    return m.missingTarget(target, suggest(target, names));
  }

  private transition(target: unknown, path: Segment[], scope: Scope, targets: string[]): void {
    if (typeof target !== "string" || target === "") return;
    targets.push(target);
    if (!scope.names.has(target)) {
      this.report(
        "MISSING_TRANSITION_TARGET",
        "error",
        path,
        this.missingTarget(target, scope.names),
        "sequential",
      );
    }
  }

  // -------------------------------------------------------------------------------------------
  // States

  /** Checks one state; returns true when it is terminal (End, Succeed or Fail). */
  private state(state: unknown, path: Segment[], scope: Scope, targets: string[]): boolean {
    if (!isObject(state)) {
      this.error(path, m.stateNotObject, "anatomy");
      return false;
    }
    const type = state["Type"];
    if (!isStateType(type)) {
      if (type === undefined) this.error(path, m.missingType(STATE_TYPES), "anatomy");
      else this.error([...path, "Type"], m.badType(String(type), STATE_TYPES), "anatomy");
      // Unknown type: whether it ends the flow is unknowable; count it as terminal to avoid a cascade.
      return true;
    }
    let language = scope.language;
    const declared = state["QueryLanguage"];
    if (declared === "JSONPath" || declared === "JSONata") {
      if (this.topLanguage === "JSONata" && declared === "JSONPath") {
        this.error([...path, "QueryLanguage"], m.jsonPathInsideJsonata, "intro");
      }
      language = declared;
    }
    this.schema(`${type}${language}`, state, path, type, language);

    const terminal = type === "Succeed" || type === "Fail" || state["End"] === true;
    if (type !== "Choice" && type !== "Succeed" && type !== "Fail") {
      const hasNext = state["Next"] !== undefined;
      const hasEnd = state["End"] !== undefined;
      if (hasNext && hasEnd) this.error(path, m.nextAndEnd, "sequential");
      else if (!hasNext && !hasEnd) this.error(path, m.nextOrEnd, "sequential");
      else if (state["End"] === false) this.error([...path, "End"], m.endFalse, "sequential");
      this.transition(state["Next"], [...path, "Next"], scope, targets);
    }

    if (language === "JSONPath") this.jsonPathFields(state, path, type, scope);
    else this.jsonataFields(state, path, type, scope);
    this.assign(state["Assign"], [...path, "Assign"], language, scope, type);

    switch (type) {
      case "Task":
        this.task(state, path);
        break;
      case "Choice":
        this.choice(state, path, scope, language, targets);
        break;
      case "Wait":
        this.wait(state, path, language);
        break;
      case "Fail":
        this.fail(state, path, language);
        break;
      case "Pass":
        this.pass(state, path, language);
        break;
      case "Parallel":
        this.parallel(state, path, scope);
        break;
      case "Map":
        this.map(state, path, scope);
        break;
      default:
        break;
    }
    if (type === "Task" || type === "Parallel" || type === "Map") {
      this.retry(state["Retry"], [...path, "Retry"]);
      this.catchers(state["Catch"], [...path, "Catch"], scope, language, targets);
    }
    return terminal;
  }

  private task(state: Json, path: Segment[]): void {
    const resource = state["Resource"];
    if (typeof resource === "string" && resource !== "") this.resource(resource, [...path, "Resource"], true);
    for (const [a, b] of [
      ["TimeoutSeconds", "TimeoutSecondsPath"],
      ["HeartbeatSeconds", "HeartbeatSecondsPath"],
    ] as const) {
      if (state[a] !== undefined && state[b] !== undefined) this.error(path, m.onlyOneOf([a, b]), "errors");
    }
    const timeout =
      typeof state["TimeoutSeconds"] === "number"
        ? state["TimeoutSeconds"]
        : state["TimeoutSecondsPath"] === undefined
          ? 99_999_999
          : undefined;
    const heartbeat = state["HeartbeatSeconds"];
    if (typeof heartbeat === "number" && timeout !== undefined && heartbeat >= timeout) {
      this.error([...path, "HeartbeatSeconds"], m.heartbeatNotBelowTimeout(heartbeat, timeout), "errors");
    }
    const credentials = state["Credentials"];
    if (
      isObject(credentials) &&
      credentials["RoleArn"] === undefined &&
      credentials["RoleArn.$"] === undefined
    ) {
      this.error([...path, "Credentials"], m.credentialsRoleArn, "services");
    }
    const retry = state["Retry"];
    if (retry === undefined || (Array.isArray(retry) && retry.length === 0)) {
      this.report(
        "TASK_WITHOUT_RETRY",
        "info",
        path,
        m.taskWithoutRetry(String(path[path.length - 1]), invokesLambda(state["Resource"])),
        "errors",
        true,
      );
    }
  }

  /** Validates a Resource ARN (Task, ItemReader, ResultWriter). */
  private resource(arn: string, path: Segment[], isTask: boolean): void {
    if (this.express && isTask) this.expressResource(arn, path);
    if (hasTemplate(arn)) {
      const parts = arn.replace(TEMPLATED, "VAR").split(":");
      if (parts[0] === "arn" && parts[2] === "lambda" && parts.length < 7 && parts.includes("function")) {
        this.report("ARN_MISSING_PART", "info", path, m.lambdaArnMissingPart(arn), "lambda");
      }
      return;
    }
    const placeholders = arn.match(PLACEHOLDER_TOKENS);
    let candidate = arn;
    if (placeholders) {
      candidate = arn
        .replace(/\b(REGION|AWS_REGION)\b/g, "us-east-1")
        .replace(/\b(ACCOUNT_ID|ACCOUNT|AWS_ACCOUNT_ID|ACCOUNTID)\b/g, "123456789012")
        .replace(/<[^>]*>/g, "x");
    }
    const parsed = parseResource(candidate);
    const lambdaWithoutName = parsed?.kind === "lambda-function" && (candidate.split(":")[6] ?? "") === "";
    if (!parsed || lambdaWithoutName) {
      this.report("INVALID_RESOURCE", "error", path, m.invalidResource(arn), isTask ? "lambda" : "services");
      return;
    }
    if (placeholders) {
      this.report(
        "PLACEHOLDER_ARN",
        "info",
        path,
        m.placeholderArn(arn, [...new Set(placeholders)]),
        "lambda",
      );
    }
  }

  /** Express workflows: no activities, no `.sync`, no `.waitForTaskToken` (also when the ARN holds IaC variables). */
  private expressResource(arn: string, path: Segment[]): void {
    const text = arn.replace(TEMPLATED, "VAR");
    if (/^arn:[^:]*:states:[^:]*:[^:]*:activity:/.test(text))
      this.error(path, m.expressActivity, "challenges");
    else if (/\.sync(:\d+)?$/.test(text)) this.error(path, m.expressPattern(".sync"), "challenges");
    else if (text.endsWith(".waitForTaskToken"))
      this.error(path, m.expressPattern(".waitForTaskToken"), "challenges");
  }

  private wait(state: Json, path: Segment[], language: QueryLanguage): void {
    const present = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"].filter(
      (f) => state[f] !== undefined,
    );
    if (present.length === 0) this.error(path, m.waitNeedsOne(language), "anatomy");
    else if (present.length > 1) this.error(path, m.onlyOneOf(present), "anatomy");
    const timestamp = state["Timestamp"];
    if (
      typeof timestamp === "string" &&
      !(language === "JSONata" && isJsonataText(timestamp)) &&
      !RFC3339.test(timestamp)
    ) {
      this.error([...path, "Timestamp"], m.badTimestamp(timestamp), "anatomy");
    }
  }

  private fail(state: Json, path: Segment[], language: QueryLanguage): void {
    for (const [a, b] of [
      ["Error", "ErrorPath"],
      ["Cause", "CausePath"],
    ] as const) {
      if (state[a] !== undefined && state[b] !== undefined) this.error(path, m.onlyOneOf([a, b]), "anatomy");
      const value = state[a];
      if (language === "JSONPath" && typeof value === "string" && looksLikePath(value)) {
        this.report("NO_PATH", "warning", [...path, a], m.noPath(a, `${a}Path`, value), "anatomy");
      }
    }
  }

  private pass(state: Json, path: Segment[], language: QueryLanguage): void {
    const result = state["Result"];
    if (result === undefined || language !== "JSONPath") return;
    walkKeys(result, [...path, "Result"], (key, keyPath) => {
      if (key.endsWith(".$"))
        this.report("PASS_RESULT_IS_STATIC", "warning", keyPath, m.passResultIsStatic(key), "anatomy", true);
    });
    if (state["ResultPath"] === undefined) {
      this.report(
        "RESULTPATH_DISCARDS_INPUT",
        "info",
        [...path, "Result"],
        m.passResultReplacesInput,
        "bestPractices",
        true,
      );
    }
  }

  // -------------------------------------------------------------------------------------------
  // Choice

  private choice(
    state: Json,
    path: Segment[],
    scope: Scope,
    language: QueryLanguage,
    targets: string[],
  ): void {
    const choices = state["Choices"];
    if (Array.isArray(choices)) {
      choices.forEach((rule, index) => {
        const rulePath = [...path, "Choices", index];
        if (language === "JSONata") {
          if (!isObject(rule)) return;
          this.schema("jsonataChoiceRule", rule, rulePath);
          this.jsonataValue(rule["Condition"], [...rulePath, "Condition"], scope, "other");
          this.jsonataValue(rule["Output"], [...rulePath, "Output"], scope, "other");
          this.assign(rule["Assign"], [...rulePath, "Assign"], language, scope, "Choice");
        } else {
          this.choiceRule(rule, rulePath, true, scope);
          if (isObject(rule)) this.assign(rule["Assign"], [...rulePath, "Assign"], language, scope, "Choice");
        }
        if (isObject(rule)) this.transition(rule["Next"], [...rulePath, "Next"], scope, targets);
      });
    }
    this.transition(state["Default"], [...path, "Default"], scope, targets);
  }

  private choiceRule(rule: unknown, path: Segment[], top: boolean, scope: Scope): void {
    if (!isObject(rule)) {
      this.error(path, m.ruleNotObject, "anatomy");
      return;
    }
    const combinators = ["And", "Or", "Not"].filter((k) => rule[k] !== undefined);
    const operators = Object.keys(rule).filter((k) => OPERATORS.has(k));
    for (const key of Object.keys(rule)) {
      const allowed =
        key === "Variable" ||
        key === "Comment" ||
        OPERATORS.has(key) ||
        key === "And" ||
        key === "Or" ||
        key === "Not" ||
        (top && (key === "Next" || key === "Assign"));
      if (!allowed) {
        const hint =
          key === "Condition"
            ? m.conditionNeedsJsonata
            : !top && (key === "Next" || key === "Assign")
              ? m.nestedRuleNext(key)
              : m.unknownRuleField(key, [...OPERATORS.keys()]);
        this.error([...path, key], hint, "anatomy", true);
      }
    }
    const next = rule["Next"];
    if (top && next === undefined) this.error(path, m.requiredFields(["Next"]), "anatomy");
    else if (top && (typeof next !== "string" || next === "")) {
      this.error([...path, "Next"], m.wrongTypeOf("Next", "string", next), "anatomy");
    }
    const assign = rule["Assign"];
    if (top && assign !== undefined && !isObject(assign)) {
      this.error([...path, "Assign"], m.wrongTypeOf("Assign", "object", assign), "intro");
    }
    if (combinators.length + operators.length === 0) {
      this.error(path, m.ruleNeedsOperator, "anatomy");
      return;
    }
    if (combinators.length + operators.length > 1) {
      this.error(path, m.ruleOneOperator([...combinators, ...operators]), "anatomy");
      return;
    }
    if (combinators.length === 1) {
      const key = combinators[0]!;
      if (rule["Variable"] !== undefined)
        this.error([...path, "Variable"], m.combinatorWithVariable(key), "anatomy", true);
      const value = rule[key];
      if (key === "Not") this.choiceRule(value, [...path, "Not"], false, scope);
      else if (!Array.isArray(value) || value.length === 0)
        this.error([...path, key], m.combinatorArray(key), "anatomy");
      else value.forEach((inner, i) => this.choiceRule(inner, [...path, key, i], false, scope));
      return;
    }
    const op = operators[0]!;
    const variable = rule["Variable"];
    if (variable === undefined) this.error(path, m.requiredFields(["Variable"]), "anatomy");
    else if (typeof variable !== "string") {
      this.error([...path, "Variable"], m.wrongTypeOf("Variable", "string", variable), "anatomy");
    } else this.path(variable, [...path, "Variable"], "path", scope);
    const kind = OPERATORS.get(op)!;
    const value = rule[op];
    const opPath = [...path, op];
    switch (kind) {
      case "path":
        if (typeof value !== "string")
          this.error(opPath, m.wrongType(op, 'um caminho, como "$.limite"'), "anatomy");
        else this.path(value, opPath, "reference", scope);
        break;
      case "string":
        if (typeof value !== "string") this.error(opPath, m.wrongType(op, "texto"), "anatomy");
        else if (op !== "StringMatches" && looksLikePath(value))
          this.report("NO_PATH", "warning", opPath, m.noPath(op, `${op}Path`, value), "anatomy");
        break;
      case "number":
        if (typeof value !== "number") {
          this.error(opPath, m.wrongType(op, "número"), "anatomy");
          if (typeof value === "string" && looksLikePath(value))
            this.report("NO_PATH", "warning", opPath, m.noPath(op, `${op}Path`, value), "anatomy");
        }
        break;
      case "boolean":
        if (typeof value !== "boolean")
          this.error(opPath, m.wrongType(op, "booleano (true ou false)"), "anatomy");
        break;
      case "timestamp":
        if (typeof value !== "string" || !RFC3339.test(value)) {
          this.error(opPath, m.badTimestamp(String(value)), "anatomy");
          if (typeof value === "string" && looksLikePath(value))
            this.report("NO_PATH", "warning", opPath, m.noPath(op, `${op}Path`, value), "anatomy");
        }
        break;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Parallel and Map

  private parallel(state: Json, path: Segment[], scope: Scope): void {
    const branches = state["Branches"];
    if (!Array.isArray(branches)) return;
    branches.forEach((branch, index) => {
      const branchPath = [...path, "Branches", index];
      if (!isObject(branch)) {
        this.error(branchPath, m.branchNotObject, "parallel");
        return;
      }
      this.schema("branch", branch, branchPath);
      this.scope(branch, branchPath, scope.language, scope.depth + 1, this.newVarScope(scope.vars, false));
    });
  }

  private map(state: Json, path: Segment[], scope: Scope): void {
    const hasProcessor = state["ItemProcessor"] !== undefined;
    const hasIterator = state["Iterator"] !== undefined;
    if (hasProcessor && hasIterator) this.error(path, m.onlyOneOf(["ItemProcessor", "Iterator"]), "parallel");
    if (!hasProcessor && !hasIterator) this.error(path, m.requiredFields(["ItemProcessor"]), "parallel");
    if (state["ItemSelector"] !== undefined && state["Parameters"] !== undefined) {
      this.error(path, m.onlyOneOf(["ItemSelector", "Parameters"]), "parallel");
    }
    const key = hasProcessor ? "ItemProcessor" : "Iterator";
    const processor = state[key];
    if (isObject(processor)) {
      const processorPath = [...path, key];
      this.schema("processor", processor, processorPath);
      const config = processor["ProcessorConfig"];
      const distributed = isObject(config) && config["Mode"] === "DISTRIBUTED";
      this.scope(
        processor,
        processorPath,
        scope.language,
        scope.depth + 1,
        this.newVarScope(scope.vars, distributed),
      );
    }
    const label = state["Label"];
    if (typeof label === "string") {
      if (
        label.length === 0 ||
        label.length > MAX_LABEL ||
        LABEL_FORBIDDEN.test(label) ||
        hasControlCharacter(label)
      ) {
        this.report(
          "INVALID_LABEL_NAME",
          "error",
          [...path, "Label"],
          m.invalidLabel(label, MAX_LABEL),
          "parallel",
        );
      }
      const first = this.labels.get(label);
      if (first)
        this.report(
          "DUPLICATE_LABEL_NAME",
          "error",
          [...path, "Label"],
          m.duplicateLabel(label, "/" + first.join("/")),
          "parallel",
        );
      else this.labels.set(label, [...path, "Label"]);
    }
    for (const field of ["ItemReader", "ResultWriter"]) {
      const object = state[field];
      if (isObject(object) && typeof object["Resource"] === "string" && object["Resource"] !== "") {
        this.resource(object["Resource"], [...path, field, "Resource"], false);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Retry and Catch

  private retry(retriers: unknown, path: Segment[]): void {
    if (!Array.isArray(retriers)) return;
    this.errorLists(retriers, path, "Retry");
  }

  private errorLists(entries: unknown[], path: Segment[], field: "Retry" | "Catch"): void {
    const earlier: string[][] = [];
    entries.forEach((entry, index) => {
      if (!isObject(entry) || !Array.isArray(entry["ErrorEquals"])) return;
      const errors = entry["ErrorEquals"].filter((e): e is string => typeof e === "string");
      const errorsPath = [...path, index, "ErrorEquals"];
      entry["ErrorEquals"].forEach((error, position) => {
        if (typeof error !== "string" || !error.startsWith("States.") || PREDEFINED_ERRORS.has(error)) return;
        const message = m.unknownStatesError(field, error, suggest(error, PREDEFINED_ERRORS));
        this.report("UNKNOWN_STATES_ERROR", "warning", [...errorsPath, position], message, "errors");
      });
      if (errors.includes("States.ALL")) {
        if (errors.length > 1) this.error(errorsPath, m.statesAllAlone(field), "errors");
        if (index !== entries.length - 1) this.error([...path, index], m.statesAllLast(field), "errors");
      }
      const covered =
        errors.length > 0 && errors.every((error) => earlier.some((list) => matchesAll(list, error)));
      if (covered) {
        const code = field === "Catch" ? "CATCH_NEVER_FIRES" : "RETRY_NEVER_FIRES";
        this.report(code, "info", [...path, index], m.neverFires(field, errors), "errors");
      }
      earlier.push(errors);
    });
  }

  private catchers(
    catchers: unknown,
    path: Segment[],
    scope: Scope,
    language: QueryLanguage,
    targets: string[],
  ): void {
    if (!Array.isArray(catchers)) return;
    this.errorLists(catchers, path, "Catch");
    catchers.forEach((catcher, index) => {
      if (!isObject(catcher)) return;
      const catcherPath = [...path, index];
      this.transition(catcher["Next"], [...catcherPath, "Next"], scope, targets);
      if (language === "JSONPath") {
        const resultPath = catcher["ResultPath"];
        if (resultPath === undefined) {
          this.report("RESULTPATH_DISCARDS_INPUT", "info", catcherPath, m.catchDiscardsInput, "errors");
        } else {
          this.path(resultPath, [...catcherPath, "ResultPath"], "result", scope);
        }
      } else {
        this.jsonataValue(catcher["Output"], [...catcherPath, "Output"], scope, "catch");
      }
      this.assign(catcher["Assign"], [...catcherPath, "Assign"], language, scope, "Catch");
    });
  }

  // -------------------------------------------------------------------------------------------
  // JSONPath fields

  private jsonPathFields(state: Json, path: Segment[], type: StateType, scope: Scope): void {
    // Walk the fields present (not the list of possible ones): no work for absent fields.
    for (const field of Object.keys(state)) {
      const kind = JSONPATH_FIELDS.get(field);
      if (kind === undefined) continue;
      const value = state[field];
      if (kind === "payload") {
        if (value !== undefined) this.payload(value, [...path, field], scope);
      } else if (kind === "pathOrIntrinsic") {
        this.pathOrIntrinsic(value, [...path, field], scope);
      } else {
        this.path(value, [...path, field], kind, scope);
      }
    }
    if (type !== "Map") return;
    for (const field of ["ItemReader", "ResultWriter"]) {
      const object = state[field];
      if (isObject(object) && object["Parameters"] !== undefined)
        this.payload(object["Parameters"], [...path, field, "Parameters"], scope);
    }
    const reader = state["ItemReader"];
    if (isObject(reader) && isObject(reader["ReaderConfig"])) {
      this.path(
        reader["ReaderConfig"]["MaxItemsPath"],
        [...path, "ItemReader", "ReaderConfig", "MaxItemsPath"],
        "reference",
        scope,
      );
    }
    const batcher = state["ItemBatcher"];
    if (isObject(batcher)) {
      if (batcher["BatchInput"] !== undefined)
        this.payload(batcher["BatchInput"], [...path, "ItemBatcher", "BatchInput"], scope);
      for (const field of ["MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath"])
        this.path(batcher[field], [...path, "ItemBatcher", field], "reference", scope);
    }
  }

  /** kind: "path" (any JSONPath), "reference" (single node), "result" (ResultPath: reference on `$`). */
  private path(value: unknown, path: Segment[], kind: "path" | "reference" | "result", scope: Scope): void {
    if (typeof value !== "string") return;
    if (this.iac && hasTemplate(value)) return;
    const field = String(path[path.length - 1]);
    let compiledPath;
    try {
      compiledPath = compilePath(value);
    } catch (error) {
      if (error instanceof PathSyntaxError) {
        this.error(
          path,
          m.badPath(field, value, error.detail, kind === "path" ? "path" : "reference"),
          "intro",
        );
        return;
      }
      throw error;
    }
    const root = value.startsWith("$$") ? "context" : /^\$[A-Za-z_]/.test(value) ? "variable" : "data";
    if (kind === "result" && root !== "data") {
      this.error(path, m.resultPathRoot(value), "bestPractices");
      return;
    }
    if (kind !== "path" && !compiledPath.isReference) {
      this.error(path, m.notReferencePath(field, value), "intro");
      return;
    }
    if (root === "variable") this.variableRef(value, path, scope);
  }

  private variableRef(text: string, path: Segment[], scope: Scope): void {
    const match = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text);
    if (match) scope.vars.refs.push({ name: match[1]!, path });
  }

  private pathOrIntrinsic(value: unknown, path: Segment[], scope: Scope): void {
    if (typeof value !== "string") return;
    if (isIntrinsicCall(value)) this.intrinsic(value, path, scope);
    else this.path(value, path, "path", scope);
  }

  private intrinsic(text: string, path: Segment[], scope: Scope): void {
    try {
      compileIntrinsic(text, "/" + path.join("/"));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.error(path, m.badIntrinsic(detail), "intro");
      return;
    }
    // Variables read inside the call: `$name` outside quoted strings.
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === "\\") i++;
      else if (ch === "'") quoted = !quoted;
      else if (!quoted && ch === "$" && /[A-Za-z_]/.test(text[i + 1] ?? ""))
        this.variableRef(text.slice(i), path, scope);
    }
  }

  /** A payload template (Parameters, ResultSelector, ItemSelector, Credentials, Assign): `.$` keys hold paths or intrinsics. */
  private payload(value: unknown, path: Segment[], scope: Scope): void {
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.payload(item, [...path, i], scope));
      return;
    }
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      const innerPath = [...path, key];
      if (key.endsWith(".$")) {
        if (typeof inner !== "string") {
          this.error(innerPath, m.dollarKeyNeedsPath(key), "intro");
        } else if (isIntrinsicCall(inner)) {
          this.intrinsic(inner, innerPath, scope);
        } else if (inner.startsWith("$")) {
          this.path(inner, innerPath, "path", scope);
        } else {
          this.error(innerPath, m.dollarKeyNeedsPath(key), "intro");
        }
      } else if (typeof inner === "string" && (looksLikePath(inner) || isIntrinsicCall(inner))) {
        this.report("NO_DOLLAR", "warning", innerPath, m.noDollar(key, inner), "intro", true);
      } else {
        this.payload(inner, innerPath, scope);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Variables (Assign)

  private assign(
    value: unknown,
    path: Segment[],
    language: QueryLanguage,
    scope: Scope,
    owner: StateType | "Catch",
  ): void {
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      const keyPath = [...path, key];
      const dollar = language === "JSONPath" && key.endsWith(".$");
      const name = dollar ? key.slice(0, -2) : key;
      if (name.includes(".") || name.includes("["))
        this.error(keyPath, m.variableSubPath(name), "intro", true);
      else if (!VARIABLE_NAME.test(name) || name.length > MAX_NAME)
        this.error(keyPath, m.badVariableName(name, MAX_NAME), "intro", true);
      else if (name === "states" && language === "JSONata")
        this.error(keyPath, m.reservedVariable, "intro", true);
      else if (!scope.vars.assigned.has(name)) scope.vars.assigned.set(name, keyPath);
      if (language === "JSONPath") {
        if (dollar) {
          if (typeof inner !== "string") this.error(keyPath, m.dollarKeyNeedsPath(key), "intro");
          else this.pathOrIntrinsic(inner, keyPath, scope);
        } else if (typeof inner === "string" && (looksLikePath(inner) || isIntrinsicCall(inner))) {
          this.report("NO_DOLLAR", "warning", keyPath, m.noDollar(key, inner), "intro", true);
        } else {
          this.payload(inner, keyPath, scope);
        }
      } else {
        const context: JsonataContext =
          owner === "Catch"
            ? "catch"
            : owner === "Task" || owner === "Map" || owner === "Parallel"
              ? "result"
              : "other";
        this.jsonataValue(inner, keyPath, scope, context);
      }
    }
  }

  private checkVariables(): void {
    for (const vars of this.varScopes) {
      for (const ref of vars.refs) {
        let visible = false;
        for (let s: VarScope | undefined = vars; s; s = s.isolated ? undefined : s.parent) {
          if (s.assigned.has(ref.name)) {
            visible = true;
            break;
          }
        }
        if (!visible) {
          const elsewhere = this.varScopes.some((s) => s.assigned.has(ref.name));
          this.error(
            ref.path,
            elsewhere ? m.variableNotVisible(ref.name) : m.variableNeverAssigned(ref.name),
            "intro",
          );
        }
      }
      for (const [name, path] of vars.assigned) {
        for (let s = vars.isolated ? undefined : vars.parent; s; s = s.isolated ? undefined : s.parent) {
          if (s.assigned.has(name)) {
            this.error(path, m.variableShadows(name), "intro", true);
            break;
          }
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // JSONata fields

  private jsonataFields(state: Json, path: Segment[], type: StateType, scope: Scope): void {
    const resultContext: JsonataContext =
      type === "Task" || type === "Map" || type === "Parallel" ? "result" : "other";
    for (const [field, value] of Object.entries(state)) {
      switch (field) {
        case "Type":
        case "Comment":
        case "QueryLanguage":
        case "Next":
        case "End":
        case "Resource":
        case "Branches":
        case "ItemProcessor":
        case "Iterator":
        case "Retry":
        case "Catch":
        case "Choices":
        case "Default":
        case "Label":
        case "Assign":
          break;
        case "Output":
          this.jsonataValue(value, [...path, field], scope, resultContext);
          break;
        default:
          this.jsonataValue(value, [...path, field], scope, "other");
      }
    }
  }

  /** Every `{% … %}` string inside `value`; `.$` keys are JSONPath-only. */
  private jsonataValue(value: unknown, path: Segment[], scope: Scope, context: JsonataContext): void {
    if (typeof value === "string") {
      if (!value.startsWith("{%")) return;
      if (!isJsonataText(value)) {
        this.report("INVALID_JSONATA_EXPRESSION", "error", path, m.jsonataUnclosed(value), "intro");
        return;
      }
      const result = analyzeJsonata(value.slice(2, -2), context);
      if (result.syntaxError) {
        this.report(
          "INVALID_JSONATA_EXPRESSION",
          "error",
          path,
          m.jsonataSyntax(result.syntaxError.message, result.syntaxError.position),
          "intro",
        );
        return;
      }
      for (const problem of result.unsupported) {
        this.report("UNSUPPORTED_JSONATA_EXPRESSION", "error", path, m.jsonataUnsupported(problem), "intro");
      }
      for (const name of result.variables) scope.vars.refs.push({ name, path });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.jsonataValue(item, [...path, i], scope, context));
      return;
    }
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key.endsWith(".$")) this.error([...path, key], m.dollarKeyInJsonata(key), "intro", true);
      this.jsonataValue(inner, [...path, key], scope, context);
    }
  }
}

/** U+0000–U+001F and U+007F–U+009F, which AWS forbids in names and labels. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function isJsonataText(text: string): boolean {
  return text.startsWith("{%") && text.endsWith("%}") && text.length >= 4;
}

function looksLikePath(text: string): boolean {
  return (
    text === "$" || text === "$$" || text.startsWith("$.") || text.startsWith("$$.") || text.startsWith("$[")
  );
}

function matchesAll(list: readonly string[], error: string): boolean {
  if (list.includes(error)) return true;
  if (list.includes("States.ALL")) return error !== "States.Runtime" && error !== "States.DataLimitExceeded";
  return list.includes("States.TaskFailed") && !NOT_TASK_FAILED.has(error);
}

/** Every state name in a definition, nested ones included. */
function collectStateNames(container: unknown, into: Set<string>, depth = 0): Set<string> {
  if (!isObject(container) || !isObject(container["States"]) || depth > MAX_NESTING_DEPTH + 1) return into;
  for (const [name, state] of Object.entries(container["States"])) {
    into.add(name);
    if (!isObject(state)) continue;
    if (Array.isArray(state["Branches"]))
      for (const b of state["Branches"]) collectStateNames(b, into, depth + 1);
    collectStateNames(state["ItemProcessor"] ?? state["Iterator"], into, depth + 1);
  }
  return into;
}

function walkKeys(value: unknown, path: Segment[], visit: (key: string, path: Segment[]) => void): void {
  if (Array.isArray(value)) value.forEach((item, i) => walkKeys(item, [...path, i], visit));
  else if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      visit(key, [...path, key]);
      walkKeys(inner, [...path, key], visit);
    }
  }
}

/** Whether a Task's Resource calls Lambda (a function ARN or the lambda:invoke integration). */
function invokesLambda(resource: unknown): boolean {
  if (typeof resource !== "string") return false;
  const parsed = parseResource(resource);
  return (
    parsed?.kind === "lambda-function" || (parsed?.kind === "service" && parsed.resourceType === "lambda")
  );
}

/** The closest name (case-insensitive, edit distance ≤ 2) for a "did you mean" hint. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance && distance * 2 < Math.min(name.length, candidate.length)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
