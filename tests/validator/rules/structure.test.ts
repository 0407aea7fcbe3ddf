/** Structure and transitions: the machine's shape, state names, Type, Next/End, targets, a terminal state. */
import { describe, expect, it } from "vitest";
import { validateDefinition, validateSource } from "../../../grader/validator/index.ts";
import { machine, task, found, locations, errors, schema, nestedParallels } from "./helpers.ts";

describe("structure and transitions", () => {
  it("SCHEMA_VALIDATION_FAILED: missing StartAt/States at '/', listing both fields", () => {
    const [diagnostic] = validateDefinition({ Comment: "vazio" });
    expect(diagnostic).toMatchObject({ code: "SCHEMA_VALIDATION_FAILED", location: "/" });
    expect(diagnostic!.message).toContain("'StartAt'");
    expect(diagnostic!.message).toContain("'States'");
  });

  it("MISSING_TRANSITION_TARGET: a Next naming no state, with a did-you-mean hint", () => {
    const bad = machine({ Inicio: { Type: "Pass", Next: "Fimm" }, Fim: { Type: "Succeed" } });
    const good = machine({ Inicio: { Type: "Pass", Next: "Fim" }, Fim: { Type: "Succeed" } });
    const [diagnostic] = found(validateDefinition(bad), "MISSING_TRANSITION_TARGET");
    expect(diagnostic!.location).toBe("/States/Inicio/Next");
    expect(diagnostic!.message).toContain("Você quis dizer 'Fim'?");
    expect(errors(good)).toEqual([]);
  });

  it("MISSING_TRANSITION_TARGET: StartAt, Default, Choice rules and Catch are all checked", () => {
    const bad = {
      StartAt: "Nada",
      States: {
        C: { Type: "Choice", Choices: [{ Variable: "$.x", IsPresent: true, Next: "X1" }], Default: "X2" },
        T: task({ Catch: [{ ErrorEquals: ["States.ALL"], Next: "X3", ResultPath: "$.e" }] }),
      },
    };
    expect(locations(bad, "MISSING_TRANSITION_TARGET")).toEqual([
      "/StartAt",
      "/States/C/Choices/0/Next",
      "/States/C/Default",
      "/States/T/Catch/0/Next",
    ]);
  });

  it("MISSING_TRANSITION_TARGET: a Parallel branch that jumps to a state outside itself", () => {
    const branch = (next: string) =>
      machine({ Dentro: { Type: "Pass", Next: next }, Ultimo: { Type: "Pass", End: true } });
    const bad = machine({
      P: { Type: "Parallel", Branches: [branch("Depois")], Next: "Depois" },
      Depois: { Type: "Succeed" },
    });
    const good = machine({
      P: { Type: "Parallel", Branches: [branch("Ultimo")], Next: "Depois" },
      Depois: { Type: "Succeed" },
    });
    const [diagnostic] = found(validateDefinition(bad), "MISSING_TRANSITION_TARGET");
    expect(diagnostic!.location).toBe("/States/P/Branches/0/States/Dentro/Next");
    expect(diagnostic!.message).toContain("fora deste bloco");
    expect(errors(good)).toEqual([]);
  });

  it("MISSING_END_STATE: a loop with no way out", () => {
    const bad = machine({ A: { Type: "Pass", Next: "B" }, B: { Type: "Pass", Next: "A" } });
    const good = machine({ A: { Type: "Pass", Next: "B" }, B: { Type: "Pass", End: true } });
    expect(locations(bad, "MISSING_END_STATE")).toEqual(["/States"]);
    expect(errors(good)).toEqual([]);
  });

  it("DUPLICATE_STATE_NAME: the same name inside a Parallel branch and at the top", () => {
    const bad = machine({
      P: { Type: "Parallel", Branches: [machine({ Fim: { Type: "Pass", End: true } })], Next: "Fim" },
      Fim: { Type: "Succeed" },
    });
    const good = machine({
      P: { Type: "Parallel", Branches: [machine({ FimRamo: { Type: "Pass", End: true } })], Next: "Fim" },
      Fim: { Type: "Succeed" },
    });
    expect(locations(bad, "DUPLICATE_STATE_NAME")).toEqual(["/States/Fim"]);
    expect(errors(good)).toEqual([]);
  });

  it("DUPLICATE_STATE_NAME: a state written twice in the same JSON object", () => {
    const text =
      '{"StartAt": "A", "States": {\n"A": {"Type": "Pass", "End": true},\n"A": {"Type": "Succeed"}}}';
    const [diagnostic] = found(
      validateSource(text, { fileName: "x.json" }).stateMachines[0]!.diagnostics,
      "DUPLICATE_STATE_NAME",
    );
    expect(diagnostic).toMatchObject({ location: "/States/A" });
    expect(diagnostic!.range!.start.line).toBe(3);
  });

  it("INVALID_STATE_NAME: longer than 80 characters", () => {
    const long = "N".repeat(81);
    expect(locations(machine({ [long]: { Type: "Succeed" } }), "INVALID_STATE_NAME")).toEqual([
      `/States/${long}`,
    ]);
    expect(errors(machine({ ["N".repeat(80)]: { Type: "Succeed" } }))).toEqual([]);
  });

  it("TOO_DEEPLY_NESTED: Parallels nested beyond the limit", () => {
    expect(found(validateDefinition(nestedParallels(41)), "TOO_DEEPLY_NESTED")).toHaveLength(1);
    expect(errors(nestedParallels(40))).toEqual([]);
  });

  it("a JSONPath state inside a JSONata machine", () => {
    const definition = machine(
      { A: { Type: "Pass", QueryLanguage: "JSONPath", End: true } },
      { QueryLanguage: "JSONata" },
    );
    expect(schema(definition)).toEqual(["/States/A/QueryLanguage"]);
  });

  it("Next and End: both, neither, End false", () => {
    expect(schema(machine({ A: { Type: "Pass", Next: "A", End: true } }))).toEqual(["/States/A"]);
    expect(schema(machine({ A: { Type: "Pass" }, B: { Type: "Succeed" } }))).toEqual(["/States/A"]);
  });
});
