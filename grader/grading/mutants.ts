/**
 * Mutation self-check: small, typical mistakes applied to an exercise's reference solution (remove a
 * Retry, strip `.sync`, turn a Task into a Pass…). Each mutant breaks something the statement asks for,
 * unless the exercise lists it in `equivalentMutants` with the reason; a grader a teacher can trust
 * takes points from every breaking mutant. Browser-safe.
 */
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { Exercise } from "./exercise-format.ts";
import { gradeSubmission } from "./grade.ts";
import { calledResource } from "./resource-check.ts";
import { mutantMessages as m } from "./self-check-messages.ts";

type Json = Record<string, unknown>;

export interface Mutant {
  /** Stable id, e.g. `sem-retry:ProcessarPagamento`. */
  readonly id: string;
  /** pt-BR: what was changed. */
  readonly label: string;
  readonly definition: Json;
}

export interface MutantScore {
  readonly id: string;
  readonly label: string;
  /** Percent with hidden scenarios. */
  readonly percent: number;
  /** False when the exercise declares the mutant equivalent to the solution. */
  readonly breaksRequirement: boolean;
  /** Too generous: a breaking mutant above {@link MAX_MUTANT_PERCENT}. */
  readonly survives: boolean;
}

/** The most a mutant that breaks a stated requirement may keep, in percent. */
export const MAX_MUTANT_PERCENT = 85;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every `States` object of a definition (branches and Map processors included) with its states. */
function scopes(definition: Json): Json[] {
  const found: Json[] = [];
  const visit = (scope: unknown, depth: number) => {
    if (!isObject(scope) || depth > 40 || !isObject(scope["States"])) return;
    found.push(scope);
    for (const state of Object.values(scope["States"])) {
      if (!isObject(state)) continue;
      if (Array.isArray(state["Branches"])) for (const branch of state["Branches"]) visit(branch, depth + 1);
      visit(state["ItemProcessor"], depth + 1);
      visit(state["Iterator"], depth + 1);
    }
  };
  visit(definition, 0);
  return found;
}

/** One mutant per matching state: `change` edits a deep copy, located by scope index and state name. */
function perState(
  definition: Json,
  idPrefix: string,
  label: (name: string) => string,
  applies: (state: Json) => boolean,
  change: (state: Json, name: string, scope: Json) => void,
): Mutant[] {
  const mutants: Mutant[] = [];
  scopes(definition).forEach((scope, scopeIndex) => {
    for (const [name, state] of Object.entries(scope["States"] as Json)) {
      if (!isObject(state) || !applies(state)) continue;
      const copy = structuredClone(definition);
      const copyScope = scopes(copy)[scopeIndex]!;
      change((copyScope["States"] as Json)[name] as Json, name, copyScope);
      mutants.push({ id: `${idPrefix}:${name}`, label: label(name), definition: copy });
    }
  });
  return mutants;
}

const LAMBDA_FUNCTION = /(:function:)([^:]+)/;

/** Replaces every `Next`/`Default`/`StartAt` pointing at `from` in a scope. */
function retarget(scope: Json, from: string, to: string): void {
  if (scope["StartAt"] === from) scope["StartAt"] = to;
  for (const state of Object.values(scope["States"] as Json)) {
    if (!isObject(state)) continue;
    if (state["Next"] === from) state["Next"] = to;
    if (state["Default"] === from) state["Default"] = to;
    for (const list of [state["Choices"], state["Catch"]])
      if (Array.isArray(list))
        for (const rule of list) if (isObject(rule) && rule["Next"] === from) rule["Next"] = to;
  }
}

/** The Parallel's branches run one after the other, in place of the Parallel. */
function parallelAsSequence(state: Json, name: string, scope: Json): void {
  const branches = (state["Branches"] as unknown[]).filter(isObject);
  const states = scope["States"] as Json;
  const after = state["Next"];
  delete states[name];
  branches.forEach((branch, index) => {
    const following = index + 1 < branches.length ? branches[index + 1]!["StartAt"] : after;
    for (const [inner, innerState] of Object.entries(branch["States"] as Json)) {
      if (!isObject(innerState)) continue;
      if (innerState["End"] === true && innerState["Type"] !== "Choice") {
        delete innerState["End"];
        if (typeof following === "string") innerState["Next"] = following;
        else innerState["End"] = true;
      }
      states[inner] = innerState;
    }
  });
  retarget(scope, name, String(branches[0]!["StartAt"]));
}

export function generateMutants(definition: Json): Mutant[] {
  const isTask = (state: Json) => state["Type"] === "Task";
  return [
    ...perState(
      definition,
      "sem-retry",
      m.noRetry,
      (s) => Array.isArray(s["Retry"]),
      (s) => delete s["Retry"],
    ),
    ...perState(
      definition,
      "sem-catch",
      m.noCatch,
      (s) => Array.isArray(s["Catch"]),
      (s) => delete s["Catch"],
    ),
    ...perState(
      definition,
      "sem-resultpath",
      m.noResultPath,
      (s) => "ResultPath" in s,
      (s) => delete s["ResultPath"],
    ),
    ...perState(
      definition,
      "sem-padrao",
      m.noPattern,
      (s) => typeof s["Resource"] === "string" && /\.(sync(:\d+)?|waitForTaskToken)$/.test(s["Resource"]),
      (s) => {
        s["Resource"] = String(s["Resource"]).replace(/\.(sync(:\d+)?|waitForTaskToken)$/, "");
      },
    ),
    ...perState(definition, "task-vira-pass", m.taskAsPass, isTask, (s) => {
      for (const key of Object.keys(s))
        if (!["Next", "End", "ResultPath", "InputPath", "OutputPath", "Comment"].includes(key)) delete s[key];
      s["Type"] = "Pass";
    }),
    ...perState(
      definition,
      "parallel-em-sequencia",
      m.parallelAsSequence,
      (s) => s["Type"] === "Parallel" && Array.isArray(s["Branches"]),
      parallelAsSequence,
    ),
    ...perState(
      definition,
      "erro-trocado",
      m.otherErrorEquals,
      (s) => [s["Retry"], s["Catch"]].some((list) => Array.isArray(list) && list.length > 0),
      (s) => {
        for (const list of [s["Retry"], s["Catch"]])
          if (Array.isArray(list))
            for (const rule of list) if (isObject(rule)) rule["ErrorEquals"] = ["Erro.QueNuncaAcontece"];
      },
    ),
    ...perState(
      definition,
      "outra-funcao",
      m.otherFunction,
      (s) =>
        isTask(s) &&
        (LAMBDA_FUNCTION.test(String(s["Resource"])) ||
          (isObject(s["Parameters"]) && typeof s["Parameters"]["FunctionName"] === "string")),
      (s) => {
        if (LAMBDA_FUNCTION.test(String(s["Resource"])))
          s["Resource"] = String(s["Resource"]).replace(LAMBDA_FUNCTION, "$1OutraFuncao");
        else
          (s["Parameters"] as Json)["FunctionName"] =
            "arn:aws:lambda:us-east-1:123456789012:function:OutraFuncao";
      },
    ),
    ...perState(
      definition,
      "choice-em-laco",
      m.choiceLoops,
      (s) => s["Type"] === "Choice",
      (s, name) => {
        for (const rule of Array.isArray(s["Choices"]) ? s["Choices"] : [])
          if (isObject(rule)) rule["Next"] = name;
        s["Default"] = name;
      },
    ),
    ...perState(
      definition,
      "choice-invertido",
      m.choiceFlipped,
      (s) => s["Type"] === "Choice" && Array.isArray(s["Choices"]) && s["Choices"].length > 0,
      (s) => {
        const rules = s["Choices"] as Json[];
        const { Next: next, Condition: condition, ...rule } = rules[0]!;
        rules[0] =
          typeof condition === "string"
            ? { Condition: `{% $not(${condition.replace(/^\{%\s*|\s*%\}$/g, "")}) %}`, Next: next }
            : { Not: rule, Next: next };
      },
    ),
  ];
}

/** The solution's text with its state machine replaced by `definition` (JSON, or the same IaC YAML). */
function submissionText(exercise: Exercise, reference: Json, definition: Json): string {
  const { fileName, text } = exercise.solution;
  if (fileName.endsWith(".json")) return JSON.stringify(definition);
  const document = parseYaml(text) as unknown;
  let replaced = false;
  const swap = (value: unknown, depth: number): unknown => {
    if (replaced || depth > 40) return value;
    if (isObject(value) && isObject(value["States"]) && value["StartAt"] === reference["StartAt"]) {
      replaced = true;
      return definition;
    }
    if (Array.isArray(value)) return value.map((item) => swap(item, depth + 1));
    if (isObject(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v, depth + 1)]));
    return value;
  };
  return stringifyYaml(swap(document, 0));
}

/** Another function in a Task whose function the statement does not name breaks no stated requirement. */
function unnamedFunction(exercise: Exercise, reference: Json, mutantId: string): boolean {
  if (!mutantId.startsWith("outra-funcao:")) return false;
  const name = mutantId.slice("outra-funcao:".length);
  const state = scopes(reference)
    .map((scope) => (scope["States"] as Json)[name])
    .find(isObject);
  const called = state ? calledResource(state) : undefined;
  return called?.function === undefined || !exercise.statement.includes(called.function);
}

/** Grades every mutant of the reference solution, hidden scenarios included. */
export async function scoreMutants(exercise: Exercise, reference: Json): Promise<MutantScore[]> {
  const equivalent = new Set((exercise.equivalentMutants ?? []).map((entry) => entry.id));
  const scores: MutantScore[] = [];
  for (const mutant of generateMutants(reference)) {
    const result = await gradeSubmission(
      exercise,
      {
        student: mutant.id,
        fileName: exercise.solution.fileName,
        text: submissionText(exercise, reference, mutant.definition),
      },
      { includeHidden: true },
    );
    const percent = result.status === "graded" ? result.percent : 0;
    const breaksRequirement = !equivalent.has(mutant.id) && !unnamedFunction(exercise, reference, mutant.id);
    scores.push({
      id: mutant.id,
      label: mutant.label,
      percent,
      breaksRequirement,
      survives: breaksRequirement && percent > MAX_MUTANT_PERCENT,
    });
  }
  return scores;
}

/** The most a workflow that does nothing may keep in the mutation self-check, in percent. */
export const MAX_DO_NOTHING_PERCENT = 5;

export interface MutationReport {
  readonly exercise: string;
  /** Mutants of the solution, then the do-nothing workflows (id `nada:<name>`). */
  readonly rows: readonly MutantScore[];
  readonly ok: boolean;
}

/** Every mutant and every do-nothing workflow of one exercise, graded with hidden scenarios. */
export async function mutationReport(
  exercise: Exercise,
  reference: Json,
  doNothing: Readonly<Record<string, unknown>>,
): Promise<MutationReport> {
  const rows: MutantScore[] = [...(await scoreMutants(exercise, reference))];
  // An endless loop only needs to show it never ends: a low transition limit keeps this fast.
  const quick = { ...exercise, maxStateTransitions: Math.min(exercise.maxStateTransitions, 200) };
  for (const [name, definition] of Object.entries(doNothing)) {
    const result = await gradeSubmission(
      quick,
      { student: name, fileName: `${name}.asl.json`, text: JSON.stringify(definition) },
      { includeHidden: true },
    );
    const percent = result.status === "graded" ? result.percent : 0;
    rows.push({
      id: `nada:${name}`,
      label: m.doNothing(name),
      percent,
      breaksRequirement: true,
      survives: percent > MAX_DO_NOTHING_PERCENT,
    });
  }
  return { exercise: exercise.slug, rows, ok: rows.every((row) => !row.survives) };
}
