/** Data-flow fields: paths, `.$` values, and AWS's warnings for paths written as literals. */
import { describe, expect, it } from "vitest";
import { validateDefinition } from "../../../grader/validator/index.ts";
import { machine, found, locations, errors, schema } from "./helpers.ts";

describe("data-flow fields", () => {
  it("NO_DOLLAR: a payload value that looks like a path under a key without '.$'", () => {
    const bad = machine({ A: { Type: "Pass", Parameters: { id: "$.pedido.id" }, End: true } });
    const good = machine({
      A: { Type: "Pass", Parameters: { "id.$": "$.pedido.id", preco: "$5,00" }, End: true },
    });
    const [diagnostic] = found(validateDefinition(bad), "NO_DOLLAR");
    expect(diagnostic).toMatchObject({ severity: "warning", location: "/States/A/Parameters/id" });
    expect(diagnostic!.message).toContain("'id.$'");
    expect(validateDefinition(good)).toEqual([]);
  });

  it("PASS_RESULT_IS_STATIC: a '.$' key inside a Pass Result", () => {
    const bad = machine({ A: { Type: "Pass", Result: { "id.$": "$.id" }, ResultPath: "$.r", End: true } });
    const good = machine({
      A: { Type: "Pass", Parameters: { "id.$": "$.id" }, ResultPath: "$.r", End: true },
    });
    expect(locations(bad, "PASS_RESULT_IS_STATIC")).toEqual(["/States/A/Result/id.$"]);
    expect(validateDefinition(good)).toEqual([]);
  });

  it("paths: syntax, reference paths and ResultPath's root", () => {
    const paths = machine({
      A: { Type: "Pass", InputPath: "$.a[", ResultPath: "$$.Execution.Id", Next: "M" },
      M: {
        Type: "Map",
        ItemsPath: "$.itens[?(@.ok)]",
        ItemProcessor: machine({ I: { Type: "Pass", End: true } }),
        End: true,
      },
    });
    expect(schema(paths)).toEqual(["/States/A/InputPath", "/States/A/ResultPath", "/States/M/ItemsPath"]);
    const good = machine({
      A: { Type: "Pass", InputPath: "$.a[?(@.ok == true)]", ResultPath: "$.b", Next: "M" },
      M: {
        Type: "Map",
        ItemsPath: "$.itens",
        ItemProcessor: machine({ I: { Type: "Pass", End: true } }),
        End: true,
      },
    });
    expect(errors(good)).toEqual([]);
  });

  it("'.$' values must be a path or a valid intrinsic call", () => {
    const bad = machine({
      A: {
        Type: "Pass",
        Parameters: { "a.$": "States.Formatar('{}', $.x)", "b.$": "texto", "c.$": 1 },
        End: true,
      },
    });
    expect(schema(bad)).toEqual([
      "/States/A/Parameters/a.$",
      "/States/A/Parameters/b.$",
      "/States/A/Parameters/c.$",
    ]);
    const good = machine({
      A: {
        Type: "Pass",
        Parameters: { "a.$": "States.Format('{}', $.x)", "b.$": "$$.Execution.Id" },
        End: true,
      },
    });
    expect(errors(good)).toEqual([]);
  });
});
