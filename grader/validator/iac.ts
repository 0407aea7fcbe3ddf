/**
 * Finding state machines inside infrastructure-as-code files: Serverless Framework
 * (`stepFunctions.stateMachines.<name>.definition`), AWS SAM (`AWS::Serverless::StateMachine` →
 * `Definition`) and CloudFormation (`AWS::StepFunctions::StateMachine` → `Definition` or
 * `DefinitionString`, including `Fn::Sub` / `Fn::Join`). Positions stay in the original file.
 */
import { isScalar, type Node as YamlNode } from "yaml";
import type { Diagnostic, SourcePosition } from "./diagnostic.ts";
import { messages, sections } from "./messages.ts";
import {
  LineIndex,
  parseJsonSource,
  yamlNodeAt,
  type Locator,
  type ParsedSource,
  type ParsedYamlSource,
  type PositionMapper,
  type Segment,
} from "./source.ts";

export interface MachineSource {
  readonly name: string;
  /** The definition, or undefined when it could not be read. */
  readonly definition: unknown;
  /** Locates a path given from the root of the definition. */
  readonly locator: Locator;
  /** Problems reading this machine's definition (e.g. a syntax error inside a DefinitionString). */
  readonly diagnostics: Diagnostic[];
  /** True when the definition came from an IaC file: CloudFormation/Serverless variables are then expected. */
  readonly iac: boolean;
  /** The IaC file declares the machine as EXPRESS. */
  readonly express?: boolean;
}

export interface FoundMachines {
  readonly machines: MachineSource[];
  /** Notes about the file (no state machine found, a definition kept in another file…). */
  readonly notes: Diagnostic[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function subLocator(outer: Locator, base: readonly Segment[]): Locator {
  return { range: (path, key) => outer.range([...base, ...path], key) };
}

export function looksLikeDefinition(value: unknown): boolean {
  return isObject(value) && ("States" in value || "StartAt" in value);
}

/** All state machines in a parsed file. `text` is the original file text. */
/** Top-level keys of Serverless Framework files and CloudFormation/SAM templates. */
const IAC_KEYS = [
  "Resources",
  "AWSTemplateFormatVersion",
  "Transform",
  "service",
  "provider",
  "functions",
  "stepFunctions",
];

export function findMachines(
  parsed: ParsedSource | ParsedYamlSource,
  text: string,
  fileBaseName: string,
): FoundMachines {
  const root = parsed.value;
  const machines: MachineSource[] = [];
  const notes: Diagnostic[] = [];
  const note = (path: Segment[], message: string, code = "IAC_DEFINITION_ELSEWHERE") =>
    notes.push({
      code,
      severity: "info",
      location: "/" + path.join("/"),
      range: parsed.locator.range(path),
      message,
      lessonSection: sections.iac,
    });

  if (!isObject(root)) {
    notes.push({
      code: "SCHEMA_VALIDATION_FAILED",
      severity: "error",
      location: "/",
      range: parsed.locator.range([]),
      message: messages.notAnObject,
      lessonSection: sections.intro,
    });
    return { machines, notes };
  }

  if (looksLikeDefinition(root)) {
    machines.push({
      name: fileBaseName,
      definition: root,
      locator: parsed.locator,
      diagnostics: [],
      iac: false,
    });
    return { machines, notes };
  }

  const inline = (name: string, path: Segment[], definition: unknown, express: boolean) =>
    machines.push({
      name,
      definition: normalizeIntrinsics(definition),
      locator: subLocator(parsed.locator, path),
      diagnostics: [],
      iac: true,
      express,
    });

  // Serverless Framework (serverless-step-functions plugin)
  const stepFunctions = root["stepFunctions"];
  if (isObject(stepFunctions) && isObject(stepFunctions["stateMachines"])) {
    for (const [name, machine] of Object.entries(stepFunctions["stateMachines"])) {
      const path: Segment[] = ["stepFunctions", "stateMachines", name];
      if (!isObject(machine)) continue;
      const definition = machine["definition"];
      const express = String(machine["type"] ?? "").toUpperCase() === "EXPRESS";
      if (definition === undefined) note(path, messages.serverlessWithoutDefinition(name));
      else if (typeof definition === "string") {
        machines.push({ ...embedded(name, [...path, "definition"], definition, parsed, text), express });
      } else inline(name, [...path, "definition"], definition, express);
    }
  }

  // CloudFormation / SAM, also under Serverless's `resources.Resources`
  const resourceBlocks: [Segment[], unknown][] = [[["Resources"], root["Resources"]]];
  const slsResources = root["resources"];
  if (isObject(slsResources)) resourceBlocks.push([["resources", "Resources"], slsResources["Resources"]]);
  for (const [base, resources] of resourceBlocks) {
    if (!isObject(resources)) continue;
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (!isObject(resource) || !isObject(resource["Properties"])) continue;
      const type = resource["Type"];
      const props = resource["Properties"];
      const path: Segment[] = [...base, logicalId, "Properties"];
      if (type === "AWS::Serverless::StateMachine") {
        const express = props["Type"] === "EXPRESS";
        if (props["Definition"] !== undefined)
          inline(logicalId, [...path, "Definition"], props["Definition"], express);
        else if (props["DefinitionUri"] !== undefined)
          note(path, messages.definitionUri(logicalId, describeUri(props["DefinitionUri"])));
      } else if (type === "AWS::StepFunctions::StateMachine") {
        const express = props["StateMachineType"] === "EXPRESS";
        if (props["Definition"] !== undefined)
          inline(logicalId, [...path, "Definition"], props["Definition"], express);
        else if (props["DefinitionString"] !== undefined) {
          const found = definitionString(logicalId, [...path, "DefinitionString"], props["DefinitionString"]);
          if (found)
            machines.push({
              ...embedded(logicalId, found.path, found.text, parsed, text, found.sub),
              express,
            });
          else {
            note(
              [...path, "DefinitionString"],
              messages.definitionStringUnreadable(logicalId),
              "IAC_DEFINITION_UNREADABLE",
            );
            Object.assign(notes[notes.length - 1]!, { severity: "error" });
          }
        } else if (props["DefinitionS3Location"] !== undefined) {
          note(path, messages.definitionS3(logicalId));
        }
      }
    }
  }

  if (machines.length === 0 && notes.length === 0 && !IAC_KEYS.some((key) => key in root)) {
    // An object with neither ASL nor IaC fields (`{}`, `{"Comment": …}`) is a definition to AWS, which
    // answers SCHEMA_VALIDATION_FAILED "These fields are required: [States, StartAt]" at "/".
    machines.push({
      name: fileBaseName,
      definition: root,
      locator: parsed.locator,
      diagnostics: [],
      iac: false,
    });
    return { machines, notes };
  }
  if (machines.length === 0 && notes.length === 0) {
    notes.push({
      code: "NO_STATE_MACHINE",
      severity: "error",
      location: "/",
      range: parsed.locator.range([]),
      message: messages.noStateMachine,
      lessonSection: sections.iac,
    });
  }
  return { machines, notes };
}

function describeUri(uri: unknown): string {
  if (typeof uri === "string") return uri;
  if (isObject(uri) && typeof uri["Key"] === "string") return `s3://${String(uri["Bucket"])}/${uri["Key"]}`;
  return "outro arquivo";
}

interface DefinitionText {
  readonly text: string;
  /** Path of the node holding the text (a string, or the Join node). */
  readonly path: Segment[];
  /** True when `${…}` may appear outside JSON strings (Fn::Sub) or the text was assembled (Fn::Join). */
  readonly sub: boolean;
}

function definitionString(_name: string, path: Segment[], value: unknown): DefinitionText | undefined {
  if (typeof value === "string") return { text: value, path, sub: false };
  if (!isObject(value)) return undefined;
  const sub = value["Fn::Sub"];
  if (typeof sub === "string") return { text: sub, path: [...path, "Fn::Sub"], sub: true };
  if (Array.isArray(sub) && typeof sub[0] === "string") {
    return { text: sub[0], path: [...path, "Fn::Sub", 0], sub: true };
  }
  const join = value["Fn::Join"];
  if (Array.isArray(join) && typeof join[0] === "string" && Array.isArray(join[1])) {
    const pieces = (join[1] as unknown[]).map((piece) => {
      const text = normalizeIntrinsics(piece);
      return typeof text === "string" ? text : `\${${placeholderName(piece)}}`;
    });
    return { text: pieces.join(join[0]), path, sub: true };
  }
  return undefined;
}

/** CloudFormation intrinsics (`{ "Fn::GetAtt": … }`, `{ "Ref": … }`) → `${…}` strings, which the checker treats as variables. */
export function normalizeIntrinsics(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeIntrinsics);
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === "Ref" || keys[0]!.startsWith("Fn::"))) {
    const inner = value[keys[0]!];
    if (keys[0] === "Fn::Sub") {
      if (typeof inner === "string") return inner;
      if (Array.isArray(inner) && typeof inner[0] === "string") return inner[0];
    }
    return `\${${placeholderName(value)}}`;
  }
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    Object.defineProperty(out, key, {
      value: normalizeIntrinsics(inner),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** A readable name for a CloudFormation intrinsic used inside a definition (`${Tabela}`, `${Fila.Arn}`). */
export function placeholderName(value: unknown): string {
  if (isObject(value)) {
    const [key] = Object.keys(value);
    const inner = key ? value[key] : undefined;
    if (key === "Ref" && typeof inner === "string") return inner;
    if (key === "Fn::GetAtt") return Array.isArray(inner) ? inner.join(".") : String(inner);
    if (key === "Fn::ImportValue" && typeof inner === "string") return inner;
    if (key) return key;
  }
  return "valor";
}

/** `${Name}` outside JSON strings (Fn::Sub) → a number of the same length, so the JSON parses and offsets hold. */
function neutralizeSubstitutions(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === "\\") {
        out += text[i + 1] ?? "";
        i++;
      } else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    if (ch === "$" && text[i + 1] === "{") {
      const end = text.indexOf("}", i);
      if (end > 0) {
        out += "1" + " ".repeat(end - i);
        i = end;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

function embedded(
  name: string,
  path: Segment[],
  definitionText: string,
  outer: ParsedSource | ParsedYamlSource,
  outerText: string,
  sub = false,
): MachineSource {
  const mapper = stringMapper(outer, outerText, path, definitionText);
  const parsed = parseJsonSource(sub ? neutralizeSubstitutions(definitionText) : definitionText, mapper);
  for (const diagnostic of parsed.diagnostics) {
    Object.assign(diagnostic, { message: messages.insideDefinitionString(diagnostic.message) });
  }
  return {
    name,
    definition: parsed.value,
    locator: parsed.locator,
    diagnostics: parsed.diagnostics,
    iac: true,
  };
}

/** Maps offsets inside a string value back into the original file. */
function stringMapper(
  outer: ParsedSource | ParsedYamlSource,
  outerText: string,
  path: Segment[],
  value: string,
): PositionMapper {
  const lines = new LineIndex(outerText);
  const range = outer.locator.range(path);
  const start = range?.start.offset ?? 0;
  const fixed: PositionMapper = () => lines.position(start);
  const yamlNode: YamlNode | undefined = "yaml" in outer ? yamlNodeAt(outer, path) : undefined;
  if (yamlNode && isScalar(yamlNode)) {
    if (yamlNode.type === "BLOCK_LITERAL" && yamlNode.range) {
      const header = lines.position(yamlNode.range[0]).line;
      let indent = 0;
      for (let line = header + 1; ; line++) {
        const from = lines.lineStart(line);
        if (from >= outerText.length || line > header + 1000) break;
        const end = outerText.indexOf("\n", from);
        const content = outerText.slice(from, end < 0 ? outerText.length : end);
        if (content.trim() === "") continue;
        indent = content.length - content.trimStart().length;
        break;
      }
      const inner = new LineIndex(value);
      return (offset: number): SourcePosition => {
        const p = inner.position(offset);
        const outerLine = header + p.line;
        const outerOffset = lines.lineStart(outerLine) + indent + p.column - 1;
        return { line: outerLine, column: indent + p.column, offset: outerOffset };
      };
    }
    if (yamlNode.type === "QUOTE_DOUBLE" && yamlNode.range) {
      const raw = outerText.slice(yamlNode.range[0], yamlNode.range[1]);
      if (!raw.includes("\n")) return escapeMapper(outerText, yamlNode.range[0], lines);
    }
    return yamlNode.range ? () => lines.position(yamlNode.range![0]) : fixed;
  }
  if (!("yaml" in outer) && outerText[start] === '"') return escapeMapper(outerText, start, lines);
  return fixed;
}

/** For a double-quoted string starting at `quote`: decoded index → raw offset, counting JSON escapes. */
function escapeMapper(text: string, quote: number, lines: LineIndex): PositionMapper {
  const offsets: number[] = [];
  let i = quote + 1;
  while (i < text.length && text[i] !== '"') {
    offsets.push(i);
    if (text[i] === "\\") i += text[i + 1] === "u" ? 6 : 2;
    else i++;
  }
  offsets.push(i);
  return (offset: number) => lines.position(offsets[Math.min(offset, offsets.length - 1)] ?? quote);
}

/** CloudFormation pseudo parameters and Serverless variables as a local run sees them. */
const LOCAL_VALUES: Record<string, string> = {
  "AWS::Region": "us-east-1",
  "aws:region": "us-east-1",
  "AWS::AccountId": "123456789012",
  "aws:accountId": "123456789012",
  "AWS::Partition": "aws",
  "AWS::URLSuffix": "amazonaws.com",
};

function localName(variable: string): string {
  return variable.replace(/\.Arn$/, "").replace(/[^A-Za-z0-9_-]+/g, "-");
}

/**
 * For running an IaC machine locally: every Task `Resource` holding `${…}` variables (what
 * `normalizeIntrinsics` made of `!GetAtt Pagar.Arn`, `!Sub …${AWS::Region}…`, `${self:service}`,
 * serverless-pseudo-parameters' `#{AWS::Region}`)
 * becomes a concrete ARN — a lone `${Pagar.Arn}` a Lambda function named Pagar, pseudo parameters
 * us-east-1 / 123456789012 — so the engine accepts it; mocks match tasks by state name anyway.
 * Changes the definition in place (it is a fresh copy from the reader).
 */
export function localResources(definition: unknown): void {
  const pending: unknown[] = [definition];
  while (pending.length > 0) {
    const scope = pending.pop();
    if (!isObject(scope) || !isObject(scope["States"])) continue;
    for (const state of Object.values(scope["States"])) {
      if (!isObject(state)) continue;
      const resource = state["Resource"];
      if (typeof resource === "string" && /[$#]\{/.test(resource)) {
        const lone = /^[$#]\{([^}]+)\}$/.exec(resource);
        state["Resource"] =
          lone && !LOCAL_VALUES[lone[1]!]
            ? `arn:aws:lambda:us-east-1:123456789012:function:${localName(lone[1]!)}`
            : resource.replace(
                /[$#]\{([^}]+)\}/g,
                (_, name: string) => LOCAL_VALUES[name] ?? localName(name),
              );
      }
      if (Array.isArray(state["Branches"])) pending.push(...(state["Branches"] as unknown[]));
      pending.push(state["ItemProcessor"], state["Iterator"]);
    }
  }
}
