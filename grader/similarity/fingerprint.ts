/**
 * A submission's fingerprint for similarity: what is left of its state machine once state names,
 * formatting and key order are gone. Every state is renamed by its place in the graph (S1 is StartAt,
 * then breadth first along Next, Choices, Default and Catch; nested branches get their own scope), and
 * the definition becomes:
 * - `fullKey`: the whole renamed definition, comments aside (two files with the same fullKey are the
 *   same machine written differently);
 * - `shapeKey`: the graph alone (state types and edges);
 * - `features`: one string per leaf value, as `<state type> <path> = <value>` (comments included, state
 *   references replaced by the renamed target), counted when repeated (`#2`), with where it was found.
 * Browser-safe.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export interface Fingerprint {
  readonly fullKey: string;
  readonly shapeKey: string;
  /** Feature → where it was found in this submission (`State › path`), first occurrence. */
  readonly features: ReadonlyMap<string, string>;
}

/** Fields whose value names another state (in a state, a Choice rule or a Catch). */
const REFERENCE_FIELDS = new Set(["Next", "Default", "StartAt"]);
const MAX_DEPTH = 64;

function targets(state: Json): string[] {
  const found: string[] = [];
  const add = (value: unknown) => typeof value === "string" && found.push(value);
  add(state["Next"]);
  if (Array.isArray(state["Choices"]))
    for (const rule of state["Choices"]) if (isObject(rule)) add(rule["Next"]);
  add(state["Default"]);
  if (Array.isArray(state["Catch"]))
    for (const catcher of state["Catch"]) if (isObject(catcher)) add(catcher["Next"]);
  return found;
}

/** State name → canonical name inside one `States` scope, in graph order (unreachable states last, file order). */
function canonicalNames(scope: Json, prefix: string): Map<string, string> {
  const states = isObject(scope["States"]) ? scope["States"] : {};
  const names = new Map<string, string>();
  const queue: string[] = typeof scope["StartAt"] === "string" ? [scope["StartAt"]] : [];
  const visit = (name: string) => {
    if (names.has(name) || !Object.prototype.hasOwnProperty.call(states, name)) return;
    names.set(name, `${prefix}S${names.size + 1}`);
    const state = states[name];
    if (isObject(state)) queue.push(...targets(state));
  };
  while (queue.length > 0) visit(queue.shift()!);
  for (const name of Object.keys(states)) visit(name);
  return names;
}

const normalizeText = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

class Builder {
  readonly features = new Map<string, string>();
  readonly #counts = new Map<string, number>();
  readonly shape: string[] = [];

  add(feature: string, where: string): void {
    const count = (this.#counts.get(feature) ?? 0) + 1;
    this.#counts.set(feature, count);
    this.features.set(count === 1 ? feature : `${feature} #${count}`, where);
  }
}

/** The renamed copy of a scope, collecting features and the shape on the way. */
function renameScope(scope: Json, prefix: string, builder: Builder, depth: number): unknown {
  const names = canonicalNames(scope, prefix);
  const rename = (name: unknown) => (typeof name === "string" ? (names.get(name) ?? `?${name}`) : name);
  const statesIn = isObject(scope["States"]) ? scope["States"] : {};
  const renamedStates: Json = {};
  for (const [name, canonical] of [...names].sort((a, b) => (a[1] < b[1] ? -1 : 1))) {
    const state = statesIn[name];
    if (!isObject(state)) continue;
    const type = String(state["Type"]);
    builder.shape.push(`${canonical}:${type}->${targets(state).map(rename).join(",")}`);
    renamedStates[canonical] = renameValue(state, {
      type,
      where: name,
      path: "",
      rename,
      builder,
      depth,
      canonical,
    });
  }
  const copy: Json = {};
  for (const [key, value] of Object.entries(scope)) {
    if (key === "States") copy[key] = renamedStates;
    else if (key === "StartAt") copy[key] = rename(value);
    else if (key === "Comment")
      builder.add(
        `Comment = ${JSON.stringify(normalizeText(String(value)))}`,
        `${prefix || "raiz"} › Comment`,
      );
    else {
      copy[key] = value;
      if (typeof value !== "object" || value === null) builder.add(`${key} = ${JSON.stringify(value)}`, key);
    }
  }
  return copy;
}

interface Context {
  readonly type: string;
  /** The student's state name, for the evidence. */
  readonly where: string;
  readonly path: string;
  readonly rename: (name: unknown) => unknown;
  readonly builder: Builder;
  readonly depth: number;
  readonly canonical: string;
}

function renameValue(value: unknown, context: Context): unknown {
  if (context.depth > MAX_DEPTH) return null;
  const { builder } = context;
  if (Array.isArray(value))
    return value.map((item, index) =>
      renameValue(item, { ...context, path: `${context.path}[${index}]`, depth: context.depth + 1 }),
    );
  if (isObject(value)) {
    const copy: Json = {};
    for (const key of Object.keys(value).sort()) {
      const path = context.path ? `${context.path}.${key}` : key;
      const inner = value[key];
      if (key === "Comment") {
        builder.add(
          `${context.type} ${path} = ${JSON.stringify(normalizeText(String(inner)))}`,
          `${context.where} › ${path}`,
        );
        continue;
      }
      if (REFERENCE_FIELDS.has(key)) {
        copy[key] = context.rename(inner);
        continue;
      }
      if (key === "Branches" && Array.isArray(inner)) {
        copy[key] = inner.map((branch, index) =>
          isObject(branch)
            ? renameScope(branch, `${context.canonical}.b${index + 1}.`, builder, context.depth + 1)
            : branch,
        );
        continue;
      }
      if ((key === "ItemProcessor" || key === "Iterator") && isObject(inner)) {
        copy[key] = renameScope(inner, `${context.canonical}.m.`, builder, context.depth + 1);
        continue;
      }
      copy[key] = renameValue(inner, { ...context, path, depth: context.depth + 1 });
    }
    return copy;
  }
  if (context.path !== "Type")
    builder.add(
      `${context.type} ${context.path} = ${JSON.stringify(value)}`,
      `${context.where} › ${context.path}`,
    );
  return value;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableStringify(value[key])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

export function fingerprint(definition: unknown): Fingerprint {
  const builder = new Builder();
  const renamed = isObject(definition) ? renameScope(definition, "", builder, 0) : definition;
  return { fullKey: stableStringify(renamed), shapeKey: builder.shape.join(";"), features: builder.features };
}
