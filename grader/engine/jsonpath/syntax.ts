/** JSONPath's public types, its syntax error, and the syntax tree a parsed path becomes. */
export interface PathScope {
  /** The data the path starts from: `$`. */
  readonly data: unknown;
  /** The context object: `$$`. */
  readonly context: unknown;
  /** Workflow variables, read as `$name`. */
  readonly variables: Readonly<Record<string, unknown>>;
}

export interface CompiledPath {
  readonly text: string;
  /** True when the path names a single node (no wildcard, filter, slice, union or deep scan). */
  readonly isDefinite: boolean;
  /** True when the path is a Reference Path as AWS defines it; see `isReferencePath`. */
  readonly isReference: boolean;
  /**
   * The selected value. A definite path yields the node, or `undefined` when it is absent.
   * An indefinite path always yields an array of the matches (`[]` when none matched).
   * Values are shared with the data, not copied: callers must not mutate them.
   */
  select(scope: PathScope): unknown;
}

/** A path that does not follow the grammar. `position` is the offending character's index (from 0). */
export class PathSyntaxError extends Error {
  readonly path: string;
  readonly position: number;
  readonly detail: string;

  constructor(path: string, detail: string, position = 0) {
    super(`JSONPath inválido '${path}': ${detail} (posição ${position}, contando a partir de 0)`);
    this.name = "PathSyntaxError";
    this.path = path;
    this.position = position;
    this.detail = detail;
  }
}

// The syntax tree the parser builds and the evaluator walks.

export type Root = "data" | "context" | "variable";

export type Step =
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "index"; readonly index: number }
  | { readonly kind: "names"; readonly names: readonly string[] }
  | { readonly kind: "indices"; readonly indices: readonly number[] }
  | { readonly kind: "wildcard" }
  | { readonly kind: "slice"; readonly start: number | undefined; readonly end: number | undefined }
  | { readonly kind: "filter"; readonly test: FilterExpr }
  | { readonly kind: "scan"; readonly target: Step }
  | { readonly kind: "length" };

export type Literal = string | number | boolean | null;

/** A path inside a filter: from `@` (the candidate) or `$` (the root). `length` ends it with `length()`. */
export interface FilterPath {
  readonly kind: "path";
  readonly from: "@" | "$";
  readonly keys: readonly (string | number)[];
  readonly length: boolean;
}

export type Operand = FilterPath | { readonly kind: "literal"; readonly value: Literal };

export type Comparison = "==" | "!=" | "<" | "<=" | ">" | ">=";

export type FilterExpr =
  | { readonly kind: "or" | "and"; readonly left: FilterExpr; readonly right: FilterExpr }
  | { readonly kind: "not"; readonly operand: FilterExpr }
  | { readonly kind: "exists"; readonly path: FilterPath }
  | { readonly kind: "compare"; readonly op: Comparison; readonly left: Operand; readonly right: Operand };

export interface ParsedPath {
  readonly root: Root;
  readonly variable: string;
  readonly steps: readonly Step[];
}
