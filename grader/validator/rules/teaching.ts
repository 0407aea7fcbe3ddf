/**
 * Teaching lints (our advice, never AWS's verdict): AWS accepts every definition these flag. They point at
 * what the lesson teaches: states nothing reaches, tasks without Retry, Catch and Pass that replace the
 * input, Retry/Catch entries that can never match, placeholder ARNs.
 */
import { StatesErrors } from "../../engine/errors.ts";
import { parseResource } from "../../engine/resources.ts";
import { messages as m } from "../messages.ts";
import { errorLists } from "./retry-catch.ts";
import { readIntrinsic } from "./expressions.ts";
import { isValidResource, PLACEHOLDER_TOKENS } from "./resources.ts";
import { defineRule } from "./rule.ts";
import { reachableNames } from "./structure.ts";
import { hasTemplate, isObject, suggest, TEMPLATED } from "./values.ts";
import { variableUse } from "./variables-jsonata.ts";
import type { VarScope } from "./model.ts";

/** Errors that `States.TaskFailed` does not match (AWS docs). */
const NOT_TASK_FAILED = new Set([
  "States.Timeout",
  "States.HeartbeatTimeout",
  "States.Runtime",
  "States.DataLimitExceeded",
  "States.ALL",
]);

/**
 * The error names AWS predefines. A state can only raise other names without the `States.` prefix (AWS:
 * "error names can't begin with the States. prefix"), so any other `States.*` name can never match.
 */
const PREDEFINED_ERRORS: ReadonlySet<string> = new Set([
  ...Object.values(StatesErrors),
  "States.Http.Socket",
]);

export const unreachableStates = defineRule({
  name: "unreachable-states",
  kind: "advice",
  description: "A state no path from StartAt reaches never runs.",
  codes: { UNREACHABLE_STATE: "info" },
  check(model, report) {
    for (const scope of model.scopes) {
      if (scope.tooDeep) continue;
      const reached = reachableNames(model, scope);
      if (!reached) continue;
      const startAt = String(scope.container["StartAt"]);
      for (const { name, path } of scope.entries) {
        if (!reached.has(name))
          report("UNREACHABLE_STATE", path, m.unreachable(name, startAt), "sequential", true);
      }
    }
  },
});

export const taskWithoutRetry = defineRule({
  name: "task-without-retry",
  kind: "advice",
  description: "A Task without Retry fails the execution on a passing service error.",
  codes: { TASK_WITHOUT_RETRY: "info" },
  check(model, report) {
    for (const { state, path, name, type } of model.states) {
      if (type !== "Task") continue;
      const retry = state["Retry"];
      if (retry === undefined || (Array.isArray(retry) && retry.length === 0))
        report(
          "TASK_WITHOUT_RETRY",
          path,
          m.taskWithoutRetry(name, invokesLambda(state["Resource"])),
          "errors",
          true,
        );
    }
  },
});

export const resultPathDiscardsInput = defineRule({
  name: "resultpath-discards-input",
  kind: "advice",
  description: "A Catch without ResultPath, or a Pass Result without ResultPath, replaces the state's input.",
  codes: { RESULTPATH_DISCARDS_INPUT: "info" },
  check(model, report) {
    for (const { state, path, type, language } of model.states) {
      if (language !== "JSONPath") continue;
      if (type === "Pass" && state["Result"] !== undefined && state["ResultPath"] === undefined)
        report(
          "RESULTPATH_DISCARDS_INPUT",
          [...path, "Result"],
          m.passResultReplacesInput,
          "bestPractices",
          true,
        );
      const catchers = state["Catch"];
      if ((type !== "Task" && type !== "Parallel" && type !== "Map") || !Array.isArray(catchers)) continue;
      catchers.forEach((catcher, index) => {
        if (isObject(catcher) && catcher["ResultPath"] === undefined)
          report("RESULTPATH_DISCARDS_INPUT", [...path, "Catch", index], m.catchDiscardsInput, "errors");
      });
    }
  },
});

export const errorNames = defineRule({
  name: "error-names",
  kind: "advice",
  description:
    "A `States.*` name AWS does not define, or an entry an earlier one always matches first, never fires.",
  codes: { UNKNOWN_STATES_ERROR: "warning", CATCH_NEVER_FIRES: "info", RETRY_NEVER_FIRES: "info" },
  check(model, report) {
    for (const { field, path, entries } of errorLists(model)) {
      const earlier: string[][] = [];
      for (const { index, errors, names } of entries) {
        names.forEach((error, position) => {
          if (typeof error !== "string" || !error.startsWith("States.") || PREDEFINED_ERRORS.has(error))
            return;
          const message = m.unknownStatesError(field, error, suggest(error, PREDEFINED_ERRORS));
          report("UNKNOWN_STATES_ERROR", [...path, index, "ErrorEquals", position], message, "errors");
        });
        if (errors.length > 0 && errors.every((error) => earlier.some((list) => matchesAll(list, error)))) {
          const code = field === "Catch" ? "CATCH_NEVER_FIRES" : "RETRY_NEVER_FIRES";
          report(code, [...path, index], m.neverFires(field, errors), "errors");
        }
        earlier.push(errors);
      }
    }
  },
});

/**
 * AWS creates a definition that reads a variable no Assign defines, or one assigned only in another scope
 * (seen on real AWS validations, issue 11): the read finds nothing at run time, so this is our advice,
 * not AWS's error. Scopes: https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
export const variableReads = defineRule({
  name: "variable-reads",
  kind: "advice",
  description: "A variable read where no Assign in a visible scope defines it.",
  codes: { VARIABLE_NEVER_ASSIGNED: "warning", VARIABLE_NOT_VISIBLE: "warning" },
  check(model, report) {
    const { assigned, reads } = variableUse(model);
    const visible = (vars: VarScope, name: string) => {
      for (let s: VarScope | undefined = vars; s; s = s.isolated ? undefined : s.parent)
        if (assigned.get(s)!.has(name)) return true;
      return false;
    };
    for (const vars of model.varScopes) {
      for (const read of reads.get(vars)!) {
        if (visible(vars, read.name)) continue;
        if (model.varScopes.some((s) => assigned.get(s)!.has(read.name)))
          report("VARIABLE_NOT_VISIBLE", read.path, m.variableNotVisible(read.name), "intro");
        else report("VARIABLE_NEVER_ASSIGNED", read.path, m.variableNeverAssigned(read.name), "intro");
      }
    }
  },
});

/** In a JSONata state a key ending in `.$` is a plain key to AWS (issue 11: AWS creates such definitions). */
export const jsonataDollarKeys = defineRule({
  name: "jsonata-dollar-keys",
  kind: "advice",
  description: "A `.$` key in a JSONata state is a plain key: its value is not evaluated.",
  codes: { JSONATA_DOLLAR_KEY: "warning" },
  check(model, report) {
    for (const site of model.sites) {
      if (site.kind === "jsonata-dollar-key")
        report("JSONATA_DOLLAR_KEY", site.path, m.dollarKeyInJsonata(site.key), "intro", true);
    }
  },
});

/**
 * AWS: in an intrinsic's string literal only \', \{, \} and \\ are escapes; "if an open escape backslash \ is
 * found … the interpreter will return a runtime error"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html). The definition is
 * created; the state fails when it runs.
 */
export const intrinsicOpenEscapes = defineRule({
  name: "intrinsic-open-escapes",
  kind: "advice",
  description:
    "A backslash in an intrinsic's string literal that escapes nothing fails the state at run time.",
  codes: { INTRINSIC_OPEN_ESCAPE: "warning" },
  check(model, report) {
    for (const site of model.sites) {
      if (site.kind !== "intrinsic" || readIntrinsic(site).problem) continue;
      const escape = openEscape(site.text);
      if (escape) report("INTRINSIC_OPEN_ESCAPE", site.path, m.intrinsicOpenEscape(escape), "intro");
    }
  },
});

/** The first `\x` inside a quoted literal whose `x` is not one of `'{}\`. */
function openEscape(text: string): string | undefined {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === "\\") {
      const next = text[i + 1] ?? "";
      if (!"'{}\\".includes(next) || next === "") return "\\" + next;
      i++;
    } else if (ch === "'") quoted = !quoted;
  }
  return undefined;
}

export const placeholderArns = defineRule({
  name: "placeholder-arns",
  kind: "advice",
  description: "The lesson's REGION / ACCOUNT_ID placeholders, and IaC Lambda ARNs missing a part.",
  codes: { PLACEHOLDER_ARN: "info", ARN_MISSING_PART: "info" },
  check(model, report) {
    for (const { arn, path } of model.resources) {
      if (hasTemplate(arn)) {
        const parts = arn.replace(TEMPLATED, "VAR").split(":");
        if (parts[0] === "arn" && parts[2] === "lambda" && parts.length < 7 && parts.includes("function"))
          report("ARN_MISSING_PART", path, m.lambdaArnMissingPart(arn), "lambda");
        continue;
      }
      const placeholders = arn.match(PLACEHOLDER_TOKENS);
      if (placeholders && isValidResource(arn))
        report("PLACEHOLDER_ARN", path, m.placeholderArn(arn, [...new Set(placeholders)]), "lambda");
    }
  },
});

function matchesAll(list: readonly string[], error: string): boolean {
  if (list.includes(error)) return true;
  if (list.includes("States.ALL")) return error !== "States.Runtime" && error !== "States.DataLimitExceeded";
  return list.includes("States.TaskFailed") && !NOT_TASK_FAILED.has(error);
}

/** Whether a Task's Resource calls Lambda (a function ARN or the lambda:invoke integration). */
function invokesLambda(resource: unknown): boolean {
  if (typeof resource !== "string") return false;
  const parsed = parseResource(resource);
  return (
    parsed?.kind === "lambda-function" || (parsed?.kind === "service" && parsed.resourceType === "lambda")
  );
}
