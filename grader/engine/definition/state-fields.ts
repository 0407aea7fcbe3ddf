/** The fields of Task, Choice and Wait states. */
import { compileChoiceRule } from "../choice.ts";
import { DefinitionError } from "../errors.ts";
import { compileJsonataValue } from "../jsonata.ts";
import { parseResource } from "../resources.ts";
import { waitTimestampMillis } from "../timestamps.ts";
import type { Compiler } from "./compiler.ts";
import { isObject, jsonataValue, positiveInteger, referencePath, type Json } from "./fields.ts";
import type { ChoiceRule, ChoiceState, StateBase, TaskState, WaitState } from "./model.ts";

export function compileTask(
  compiler: Compiler,
  raw: Json,
  base: Omit<StateBase, "type">,
  location: string,
): TaskState {
  if (typeof raw.Resource !== "string") {
    throw new DefinitionError("Um estado Task precisa do campo Resource (um ARN)", `${location}/Resource`);
  }
  const resource = parseResource(raw.Resource);
  if (!resource) {
    throw new DefinitionError(`Resource '${raw.Resource}' não é um ARN reconhecido`, `${location}/Resource`);
  }
  return {
    ...base,
    ...compiler.withResult(raw, location),
    type: "Task",
    resource,
    timeoutSeconds: base.jsonata?.timeoutSeconds
      ? undefined
      : positiveInteger(raw, "TimeoutSeconds", location),
    timeoutSecondsPath: referencePath(raw, "TimeoutSecondsPath", location),
    heartbeatSeconds: base.jsonata?.heartbeatSeconds
      ? undefined
      : positiveInteger(raw, "HeartbeatSeconds", location),
    heartbeatSecondsPath: referencePath(raw, "HeartbeatSecondsPath", location),
  };
}

export function compileChoice(
  compiler: Compiler,
  raw: Json,
  base: Omit<StateBase, "type">,
  location: string,
): ChoiceState {
  const choices = raw.Choices;
  if (!Array.isArray(choices) || choices.length === 0) {
    throw new DefinitionError("Choices deve ser uma lista não vazia de regras", `${location}/Choices`);
  }
  const rules = choices.map((rule, index): ChoiceRule => {
    const ruleLocation = `${location}/Choices/${index}`;
    if (!isObject(rule) || typeof rule.Next !== "string") {
      throw new DefinitionError("Cada regra de Choices precisa de Next", ruleLocation);
    }
    const assign = compiler.assignment(rule, base.queryLanguage, ruleLocation, `Choices[${index}]/`);
    if (base.queryLanguage === "JSONata") {
      if (rule.Condition === undefined) {
        throw new DefinitionError(
          'Em JSONata, cada regra de Choices precisa de Condition, por exemplo "{% $states.input.total > 100 %}"',
          ruleLocation,
        );
      }
      return {
        condition: compileJsonataValue(
          rule.Condition,
          `${ruleLocation}/Condition`,
          `Choices[${index}]/Condition`,
        ),
        next: rule.Next,
        output: jsonataValue(rule, "Output", ruleLocation, `Choices[${index}]/`),
        assign,
      };
    }
    return { test: compileChoiceRule(rule, ruleLocation), next: rule.Next, assign };
  });
  if (raw.Default !== undefined && typeof raw.Default !== "string") {
    throw new DefinitionError("Default deve ser o nome de um estado", `${location}/Default`);
  }
  return { ...base, type: "Choice", choices: rules, defaultNext: raw.Default as string | undefined };
}

export function compileWait(
  compiler: Compiler,
  raw: Json,
  base: Omit<StateBase, "type">,
  location: string,
): WaitState {
  const fields = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"].filter((field) => field in raw);
  if (fields.length !== 1) {
    throw new DefinitionError(
      "Um estado Wait precisa de exatamente um destes campos: Seconds, SecondsPath, Timestamp ou TimestampPath",
      location,
    );
  }
  const seconds = base.jsonata?.seconds ? undefined : raw.Seconds;
  if (seconds !== undefined && (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 0)) {
    throw new DefinitionError(
      "Seconds deve ser um número inteiro maior ou igual a zero",
      `${location}/Seconds`,
    );
  }
  const timestamp = base.jsonata?.timestamp ? undefined : raw.Timestamp;
  if (timestamp !== undefined && waitTimestampMillis(timestamp) === undefined) {
    throw new DefinitionError(
      "Timestamp deve ser uma data no formato RFC3339, por exemplo 2026-03-14T01:59:00Z",
      `${location}/Timestamp`,
    );
  }
  return {
    ...base,
    type: "Wait",
    seconds: seconds as number | undefined,
    secondsPath: referencePath(raw, "SecondsPath", location),
    timestamp: timestamp as string | undefined,
    timestampPath: referencePath(raw, "TimestampPath", location),
  };
}
