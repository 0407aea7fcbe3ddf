/**
 * How AWS reads each evaluated value, worked out once per value and shared by the rules that need it
 * (the data-flow rule reports a bad path; the variables rule reads the variables a good one uses).
 */
import { compileIntrinsic } from "../../engine/intrinsics.ts";
import { compilePath, PathSyntaxError } from "../../engine/jsonpath.ts";
import { analyzeJsonata, type JsonataAnalysis } from "../jsonata-rules.ts";
import { messages as m, type SectionId } from "../messages.ts";
import type { ValueSite } from "./model.ts";
import { hasTemplate, isJsonataText } from "./values.ts";

type Site<K extends ValueSite["kind"]> = Extract<ValueSite, { kind: K }>;

/** What is wrong with a value (if anything) and the workflow variables it reads. */
export interface Reading {
  readonly problem?: { readonly message: string; readonly section: SectionId };
  readonly variables: readonly string[];
}

const NOTHING: Reading = { variables: [] };
const readings = new WeakMap<ValueSite, Reading>();

function memo<S extends ValueSite>(site: S, read: (site: S) => Reading): Reading {
  let reading = readings.get(site);
  if (!reading) readings.set(site, (reading = read(site)));
  return reading;
}

/** A JSONPath value. With `iac`, a value holding `${…}` variables is left to the IaC tool. */
export function readPath(site: Site<"path">, iac: boolean): Reading {
  return memo(site, ({ text, mode, path }) => {
    if (iac && hasTemplate(text)) return NOTHING;
    const field = String(path[path.length - 1]);
    let compiled;
    try {
      compiled = compilePath(text);
    } catch (error) {
      if (!(error instanceof PathSyntaxError)) throw error;
      const kind = mode === "path" ? "path" : "reference";
      return {
        problem: { message: m.badPath(field, text, error.detail, kind), section: "intro" },
        variables: [],
      };
    }
    const root = text.startsWith("$$") ? "context" : /^\$[A-Za-z_]/.test(text) ? "variable" : "data";
    if (mode === "result" && root !== "data")
      return { problem: { message: m.resultPathRoot(text), section: "bestPractices" }, variables: [] };
    if (mode !== "path" && !compiled.isReference)
      return { problem: { message: m.notReferencePath(field, text), section: "intro" }, variables: [] };
    return root === "variable" ? { variables: [variableAt(text)] } : NOTHING;
  });
}

/** An intrinsic function call; it reads the variables written outside its quoted strings. */
export function readIntrinsic(site: Site<"intrinsic">): Reading {
  return memo(site, ({ text, path }) => {
    try {
      compileIntrinsic(text, "/" + path.join("/"));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { problem: { message: m.badIntrinsic(detail), section: "intro" }, variables: [] };
    }
    const variables: string[] = [];
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === "\\") i++;
      else if (ch === "'") quoted = !quoted;
      else if (!quoted && ch === "$" && /[A-Za-z_]/.test(text[i + 1] ?? ""))
        variables.push(variableAt(text.slice(i)));
    }
    return { variables };
  });
}

const jsonataAnalyses = new WeakMap<ValueSite, JsonataAnalysis | "unclosed">();

/** A `{% … %}` text: "unclosed" when it does not end with `%}`, else jsonata's parse and AWS's rules. */
export function readJsonata(site: Site<"jsonata">): JsonataAnalysis | "unclosed" {
  let analysis = jsonataAnalyses.get(site);
  if (analysis === undefined) {
    analysis = isJsonataText(site.text) ? analyzeJsonata(site.text.slice(2, -2), site.context) : "unclosed";
    jsonataAnalyses.set(site, analysis);
  }
  return analysis;
}

/** The variables a value reads (none when AWS would reject the value). */
export function variablesRead(site: ValueSite, iac: boolean): readonly string[] {
  switch (site.kind) {
    case "path":
      return readPath(site, iac).variables;
    case "intrinsic":
      return readIntrinsic(site).variables;
    case "jsonata": {
      const analysis = readJsonata(site);
      return analysis === "unclosed" || analysis.syntaxError ? [] : analysis.variables;
    }
    default:
      return [];
  }
}

function variableAt(text: string): string {
  return /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text)![1]!;
}
