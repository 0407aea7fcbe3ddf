/** ResultPath: placing a result into the input at a reference path, without mutating the input. */
import { StatesError, StatesErrors } from "../errors.ts";
import { compile } from "./compile.ts";
import { PathSyntaxError } from "./syntax.ts";
import { defineField, hasOwn, isObject } from "./values.ts";

function resultPathFailure(resultPath: string, input: unknown): StatesError {
  return new StatesError(
    StatesErrors.ResultPathMatchFailure,
    `Unable to apply ResultPath "${resultPath}" to input ${JSON.stringify(input)}`,
  );
}

/**
 * Places `result` into `input` at a reference path, as ResultPath does
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html,
 * https://states-language.net/spec.html):
 * - `$` replaces the input with the result;
 * - an existing field is overwritten in place; a missing one is appended, with missing intermediate
 *   objects created on the way;
 * - an index (`$.list[1]`) replaces an element of an existing array; arrays are never created or grown;
 * - landing on anything else (a string, a number, `null`, an array reached by name, an index out of range)
 *   fails with `States.ResultPathMatchFailure`.
 *
 * The input is never mutated: the objects along the path are copied, the rest is shared.
 * `"ResultPath": null` (discard the result, keep the input) is not a path: the caller handles it before
 * calling this. Throws `PathSyntaxError` when `resultPath` is not a reference path on `$`.
 */
export function applyResultPath(input: unknown, resultPath: string, result: unknown): unknown {
  const compiled = compile(resultPath);
  if (compiled.root !== "data") {
    throw new PathSyntaxError(
      resultPath,
      "ResultPath deve começar com '$' seguido de '.' ou '[' (nem '$$' nem variáveis)",
      1,
    );
  }
  if (!compiled.isReference) {
    throw new PathSyntaxError(
      resultPath,
      "ResultPath aceita só caminhos de referência: campos com '.' ou ['...'] e índices [n]",
      0,
    );
  }
  const keys = compiled.keys!;
  if (keys.length === 0) return result;

  const write = (node: unknown, depth: number): unknown => {
    const key = keys[depth]!;
    const last = depth === keys.length - 1;
    if (typeof key === "number") {
      if (!Array.isArray(node) || key >= node.length) throw resultPathFailure(resultPath, input);
      const copy = node.slice();
      copy[key] = last ? result : write(node[key], depth + 1);
      return copy;
    }
    if (!isObject(node)) throw resultPathFailure(resultPath, input);
    const copy: Record<string, unknown> = { ...node };
    let value: unknown;
    if (last) value = result;
    else if (hasOwn.call(node, key)) value = write(node[key], depth + 1);
    else value = write({}, depth + 1);
    defineField(copy, key, value);
    return copy;
  };
  return write(input, 0);
}
