/**
 * Turning a JSON pointer (or a path of keys) into a line and column of the ORIGINAL text, for JSON and
 * YAML sources alike: every error a person sees points at the place to fix.
 */
import { parseTree, type Node as JsonNode } from "jsonc-parser";
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";

export type PathSegment = string | number;

export interface Located {
  readonly line: number;
  readonly column: number;
}

export function lineAndColumn(text: string, offset: number): Located {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** `/States/Pagar/Retry/0` → `["States", "Pagar", "Retry", 0]` (numeric tokens become indices). */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === "" || pointer === "/") return [];
  return pointer
    .replace(/^\//, "")
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((token) => (/^\d+$/.test(token) ? Number(token) : token));
}

export function looksLikeYaml(fileName: string): boolean {
  return /\.ya?ml$/i.test(fileName);
}

/** Finds where a value lives in a JSON or YAML text: the deepest existing node along `path`. */
export class SourceLocator {
  private jsonRoot: JsonNode | undefined;
  private yamlDocument: Document | undefined;
  private readonly isYaml: boolean;
  private readonly text: string;

  constructor(text: string, fileName: string) {
    this.text = text;
    this.isYaml = looksLikeYaml(fileName);
  }

  locate(path: readonly PathSegment[]): Located {
    return lineAndColumn(this.text, this.offsetOf(path));
  }

  offsetOf(path: readonly PathSegment[]): number {
    for (let length = path.length; length >= 0; length--) {
      const offset = this.exactOffset(path.slice(0, length));
      if (offset !== undefined) return offset;
    }
    return 0;
  }

  private exactOffset(path: readonly PathSegment[]): number | undefined {
    if (this.isYaml) {
      this.yamlDocument ??= parseDocument(this.text, {
        lineCounter: new LineCounter(),
        keepSourceTokens: false,
      });
      let node: unknown = this.yamlDocument.contents;
      let keyNode: unknown;
      for (const segment of path) {
        keyNode = undefined;
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => String(isScalar(item.key) ? item.key.value : item.key) === String(segment),
          );
          if (!pair) return undefined;
          keyNode = pair.key;
          node = pair.value;
        } else if (isSeq(node)) {
          node = node.items[Number(segment)];
        } else return undefined;
        if (node === undefined || node === null) node = keyNode;
      }
      const target = keyNode ?? node;
      return isNode(target) && target.range ? target.range[0] : path.length === 0 ? 0 : undefined;
    }
    this.jsonRoot ??= parseTree(this.text) ?? undefined;
    let node = this.jsonRoot;
    let keyOffset: number | undefined;
    for (const segment of path) {
      if (!node) return undefined;
      keyOffset = undefined;
      if (node.type === "object") {
        const property = node.children?.find((child) => child.children?.[0]?.value === String(segment));
        if (!property) return undefined;
        keyOffset = property.offset;
        node = property.children?.[1];
      } else if (node.type === "array") {
        node = node.children?.[Number(segment)];
      } else return undefined;
    }
    // Point at the key of a property (where people look), else at the value.
    return keyOffset ?? node?.offset;
  }
}
