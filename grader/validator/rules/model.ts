/**
 * The definition as the rules read it, built in one walk: every scope (the machine, each Parallel branch,
 * each Map processor), every state with its type and query language, and every value AWS evaluates (paths,
 * intrinsic calls, payload templates, JSONata expressions, Assign keys), in document order. The walk knows
 * where ASL puts things; it judges nothing — the rules do.
 */
import { isIntrinsicCall } from "../../engine/intrinsics.ts";
import { isStateType, type QueryLanguage, type StateType } from "../fields.ts";
import type { JsonataContext } from "../jsonata-rules.ts";
import type { Segment } from "../source.ts";
import { isObject, looksLikePath, type Json } from "./values.ts";

/** AWS's nesting limit is not documented; a generous bound that only pathological definitions reach (unverified). */
export const MAX_NESTING_DEPTH = 40;

export interface ModelOptions {
  readonly express: boolean;
  readonly iac: boolean;
  /** Objects in which the source wrote a key twice (paths from the definition's root). */
  readonly duplicateKeys: readonly { path: readonly Segment[]; key: string }[];
}

/** Where variables live: the machine, each Parallel branch, each Map processor. */
export interface VarScope {
  readonly parent: VarScope | undefined;
  /** Distributed Map children cannot see outer variables. */
  readonly isolated: boolean;
}

/** An object holding StartAt and States. */
export interface ScopeNode {
  readonly path: Segment[];
  readonly container: Json;
  readonly names: Set<string>;
  readonly language: QueryLanguage;
  readonly depth: number;
  readonly vars: VarScope;
  /** Nested deeper than MAX_NESTING_DEPTH: its states are not walked. */
  readonly tooDeep: boolean;
  readonly entries: StateEntry[];
}

/** One entry of a States object, whatever its value. */
export interface StateEntry {
  readonly name: string;
  readonly path: Segment[];
  readonly value: unknown;
  readonly scope: ScopeNode;
  /** Set when the value is an object with a known Type. */
  readonly node: StateNode | undefined;
}

export interface StateNode {
  readonly name: string;
  readonly path: Segment[];
  readonly state: Json;
  readonly type: StateType;
  readonly language: QueryLanguage;
  readonly scope: ScopeNode;
}

/** A JSONPath choice rule AWS reads (top-level rules, and the rules inside a well-formed And/Or/Not). */
export interface ChoiceRuleNode {
  readonly rule: unknown;
  readonly path: Segment[];
  readonly top: boolean;
}

/** A value AWS evaluates. `vars` is the variable scope it reads from. */
export type ValueSite =
  /** A JSONPath: "path" (any), "reference" (single node), "result" (ResultPath). */
  | { kind: "path"; mode: "path" | "reference" | "result"; text: string; path: Segment[]; vars: VarScope }
  | { kind: "intrinsic"; text: string; path: Segment[]; vars: VarScope }
  /** The value of a `.$` key that is neither a path nor an intrinsic call. */
  | { kind: "dollar-key-value"; key: string; path: Segment[]; vars: VarScope }
  /** A path-like or intrinsic-like string under a key without `.$` (a literal to AWS). */
  | { kind: "literal-path"; key: string; text: string; path: Segment[]; vars: VarScope }
  /** A string starting with `{%` in a JSONata state. */
  | { kind: "jsonata"; text: string; context: JsonataContext; path: Segment[]; vars: VarScope }
  /** A `.$` key inside a JSONata state's value. */
  | { kind: "jsonata-dollar-key"; key: string; path: Segment[]; vars: VarScope };

/** One key of an Assign object. */
export interface Assignment {
  readonly key: string;
  /** The variable's name (the key without `.$` in JSONPath). */
  readonly name: string;
  readonly path: Segment[];
  readonly language: QueryLanguage;
  readonly vars: VarScope;
}

/** A Resource ARN: a Task's, or a Map's ItemReader / ResultWriter's. */
export interface ResourceSite {
  readonly arn: string;
  readonly path: Segment[];
  readonly isTask: boolean;
}

export interface DefinitionModel {
  readonly definition: unknown;
  readonly options: ModelOptions;
  /** The query language declared at the top (JSONPath unless it says JSONata). */
  readonly topLanguage: QueryLanguage;
  readonly scopes: ScopeNode[];
  /** Every States entry, in walk order (a state's nested states come right after it). */
  readonly entries: StateEntry[];
  readonly states: StateNode[];
  /** The same states, each after the states nested inside it. */
  readonly statesInnerFirst: StateNode[];
  readonly varScopes: VarScope[];
  readonly sites: ValueSite[];
  readonly assignments: Assignment[];
  readonly choiceRules: ChoiceRuleNode[];
  readonly resources: ResourceSite[];
  /** Every state name in the definition, nested ones included. */
  everyName(): Set<string>;
}

/** JSONPath-mode state fields that hold paths, intrinsics or payload templates, and how each is read. */
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

/** JSONata-mode fields that hold no expressions. */
const JSONATA_STRUCTURAL = new Set([
  "Type",
  "Comment",
  "QueryLanguage",
  "Next",
  "End",
  "Resource",
  "Branches",
  "ItemProcessor",
  "Iterator",
  "Retry",
  "Catch",
  "Choices",
  "Default",
  "Label",
  "Assign",
]);

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

/** Each choice comparison operator and the type of value it takes. */
export const OPERATORS = new Map<string, "string" | "number" | "boolean" | "timestamp" | "path">([
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

export const COMBINATORS = ["And", "Or", "Not"] as const;

/** The transitions a state makes: Next, each Choice rule's Next, Default, each Catch's Next. */
export function transitionsOf(node: StateNode): { target: string; path: Segment[] }[] {
  const { state, type, path } = node;
  const found: { target: string; path: Segment[] }[] = [];
  const add = (target: unknown, at: Segment[]) => {
    if (typeof target === "string" && target !== "") found.push({ target, path: at });
  };
  if (type !== "Choice" && type !== "Succeed" && type !== "Fail") add(state["Next"], [...path, "Next"]);
  if (type === "Choice") {
    const choices = state["Choices"];
    if (Array.isArray(choices)) {
      choices.forEach((rule, index) => {
        if (isObject(rule)) add(rule["Next"], [...path, "Choices", index, "Next"]);
      });
    }
    add(state["Default"], [...path, "Default"]);
  }
  if (type === "Task" || type === "Parallel" || type === "Map") {
    const catchers = state["Catch"];
    if (Array.isArray(catchers)) {
      catchers.forEach((catcher, index) => {
        if (isObject(catcher)) add(catcher["Next"], [...path, "Catch", index, "Next"]);
      });
    }
  }
  return found;
}

export function buildModel(definition: unknown, options: ModelOptions): DefinitionModel {
  const walk = new Walk(definition, options);
  if (isObject(definition))
    walk.scope(definition, [], walk.topLanguage, 0, walk.newVarScope(undefined, false));
  return walk;
}

class Walk implements DefinitionModel {
  readonly topLanguage: QueryLanguage;
  readonly scopes: ScopeNode[] = [];
  readonly entries: StateEntry[] = [];
  readonly states: StateNode[] = [];
  readonly statesInnerFirst: StateNode[] = [];
  readonly varScopes: VarScope[] = [];
  readonly sites: ValueSite[] = [];
  readonly assignments: Assignment[] = [];
  readonly choiceRules: ChoiceRuleNode[] = [];
  readonly resources: ResourceSite[] = [];
  private everyNameCache: Set<string> | undefined;

  readonly definition: unknown;
  readonly options: ModelOptions;

  constructor(definition: unknown, options: ModelOptions) {
    this.definition = definition;
    this.options = options;
    this.topLanguage =
      isObject(definition) && definition["QueryLanguage"] === "JSONata" ? "JSONata" : "JSONPath";
  }

  everyName(): Set<string> {
    return (this.everyNameCache ??= collectStateNames(this.definition, new Set()));
  }

  newVarScope(parent: VarScope | undefined, isolated: boolean): VarScope {
    const scope: VarScope = { parent, isolated };
    this.varScopes.push(scope);
    return scope;
  }

  scope(container: Json, path: Segment[], language: QueryLanguage, depth: number, vars: VarScope): void {
    const states = container["States"];
    if (!isObject(states)) return;
    const tooDeep = depth > MAX_NESTING_DEPTH;
    const scope: ScopeNode = {
      path,
      container,
      names: new Set(Object.keys(states)),
      language,
      depth,
      vars,
      tooDeep,
      entries: [],
    };
    this.scopes.push(scope);
    if (tooDeep) return;
    for (const [name, value] of Object.entries(states)) {
      const statePath = [...path, "States", name];
      const node = this.stateNode(name, value, statePath, scope);
      const entry: StateEntry = { name, path: statePath, value, scope, node };
      scope.entries.push(entry);
      this.entries.push(entry);
      if (node) {
        this.states.push(node);
        this.state(node);
        this.statesInnerFirst.push(node);
      }
    }
  }

  private stateNode(name: string, value: unknown, path: Segment[], scope: ScopeNode): StateNode | undefined {
    if (!isObject(value) || !isStateType(value["Type"])) return undefined;
    const declared = value["QueryLanguage"];
    const language = declared === "JSONPath" || declared === "JSONata" ? declared : scope.language;
    return { name, path, state: value, type: value["Type"], language, scope };
  }

  private state(node: StateNode): void {
    const { state, path, type, language, scope } = node;
    const vars = scope.vars;
    if (language === "JSONPath") this.jsonPathFields(state, path, type, vars);
    else this.jsonataFields(state, path, type, vars);
    this.assign(state["Assign"], [...path, "Assign"], language, vars, type);
    if (type === "Task" && typeof state["Resource"] === "string" && state["Resource"] !== "") {
      this.resources.push({ arn: state["Resource"], path: [...path, "Resource"], isTask: true });
    }
    if (type === "Choice") this.choice(state, path, language, vars);
    if (type === "Parallel") this.parallel(state, path, scope);
    if (type === "Map") this.map(state, path, scope);
    if (type === "Task" || type === "Parallel" || type === "Map")
      this.catchers(state["Catch"], [...path, "Catch"], language, vars);
  }

  private parallel(state: Json, path: Segment[], scope: ScopeNode): void {
    const branches = state["Branches"];
    if (!Array.isArray(branches)) return;
    branches.forEach((branch, index) => {
      if (!isObject(branch)) return;
      this.scope(
        branch,
        [...path, "Branches", index],
        scope.language,
        scope.depth + 1,
        this.newVarScope(scope.vars, false),
      );
    });
  }

  private map(state: Json, path: Segment[], scope: ScopeNode): void {
    const key = state["ItemProcessor"] !== undefined ? "ItemProcessor" : "Iterator";
    const processor = state[key];
    if (isObject(processor)) {
      const config = processor["ProcessorConfig"];
      const distributed = isObject(config) && config["Mode"] === "DISTRIBUTED";
      this.scope(
        processor,
        [...path, key],
        scope.language,
        scope.depth + 1,
        this.newVarScope(scope.vars, distributed),
      );
    }
    for (const field of ["ItemReader", "ResultWriter"]) {
      const object = state[field];
      if (isObject(object) && typeof object["Resource"] === "string" && object["Resource"] !== "") {
        this.resources.push({ arn: object["Resource"], path: [...path, field, "Resource"], isTask: false });
      }
    }
  }

  private choice(state: Json, path: Segment[], language: QueryLanguage, vars: VarScope): void {
    const choices = state["Choices"];
    if (!Array.isArray(choices)) return;
    choices.forEach((rule, index) => {
      const rulePath = [...path, "Choices", index];
      if (language === "JSONata") {
        if (!isObject(rule)) return;
        this.jsonataValue(rule["Condition"], [...rulePath, "Condition"], vars, "other");
        this.jsonataValue(rule["Output"], [...rulePath, "Output"], vars, "other");
        this.assign(rule["Assign"], [...rulePath, "Assign"], language, vars, "Choice");
      } else {
        this.choiceRule(rule, rulePath, true, vars);
        if (isObject(rule)) this.assign(rule["Assign"], [...rulePath, "Assign"], language, vars, "Choice");
      }
    });
  }

  /** A JSONPath choice rule; its Variable and operands are read only when it has exactly one operator. */
  private choiceRule(rule: unknown, path: Segment[], top: boolean, vars: VarScope): void {
    this.choiceRules.push({ rule, path, top });
    if (!isObject(rule)) return;
    const combinators = COMBINATORS.filter((k) => rule[k] !== undefined);
    const operators = Object.keys(rule).filter((k) => OPERATORS.has(k));
    if (combinators.length + operators.length !== 1) return;
    if (combinators.length === 1) {
      const key = combinators[0]!;
      const value = rule[key];
      if (key === "Not") this.choiceRule(value, [...path, "Not"], false, vars);
      else if (Array.isArray(value) && value.length > 0)
        value.forEach((inner, i) => this.choiceRule(inner, [...path, key, i], false, vars));
      return;
    }
    const op = operators[0]!;
    const variable = rule["Variable"];
    if (typeof variable === "string") this.path(variable, [...path, "Variable"], "path", vars);
    const value = rule[op];
    if (OPERATORS.get(op) === "path" && typeof value === "string")
      this.path(value, [...path, op], "reference", vars);
  }

  private catchers(catchers: unknown, path: Segment[], language: QueryLanguage, vars: VarScope): void {
    if (!Array.isArray(catchers)) return;
    catchers.forEach((catcher, index) => {
      if (!isObject(catcher)) return;
      const catcherPath = [...path, index];
      if (language === "JSONPath")
        this.path(catcher["ResultPath"], [...catcherPath, "ResultPath"], "result", vars);
      else this.jsonataValue(catcher["Output"], [...catcherPath, "Output"], vars, "catch");
      this.assign(catcher["Assign"], [...catcherPath, "Assign"], language, vars, "Catch");
    });
  }

  // JSONPath values --------------------------------------------------------------------------

  private jsonPathFields(state: Json, path: Segment[], type: StateType, vars: VarScope): void {
    // Walk the fields present (not the list of possible ones): no work for absent fields.
    for (const field of Object.keys(state)) {
      const kind = JSONPATH_FIELDS.get(field);
      if (kind === undefined) continue;
      const value = state[field];
      if (kind === "payload") this.payload(value, [...path, field], vars);
      else if (kind === "pathOrIntrinsic") this.pathOrIntrinsic(value, [...path, field], vars);
      else this.path(value, [...path, field], kind, vars);
    }
    if (type !== "Map") return;
    for (const field of ["ItemReader", "ResultWriter"]) {
      const object = state[field];
      if (isObject(object) && object["Parameters"] !== undefined)
        this.payload(object["Parameters"], [...path, field, "Parameters"], vars);
    }
    const reader = state["ItemReader"];
    if (isObject(reader) && isObject(reader["ReaderConfig"])) {
      const maxItemsPath = reader["ReaderConfig"]["MaxItemsPath"];
      this.path(maxItemsPath, [...path, "ItemReader", "ReaderConfig", "MaxItemsPath"], "reference", vars);
    }
    const batcher = state["ItemBatcher"];
    if (isObject(batcher)) {
      if (batcher["BatchInput"] !== undefined)
        this.payload(batcher["BatchInput"], [...path, "ItemBatcher", "BatchInput"], vars);
      for (const field of ["MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath"])
        this.path(batcher[field], [...path, "ItemBatcher", field], "reference", vars);
    }
  }

  private path(value: unknown, path: Segment[], mode: "path" | "reference" | "result", vars: VarScope): void {
    if (typeof value === "string") this.sites.push({ kind: "path", mode, text: value, path, vars });
  }

  private pathOrIntrinsic(value: unknown, path: Segment[], vars: VarScope): void {
    if (typeof value !== "string") return;
    if (isIntrinsicCall(value)) this.sites.push({ kind: "intrinsic", text: value, path, vars });
    else this.path(value, path, "path", vars);
  }

  /** A payload template (Parameters, ResultSelector, ItemSelector, Credentials, Assign): `.$` keys hold paths or intrinsics. */
  private payload(value: unknown, path: Segment[], vars: VarScope): void {
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.payload(item, [...path, i], vars));
      return;
    }
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      const innerPath = [...path, key];
      if (key.endsWith(".$")) this.dollarValue(key, inner, innerPath, vars);
      else if (typeof inner === "string" && (looksLikePath(inner) || isIntrinsicCall(inner)))
        this.sites.push({ kind: "literal-path", key, text: inner, path: innerPath, vars });
      else this.payload(inner, innerPath, vars);
    }
  }

  private dollarValue(key: string, value: unknown, path: Segment[], vars: VarScope): void {
    if (typeof value === "string" && isIntrinsicCall(value))
      this.sites.push({ kind: "intrinsic", text: value, path, vars });
    else if (typeof value === "string" && value.startsWith("$")) this.path(value, path, "path", vars);
    else this.sites.push({ kind: "dollar-key-value", key, path, vars });
  }

  // Assign ------------------------------------------------------------------------------------

  private assign(
    value: unknown,
    path: Segment[],
    language: QueryLanguage,
    vars: VarScope,
    owner: StateType | "Catch",
  ): void {
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      const keyPath = [...path, key];
      const dollar = language === "JSONPath" && key.endsWith(".$");
      this.assignments.push({ key, name: dollar ? key.slice(0, -2) : key, path: keyPath, language, vars });
      if (language === "JSONPath") {
        if (dollar) {
          if (typeof inner !== "string")
            this.sites.push({ kind: "dollar-key-value", key, path: keyPath, vars });
          else this.pathOrIntrinsic(inner, keyPath, vars);
        } else if (typeof inner === "string" && (looksLikePath(inner) || isIntrinsicCall(inner))) {
          this.sites.push({ kind: "literal-path", key, text: inner, path: keyPath, vars });
        } else {
          this.payload(inner, keyPath, vars);
        }
      } else {
        const context: JsonataContext =
          owner === "Catch"
            ? "catch"
            : owner === "Task" || owner === "Map" || owner === "Parallel"
              ? "result"
              : "other";
        this.jsonataValue(inner, keyPath, vars, context);
      }
    }
  }

  // JSONata values ----------------------------------------------------------------------------

  private jsonataFields(state: Json, path: Segment[], type: StateType, vars: VarScope): void {
    const resultContext: JsonataContext =
      type === "Task" || type === "Map" || type === "Parallel" ? "result" : "other";
    for (const [field, value] of Object.entries(state)) {
      if (JSONATA_STRUCTURAL.has(field)) continue;
      this.jsonataValue(value, [...path, field], vars, field === "Output" ? resultContext : "other");
    }
  }

  /** Every `{% … %}` string inside `value`, and every `.$` key (a JSONPath-only form). */
  private jsonataValue(value: unknown, path: Segment[], vars: VarScope, context: JsonataContext): void {
    if (typeof value === "string") {
      if (value.startsWith("{%")) this.sites.push({ kind: "jsonata", text: value, context, path, vars });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.jsonataValue(item, [...path, i], vars, context));
      return;
    }
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key.endsWith(".$"))
        this.sites.push({ kind: "jsonata-dollar-key", key, path: [...path, key], vars });
      this.jsonataValue(inner, [...path, key], vars, context);
    }
  }
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
