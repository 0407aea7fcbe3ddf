/**
 * Reading a source file into a JSON value while keeping, for every value, where it sits in the ORIGINAL
 * file: JSON through jsonc-parser's syntax tree, YAML through the `yaml` package's document (with
 * CloudFormation short tags such as `!Sub` and `!GetAtt` turned into their long form).
 */
import { parseTree, type Node as JsonNode, type ParseError } from "jsonc-parser";
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Alias,
  type Document,
  type Node as YamlNode,
} from "yaml";
import type { Diagnostic, SourcePosition, SourceRange } from "./diagnostic.ts";
import { messages, sections } from "./messages.ts";

export type Segment = string | number;

/**
 * Deeper than this (objects and lists inside each other), a file is refused before anything walks it
 * recursively: the parsers, the validator, the engine. Real definitions and inputs stay far below; a
 * deliberately deep file would otherwise overflow the call stack.
 */
export const MAX_SOURCE_DEPTH = 512;

/** How many values YAML aliases (`*nome`) may add when expanded, beyond the ones written in the file. */
export const MAX_ALIAS_EXPANSION = 50_000;

const BOM = 0xfeff;

/** The text without a leading UTF-8 byte order mark (positions then count from the first visible character). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

/**
 * True for UTF-16 text that was decoded as UTF-8 (what Windows PowerShell 5's `>` writes): its BOM
 * became two replacement characters (or U+FFFE), or ASCII characters alternate with NULs.
 */
export function looksLikeUtf16(text: string): boolean {
  if (text.startsWith("\uFFFD\uFFFD") || text.charCodeAt(0) === 0xfffe) return true;
  // Without a BOM: ASCII and NUL alternating from the start, two pairs at least ("{\0"\0" is UTF-16LE).
  return /^(?:[\t\n\r\x20-\x7e]\0){2}/.test(text) || /^(?:\0[\t\n\r\x20-\x7e]){2}/.test(text);
}

export type DecodedSource =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly encoding: "utf-16" | "invalid-utf-8" };

/**
 * A file's bytes as text, the one way every reader does it: UTF-8 with or without a BOM (the BOM is
 * dropped). UTF-16 (BOM FF FE / FE FF) is recognized and refused with `messages.utf16File`; with
 * `fatal`, bytes that are not UTF-8 are refused too (otherwise they become U+FFFD).
 */
export function decodeSource(bytes: Uint8Array, options: { fatal?: boolean } = {}): DecodedSource {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return { ok: false, encoding: "utf-16" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: options.fatal ?? false, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, encoding: "invalid-utf-8" };
  }
  return looksLikeUtf16(text) ? { ok: false, encoding: "utf-16" } : { ok: true, text };
}

/** The offset where `{`/`[` nesting first goes deeper than `max` (strings skipped), or undefined. */
function tooDeepAt(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      if (++depth > max) return i;
    } else if (ch === 125 || ch === 93) depth--;
  }
  return undefined;
}

/** Finds the source range of a value (or of its key) by its path from the root of the parsed value. */
export interface Locator {
  range(path: readonly Segment[], key?: boolean): SourceRange | null;
}

export const NO_LOCATOR: Locator = { range: () => null };

/** Maps an offset in the text that was parsed to a position in the original file. */
export type PositionMapper = (offset: number) => SourcePosition;

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) this.starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column of a 0-based offset. */
  position = (offset: number): SourcePosition => {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1, offset };
  };

  /** 0-based offset of a 1-based line's first character. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line - 1, 0), this.starts.length - 1)]!;
  }
}

export interface ParsedSource {
  /** The value, or undefined when the text could not be parsed. */
  readonly value: unknown;
  readonly locator: Locator;
  /** Syntax errors, located. */
  readonly diagnostics: Diagnostic[];
  /** JSON only: objects with a key written twice (the last one wins, as in JSON.parse). */
  readonly duplicateKeys: { path: Segment[]; key: string }[];
}

function defineField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

function rangeOf(map: PositionMapper, start: number, end: number): SourceRange {
  return { start: map(start), end: map(end) };
}

function sourceError(
  map: PositionMapper,
  code: string,
  start: number,
  end: number,
  message: string,
  /** The lesson section that explains it; null when no lesson does (JSON's own syntax). */
  section: string | null = sections.intro,
): Diagnostic {
  return {
    code,
    severity: "error",
    location: "/",
    range: rangeOf(map, start, end),
    message,
    ...(section === null ? {} : { lessonSection: section }),
  };
}

/** The problems found before parsing: UTF-16 text, nesting too deep for the recursive walks. */
function preflight(text: string, map: PositionMapper, json: boolean): Diagnostic[] {
  if (looksLikeUtf16(text)) return [sourceError(map, "INVALID_ENCODING", 0, 0, messages.utf16File)];
  const deep = json ? tooDeepAt(text, MAX_SOURCE_DEPTH) : undefined;
  if (deep !== undefined) {
    return [
      sourceError(
        map,
        "TOO_DEEPLY_NESTED",
        deep,
        deep + 1,
        messages.tooDeepSource(MAX_SOURCE_DEPTH),
        sections.parallel,
      ),
    ];
  }
  return [];
}

/** An empty file (MISSING_DESCRIPTION, as AWS names it) or one with syntax errors. */
function emptySource(map: PositionMapper, diagnostics: Diagnostic[] = []): ParsedSource {
  if (diagnostics.length === 0) {
    diagnostics.push({
      code: "MISSING_DESCRIPTION",
      severity: "error",
      location: "/",
      range: rangeOf(map, 0, 0),
      message: messages.emptyDefinition,
      lessonSection: sections.intro,
    });
  }
  return { value: undefined, locator: NO_LOCATOR, diagnostics, duplicateKeys: [] };
}

// ---------------------------------------------------------------------------------------------------
// JSON

export function parseJsonSource(text: string, mapper?: PositionMapper): ParsedSource {
  const map = mapper ?? new LineIndex(text).position;
  if (text.trim() === "") return emptySource(map);
  const problems = preflight(text, map, true);
  if (problems.length > 0) return emptySource(map, problems);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  // Only the first error: jsonc-parser's recovery after it reports follow-ups that mislead.
  const diagnostics: Diagnostic[] = errors.slice(0, 1).map((error) => {
    const snippet = text.slice(error.offset, error.offset + error.length);
    const message =
      error.error === 1 && snippet.startsWith("'")
        ? messages.jsonSingleQuotes(snippet)
        : messages.jsonSyntax(error.error, snippet);
    // No lesson teaches JSON's syntax: the message itself says what to write, and links nowhere unrelated.
    return sourceError(
      map,
      "INVALID_JSON_DESCRIPTION",
      error.offset,
      error.offset + error.length,
      message,
      null,
    );
  });
  if (diagnostics.length > 0 || !root) return emptySource(map, diagnostics);
  const duplicateKeys: { path: Segment[]; key: string }[] = [];
  const toValue = (node: JsonNode, path: Segment[]): unknown => {
    switch (node.type) {
      case "object": {
        const result: Record<string, unknown> = {};
        const keys = new Set<string>();
        for (const property of node.children ?? []) {
          const [keyNode, valueNode] = property.children ?? [];
          if (!keyNode || !valueNode) continue;
          const key = keyNode.value as string;
          if (keys.has(key)) duplicateKeys.push({ path, key });
          keys.add(key);
          defineField(result, key, toValue(valueNode, [...path, key]));
        }
        return result;
      }
      case "array":
        return (node.children ?? []).map((child, index) => toValue(child, [...path, index]));
      default:
        return node.value;
    }
  };
  const value = toValue(root, []);
  const locator: Locator = {
    range(path, key = false) {
      let node: JsonNode = root;
      let keyNode: JsonNode | undefined;
      for (const segment of path) {
        let next: JsonNode | undefined;
        keyNode = undefined;
        if (node.type === "object" && typeof segment === "string") {
          for (const property of node.children ?? []) {
            if (property.children?.[0]?.value === segment) {
              keyNode = property.children[0];
              next = property.children[1];
            }
          }
        } else if (node.type === "array" && typeof segment === "number") {
          next = node.children?.[segment];
        }
        if (!next) break;
        node = next;
      }
      const target = key && keyNode ? keyNode : node;
      return rangeOf(map, target.offset, target.offset + target.length);
    },
  };
  return { value, locator, diagnostics, duplicateKeys };
}

// ---------------------------------------------------------------------------------------------------
// YAML

/** CloudFormation's short tags in their long (JSON) form: `!Ref X` → `{ "Ref": "X" }`, `!Sub s` → `{ "Fn::Sub": s }`. */
export function cfnTagKey(tag: string): string | undefined {
  if (!tag.startsWith("!") || tag.startsWith("!!")) return undefined;
  const name = tag.slice(1);
  if (name === "Ref" || name === "Condition") return name;
  return `Fn::${name}`;
}

interface YamlSourceExtras {
  readonly document: Document;
  readonly lines: LineIndex;
  readonly text: string;
  /** The node an alias stands for (found once, in document order: the last anchor of that name before it). */
  readonly resolve: (node: unknown) => YamlNode | undefined;
}

export interface ParsedYamlSource extends ParsedSource {
  readonly yaml?: YamlSourceExtras;
}

/** Thrown inside the walks below to stop at the first node that breaks a limit. */
class SourceLimit {
  readonly node: { range?: readonly number[] | null } | undefined;
  readonly code: "TOO_DEEPLY_NESTED" | "YAML_ALIAS_LIMIT";
  readonly message: string;
  constructor(node: SourceLimit["node"], code: SourceLimit["code"], message: string) {
    this.node = node;
    this.code = code;
    this.message = message;
  }
}

/**
 * One walk over the YAML nodes as written (never through aliases), in document order: links every
 * alias to its anchor, refuses nesting deeper than MAX_SOURCE_DEPTH and alias cycles, and computes
 * how many values the aliases would expand into (a "billion laughs" file is refused here, before
 * anything expands it).
 */
function linkAliases(root: unknown): Map<Alias, YamlNode | undefined> {
  const targets = new Map<Alias, YamlNode | undefined>();
  const anchors = new Map<string, YamlNode>();
  const sizes = new Map<unknown, number>();
  let written = 0;
  let worst: { alias: Alias; size: number } | undefined;
  const walk = (node: unknown, depth: number): number => {
    if (node === null || node === undefined) return 0;
    if (depth > MAX_SOURCE_DEPTH) {
      throw new SourceLimit(node as YamlNode, "TOO_DEEPLY_NESTED", messages.tooDeepSource(MAX_SOURCE_DEPTH));
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      targets.set(node, target);
      if (!target) return 1;
      const size = sizes.get(target);
      if (size === undefined) throw new SourceLimit(node, "YAML_ALIAS_LIMIT", messages.aliasCycle);
      if (!worst || size > worst.size) worst = { alias: node, size };
      return size;
    }
    written++;
    const anchor = (node as YamlNode).anchor;
    if (anchor) anchors.set(anchor, node as YamlNode);
    let size = 1;
    if (isMap(node)) {
      for (const pair of node.items) size += walk(pair.key, depth + 1) + walk(pair.value, depth + 1);
    } else if (isSeq(node)) {
      for (const item of node.items) size += walk(item, depth + 1);
    }
    sizes.set(node, size);
    return size;
  };
  const total = walk(root, 0);
  if (total - written > MAX_ALIAS_EXPANSION) {
    throw new SourceLimit(
      worst?.alias,
      "YAML_ALIAS_LIMIT",
      messages.aliasBomb(total - written, MAX_ALIAS_EXPANSION),
    );
  }
  return targets;
}

export function parseYamlSource(text: string): ParsedYamlSource {
  const lines = new LineIndex(text);
  const map = lines.position;
  if (text.trim() === "") return emptySource(map);
  const problems = preflight(text, map, false);
  if (problems.length > 0) return emptySource(map, problems);
  const limitDiagnostic = (limit: SourceLimit): Diagnostic => {
    const range = limit.node?.range;
    const section = limit.code === "TOO_DEEPLY_NESTED" ? sections.parallel : sections.iac;
    return sourceError(map, limit.code, range?.[0] ?? 0, range?.[1] ?? 0, limit.message, section);
  };
  let document: Document;
  try {
    document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return emptySource(map, [
      limitDiagnostic(
        new SourceLimit(undefined, "TOO_DEEPLY_NESTED", messages.tooDeepSource(MAX_SOURCE_DEPTH)),
      ),
    ]);
  }
  // The yaml library records a stack overflow (absurd nesting, `[[[[…`) as a syntax error.
  const overflow = document.errors.find((error) => /call stack|regular expression/i.test(error.message));
  if (overflow) {
    const at = overflow.pos[0];
    const tooDeep = messages.tooDeepSource(MAX_SOURCE_DEPTH);
    return emptySource(map, [
      limitDiagnostic(new SourceLimit({ range: [at, at + 1] }, "TOO_DEEPLY_NESTED", tooDeep)),
    ]);
  }
  if (document.contents === null) return emptySource(map);
  const syntax = document.errors
    .slice(0, 5)
    .map((error) =>
      sourceError(
        map,
        "INVALID_JSON_DESCRIPTION",
        error.pos[0],
        error.pos[1],
        messages.yamlSyntax(error.code, error.message),
        sections.iac,
      ),
    );
  if (syntax.length > 0) return emptySource(map, syntax);
  let targets: Map<Alias, YamlNode | undefined>;
  try {
    targets = linkAliases(document.contents);
  } catch (error) {
    if (error instanceof SourceLimit) return emptySource(map, [limitDiagnostic(error)]);
    throw error;
  }
  const resolve = (node: unknown): YamlNode | undefined =>
    (isAlias(node) ? targets.get(node) : (node as YamlNode | null)) ?? undefined;
  // Expanded through aliases: the depth is checked again (aliases can stack anchors inside each other).
  const toValue = (raw: unknown, depth: number): unknown => {
    const node = resolve(raw);
    if (!node) return null;
    if (depth > MAX_SOURCE_DEPTH) {
      throw new SourceLimit(
        isAlias(raw) ? raw : node,
        "TOO_DEEPLY_NESTED",
        messages.tooDeepSource(MAX_SOURCE_DEPTH),
      );
    }
    let value: unknown;
    if (isMap(node)) {
      const result: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = resolve(pair.key);
        const key = isScalar(keyNode) ? String(keyNode.value) : String(pair.key);
        defineField(result, key, toValue(pair.value, depth + 1));
      }
      value = result;
    } else if (isSeq(node)) {
      value = node.items.map((item) => toValue(item, depth + 1));
    } else if (isScalar(node)) {
      value = typeof node.value === "bigint" ? Number(node.value) : node.value;
    } else {
      value = null;
    }
    const wrapper = node.tag ? cfnTagKey(node.tag) : undefined;
    if (wrapper === "Fn::GetAtt" && typeof value === "string") {
      const dot = value.indexOf(".");
      value = dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : [value];
    }
    return wrapper ? { [wrapper]: value } : value;
  };
  let value: unknown;
  try {
    value = toValue(document.contents, 0);
  } catch (error) {
    if (error instanceof SourceLimit) return emptySource(map, [limitDiagnostic(error)]);
    throw error;
  }
  const locator: Locator = {
    range(path, key = false) {
      let node = resolve(document.contents);
      let keyNode: YamlNode | undefined;
      if (!node) return null;
      for (const segment of path) {
        const wrapper = node.tag ? cfnTagKey(node.tag) : undefined;
        if (wrapper && segment === wrapper) continue;
        let next: YamlNode | undefined;
        keyNode = undefined;
        if (isMap(node) && typeof segment === "string") {
          for (const pair of node.items) {
            const k = resolve(pair.key);
            if (isPair(pair) && isScalar(k) && String(k.value) === segment) {
              keyNode = k;
              next = resolve(pair.value) ?? k;
            }
          }
        } else if (isSeq(node) && typeof segment === "number") {
          next = resolve(node.items[segment]);
        }
        if (!next) break;
        node = next;
      }
      const target = key && keyNode ? keyNode : node;
      const range = target.range;
      if (!range) return null;
      return rangeOf(map, range[0], range[1]);
    },
  };
  return { value, locator, diagnostics: [], duplicateKeys: [], yaml: { document, lines, text, resolve } };
}

/** The YAML node at a path (aliases followed, CloudFormation tag wrappers stepped through). */
export function yamlNodeAt(source: ParsedYamlSource, path: readonly Segment[]): YamlNode | undefined {
  const extras = source.yaml;
  if (!extras) return undefined;
  let node = extras.resolve(extras.document.contents);
  for (const segment of path) {
    if (!node) return undefined;
    const wrapper = node.tag ? cfnTagKey(node.tag) : undefined;
    if (wrapper && segment === wrapper) continue;
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const key = extras.resolve(p.key);
        return isScalar(key) && String(key.value) === segment;
      });
      node = extras.resolve(pair?.value);
    } else if (isSeq(node) && typeof segment === "number") {
      node = extras.resolve(node.items[segment]);
    } else {
      return undefined;
    }
  }
  return node;
}

// ---------------------------------------------------------------------------------------------------
// One entry for every reader

function isYamlName(fileName: string): boolean {
  return /\.ya?ml$/i.test(fileName);
}

/**
 * Parses a file's text the one way every reader does (validator, `run`, `grade`, `quiz`, the site's
 * editor): a leading BOM is dropped (positions count from the first visible character), `.yaml`/`.yml`
 * is YAML, anything else JSON — and a name without `.json` holding YAML (e.g. "template") is read as
 * YAML when the JSON reading fails. Never throws on bad input and never hangs: errors come back
 * located, in Portuguese.
 */
export function parseSource(text: string, fileName: string): ParsedSource | ParsedYamlSource {
  const source = stripBom(text);
  if (isYamlName(fileName)) return parseYamlSource(source);
  const parsed = parseJsonSource(source);
  if (
    parsed.value === undefined &&
    !/\.json$/i.test(fileName) &&
    !/^\s*[[{]/.test(source) &&
    source.trim() !== "" &&
    !looksLikeUtf16(source)
  ) {
    const yaml = parseYamlSource(source);
    if (yaml.value !== undefined) return yaml;
  }
  return parsed;
}
