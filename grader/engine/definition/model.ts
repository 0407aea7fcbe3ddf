/** The run model a compiled definition becomes: one type per state, its retriers, catchers and scopes. */
import type { ChoicePredicate } from "../choice.ts";
import type { CompiledIntrinsic } from "../intrinsics.ts";
import type { CompiledJsonataValue } from "../jsonata.ts";
import type { CompiledPath } from "../jsonpath.ts";
import type { CompiledTemplate } from "../payload-template.ts";
import type { TaskResource } from "../resources.ts";

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

export interface StateBase {
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

export interface WithResult {
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
