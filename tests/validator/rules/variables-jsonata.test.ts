/** Variables and JSONata: Assign names, variable scopes, JSONata expressions. */
import { describe, expect, it } from "vitest";
import { validateDefinition } from "../../../grader/validator/index.ts";
import { machine, task, found, locations, errors, schema } from "./helpers.ts";

describe("variables and JSONata", () => {
  it("INVALID_JSONATA_EXPRESSION: an expression that does not parse, or is not closed", () => {
    const jsonata = (output: unknown) =>
      machine({ A: { Type: "Pass", Output: output, End: true } }, { QueryLanguage: "JSONata" });
    expect(locations(jsonata({ total: "{% $states.input.a + %}" }), "INVALID_JSONATA_EXPRESSION")).toEqual([
      "/States/A/Output/total",
    ]);
    expect(locations(jsonata("{% $states.input.a"), "INVALID_JSONATA_EXPRESSION")).toEqual([
      "/States/A/Output",
    ]);
    expect(errors(jsonata({ total: "{% $states.input.a + 1 %}" }))).toEqual([]);
    expect(errors(jsonata({ literal: "$states.input.a + %}" }))).toEqual([]);
  });

  it("UNSUPPORTED_JSONATA_EXPRESSION: top-level $, $$ and bare field names", () => {
    for (const expression of ["{% $.pedido %}", "{% $$.Execution.Id %}", "{% pedido.total %}", "{% $ %}"]) {
      const definition = machine(
        { A: { Type: "Pass", Output: expression, End: true } },
        { QueryLanguage: "JSONata" },
      );
      expect(locations(definition, "UNSUPPORTED_JSONATA_EXPRESSION")).toEqual(["/States/A/Output"]);
    }
    for (const expression of [
      "{% $states.input.pedido.total %}",
      "{% $states.input.itens[preco > 10].nome %}",
      "{% $states.context.Execution.Id %}",
      "{% $map($states.input.itens, function($i){ $i.preco }) %}",
    ]) {
      expect(
        errors(machine({ A: { Type: "Pass", Output: expression, End: true } }, { QueryLanguage: "JSONata" })),
      ).toEqual([]);
    }
  });

  it("UNSUPPORTED_JSONATA_EXPRESSION: $states.result and $states.errorOutput only where AWS allows them", () => {
    const jsonata = { QueryLanguage: "JSONata" };
    const passResult = machine({ A: { Type: "Pass", Output: "{% $states.result %}", End: true } }, jsonata);
    const taskResult = machine({ A: task({ Output: "{% $states.result.Payload %}" }) }, jsonata);
    const taskErrorOutput = machine({ A: task({ Output: "{% $states.errorOutput %}" }) }, jsonata);
    const catchErrorOutput = machine(
      {
        A: task({ Catch: [{ ErrorEquals: ["States.ALL"], Next: "B", Output: "{% $states.errorOutput %}" }] }),
        B: { Type: "Succeed" },
      },
      jsonata,
    );
    expect(locations(passResult, "UNSUPPORTED_JSONATA_EXPRESSION")).toEqual(["/States/A/Output"]);
    expect(locations(taskErrorOutput, "UNSUPPORTED_JSONATA_EXPRESSION")).toEqual(["/States/A/Output"]);
    expect(errors(taskResult)).toEqual([]);
    expect(errors(catchErrorOutput)).toEqual([]);
  });

  // AWS creates definitions that read a variable no Assign defines or one assigned only in a sibling scope
  // (issue 11, real AWS validations): the read fails at run time, so these are our warnings, not errors.
  // Shadowing an outer variable stays an error (workflow variables' scope rules,
  // https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html).
  it("variables: never assigned or only in a sibling branch is advice; shadowing an outer one is an error", () => {
    const neverAssigned = machine({ A: { Type: "Pass", Parameters: { "x.$": "$totall" }, End: true } });
    expect(errors(neverAssigned)).toEqual([]);
    expect(
      found(validateDefinition(neverAssigned), "VARIABLE_NEVER_ASSIGNED").map((d) => [
        d.severity,
        d.location,
      ]),
    ).toEqual([["warning", "/States/A/Parameters/x.$"]]);
    const sibling = machine({
      P: {
        Type: "Parallel",
        Branches: [
          machine({ B1: { Type: "Pass", Assign: { parcial: 1 }, End: true } }),
          machine({ B2: { Type: "Pass", Parameters: { "p.$": "$parcial" }, End: true } }),
        ],
        End: true,
      },
    });
    expect(errors(sibling)).toEqual([]);
    const [visibility] = found(validateDefinition(sibling), "VARIABLE_NOT_VISIBLE");
    expect(visibility).toMatchObject({
      severity: "warning",
      location: "/States/P/Branches/1/States/B2/Parameters/p.$",
    });
    expect(visibility!.message).toContain("outro escopo");
    const shadow = machine({
      A: { Type: "Pass", Assign: { total: 0 }, Next: "P" },
      P: {
        Type: "Parallel",
        Branches: [machine({ B: { Type: "Pass", Assign: { total: 1 }, End: true } })],
        End: true,
      },
    });
    expect(schema(shadow)).toEqual(["/States/P/Branches/0/States/B/Assign/total"]);
    const fine = machine({
      A: { Type: "Pass", Assign: { total: 0 }, Next: "P" },
      P: {
        Type: "Parallel",
        Branches: [
          machine({
            B: { Type: "Pass", Parameters: { "t.$": "$total" }, Assign: { parcial: 1 }, End: true },
          }),
        ],
        End: true,
      },
    });
    expect(errors(fine)).toEqual([]);
  });

  it("JSONata variables: unassigned ones get a warning; built-ins and local bindings do not", () => {
    const jsonata = { QueryLanguage: "JSONata" };
    const bad = machine({ A: { Type: "Pass", Output: "{% $pedidoo.total %}", End: true } }, jsonata);
    expect(errors(bad)).toEqual([]);
    expect(locations(bad, "VARIABLE_NEVER_ASSIGNED")).toEqual(["/States/A/Output"]);
    const good = machine(
      {
        A: { Type: "Pass", Assign: { pedido: "{% $states.input %}" }, Next: "B" },
        B: { Type: "Pass", Output: "{% ($t := $sum($pedido.itens.preco); $round($t, 2)) %}", End: true },
      },
      jsonata,
    );
    expect(errors(good)).toEqual([]);
  });

  // In a JSONata state only `{% %}` strings are evaluated; a key ending in `.$` is a plain key to AWS
  // (issue 11: AWS creates such definitions; "Transforming data with JSONata",
  // https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
  it("a '.$' key in a JSONata Output or Arguments is a plain key: a warning, not an error", () => {
    const jsonata = { QueryLanguage: "JSONata" };
    const dollar = machine(
      { A: task({ Arguments: { "Payload.$": "$.pedido" }, Output: { "total.$": "{% 1 %}" } }) },
      jsonata,
    );
    expect(errors(dollar)).toEqual([]);
    expect(
      found(validateDefinition(dollar), "JSONATA_DOLLAR_KEY").map((d) => [d.severity, d.location]),
    ).toEqual([
      ["warning", "/States/A/Arguments/Payload.$"],
      ["warning", "/States/A/Output/total.$"],
    ]);
    expect(
      locations(
        machine({ A: task({ Arguments: { Payload: "{% $states.input %}" } }) }, jsonata),
        "JSONATA_DOLLAR_KEY",
      ),
    ).toEqual([]);
  });
});
