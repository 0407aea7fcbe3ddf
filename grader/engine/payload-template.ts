/**
 * Payload templates: the JSON objects of `Parameters`, `ResultSelector`, `ItemSelector` and JSONPath
 * `Assign`, where a key ending in `.$` takes its value from a path or an intrinsic function call.
 * A template is compiled once into a tree of nodes, so running it does no parsing.
 */
import { DefinitionError, StatesError, StatesErrors } from "./errors.ts";
import { compileIntrinsic, isIntrinsicCall, type IntrinsicEnv } from "./intrinsics.ts";
import { compilePath, PathSyntaxError, type PathScope } from "./jsonpath.ts";

export type TemplateNode =
  | { readonly kind: "literal"; readonly value: unknown }
  | { readonly kind: "object"; readonly fields: readonly TemplateField[] }
  | { readonly kind: "array"; readonly items: readonly TemplateNode[] };

interface TemplateField {
  readonly key: string;
  readonly node?: TemplateNode;
  readonly dynamic?: {
    readonly fieldName: string;
    evaluate(scope: PathScope, env: IntrinsicEnv): unknown;
  };
}

export interface CompiledTemplate {
  evaluate(scope: PathScope, env: IntrinsicEnv): unknown;
}

function isStatic(node: TemplateNode): boolean {
  return node.kind === "literal";
}

function compileNode(value: unknown, location: string): TemplateNode {
  if (Array.isArray(value)) {
    const items = value.map((item, index) => compileNode(item, `${location}/${index}`));
    return items.every(isStatic) ? { kind: "literal", value } : { kind: "array", items };
  }
  if (value === null || typeof value !== "object") return { kind: "literal", value };
  const fields: TemplateField[] = [];
  let allStatic = true;
  for (const [key, fieldValue] of Object.entries(value)) {
    if (key.endsWith(".$")) {
      allStatic = false;
      fields.push({ key: key.slice(0, -2), dynamic: compileDynamic(key, fieldValue, `${location}/${key}`) });
    } else {
      const node = compileNode(fieldValue, `${location}/${key}`);
      if (!isStatic(node)) allStatic = false;
      fields.push({ key, node });
    }
  }
  return allStatic ? { kind: "literal", value } : { kind: "object", fields };
}

function compileDynamic(fieldName: string, expression: unknown, location: string): TemplateField["dynamic"] {
  if (typeof expression !== "string") {
    throw new DefinitionError(
      `O valor do campo '${fieldName}' deve ser um texto com um caminho JSONPath ou uma função intrínseca`,
      location,
    );
  }
  if (isIntrinsicCall(expression)) {
    const intrinsic = compileIntrinsic(expression, location);
    return { fieldName, evaluate: (scope, env) => intrinsic.evaluate(scope, env) };
  }
  let path;
  try {
    path = compilePath(expression);
  } catch (error) {
    if (error instanceof PathSyntaxError) {
      throw new DefinitionError(
        `O valor do campo '${fieldName}' deve ser um caminho JSONPath válido ou uma chamada de função intrínseca: ${error.message}`,
        location,
      );
    }
    throw error;
  }
  return {
    fieldName,
    evaluate: (scope) => {
      const selected = path.select(scope);
      if (selected === undefined) {
        const source = expression.startsWith("$$") ? scope.context : scope.data;
        throw new StatesError(
          StatesErrors.Runtime,
          `The JSONPath '${expression}' specified for the field '${fieldName}' could not be found in the input '${JSON.stringify(source)}'`,
        );
      }
      return selected;
    },
  };
}

function evaluateNode(node: TemplateNode, scope: PathScope, env: IntrinsicEnv): unknown {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "array":
      return node.items.map((item) => evaluateNode(item, scope, env));
    case "object": {
      const result: Record<string, unknown> = {};
      for (const field of node.fields) {
        const value = field.dynamic
          ? field.dynamic.evaluate(scope, env)
          : evaluateNode(field.node!, scope, env);
        Object.defineProperty(result, field.key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return result;
    }
  }
}

/** Compiles a payload template. `location` is the AWS-style pointer of the field, e.g. `/States/A/Parameters`. */
export function compileTemplate(template: unknown, location: string): CompiledTemplate {
  const root = compileNode(template, location);
  return { evaluate: (scope, env) => evaluateNode(root, scope, env) };
}
