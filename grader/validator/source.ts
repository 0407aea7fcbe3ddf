/**
 * Reading a source file into a JSON value while keeping, for every value, where it sits in the ORIGINAL
 * file: JSON through jsonc-parser's syntax tree, YAML through the `yaml` package's document (with
 * CloudFormation short tags such as `!Sub` and `!GetAtt` turned into their long form).
 */
import { parseTree, type Node as JsonNode, type ParseError } from "jsonc-parser";
import {
  Alias,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from "yaml";
import type { Diagnostic, SourcePosition, SourceRange } from "./diagnostic.ts";
import { messages, sections } from "./messages.ts";

export type Segment = string | number;

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
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<number>();
  for (const error of errors) {
    if (seen.has(error.offset)) continue;
    seen.add(error.offset);
    diagnostics.push({
      code: "INVALID_JSON_DESCRIPTION",
      severity: "error",
      location: "/",
      range: rangeOf(map, error.offset, error.offset + error.length),
      message: messages.jsonSyntax(error.error, text.slice(error.offset, error.offset + error.length)),
      lessonSection: sections.intro,
    });
  }
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
}

export interface ParsedYamlSource extends ParsedSource {
  readonly yaml?: YamlSourceExtras;
}

export function parseYamlSource(text: string): ParsedYamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lines = new LineIndex(text);
  const map = lines.position;
  if (text.trim() === "" || document.contents === null) return emptySource(map);
  const diagnostics: Diagnostic[] = document.errors.map((error) => ({
    code: "INVALID_JSON_DESCRIPTION",
    severity: "error" as const,
    location: "/",
    range: rangeOf(map, error.pos[0], error.pos[1]),
    message: messages.yamlSyntax(error.code, error.message),
    lessonSection: sections.iac,
  }));
  if (diagnostics.length > 0)
    return { value: undefined, locator: NO_LOCATOR, diagnostics, duplicateKeys: [] };
  const resolve = (node: unknown): YamlNode | undefined => {
    let current = node;
    for (let hops = 0; isAlias(current) && hops < 100; hops++) {
      current = (current as Alias).resolve(document);
    }
    return current as YamlNode | undefined;
  };
  const toValue = (raw: unknown, depth: number): unknown => {
    const node = resolve(raw);
    if (!node || depth > 200) return null;
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
  const value = document.contents ? toValue(document.contents, 0) : null;
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
  return { value, locator, diagnostics, duplicateKeys: [], yaml: { document, lines, text } };
}

/** The YAML node at a path (CloudFormation tag wrappers are stepped through). */
export function yamlNodeAt(source: ParsedYamlSource, path: readonly Segment[]): YamlNode | undefined {
  const extras = source.yaml;
  if (!extras) return undefined;
  let node = extras.document.contents as YamlNode | null;
  for (const segment of path) {
    if (!node) return undefined;
    while (isAlias(node)) node = (node as Alias).resolve(extras.document) as YamlNode;
    const wrapper = node.tag ? cfnTagKey(node.tag) : undefined;
    if (wrapper && segment === wrapper) continue;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      node = (pair?.value as YamlNode | undefined) ?? null;
    } else if (isSeq(node) && typeof segment === "number") {
      node = (node.items[segment] as YamlNode | undefined) ?? null;
    } else {
      return undefined;
    }
  }
  return node ?? undefined;
}
