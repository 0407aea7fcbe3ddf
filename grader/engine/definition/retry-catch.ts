/** Retry and Catch fields: retriers with their backoff defaults, catchers in either query language. */
import { DefinitionError } from "../errors.ts";
import type { Compiler } from "./compiler.ts";
import {
  isObject,
  jsonataValue,
  nonNegativeInteger,
  positiveInteger,
  queryLanguageOf,
  resultPath,
  type Json,
} from "./fields.ts";
import type { Catcher, Retrier } from "./model.ts";

export function retriers(raw: Json, location: string): Retrier[] {
  if (raw.Retry === undefined) return [];
  if (!Array.isArray(raw.Retry)) throw new DefinitionError("Retry deve ser uma lista", `${location}/Retry`);
  return raw.Retry.map((entry, index) => {
    const at = `${location}/Retry/${index}`;
    if (!isObject(entry)) throw new DefinitionError("Cada retentativa deve ser um objeto", at);
    const backoffRate = entry.BackoffRate ?? 2;
    if (typeof backoffRate !== "number" || backoffRate < 1) {
      throw new DefinitionError("BackoffRate deve ser um número maior ou igual a 1.0", `${at}/BackoffRate`);
    }
    const jitter = entry.JitterStrategy ?? "NONE";
    if (jitter !== "FULL" && jitter !== "NONE") {
      throw new DefinitionError("JitterStrategy deve ser FULL ou NONE", `${at}/JitterStrategy`);
    }
    return {
      errorEquals: errorEquals(entry, at),
      intervalSeconds: positiveInteger(entry, "IntervalSeconds", at) ?? 1,
      maxAttempts: nonNegativeInteger(entry, "MaxAttempts", at) ?? 3,
      backoffRate,
      maxDelaySeconds: positiveInteger(entry, "MaxDelaySeconds", at),
      jitter,
    };
  });
}

export function catchers(compiler: Compiler, raw: Json, location: string): Catcher[] {
  if (raw.Catch === undefined) return [];
  if (!Array.isArray(raw.Catch)) throw new DefinitionError("Catch deve ser uma lista", `${location}/Catch`);
  return raw.Catch.map((entry, index) => {
    const at = `${location}/Catch/${index}`;
    if (!isObject(entry) || typeof entry.Next !== "string") {
      throw new DefinitionError("Cada captura (Catch) precisa de ErrorEquals e Next", at);
    }
    const language = queryLanguageOf(raw, compiler.machineLanguage, location);
    if (language === "JSONata" && "ResultPath" in entry) {
      throw new DefinitionError(
        'Em JSONata, Catch não aceita ResultPath: use Output (por exemplo "{% $states.errorOutput %}")',
        `${at}/ResultPath`,
      );
    }
    if (language === "JSONPath" && "Output" in entry) {
      throw new DefinitionError(
        "O campo 'Output' só é aceito com QueryLanguage 'JSONata'; em JSONPath use ResultPath",
        `${at}/Output`,
      );
    }
    return {
      errorEquals: errorEquals(entry, at),
      next: entry.Next,
      resultPath: language === "JSONata" ? "$" : resultPath(entry, at),
      output: language === "JSONata" ? jsonataValue(entry, "Output", at, `Catch[${index}]/`) : undefined,
      assign: compiler.assignment(entry, language, at, `Catch[${index}]/`),
    };
  });
}

export function errorEquals(entry: Json, at: string): string[] {
  const names = entry.ErrorEquals;
  if (!Array.isArray(names) || names.length === 0 || !names.every((name) => typeof name === "string")) {
    throw new DefinitionError(
      "ErrorEquals deve ser uma lista não vazia de nomes de erro",
      `${at}/ErrorEquals`,
    );
  }
  return names as string[];
}
