/** Each state type's fields: the schema per type and query language, and the rules between fields. */
import { describe, expect, it } from "vitest";
import { validateDefinition } from "../../../grader/validator/index.ts";
import { machine, task, found, locations, errors, schema, type Json } from "./helpers.ts";

describe("each state type's fields", () => {
  it("SCHEMA_VALIDATION_FAILED: a Retry bound out of range, located at the field", () => {
    const bad = machine({ A: task({ Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: -1 }] }) });
    const good = machine({ A: task({ Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 0 }] }) });
    expect(locations(bad, "SCHEMA_VALIDATION_FAILED")).toEqual(["/States/A/Retry/0/MaxAttempts"]);
    expect(errors(good)).toEqual([]);
  });

  it("DUPLICATE_LABEL_NAME and INVALID_LABEL_NAME on Map labels", () => {
    const map = (label: string, next: Json) => ({
      Type: "Map",
      Label: label,
      ItemProcessor: machine({
        [`Item${label.length}${JSON.stringify(next).length}`]: { Type: "Pass", End: true },
      }),
      ...next,
    });
    const twice = machine({ M1: map("Lote", { Next: "M2" }), M2: map("Lote", { End: true }) });
    const distinct = machine({ M1: map("Lote", { Next: "M2" }), M2: map("Lote2", { End: true }) });
    expect(locations(twice, "DUPLICATE_LABEL_NAME")).toEqual(["/States/M2/Label"]);
    expect(errors(distinct)).toEqual([]);
    expect(locations(machine({ M: map("meu lote", { End: true }) }), "INVALID_LABEL_NAME")).toEqual([
      "/States/M/Label",
    ]);
    expect(errors(machine({ M: map("meu-lote", { End: true }) }))).toEqual([]);
  });

  it("NO_PATH: a Fail Cause that looks like a path", () => {
    const bad = machine({ F: { Type: "Fail", Error: "Erro", Cause: "$.motivo" } });
    const good = machine({ F: { Type: "Fail", Error: "Erro", CausePath: "$.motivo" } });
    expect(found(validateDefinition(bad), "NO_PATH").map((d) => [d.severity, d.location])).toEqual([
      ["warning", "/States/F/Cause"],
    ]);
    expect(validateDefinition(good)).toEqual([]);
  });

  it("HeartbeatSeconds must be below TimeoutSeconds", () => {
    expect(schema(machine({ A: task({ TimeoutSeconds: 60, HeartbeatSeconds: 60 }) }))).toEqual([
      "/States/A/HeartbeatSeconds",
    ]);
    expect(errors(machine({ A: task({ TimeoutSeconds: 60, HeartbeatSeconds: 59 }) }))).toEqual([]);
  });

  it("JSONata-only fields in a JSONPath state and vice versa, with a message naming the language", () => {
    const output = validateDefinition(machine({ A: { Type: "Pass", Output: { a: 1 }, End: true } }));
    expect(output[0]).toMatchObject({ code: "SCHEMA_VALIDATION_FAILED", location: "/States/A/Output" });
    expect(output[0]!.message).toContain("só é suportado com QueryLanguage JSONata");
    const inputPath = validateDefinition(
      machine({ A: { Type: "Pass", InputPath: "$.a", End: true } }, { QueryLanguage: "JSONata" }),
    );
    expect(inputPath[0]).toMatchObject({ location: "/States/A/InputPath" });
    expect(inputPath[0]!.message).toContain("só existe em JSONPath");
    expect(
      errors(machine({ A: { Type: "Pass", QueryLanguage: "JSONata", Output: { a: 1 }, End: true } })),
    ).toEqual([]);
  });

  it("Wait needs exactly one of its time fields and an RFC 3339 timestamp", () => {
    expect(schema(machine({ W: { Type: "Wait", Seconds: 1, SecondsPath: "$.s", End: true } }))).toEqual([
      "/States/W",
    ]);
    expect(schema(machine({ W: { Type: "Wait", Timestamp: "2026-01-01 10:00", End: true } }))).toEqual([
      "/States/W/Timestamp",
    ]);
    expect(errors(machine({ W: { Type: "Wait", Timestamp: "2026-01-01T10:00:00Z", End: true } }))).toEqual(
      [],
    );
  });

  it("Choice rules: one operator per rule; Condition only in JSONata", () => {
    const two = machine({
      C: { Type: "Choice", Choices: [{ Variable: "$.a", StringEquals: "x", IsPresent: true, Next: "F" }] },
      F: { Type: "Succeed" },
    });
    expect(schema(two)).toEqual(["/States/C/Choices/0"]);
    const condition = machine({
      C: { Type: "Choice", Choices: [{ Condition: "{% true %}", Next: "F" }] },
      F: { Type: "Succeed" },
    });
    const [diagnostic] = validateDefinition(condition).filter((d) => d.severity === "error");
    expect(diagnostic!.location).toBe("/States/C/Choices/0/Condition");
    expect(diagnostic!.message).toContain("só existe em JSONata");
  });

  it("Choice rules: Next, Variable and …Path operands must be strings; a path as a timestamp is also NO_PATH", () => {
    const rules = (rule: Json) =>
      machine({ C: { Type: "Choice", Choices: [{ Next: "F", ...rule }] }, F: { Type: "Succeed" } });
    expect(schema(rules({ Variable: "$.a", IsPresent: true, Next: 1 }))).toEqual([
      "/States/C/Choices/0/Next",
    ]);
    expect(schema(rules({ Variable: ["$.a"], IsPresent: true }))).toEqual(["/States/C/Choices/0/Variable"]);
    expect(schema(rules({ Variable: "$.a", StringEqualsPath: 3 }))).toEqual([
      "/States/C/Choices/0/StringEqualsPath",
    ]);
    const timestamp = validateDefinition(rules({ Variable: "$.a", TimestampLessThan: "$.limite" }));
    expect(timestamp.map((d) => [d.code, d.severity])).toEqual([
      ["SCHEMA_VALIDATION_FAILED", "error"],
      ["NO_PATH", "warning"],
    ]);
    expect(errors(rules({ Variable: "$.a", TimestampLessThanPath: "$.limite" }))).toEqual([]);
  });

  it("an unknown field gets a did-you-mean hint", () => {
    const [diagnostic] = validateDefinition(
      machine({ A: { Type: "Pass", Nxet: "B" }, B: { Type: "Succeed" } }),
    ).filter((d) => d.location === "/States/A/Nxet");
    expect(diagnostic!.message).toContain("Você quis dizer 'Next'?");
  });

  // AWS, Wait state: "Timestamps must conform to the RFC3339 profile of ISO 8601, with the further restrictions
  // that an uppercase T must separate the date and time portions, and an uppercase Z must denote that a numeric
  // time zone offset is not present" (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html);
  // the Choice state's timestamp operators take the same format
  // (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html). RFC 3339 section 5.7 bounds
  // month, day (per month and leap year), hour, minute and offset.
  it("Timestamp: RFC 3339 with uppercase T and Z, and a real calendar date and time", () => {
    const wait = (timestamp: string) => machine({ W: { Type: "Wait", Timestamp: timestamp, End: true } });
    const choice = (timestamp: string) =>
      machine({
        C: { Type: "Choice", Choices: [{ Variable: "$.t", TimestampLessThan: timestamp, Next: "F" }] },
        F: { Type: "Succeed" },
      });
    for (const bad of [
      "2026-13-01T10:00:00Z",
      "2026-02-30T10:00:00Z",
      "2025-02-29T10:00:00Z",
      "2026-01-01T24:00:00Z",
      "2026-01-01T10:60:00Z",
      "2026-01-01T10:00:00+25:00",
      "2026-01-01 10:00:00Z",
      "2026-01-01T10:00:00",
      "2026-01-01t10:00:00z",
    ]) {
      expect(schema(wait(bad)), bad).toEqual(["/States/W/Timestamp"]);
      expect(schema(choice(bad)), bad).toEqual(["/States/C/Choices/0/TimestampLessThan"]);
    }
    for (const good of ["2024-02-29T23:59:59Z", "2026-01-01T10:00:00.123Z", "2026-01-01T10:00:00-03:00"]) {
      expect(errors(wait(good)), good).toEqual([]);
      expect(errors(choice(good)), good).toEqual([]);
    }
  });
});
