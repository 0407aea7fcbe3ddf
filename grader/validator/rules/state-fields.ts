/**
 * Each state type's fields (AWS's rules): the schema of every state in its query language, and the rules
 * between fields a schema cannot say (Task timeouts and credentials, Wait's time fields, Fail's pairs,
 * Choice rules, Map's processor and Label).
 */
import { isRfc3339Timestamp } from "../../engine/timestamps.ts";
import { messages as m } from "../messages.ts";
import type { Segment } from "../source.ts";
import { COMBINATORS, OPERATORS } from "./model.ts";
import { defineRule } from "./rule.ts";
import { checkSchema } from "./schema.ts";
import { hasControlCharacter, isJsonataText, isObject, looksLikePath, MAX_LABEL } from "./values.ts";

const LABEL_FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/]/;

export const stateSchema = defineRule({
  name: "state-schema",
  kind: "aws",
  description: "Each state has the fields its Type accepts in its query language, with the right types.",
  codes: { SCHEMA_VALIDATION_FAILED: "error" },
  check(model, report) {
    for (const { state, path, type, language } of model.states) {
      checkSchema(report, `${type}${language}`, state, path, { type, language });
      if (type === "Choice" && language === "JSONata" && Array.isArray(state["Choices"])) {
        state["Choices"].forEach((rule, index) => {
          if (isObject(rule)) checkSchema(report, "jsonataChoiceRule", rule, [...path, "Choices", index]);
        });
      }
    }
  },
});

export const taskFields = defineRule({
  name: "task-fields",
  kind: "aws",
  description:
    "A Task's timeout and heartbeat (one form each, heartbeat below timeout) and Credentials' RoleArn.",
  codes: { SCHEMA_VALIDATION_FAILED: "error" },
  check(model, report) {
    for (const { state, path, type } of model.states) {
      if (type !== "Task") continue;
      for (const [a, b] of [
        ["TimeoutSeconds", "TimeoutSecondsPath"],
        ["HeartbeatSeconds", "HeartbeatSecondsPath"],
      ] as const) {
        if (state[a] !== undefined && state[b] !== undefined)
          report("SCHEMA_VALIDATION_FAILED", path, m.onlyOneOf([a, b]), "errors");
      }
      const timeout =
        typeof state["TimeoutSeconds"] === "number"
          ? state["TimeoutSeconds"]
          : state["TimeoutSecondsPath"] === undefined
            ? 99_999_999
            : undefined;
      const heartbeat = state["HeartbeatSeconds"];
      if (typeof heartbeat === "number" && timeout !== undefined && heartbeat >= timeout) {
        const message = m.heartbeatNotBelowTimeout(heartbeat, timeout);
        report("SCHEMA_VALIDATION_FAILED", [...path, "HeartbeatSeconds"], message, "errors");
      }
      const credentials = state["Credentials"];
      if (
        isObject(credentials) &&
        credentials["RoleArn"] === undefined &&
        credentials["RoleArn.$"] === undefined
      )
        report("SCHEMA_VALIDATION_FAILED", [...path, "Credentials"], m.credentialsRoleArn, "services");
    }
  },
});

export const waitFields = defineRule({
  name: "wait-fields",
  kind: "aws",
  description:
    "A Wait has exactly one of Seconds, SecondsPath, Timestamp, TimestampPath; a Timestamp is RFC 3339.",
  codes: { SCHEMA_VALIDATION_FAILED: "error" },
  check(model, report) {
    for (const { state, path, type, language } of model.states) {
      if (type !== "Wait") continue;
      const present = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"].filter(
        (f) => state[f] !== undefined,
      );
      if (present.length === 0) report("SCHEMA_VALIDATION_FAILED", path, m.waitNeedsOne(language), "anatomy");
      else if (present.length > 1) report("SCHEMA_VALIDATION_FAILED", path, m.onlyOneOf(present), "anatomy");
      const timestamp = state["Timestamp"];
      if (
        typeof timestamp === "string" &&
        !(language === "JSONata" && isJsonataText(timestamp)) &&
        !isRfc3339Timestamp(timestamp)
      ) {
        report("SCHEMA_VALIDATION_FAILED", [...path, "Timestamp"], m.badTimestamp(timestamp), "anatomy");
      }
    }
  },
});

export const failFields = defineRule({
  name: "fail-fields",
  kind: "aws",
  description:
    "A Fail has Error or ErrorPath (not both), Cause or CausePath; a path-like Error/Cause is a literal.",
  codes: { SCHEMA_VALIDATION_FAILED: "error", NO_PATH: "warning" },
  check(model, report) {
    for (const { state, path, type, language } of model.states) {
      if (type !== "Fail") continue;
      for (const [a, b] of [
        ["Error", "ErrorPath"],
        ["Cause", "CausePath"],
      ] as const) {
        if (state[a] !== undefined && state[b] !== undefined)
          report("SCHEMA_VALIDATION_FAILED", path, m.onlyOneOf([a, b]), "anatomy");
        const value = state[a];
        if (language === "JSONPath" && typeof value === "string" && looksLikePath(value))
          report("NO_PATH", [...path, a], m.noPath(a, `${a}Path`, value), "anatomy");
      }
    }
  },
});

export const choiceRules = defineRule({
  name: "choice-rules",
  kind: "aws",
  description:
    "Each JSONPath Choice rule has one operator with a value of its type, Variable, and Next at the top.",
  codes: { SCHEMA_VALIDATION_FAILED: "error", NO_PATH: "warning" },
  check(model, report) {
    const error = (path: Segment[], message: string, key = false) =>
      report("SCHEMA_VALIDATION_FAILED", path, message, "anatomy", key);
    const noPath = (path: Segment[], op: string, value: string) =>
      report("NO_PATH", path, m.noPath(op, `${op}Path`, value), "anatomy");
    for (const { rule, path, top } of model.choiceRules) {
      if (!isObject(rule)) {
        error(path, m.ruleNotObject);
        continue;
      }
      const combinators = COMBINATORS.filter((k) => rule[k] !== undefined);
      const operators = Object.keys(rule).filter((k) => OPERATORS.has(k));
      for (const key of Object.keys(rule)) {
        const allowed =
          key === "Variable" ||
          key === "Comment" ||
          OPERATORS.has(key) ||
          (COMBINATORS as readonly string[]).includes(key) ||
          (top && (key === "Next" || key === "Assign"));
        if (allowed) continue;
        const hint =
          key === "Condition"
            ? m.conditionNeedsJsonata
            : !top && (key === "Next" || key === "Assign")
              ? m.nestedRuleNext(key)
              : m.unknownRuleField(key, [...OPERATORS.keys()]);
        error([...path, key], hint, true);
      }
      const next = rule["Next"];
      if (top && next === undefined) error(path, m.requiredFields(["Next"]));
      else if (top && (typeof next !== "string" || next === ""))
        error([...path, "Next"], m.wrongTypeOf("Next", "string", next));
      const assign = rule["Assign"];
      if (top && assign !== undefined && !isObject(assign))
        report(
          "SCHEMA_VALIDATION_FAILED",
          [...path, "Assign"],
          m.wrongTypeOf("Assign", "object", assign),
          "intro",
        );
      if (combinators.length + operators.length === 0) {
        error(path, m.ruleNeedsOperator);
        continue;
      }
      if (combinators.length + operators.length > 1) {
        error(path, m.ruleOneOperator([...combinators, ...operators]));
        continue;
      }
      if (combinators.length === 1) {
        const key = combinators[0]!;
        if (rule["Variable"] !== undefined) error([...path, "Variable"], m.combinatorWithVariable(key), true);
        const value = rule[key];
        if (key !== "Not" && (!Array.isArray(value) || value.length === 0))
          error([...path, key], m.combinatorArray(key));
        continue;
      }
      const op = operators[0]!;
      const variable = rule["Variable"];
      if (variable === undefined) error(path, m.requiredFields(["Variable"]));
      else if (typeof variable !== "string")
        error([...path, "Variable"], m.wrongTypeOf("Variable", "string", variable));
      const value = rule[op];
      const opPath = [...path, op];
      switch (OPERATORS.get(op)!) {
        case "path":
          if (typeof value !== "string") error(opPath, m.wrongType(op, 'um caminho, como "$.limite"'));
          break;
        case "string":
          if (typeof value !== "string") error(opPath, m.wrongType(op, "texto"));
          else if (op !== "StringMatches" && looksLikePath(value)) noPath(opPath, op, value);
          break;
        case "number":
          if (typeof value !== "number") {
            error(opPath, m.wrongType(op, "número"));
            if (typeof value === "string" && looksLikePath(value)) noPath(opPath, op, value);
          }
          break;
        case "boolean":
          if (typeof value !== "boolean") error(opPath, m.wrongType(op, "booleano (true ou false)"));
          break;
        case "timestamp":
          if (typeof value !== "string" || !isRfc3339Timestamp(value)) {
            error(opPath, m.badTimestamp(String(value)));
            if (typeof value === "string" && looksLikePath(value)) noPath(opPath, op, value);
          }
          break;
      }
    }
  },
});

export const mapFields = defineRule({
  name: "map-fields",
  kind: "aws",
  description:
    "A Map has one ItemProcessor (or Iterator), ItemSelector or Parameters, and a valid, unique Label.",
  codes: { SCHEMA_VALIDATION_FAILED: "error", INVALID_LABEL_NAME: "error", DUPLICATE_LABEL_NAME: "error" },
  check(model, report) {
    const labels = new Map<string, Segment[]>();
    for (const { state, path, type } of model.statesInnerFirst) {
      if (type !== "Map") continue;
      const hasProcessor = state["ItemProcessor"] !== undefined;
      const hasIterator = state["Iterator"] !== undefined;
      if (hasProcessor && hasIterator)
        report("SCHEMA_VALIDATION_FAILED", path, m.onlyOneOf(["ItemProcessor", "Iterator"]), "parallel");
      if (!hasProcessor && !hasIterator)
        report("SCHEMA_VALIDATION_FAILED", path, m.requiredFields(["ItemProcessor"]), "parallel");
      if (state["ItemSelector"] !== undefined && state["Parameters"] !== undefined)
        report("SCHEMA_VALIDATION_FAILED", path, m.onlyOneOf(["ItemSelector", "Parameters"]), "parallel");
      const label = state["Label"];
      if (typeof label !== "string") continue;
      const labelPath = [...path, "Label"];
      if (
        label.length === 0 ||
        label.length > MAX_LABEL ||
        LABEL_FORBIDDEN.test(label) ||
        hasControlCharacter(label)
      )
        report("INVALID_LABEL_NAME", labelPath, m.invalidLabel(label, MAX_LABEL), "parallel");
      const first = labels.get(label);
      if (first)
        report("DUPLICATE_LABEL_NAME", labelPath, m.duplicateLabel(label, "/" + first.join("/")), "parallel");
      else labels.set(label, labelPath);
    }
  },
});
