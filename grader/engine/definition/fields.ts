/**
 * Field compilers every state type shares: query-language checks, JSONata fields, paths, templates,
 * error sources and the numeric fields, each raising a `DefinitionError` at AWS's pointer.
 */
import { DefinitionError } from "../errors.ts";
import { compileIntrinsic, isIntrinsicCall } from "../intrinsics.ts";
import { compileJsonataValue, isJsonataString, type CompiledJsonataValue } from "../jsonata.ts";
import { compilePath, PathSyntaxError, type CompiledPath } from "../jsonpath.ts";
import { compileTemplate, type CompiledTemplate } from "../payload-template.ts";
import type { ErrorSource, JsonataFields, OptionalPath, QueryLanguage, StateType } from "./model.ts";

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
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

export function queryLanguageOf(raw: Json, fallback: QueryLanguage, location: string): QueryLanguage {
  const value = raw.QueryLanguage;
  if (value === undefined) return fallback;
  if (value !== "JSONPath" && value !== "JSONata") {
    throw new DefinitionError("QueryLanguage deve ser 'JSONPath' ou 'JSONata'", `${location}/QueryLanguage`);
  }
  return value;
}

export function checkLanguageFields(raw: Json, language: QueryLanguage, location: string): void {
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
export function jsonataValue(
  raw: Json,
  field: string,
  location: string,
  prefix = "",
): CompiledJsonataValue | undefined {
  if (raw[field] === undefined) return undefined;
  return compileJsonataValue(raw[field], `${location}/${field}`, `${prefix}${field}`);
}

/** A field that is a literal of its own type or, in JSONata, a `{% %}` expression. */
export function jsonataExpression(
  raw: Json,
  field: string,
  location: string,
): CompiledJsonataValue | undefined {
  return isJsonataString(raw[field]) ? jsonataValue(raw, field, location) : undefined;
}

export function jsonataFields(raw: Json, type: StateType, location: string): JsonataFields {
  return {
    arguments: jsonataValue(raw, "Arguments", location),
    output: jsonataValue(raw, "Output", location),
    items: type === "Map" ? jsonataValue(raw, "Items", location) : undefined,
    itemSelector: type === "Map" ? jsonataValue(raw, "ItemSelector", location) : undefined,
    maxConcurrency: jsonataExpression(raw, "MaxConcurrency", location),
    toleratedFailureCount: jsonataExpression(raw, "ToleratedFailureCount", location),
    toleratedFailurePercentage: jsonataExpression(raw, "ToleratedFailurePercentage", location),
    seconds: jsonataExpression(raw, "Seconds", location),
    timestamp: jsonataExpression(raw, "Timestamp", location),
    timeoutSeconds: jsonataExpression(raw, "TimeoutSeconds", location),
    heartbeatSeconds: jsonataExpression(raw, "HeartbeatSeconds", location),
    error: type === "Fail" ? jsonataExpression(raw, "Error", location) : undefined,
    cause: type === "Fail" ? jsonataExpression(raw, "Cause", location) : undefined,
  };
}

export function resultPath(raw: Json, location: string): string | null {
  if (!("ResultPath" in raw)) return "$";
  const value = raw.ResultPath;
  if (value === null) return null;
  const path = referencePath(raw, "ResultPath", location)!;
  if (path.text.startsWith("$$") || /^\$[A-Za-z_]/.test(path.text)) {
    throw new DefinitionError(
      "ResultPath deve apontar para a entrada do estado ('$' ou '$.campo'), não para o contexto ($$) nem para variáveis",
      `${location}/ResultPath`,
    );
  }
  return path.text;
}

export function optionalPath(raw: Json, field: string, location: string): OptionalPath {
  if (!(field in raw)) return undefined;
  if (raw[field] === null) return null;
  return pathValue(raw[field], `${location}/${field}`, field);
}

export function referencePath(raw: Json, field: string, location: string): CompiledPath | undefined {
  if (raw[field] === undefined) return undefined;
  const path = pathValue(raw[field], `${location}/${field}`, field);
  if (!path.isReference) {
    throw new DefinitionError(
      `${field} deve ser um caminho de referência: um único nó, só com '.nome' e '[índice]' (sem '*', filtros ou fatias)`,
      `${location}/${field}`,
    );
  }
  return path;
}

export function pathValue(value: unknown, at: string, field: string): CompiledPath {
  if (typeof value !== "string")
    throw new DefinitionError(`${field} deve ser um caminho JSONPath em texto`, at);
  try {
    return compilePath(value);
  } catch (error) {
    if (error instanceof PathSyntaxError) throw new DefinitionError(error.message, at);
    throw error;
  }
}

export function template(raw: Json, field: string, location: string): CompiledTemplate | undefined {
  return raw[field] === undefined ? undefined : compileTemplate(raw[field], `${location}/${field}`);
}

export function errorSource(raw: Json, field: "Error" | "Cause", location: string): ErrorSource | undefined {
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
  return { path: referencePath(raw, pathField, location)! };
}

export function positiveInteger(raw: Json, field: string, location: string): number | undefined {
  const value = raw[field];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new DefinitionError(`${field} deve ser um número inteiro positivo`, `${location}/${field}`);
  }
  return value;
}

export function nonNegativeInteger(raw: Json, field: string, location: string): number | undefined {
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

export function percentage(raw: Json, location: string): number | undefined {
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
