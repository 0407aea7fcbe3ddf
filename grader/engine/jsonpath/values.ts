/** Reading and building JSON values the way JSONPath needs: own properties only, safe field writes. */
export const hasOwn = Object.prototype.hasOwnProperty;

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The hot path: a definite walk over own properties and in-range indices (negative counts from the end). */
export function walk(root: unknown, keys: readonly (string | number)[]): unknown {
  let node = root;
  for (let i = 0; i < keys.length; i++) {
    if (node === null || typeof node !== "object") return undefined;
    const key = keys[i]!;
    if (typeof key === "number") {
      if (!Array.isArray(node)) return undefined;
      const index = key < 0 ? node.length + key : key;
      if (index < 0 || index >= node.length) return undefined;
      node = node[index];
    } else {
      if (Array.isArray(node) || !hasOwn.call(node, key)) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
  }
  return node;
}

export function defineField(target: Record<string, unknown>, key: string, value: unknown): void {
  // Never `target[key] = value`: for the key "__proto__" that would replace the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Jayway's leaf union of names: one object with the fields that exist. */
export function mergeNames(node: unknown, names: readonly string[]): Record<string, unknown> | undefined {
  if (!isObject(node)) return undefined;
  const merged: Record<string, unknown> = {};
  for (const name of names) if (hasOwn.call(node, name)) defineField(merged, name, node[name]);
  return merged;
}

export function lengthOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (isObject(value)) return Object.keys(value).length;
  return undefined;
}
