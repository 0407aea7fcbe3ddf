/**
 * Compiles an ASL definition into the model the interpreter runs: every path, template, Choice rule,
 * retrier and catcher is parsed once here, so executions do no parsing. Structural problems raise a
 * `DefinitionError` located with AWS's pointer format (`/States/<State>/<Field>`).
 */
import { compileChoiceRule, type ChoicePredicate } from "./choice.ts";
import { DefinitionError } from "./errors.ts";
import { compileIntrinsic, isIntrinsicCall, type CompiledIntrinsic } from "./intrinsics.ts";
import { compileJsonataValue, isJsonataString, type CompiledJsonataValue } from "./jsonata.ts";
import { compilePath, PathSyntaxError, type CompiledPath } from "./jsonpath.ts";
import { compileTemplate, type CompiledTemplate } from "./payload-template.ts";
import { parseResource, type TaskResource } from "./resources.ts";
import { waitTimestampMillis } from "./timestamps.ts";

export const STATE_TYPES = ["Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"] as const;
export type StateType = (typeof STATE_TYPES)[number];

export interface Retrier {
  readonly errorEquals: readonly string[];
  readonly intervalSeconds: number;
  readonly maxAttempts: number;
  readonly backoffRate: number;
  readonly maxDelaySeconds?: number;
  readonly jitter: "FULL" | "NONE";
}

export type QueryLanguage = "JSONPath" | "JSONata";

/** Workflow-variable assignments: a JSONPath template (`"x.$": "$.a"`) or a JSONata value. */
export type Assignment =
  | { readonly language: "JSONPath"; readonly template: CompiledTemplate }
  | { readonly language: "JSONata"; readonly value: CompiledJsonataValue };

export interface Catcher {
  readonly errorEquals: readonly string[];
  readonly next: string;
  /** Where the error output goes; `null` discards it (the state's input passes through). JSONPath only. */
  readonly resultPath: string | null;
  /** JSONata: the state's output when this catcher fires (default: the error output). */
  readonly output?: CompiledJsonataValue;
  readonly assign?: Assignment;
}

/** The JSONata-only fields of a state, each compiled once. Present only on JSONata states. */
export interface JsonataFields {
  readonly arguments?: CompiledJsonataValue;
  readonly output?: CompiledJsonataValue;
  readonly items?: CompiledJsonataValue;
  readonly itemSelector?: CompiledJsonataValue;
  readonly maxConcurrency?: CompiledJsonataValue;
  readonly toleratedFailureCount?: CompiledJsonataValue;
  readonly toleratedFailurePercentage?: CompiledJsonataValue;
  readonly seconds?: CompiledJsonataValue;
  readonly timestamp?: CompiledJsonataValue;
  readonly timeoutSeconds?: CompiledJsonataValue;
  readonly heartbeatSeconds?: CompiledJsonataValue;
  readonly error?: CompiledJsonataValue;
  readonly cause?: CompiledJsonataValue;
}

/** A path field that may be absent (default `$`), a path, or `null` (AWS: "discard", i.e. `{}`). */
export type OptionalPath = CompiledPath | null | undefined;

interface StateBase {
  readonly name: string;
  readonly type: StateType;
  /** AWS pointer of the state, e.g. `/States/Pagar`. */
  readonly location: string;
  readonly next?: string;
  readonly end: boolean;
  readonly inputPath: OptionalPath;
  readonly outputPath: OptionalPath;
  /** Whether any field reads the context object (`$$`), so it must be built for this state. */
  readonly readsContext: boolean;
  readonly queryLanguage: QueryLanguage;
  /** JSONata states only. */
  readonly jsonata?: JsonataFields;
  /** The state's `Assign` (both query languages). */
  readonly assign?: Assignment;
}

interface WithResult {
  readonly parameters?: CompiledTemplate;
  readonly resultSelector?: CompiledTemplate;
  /** `undefined` means the default `$`; `null` discards the result. */
  readonly resultPath: string | null;
  readonly retriers: readonly Retrier[];
  readonly catchers: readonly Catcher[];
}

export interface PassState extends StateBase {
  readonly type: "Pass";
  readonly result?: unknown;
  readonly hasResult: boolean;
  readonly parameters?: CompiledTemplate;
  readonly resultPath: string | null;
}

export interface TaskState extends StateBase, WithResult {
  readonly type: "Task";
  readonly resource: TaskResource;
  readonly timeoutSeconds?: number;
  readonly timeoutSecondsPath?: CompiledPath;
  readonly heartbeatSeconds?: number;
  readonly heartbeatSecondsPath?: CompiledPath;
}

export interface ChoiceRule {
  /** JSONPath rule. */
  readonly test?: ChoicePredicate;
  /** JSONata rule: an expression that must yield a boolean. */
  readonly condition?: CompiledJsonataValue;
  readonly next: string;
  /** JSONata: the state's output when this rule matches. */
  readonly output?: CompiledJsonataValue;
  readonly assign?: Assignment;
}

export interface ChoiceState extends StateBase {
  readonly type: "Choice";
  readonly choices: readonly ChoiceRule[];
  readonly defaultNext?: string;
}

export interface WaitState extends StateBase {
  readonly type: "Wait";
  readonly seconds?: number;
  readonly secondsPath?: CompiledPath;
  readonly timestamp?: string;
  readonly timestampPath?: CompiledPath;
}

export interface SucceedState extends StateBase {
  readonly type: "Succeed";
}

export type ErrorSource =
  { readonly literal: string } | { readonly path: CompiledPath } | { readonly intrinsic: CompiledIntrinsic };

export interface FailState extends StateBase {
  readonly type: "Fail";
  readonly error?: ErrorSource;
  readonly cause?: ErrorSource;
}

export interface ParallelState extends StateBase, WithResult {
  readonly type: "Parallel";
  readonly branches: readonly StateScope[];
}

/** A Distributed Map's ItemReader: items come from a (mocked) S3 read. */
export interface ItemReader {
  readonly resource: string;
  readonly inputType: "JSON" | "JSONL" | "CSV" | "MANIFEST" | "LIST";
  readonly csvHeaderLocation: "FIRST_ROW" | "GIVEN";
  readonly csvHeaders?: readonly string[];
  readonly csvDelimiter: string;
  readonly maxItems?: number;
  readonly maxItemsPath?: CompiledPath;
  /** JSONPath `Parameters`. */
  readonly parameters?: CompiledTemplate;
  /** JSONata `Arguments`. */
  readonly arguments?: CompiledJsonataValue;
}

export interface ItemBatcher {
  readonly maxItemsPerBatch?: number;
  readonly maxItemsPerBatchPath?: CompiledPath;
  readonly maxInputBytesPerBatch?: number;
  readonly maxInputBytesPerBatchPath?: CompiledPath;
  /** JSONPath template, or a JSONata value. */
  readonly batchInput?: CompiledTemplate;
  readonly batchInputJsonata?: CompiledJsonataValue;
}

export interface ResultWriter {
  readonly resource?: string;
  readonly parameters?: CompiledTemplate;
  readonly arguments?: CompiledJsonataValue;
}

export interface MapState extends StateBase, WithResult {
  readonly type: "Map";
  readonly processor: StateScope;
  readonly itemsPath: OptionalPath;
  readonly items?: unknown;
  readonly itemSelector?: CompiledTemplate;
  readonly maxConcurrency: number;
  readonly maxConcurrencyPath?: CompiledPath;
  readonly toleratedFailureCount?: number;
  readonly toleratedFailureCountPath?: CompiledPath;
  readonly toleratedFailurePercentage?: number;
  readonly toleratedFailurePercentagePath?: CompiledPath;
  readonly label?: string;
  readonly mode: "INLINE" | "DISTRIBUTED";
  readonly itemReader?: ItemReader;
  readonly itemBatcher?: ItemBatcher;
  readonly resultWriter?: ResultWriter;
}

export type CompiledState =
  PassState | TaskState | ChoiceState | WaitState | SucceedState | FailState | ParallelState | MapState;

/** A `StartAt` + `States` pair: the whole machine, one Parallel branch, or a Map's item processor. */
export interface StateScope {
  /** Stable key of this scope within the machine, e.g. `/`, `/States/P/Branches/0`. */
  readonly key: string;
  readonly startAt: string;
  readonly states: ReadonlyMap<string, CompiledState>;
}

export interface CompiledStateMachine {
  readonly definition: Readonly<Record<string, unknown>>;
  readonly root: StateScope;
  /** Every scope by key, so a persisted execution can name the scope a frame runs in. */
  readonly scopes: ReadonlyMap<string, StateScope>;
  readonly timeoutSeconds?: number;
  readonly comment?: string;
  /** Whether any state or catcher assigns variables (otherwise no variable can exist). */
  readonly usesVariables: boolean;
  /** Whether any Map runs in DISTRIBUTED mode (its children keep histories of their own). */
  readonly hasDistributedMap: boolean;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Fields a JSONata state may not have (AWS rejects the definition). */
const JSONPATH_ONLY_FIELDS = [
  "InputPath",
  "Parameters",
  "ResultSelector",
  "ResultPath",
  "OutputPath",
  "Result",
  "TimeoutSecondsPath",
  "HeartbeatSecondsPath",
  "SecondsPath",
  "TimestampPath",
  "ItemsPath",
  "MaxConcurrencyPath",
  "ToleratedFailureCountPath",
  "ToleratedFailurePercentagePath",
  "ErrorPath",
  "CausePath",
] as const;

/** Fields only a JSONata state may have. */
const JSONATA_ONLY_FIELDS = ["Arguments", "Output", "Items"] as const;

function queryLanguageOf(raw: Json, fallback: QueryLanguage, location: string): QueryLanguage {
  const value = raw.QueryLanguage;
  if (value === undefined) return fallback;
  if (value !== "JSONPath" && value !== "JSONata") {
    throw new DefinitionError("QueryLanguage deve ser 'JSONPath' ou 'JSONata'", `${location}/QueryLanguage`);
  }
  return value;
}

/** Parallel/Map nesting the engine accepts (the validator's TOO_DEEPLY_NESTED bound). */
export const MAX_SCOPE_DEPTH = 40;

class Compiler {
  readonly scopes = new Map<string, StateScope>();
  usesVariables = false;

  readonly machineLanguage: QueryLanguage;

  constructor(machineLanguage: QueryLanguage) {
    this.machineLanguage = machineLanguage;
  }

  scope(raw: unknown, location: string): StateScope {
    if (!isObject(raw)) throw new DefinitionError("A definição deve ser um objeto JSON", location || "/");
    const { StartAt: startAt, States: states } = raw;
    const missing = [startAt === undefined ? "StartAt" : "", states === undefined ? "States" : ""].filter(
      Boolean,
    );
    if (missing.length) {
      throw new DefinitionError(`Campos obrigatórios ausentes: [${missing.join(", ")}]`, location || "/");
    }
    if (typeof startAt !== "string")
      throw new DefinitionError("StartAt deve ser um texto", `${location}/StartAt`);
    if (!isObject(states)) throw new DefinitionError("States deve ser um objeto", `${location}/States`);
    const compiled = new Map<string, CompiledState>();
    for (const [name, stateRaw] of Object.entries(states)) {
      compiled.set(name, this.state(name, stateRaw, `${location}/States/${name}`));
    }
    if (!compiled.has(startAt)) {
      throw new DefinitionError(
        `StartAt aponta para o estado '${startAt}', que não existe neste bloco States`,
        `${location}/StartAt`,
      );
    }
    for (const state of compiled.values()) {
      for (const [target, field] of transitionTargets(state)) {
        if (!compiled.has(target)) {
          throw new DefinitionError(
            `A transição para '${target}' não tem destino: não há estado com esse nome no mesmo bloco States`,
            `${state.location}/${field}`,
          );
        }
      }
    }
    const scope: StateScope = { key: location || "/", startAt, states: compiled };
    this.scopes.set(scope.key, scope);
    return scope;
  }

  state(name: string, raw: unknown, location: string): CompiledState {
    if (!isObject(raw)) throw new DefinitionError(`O estado '${name}' deve ser um objeto`, location);
    const type = raw.Type;
    if (typeof type !== "string" || !(STATE_TYPES as readonly string[]).includes(type)) {
      throw new DefinitionError(
        `O campo 'Type' deve ter um destes valores: [${STATE_TYPES.join(", ")}]`,
        `${location}/Type`,
      );
    }
    const terminal = type === "Choice" || type === "Succeed" || type === "Fail";
    const next = raw.Next;
    const end = raw.End === true;
    if (!terminal) {
      if (next === undefined && !end) {
        throw new DefinitionError(`O estado '${name}' precisa de "Next" ou de "End": true`, location);
      }
      if (next !== undefined && end) {
        throw new DefinitionError(`O estado '${name}' não pode ter "Next" e "End" ao mesmo tempo`, location);
      }
      if (next !== undefined && typeof next !== "string") {
        throw new DefinitionError("Next deve ser o nome de um estado", `${location}/Next`);
      }
    }
    const queryLanguage = queryLanguageOf(raw, this.machineLanguage, location);
    if (this.machineLanguage === "JSONata" && queryLanguage === "JSONPath") {
      throw new DefinitionError(
        "Uma máquina com QueryLanguage 'JSONata' não pode ter estados JSONPath; " +
          "declare JSONata por estado numa máquina JSONPath se quiser misturar",
        `${location}/QueryLanguage`,
      );
    }
    const isJsonata = queryLanguage === "JSONata";
    this.checkLanguageFields(raw, queryLanguage, location);
    const base = {
      name,
      location,
      next: terminal ? undefined : (next as string | undefined),
      end: terminal ? type !== "Choice" : end,
      inputPath: isJsonata ? undefined : this.optionalPath(raw, "InputPath", location),
      outputPath: isJsonata ? undefined : this.optionalPath(raw, "OutputPath", location),
      readsContext: isJsonata || JSON.stringify(raw).includes("$$"),
      queryLanguage,
      jsonata: isJsonata ? this.jsonataFields(raw, type as StateType, location) : undefined,
      assign: this.assignment(raw, queryLanguage, location),
    };
    switch (type as StateType) {
      case "Pass":
        return {
          ...base,
          type: "Pass",
          hasResult: "Result" in raw,
          result: raw.Result,
          parameters: this.template(raw, "Parameters", location),
          resultPath: this.resultPath(raw, location),
        };
      case "Task":
        return this.task(raw, base, location);
      case "Choice":
        return this.choice(raw, base, location);
      case "Wait":
        return this.wait(raw, base, location);
      case "Succeed":
        return { ...base, type: "Succeed" };
      case "Fail":
        return {
          ...base,
          type: "Fail",
          error: this.errorSource(raw, "Error", location),
          cause: this.errorSource(raw, "Cause", location),
        };
      case "Parallel": {
        const branches = raw.Branches;
        if (!Array.isArray(branches) || branches.length === 0) {
          throw new DefinitionError("Branches deve ser uma lista não vazia de ramos", `${location}/Branches`);
        }
        return {
          ...base,
          ...this.withResult(raw, location),
          type: "Parallel",
          branches: branches.map((branch, index) => this.scope(branch, `${location}/Branches/${index}`)),
        };
      }
      case "Map":
        return this.map(raw, base, location);
    }
  }

  checkLanguageFields(raw: Json, language: QueryLanguage, location: string): void {
    const forbidden: readonly string[] = language === "JSONata" ? JSONPATH_ONLY_FIELDS : JSONATA_ONLY_FIELDS;
    for (const field of forbidden) {
      if (field in raw) {
        throw new DefinitionError(
          `O campo '${field}' só é aceito com QueryLanguage '${language === "JSONata" ? "JSONPath" : "JSONata"}'` +
            (language === "JSONata"
              ? "; em JSONata use Arguments, Output e expressões {% %}"
              : '; declare "QueryLanguage": "JSONata" no estado ou na máquina'),
          `${location}/${field}`,
        );
      }
    }
  }

  /** A JSONata value: a `{% %}` string, or JSON holding such strings. */
  /** `prefix` names the enclosing rule or catcher in AWS's error location, e.g. `Choices[1]/`. */
  jsonataValue(raw: Json, field: string, location: string, prefix = ""): CompiledJsonataValue | undefined {
    if (raw[field] === undefined) return undefined;
    return compileJsonataValue(raw[field], `${location}/${field}`, `${prefix}${field}`);
  }

  /** A field that is a literal of its own type or, in JSONata, a `{% %}` expression. */
  jsonataExpression(raw: Json, field: string, location: string): CompiledJsonataValue | undefined {
    return isJsonataString(raw[field]) ? this.jsonataValue(raw, field, location) : undefined;
  }

  jsonataFields(raw: Json, type: StateType, location: string): JsonataFields {
    return {
      arguments: this.jsonataValue(raw, "Arguments", location),
      output: this.jsonataValue(raw, "Output", location),
      items: type === "Map" ? this.jsonataValue(raw, "Items", location) : undefined,
      itemSelector: type === "Map" ? this.jsonataValue(raw, "ItemSelector", location) : undefined,
      maxConcurrency: this.jsonataExpression(raw, "MaxConcurrency", location),
      toleratedFailureCount: this.jsonataExpression(raw, "ToleratedFailureCount", location),
      toleratedFailurePercentage: this.jsonataExpression(raw, "ToleratedFailurePercentage", location),
      seconds: this.jsonataExpression(raw, "Seconds", location),
      timestamp: this.jsonataExpression(raw, "Timestamp", location),
      timeoutSeconds: this.jsonataExpression(raw, "TimeoutSeconds", location),
      heartbeatSeconds: this.jsonataExpression(raw, "HeartbeatSeconds", location),
      error: type === "Fail" ? this.jsonataExpression(raw, "Error", location) : undefined,
      cause: type === "Fail" ? this.jsonataExpression(raw, "Cause", location) : undefined,
    };
  }

  assignment(raw: Json, language: QueryLanguage, location: string, prefix = ""): Assignment | undefined {
    const value = raw.Assign;
    if (value === undefined) return undefined;
    const at = `${location}/Assign`;
    if (!isObject(value)) {
      throw new DefinitionError('Assign deve ser um objeto { "nomeDaVariavel": valor }', at);
    }
    for (const key of Object.keys(value)) {
      const name = language === "JSONPath" && key.endsWith(".$") ? key.slice(0, -2) : key;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name.length > 80) {
        throw new DefinitionError(
          `'${name}' não é um nome de variável válido: use letras, dígitos e '_', começando por letra ou '_' (até 80 caracteres)`,
          `${at}/${key}`,
        );
      }
    }
    this.usesVariables = true;
    return language === "JSONata"
      ? { language, value: compileJsonataValue(value, at, `${prefix}Assign`) }
      : { language, template: compileTemplate(value, at) };
  }

  task(raw: Json, base: Omit<StateBase, "type">, location: string): TaskState {
    if (typeof raw.Resource !== "string") {
      throw new DefinitionError("Um estado Task precisa do campo Resource (um ARN)", `${location}/Resource`);
    }
    const resource = parseResource(raw.Resource);
    if (!resource) {
      throw new DefinitionError(
        `Resource '${raw.Resource}' não é um ARN reconhecido`,
        `${location}/Resource`,
      );
    }
    return {
      ...base,
      ...this.withResult(raw, location),
      type: "Task",
      resource,
      timeoutSeconds: base.jsonata?.timeoutSeconds
        ? undefined
        : this.positiveInteger(raw, "TimeoutSeconds", location),
      timeoutSecondsPath: this.referencePath(raw, "TimeoutSecondsPath", location),
      heartbeatSeconds: base.jsonata?.heartbeatSeconds
        ? undefined
        : this.positiveInteger(raw, "HeartbeatSeconds", location),
      heartbeatSecondsPath: this.referencePath(raw, "HeartbeatSecondsPath", location),
    };
  }

  choice(raw: Json, base: Omit<StateBase, "type">, location: string): ChoiceState {
    const choices = raw.Choices;
    if (!Array.isArray(choices) || choices.length === 0) {
      throw new DefinitionError("Choices deve ser uma lista não vazia de regras", `${location}/Choices`);
    }
    const rules = choices.map((rule, index): ChoiceRule => {
      const ruleLocation = `${location}/Choices/${index}`;
      if (!isObject(rule) || typeof rule.Next !== "string") {
        throw new DefinitionError("Cada regra de Choices precisa de Next", ruleLocation);
      }
      const assign = this.assignment(rule, base.queryLanguage, ruleLocation, `Choices[${index}]/`);
      if (base.queryLanguage === "JSONata") {
        if (rule.Condition === undefined) {
          throw new DefinitionError(
            'Em JSONata, cada regra de Choices precisa de Condition, por exemplo "{% $states.input.total > 100 %}"',
            ruleLocation,
          );
        }
        return {
          condition: compileJsonataValue(
            rule.Condition,
            `${ruleLocation}/Condition`,
            `Choices[${index}]/Condition`,
          ),
          next: rule.Next,
          output: this.jsonataValue(rule, "Output", ruleLocation, `Choices[${index}]/`),
          assign,
        };
      }
      return { test: compileChoiceRule(rule, ruleLocation), next: rule.Next, assign };
    });
    if (raw.Default !== undefined && typeof raw.Default !== "string") {
      throw new DefinitionError("Default deve ser o nome de um estado", `${location}/Default`);
    }
    return { ...base, type: "Choice", choices: rules, defaultNext: raw.Default as string | undefined };
  }

  wait(raw: Json, base: Omit<StateBase, "type">, location: string): WaitState {
    const fields = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"].filter((field) => field in raw);
    if (fields.length !== 1) {
      throw new DefinitionError(
        "Um estado Wait precisa de exatamente um destes campos: Seconds, SecondsPath, Timestamp ou TimestampPath",
        location,
      );
    }
    const seconds = base.jsonata?.seconds ? undefined : raw.Seconds;
    if (seconds !== undefined && (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 0)) {
      throw new DefinitionError(
        "Seconds deve ser um número inteiro maior ou igual a zero",
        `${location}/Seconds`,
      );
    }
    const timestamp = base.jsonata?.timestamp ? undefined : raw.Timestamp;
    if (timestamp !== undefined && waitTimestampMillis(timestamp) === undefined) {
      throw new DefinitionError(
        "Timestamp deve ser uma data no formato RFC3339, por exemplo 2026-03-14T01:59:00Z",
        `${location}/Timestamp`,
      );
    }
    return {
      ...base,
      type: "Wait",
      seconds: seconds as number | undefined,
      secondsPath: this.referencePath(raw, "SecondsPath", location),
      timestamp: timestamp as string | undefined,
      timestampPath: this.referencePath(raw, "TimestampPath", location),
    };
  }

  map(raw: Json, base: Omit<StateBase, "type">, location: string): MapState {
    const processorField = raw.ItemProcessor !== undefined ? "ItemProcessor" : "Iterator";
    const processorRaw = raw[processorField];
    if (!isObject(processorRaw)) {
      throw new DefinitionError("Um estado Map precisa de ItemProcessor (ou do antigo Iterator)", location);
    }
    const config = isObject(processorRaw.ProcessorConfig) ? processorRaw.ProcessorConfig : {};
    const selectorField =
      base.queryLanguage === "JSONata" ? "" : raw.ItemSelector !== undefined ? "ItemSelector" : "Parameters";
    const { parameters: _ignored, ...withResult } = this.withResult(raw, location, false);
    return {
      ...base,
      ...withResult,
      type: "Map",
      processor: this.scope(processorRaw, `${location}/${processorField}`),
      itemsPath: this.optionalPath(raw, "ItemsPath", location),
      items: raw.Items,
      itemSelector: selectorField ? this.template(raw, selectorField, location) : undefined,
      maxConcurrency: base.jsonata?.maxConcurrency
        ? 0
        : (this.nonNegativeInteger(raw, "MaxConcurrency", location) ?? 0),
      maxConcurrencyPath: this.referencePath(raw, "MaxConcurrencyPath", location),
      toleratedFailureCount: base.jsonata?.toleratedFailureCount
        ? undefined
        : this.nonNegativeInteger(raw, "ToleratedFailureCount", location),
      toleratedFailureCountPath: this.referencePath(raw, "ToleratedFailureCountPath", location),
      toleratedFailurePercentage: base.jsonata?.toleratedFailurePercentage
        ? undefined
        : this.percentage(raw, location),
      toleratedFailurePercentagePath: this.referencePath(raw, "ToleratedFailurePercentagePath", location),
      label: typeof raw.Label === "string" ? raw.Label : undefined,
      mode: config.Mode === "DISTRIBUTED" ? "DISTRIBUTED" : "INLINE",
      itemReader: this.itemReader(raw, location),
      itemBatcher: this.itemBatcher(raw, location),
      resultWriter: this.resultWriter(raw, location),
    };
  }

  itemReader(raw: Json, location: string): ItemReader | undefined {
    const reader = raw.ItemReader;
    if (reader === undefined) return undefined;
    const at = `${location}/ItemReader`;
    if (!isObject(reader) || typeof reader.Resource !== "string") {
      throw new DefinitionError(
        "ItemReader precisa de Resource, por exemplo arn:aws:states:::s3:getObject",
        at,
      );
    }
    const config = isObject(reader.ReaderConfig) ? reader.ReaderConfig : {};
    const listing = reader.Resource.includes("s3:listObjectsV2");
    const inputType = listing ? "LIST" : (config.InputType ?? "JSON");
    if (!["JSON", "JSONL", "CSV", "MANIFEST", "LIST"].includes(inputType as string)) {
      throw new DefinitionError(
        "ReaderConfig.InputType deve ser JSON, JSONL, CSV ou MANIFEST",
        `${at}/ReaderConfig/InputType`,
      );
    }
    const headers = config.CSVHeaders;
    if (headers !== undefined && (!Array.isArray(headers) || !headers.every((h) => typeof h === "string"))) {
      throw new DefinitionError("CSVHeaders deve ser uma lista de textos", `${at}/ReaderConfig/CSVHeaders`);
    }
    const delimiters: Record<string, string> = {
      COMMA: ",",
      PIPE: "|",
      SEMICOLON: ";",
      SPACE: " ",
      TAB: "\t",
    };
    return {
      resource: reader.Resource,
      inputType: inputType as ItemReader["inputType"],
      csvHeaderLocation: config.CSVHeaderLocation === "GIVEN" ? "GIVEN" : "FIRST_ROW",
      csvHeaders: headers as string[] | undefined,
      csvDelimiter: delimiters[String(config.CSVDelimiter ?? "COMMA")] ?? ",",
      maxItems: this.nonNegativeInteger(config, "MaxItems", `${at}/ReaderConfig`),
      maxItemsPath: this.referencePath(config, "MaxItemsPath", `${at}/ReaderConfig`),
      parameters: this.template(reader, "Parameters", at),
      arguments: this.jsonataValue(reader, "Arguments", at, "ItemReader/"),
    };
  }

  itemBatcher(raw: Json, location: string): ItemBatcher | undefined {
    const batcher = raw.ItemBatcher;
    if (batcher === undefined) return undefined;
    const at = `${location}/ItemBatcher`;
    if (!isObject(batcher)) throw new DefinitionError("ItemBatcher deve ser um objeto", at);
    const jsonataBatchInput = queryLanguageOf(raw, this.machineLanguage, location) === "JSONata";
    return {
      maxItemsPerBatch: this.positiveInteger(batcher, "MaxItemsPerBatch", at),
      maxItemsPerBatchPath: this.referencePath(batcher, "MaxItemsPerBatchPath", at),
      maxInputBytesPerBatch: this.positiveInteger(batcher, "MaxInputBytesPerBatch", at),
      maxInputBytesPerBatchPath: this.referencePath(batcher, "MaxInputBytesPerBatchPath", at),
      batchInput: jsonataBatchInput ? undefined : this.template(batcher, "BatchInput", at),
      batchInputJsonata: jsonataBatchInput
        ? this.jsonataValue(batcher, "BatchInput", at, "ItemBatcher/")
        : undefined,
    };
  }

  resultWriter(raw: Json, location: string): ResultWriter | undefined {
    const writer = raw.ResultWriter;
    if (writer === undefined) return undefined;
    const at = `${location}/ResultWriter`;
    if (!isObject(writer)) throw new DefinitionError("ResultWriter deve ser um objeto", at);
    return {
      resource: typeof writer.Resource === "string" ? writer.Resource : undefined,
      parameters: this.template(writer, "Parameters", at),
      arguments: this.jsonataValue(writer, "Arguments", at, "ResultWriter/"),
    };
  }

  withResult(raw: Json, location: string, withParameters = true): WithResult {
    return {
      parameters: withParameters ? this.template(raw, "Parameters", location) : undefined,
      resultSelector: this.template(raw, "ResultSelector", location),
      resultPath: this.resultPath(raw, location),
      retriers: this.retriers(raw, location),
      catchers: this.catchers(raw, location),
    };
  }

  retriers(raw: Json, location: string): Retrier[] {
    if (raw.Retry === undefined) return [];
    if (!Array.isArray(raw.Retry)) throw new DefinitionError("Retry deve ser uma lista", `${location}/Retry`);
    return raw.Retry.map((entry, index) => {
      const at = `${location}/Retry/${index}`;
      if (!isObject(entry)) throw new DefinitionError("Cada retentativa deve ser um objeto", at);
      const backoffRate = entry.BackoffRate ?? 2;
      if (typeof backoffRate !== "number" || backoffRate < 1) {
        throw new DefinitionError("BackoffRate deve ser um número maior ou igual a 1.0", `${at}/BackoffRate`);
      }
      const jitter = entry.JitterStrategy ?? "NONE";
      if (jitter !== "FULL" && jitter !== "NONE") {
        throw new DefinitionError("JitterStrategy deve ser FULL ou NONE", `${at}/JitterStrategy`);
      }
      return {
        errorEquals: this.errorEquals(entry, at),
        intervalSeconds: this.positiveInteger(entry, "IntervalSeconds", at) ?? 1,
        maxAttempts: this.nonNegativeInteger(entry, "MaxAttempts", at) ?? 3,
        backoffRate,
        maxDelaySeconds: this.positiveInteger(entry, "MaxDelaySeconds", at),
        jitter,
      };
    });
  }

  catchers(raw: Json, location: string): Catcher[] {
    if (raw.Catch === undefined) return [];
    if (!Array.isArray(raw.Catch)) throw new DefinitionError("Catch deve ser uma lista", `${location}/Catch`);
    return raw.Catch.map((entry, index) => {
      const at = `${location}/Catch/${index}`;
      if (!isObject(entry) || typeof entry.Next !== "string") {
        throw new DefinitionError("Cada captura (Catch) precisa de ErrorEquals e Next", at);
      }
      const language = queryLanguageOf(raw, this.machineLanguage, location);
      if (language === "JSONata" && "ResultPath" in entry) {
        throw new DefinitionError(
          'Em JSONata, Catch não aceita ResultPath: use Output (por exemplo "{% $states.errorOutput %}")',
          `${at}/ResultPath`,
        );
      }
      if (language === "JSONPath" && "Output" in entry) {
        throw new DefinitionError(
          "O campo 'Output' só é aceito com QueryLanguage 'JSONata'; em JSONPath use ResultPath",
          `${at}/Output`,
        );
      }
      return {
        errorEquals: this.errorEquals(entry, at),
        next: entry.Next,
        resultPath: language === "JSONata" ? "$" : this.resultPath(entry, at),
        output:
          language === "JSONata" ? this.jsonataValue(entry, "Output", at, `Catch[${index}]/`) : undefined,
        assign: this.assignment(entry, language, at, `Catch[${index}]/`),
      };
    });
  }

  errorEquals(entry: Json, at: string): string[] {
    const names = entry.ErrorEquals;
    if (!Array.isArray(names) || names.length === 0 || !names.every((name) => typeof name === "string")) {
      throw new DefinitionError(
        "ErrorEquals deve ser uma lista não vazia de nomes de erro",
        `${at}/ErrorEquals`,
      );
    }
    return names as string[];
  }

  resultPath(raw: Json, location: string): string | null {
    if (!("ResultPath" in raw)) return "$";
    const value = raw.ResultPath;
    if (value === null) return null;
    const path = this.referencePath(raw, "ResultPath", location)!;
    if (path.text.startsWith("$$") || /^\$[A-Za-z_]/.test(path.text)) {
      throw new DefinitionError(
        "ResultPath deve apontar para a entrada do estado ('$' ou '$.campo'), não para o contexto ($$) nem para variáveis",
        `${location}/ResultPath`,
      );
    }
    return path.text;
  }

  optionalPath(raw: Json, field: string, location: string): OptionalPath {
    if (!(field in raw)) return undefined;
    if (raw[field] === null) return null;
    return this.path(raw[field], `${location}/${field}`, field);
  }

  referencePath(raw: Json, field: string, location: string): CompiledPath | undefined {
    if (raw[field] === undefined) return undefined;
    const path = this.path(raw[field], `${location}/${field}`, field);
    if (!path.isReference) {
      throw new DefinitionError(
        `${field} deve ser um caminho de referência: um único nó, só com '.nome' e '[índice]' (sem '*', filtros ou fatias)`,
        `${location}/${field}`,
      );
    }
    return path;
  }

  path(value: unknown, at: string, field: string): CompiledPath {
    if (typeof value !== "string")
      throw new DefinitionError(`${field} deve ser um caminho JSONPath em texto`, at);
    try {
      return compilePath(value);
    } catch (error) {
      if (error instanceof PathSyntaxError) throw new DefinitionError(error.message, at);
      throw error;
    }
  }

  template(raw: Json, field: string, location: string): CompiledTemplate | undefined {
    return raw[field] === undefined ? undefined : compileTemplate(raw[field], `${location}/${field}`);
  }

  errorSource(raw: Json, field: "Error" | "Cause", location: string): ErrorSource | undefined {
    const literal = raw[field];
    const pathField = `${field}Path`;
    const path = raw[pathField];
    if (literal !== undefined && path !== undefined) {
      throw new DefinitionError(`Use ${field} ou ${pathField}, não os dois`, location);
    }
    if (literal !== undefined) {
      if (typeof literal !== "string")
        throw new DefinitionError(`${field} deve ser um texto`, `${location}/${field}`);
      return { literal };
    }
    if (path === undefined) return undefined;
    if (typeof path === "string" && isIntrinsicCall(path)) {
      return { intrinsic: compileIntrinsic(path, `${location}/${pathField}`) };
    }
    return { path: this.referencePath(raw, pathField, location)! };
  }

  positiveInteger(raw: Json, field: string, location: string): number | undefined {
    const value = raw[field];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
      throw new DefinitionError(`${field} deve ser um número inteiro positivo`, `${location}/${field}`);
    }
    return value;
  }

  nonNegativeInteger(raw: Json, field: string, location: string): number | undefined {
    const value = raw[field];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      throw new DefinitionError(
        `${field} deve ser um número inteiro maior ou igual a zero`,
        `${location}/${field}`,
      );
    }
    return value;
  }

  percentage(raw: Json, location: string): number | undefined {
    const value = raw.ToleratedFailurePercentage;
    if (value === undefined) return undefined;
    if (typeof value !== "number" || value < 0 || value > 100) {
      throw new DefinitionError(
        "ToleratedFailurePercentage deve estar entre 0 e 100",
        `${location}/ToleratedFailurePercentage`,
      );
    }
    return value;
  }
}

function transitionTargets(state: CompiledState): Array<[string, string]> {
  const targets: Array<[string, string]> = [];
  if (state.next !== undefined) targets.push([state.next, "Next"]);
  if (state.type === "Choice") {
    state.choices.forEach((rule, index) => targets.push([rule.next, `Choices/${index}/Next`]));
    if (state.defaultNext !== undefined) targets.push([state.defaultNext, "Default"]);
  }
  if ("catchers" in state)
    state.catchers.forEach((c, index) => targets.push([c.next, `Catch/${index}/Next`]));
  return targets;
}

/**
 * Refuses Parallel/Map nesting deeper than MAX_SCOPE_DEPTH, walking iteratively: it runs before the
 * compiler's recursion, so a definition nested thousands of levels deep cannot overflow the stack.
 */
function checkScopeDepth(definition: Json): void {
  const pending: Array<[unknown, string, number]> = [[definition, "", 0]];
  while (pending.length > 0) {
    const [scope, location, depth] = pending.pop()!;
    if (!isObject(scope) || !isObject(scope.States)) continue;
    if (depth > MAX_SCOPE_DEPTH) {
      throw new DefinitionError(
        `Parallel/Map aninhados em mais de ${MAX_SCOPE_DEPTH} níveis; divida o fluxo em máquinas menores (states:startExecution)`,
        location || "/",
      );
    }
    for (const [name, state] of Object.entries(scope.States)) {
      if (!isObject(state)) continue;
      const at = `${location}/States/${name}`;
      if (Array.isArray(state.Branches))
        state.Branches.forEach((branch, index) =>
          pending.push([branch, `${at}/Branches/${index}`, depth + 1]),
        );
      for (const field of ["ItemProcessor", "Iterator"])
        if (state[field] !== undefined) pending.push([state[field], `${at}/${field}`, depth + 1]);
    }
  }
}

/** Compiles a parsed ASL definition. Throws `DefinitionError` when it cannot be run. */
export function compileStateMachine(definition: unknown): CompiledStateMachine {
  if (!isObject(definition)) throw new DefinitionError("A definição deve ser um objeto JSON", "/");
  checkScopeDepth(definition);
  const compiler = new Compiler(queryLanguageOf(definition, "JSONPath", ""));
  const root = compiler.scope(definition, "");
  const timeout = definition.TimeoutSeconds;
  if (timeout !== undefined && (typeof timeout !== "number" || !Number.isInteger(timeout) || timeout < 1)) {
    throw new DefinitionError("TimeoutSeconds deve ser um número inteiro positivo", "/TimeoutSeconds");
  }
  return {
    definition,
    root,
    scopes: compiler.scopes,
    timeoutSeconds: timeout as number | undefined,
    comment: typeof definition.Comment === "string" ? definition.Comment : undefined,
    usesVariables: compiler.usesVariables,
    hasDistributedMap: [...compiler.scopes.values()].some((scope) =>
      [...scope.states.values()].some((state) => state.type === "Map" && state.mode === "DISTRIBUTED"),
    ),
  };
}
