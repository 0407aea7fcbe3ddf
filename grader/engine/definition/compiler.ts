/**
 * The compiler's walk: scopes (StartAt + States, transitions checked), each state's common fields, Assign,
 * and `compileStateMachine`, the entry point.
 */
import { DefinitionError } from "../errors.ts";
import { compileJsonataValue } from "../jsonata.ts";
import { compileTemplate } from "../payload-template.ts";
import {
  checkLanguageFields,
  errorSource,
  isObject,
  jsonataFields,
  optionalPath,
  queryLanguageOf,
  resultPath,
  template,
  type Json,
} from "./fields.ts";
import { compileMap } from "./map-fields.ts";
import {
  STATE_TYPES,
  type Assignment,
  type CompiledState,
  type CompiledStateMachine,
  type QueryLanguage,
  type StateScope,
  type StateType,
  type WithResult,
} from "./model.ts";
import { catchers, retriers } from "./retry-catch.ts";
import { compileChoice, compileTask, compileWait } from "./state-fields.ts";

/** Parallel/Map nesting the engine accepts (the validator's TOO_DEEPLY_NESTED bound). */
export const MAX_SCOPE_DEPTH = 40;

export class Compiler {
  readonly scopes = new Map<string, StateScope>();
  usesVariables = false;

  readonly machineLanguage: QueryLanguage;

  constructor(machineLanguage: QueryLanguage) {
    this.machineLanguage = machineLanguage;
  }

  scope(raw: unknown, location: string): StateScope {
    if (!isObject(raw)) throw new DefinitionError("A definição deve ser um objeto JSON", location || "/");
    const { StartAt: startAt, States: states } = raw;
    const missing = [startAt === undefined ? "StartAt" : "", states === undefined ? "States" : ""].filter(
      Boolean,
    );
    if (missing.length) {
      throw new DefinitionError(`Campos obrigatórios ausentes: [${missing.join(", ")}]`, location || "/");
    }
    if (typeof startAt !== "string")
      throw new DefinitionError("StartAt deve ser um texto", `${location}/StartAt`);
    if (!isObject(states)) throw new DefinitionError("States deve ser um objeto", `${location}/States`);
    const compiled = new Map<string, CompiledState>();
    for (const [name, stateRaw] of Object.entries(states)) {
      compiled.set(name, this.state(name, stateRaw, `${location}/States/${name}`));
    }
    if (!compiled.has(startAt)) {
      throw new DefinitionError(
        `StartAt aponta para o estado '${startAt}', que não existe neste bloco States`,
        `${location}/StartAt`,
      );
    }
    for (const state of compiled.values()) {
      for (const [target, field] of transitionTargets(state)) {
        if (!compiled.has(target)) {
          throw new DefinitionError(
            `A transição para '${target}' não tem destino: não há estado com esse nome no mesmo bloco States`,
            `${state.location}/${field}`,
          );
        }
      }
    }
    const scope: StateScope = { key: location || "/", startAt, states: compiled };
    this.scopes.set(scope.key, scope);
    return scope;
  }

  state(name: string, raw: unknown, location: string): CompiledState {
    if (!isObject(raw)) throw new DefinitionError(`O estado '${name}' deve ser um objeto`, location);
    const type = raw.Type;
    if (typeof type !== "string" || !(STATE_TYPES as readonly string[]).includes(type)) {
      throw new DefinitionError(
        `O campo 'Type' deve ter um destes valores: [${STATE_TYPES.join(", ")}]`,
        `${location}/Type`,
      );
    }
    const terminal = type === "Choice" || type === "Succeed" || type === "Fail";
    const next = raw.Next;
    const end = raw.End === true;
    if (!terminal) {
      if (next === undefined && !end) {
        throw new DefinitionError(`O estado '${name}' precisa de "Next" ou de "End": true`, location);
      }
      if (next !== undefined && end) {
        throw new DefinitionError(`O estado '${name}' não pode ter "Next" e "End" ao mesmo tempo`, location);
      }
      if (next !== undefined && typeof next !== "string") {
        throw new DefinitionError("Next deve ser o nome de um estado", `${location}/Next`);
      }
    }
    const queryLanguage = queryLanguageOf(raw, this.machineLanguage, location);
    if (this.machineLanguage === "JSONata" && queryLanguage === "JSONPath") {
      throw new DefinitionError(
        "Uma máquina com QueryLanguage 'JSONata' não pode ter estados JSONPath; " +
          "declare JSONata por estado numa máquina JSONPath se quiser misturar",
        `${location}/QueryLanguage`,
      );
    }
    const isJsonata = queryLanguage === "JSONata";
    checkLanguageFields(raw, queryLanguage, location);
    const base = {
      name,
      location,
      next: terminal ? undefined : (next as string | undefined),
      end: terminal ? type !== "Choice" : end,
      inputPath: isJsonata ? undefined : optionalPath(raw, "InputPath", location),
      outputPath: isJsonata ? undefined : optionalPath(raw, "OutputPath", location),
      readsContext: isJsonata || JSON.stringify(raw).includes("$$"),
      queryLanguage,
      jsonata: isJsonata ? jsonataFields(raw, type as StateType, location) : undefined,
      assign: this.assignment(raw, queryLanguage, location),
    };
    switch (type as StateType) {
      case "Pass":
        return {
          ...base,
          type: "Pass",
          hasResult: "Result" in raw,
          result: raw.Result,
          parameters: template(raw, "Parameters", location),
          resultPath: resultPath(raw, location),
        };
      case "Task":
        return compileTask(this, raw, base, location);
      case "Choice":
        return compileChoice(this, raw, base, location);
      case "Wait":
        return compileWait(this, raw, base, location);
      case "Succeed":
        return { ...base, type: "Succeed" };
      case "Fail":
        return {
          ...base,
          type: "Fail",
          error: errorSource(raw, "Error", location),
          cause: errorSource(raw, "Cause", location),
        };
      case "Parallel": {
        const branches = raw.Branches;
        if (!Array.isArray(branches) || branches.length === 0) {
          throw new DefinitionError("Branches deve ser uma lista não vazia de ramos", `${location}/Branches`);
        }
        return {
          ...base,
          ...this.withResult(raw, location),
          type: "Parallel",
          branches: branches.map((branch, index) => this.scope(branch, `${location}/Branches/${index}`)),
        };
      }
      case "Map":
        return compileMap(this, raw, base, location);
    }
  }

  assignment(raw: Json, language: QueryLanguage, location: string, prefix = ""): Assignment | undefined {
    const value = raw.Assign;
    if (value === undefined) return undefined;
    const at = `${location}/Assign`;
    if (!isObject(value)) {
      throw new DefinitionError('Assign deve ser um objeto { "nomeDaVariavel": valor }', at);
    }
    for (const key of Object.keys(value)) {
      const name = language === "JSONPath" && key.endsWith(".$") ? key.slice(0, -2) : key;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name.length > 80) {
        throw new DefinitionError(
          `'${name}' não é um nome de variável válido: use letras, dígitos e '_', começando por letra ou '_' (até 80 caracteres)`,
          `${at}/${key}`,
        );
      }
    }
    this.usesVariables = true;
    return language === "JSONata"
      ? { language, value: compileJsonataValue(value, at, `${prefix}Assign`) }
      : { language, template: compileTemplate(value, at) };
  }

  withResult(raw: Json, location: string, withParameters = true): WithResult {
    return {
      parameters: withParameters ? template(raw, "Parameters", location) : undefined,
      resultSelector: template(raw, "ResultSelector", location),
      resultPath: resultPath(raw, location),
      retriers: retriers(raw, location),
      catchers: catchers(this, raw, location),
    };
  }
}

function transitionTargets(state: CompiledState): Array<[string, string]> {
  const targets: Array<[string, string]> = [];
  if (state.next !== undefined) targets.push([state.next, "Next"]);
  if (state.type === "Choice") {
    state.choices.forEach((rule, index) => targets.push([rule.next, `Choices/${index}/Next`]));
    if (state.defaultNext !== undefined) targets.push([state.defaultNext, "Default"]);
  }
  if ("catchers" in state)
    state.catchers.forEach((c, index) => targets.push([c.next, `Catch/${index}/Next`]));
  return targets;
}

/**
 * Refuses Parallel/Map nesting deeper than MAX_SCOPE_DEPTH, walking iteratively: it runs before the
 * compiler's recursion, so a definition nested thousands of levels deep cannot overflow the stack.
 */
function checkScopeDepth(definition: Json): void {
  const pending: Array<[unknown, string, number]> = [[definition, "", 0]];
  while (pending.length > 0) {
    const [scope, location, depth] = pending.pop()!;
    if (!isObject(scope) || !isObject(scope.States)) continue;
    if (depth > MAX_SCOPE_DEPTH) {
      throw new DefinitionError(
        `Parallel/Map aninhados em mais de ${MAX_SCOPE_DEPTH} níveis; divida o fluxo em máquinas menores (states:startExecution)`,
        location || "/",
      );
    }
    for (const [name, state] of Object.entries(scope.States)) {
      if (!isObject(state)) continue;
      const at = `${location}/States/${name}`;
      if (Array.isArray(state.Branches))
        state.Branches.forEach((branch, index) =>
          pending.push([branch, `${at}/Branches/${index}`, depth + 1]),
        );
      for (const field of ["ItemProcessor", "Iterator"])
        if (state[field] !== undefined) pending.push([state[field], `${at}/${field}`, depth + 1]);
    }
  }
}

/** Compiles a parsed ASL definition. Throws `DefinitionError` when it cannot be run. */
export function compileStateMachine(definition: unknown): CompiledStateMachine {
  if (!isObject(definition)) throw new DefinitionError("A definição deve ser um objeto JSON", "/");
  checkScopeDepth(definition);
  const compiler = new Compiler(queryLanguageOf(definition, "JSONPath", ""));
  const root = compiler.scope(definition, "");
  const timeout = definition.TimeoutSeconds;
  if (timeout !== undefined && (typeof timeout !== "number" || !Number.isInteger(timeout) || timeout < 1)) {
    throw new DefinitionError("TimeoutSeconds deve ser um número inteiro positivo", "/TimeoutSeconds");
  }
  return {
    definition,
    root,
    scopes: compiler.scopes,
    timeoutSeconds: timeout as number | undefined,
    comment: typeof definition.Comment === "string" ? definition.Comment : undefined,
    usesVariables: compiler.usesVariables,
    hasDistributedMap: [...compiler.scopes.values()].some((scope) =>
      [...scope.states.values()].some((state) => state.type === "Map" && state.mode === "DISTRIBUTED"),
    ),
  };
}
