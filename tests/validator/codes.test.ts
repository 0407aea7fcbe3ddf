/**
 * Every diagnostic code: a definition that triggers it (at AWS's location) and a near miss that must not.
 * Definitions are small on purpose: each differs from its near miss in the one detail the rule is about.
 */
import { describe, expect, it } from "vitest";
import { validateDefinition, validateSource, type Diagnostic } from "../../grader/validator/index.ts";

type Json = Record<string, unknown>;

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:Pagar";
const RETRY = [{ ErrorEquals: ["States.TaskFailed"] }];

/** A machine from a States object (StartAt = first state). */
function machine(states: Json, extra: Json = {}): Json {
  return { StartAt: Object.keys(states)[0], States: states, ...extra };
}

function task(extra: Json = {}): Json {
  return { Type: "Task", Resource: LAMBDA, Retry: RETRY, End: true, ...extra };
}

function found(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

function locations(definition: unknown, code: string, options = {}): string[] {
  return found(validateDefinition(definition, options), code).map((d) => d.location);
}

function errors(definition: unknown, options = {}): string[] {
  return validateDefinition(definition, options)
    .filter((d) => d.severity === "error")
    .map((d) => `${d.code} ${d.location}`);
}

/** `depth` Parallels nested inside each other. */
function nestedParallels(depth: number): Json {
  let inner: Json = machine({ [`Folha${depth}`]: { Type: "Pass", End: true } });
  for (let level = depth; level > 0; level--) {
    inner = machine({ [`Nivel${level}`]: { Type: "Parallel", Branches: [inner], End: true } });
  }
  return inner;
}

describe("AWS error codes", () => {
  it("SCHEMA_VALIDATION_FAILED: a Retry bound out of range, located at the field", () => {
    const bad = machine({ A: task({ Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: -1 }] }) });
    const good = machine({ A: task({ Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 0 }] }) });
    expect(locations(bad, "SCHEMA_VALIDATION_FAILED")).toEqual(["/States/A/Retry/0/MaxAttempts"]);
    expect(errors(good)).toEqual([]);
  });

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

  it("INVALID_RESOURCE: a malformed ARN", () => {
    const bad = machine({ A: task({ Resource: "arn:aws:lambda:us-east-1:123456789012:functon:Pagar" }) });
    const noName = machine({ A: task({ Resource: "arn:aws:lambda:us-east-1:123456789012:function:" }) });
    expect(locations(bad, "INVALID_RESOURCE")).toEqual(["/States/A/Resource"]);
    expect(locations(noName, "INVALID_RESOURCE")).toEqual(["/States/A/Resource"]);
    for (const resource of [
      LAMBDA,
      "arn:aws:states:::lambda:invoke",
      "arn:aws:states:::aws-sdk:s3:getObject",
    ]) {
      expect(errors(machine({ A: task({ Resource: resource }) }))).toEqual([]);
    }
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
});

describe("AWS warnings", () => {
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

  it("NO_PATH: a Fail Cause that looks like a path", () => {
    const bad = machine({ F: { Type: "Fail", Error: "Erro", Cause: "$.motivo" } });
    const good = machine({ F: { Type: "Fail", Error: "Erro", CausePath: "$.motivo" } });
    expect(found(validateDefinition(bad), "NO_PATH").map((d) => [d.severity, d.location])).toEqual([
      ["warning", "/States/F/Cause"],
    ]);
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
});

describe("semantic rules reported as SCHEMA_VALIDATION_FAILED", () => {
  const schema = (definition: unknown, options = {}) =>
    locations(definition, "SCHEMA_VALIDATION_FAILED", options);

  it("States.ALL must be alone and in the last retrier/catcher", () => {
    const notAlone = machine({ A: task({ Retry: [{ ErrorEquals: ["States.ALL", "Lambda.Unknown"] }] }) });
    const notLast = machine({
      A: task({ Retry: [{ ErrorEquals: ["States.ALL"] }, { ErrorEquals: ["Lambda.Unknown"] }] }),
    });
    const right = machine({
      A: task({ Retry: [{ ErrorEquals: ["Lambda.Unknown"] }, { ErrorEquals: ["States.ALL"] }] }),
    });
    expect(schema(notAlone)).toEqual(["/States/A/Retry/0/ErrorEquals"]);
    expect(schema(notLast)).toEqual(["/States/A/Retry/0"]);
    expect(errors(right)).toEqual([]);
  });

  it("HeartbeatSeconds must be below TimeoutSeconds", () => {
    expect(schema(machine({ A: task({ TimeoutSeconds: 60, HeartbeatSeconds: 60 }) }))).toEqual([
      "/States/A/HeartbeatSeconds",
    ]);
    expect(errors(machine({ A: task({ TimeoutSeconds: 60, HeartbeatSeconds: 59 }) }))).toEqual([]);
  });

  it("Express workflows reject .sync, .waitForTaskToken and activities; Standard accepts them", () => {
    for (const resource of [
      "arn:aws:states:::ecs:runTask.sync",
      "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "arn:aws:states:us-east-1:123456789012:activity:Aprovar",
    ]) {
      const definition = machine({ A: task({ Resource: resource }) });
      expect(schema(definition, { express: true })).toEqual(["/States/A/Resource"]);
      expect(errors(definition)).toEqual([]);
    }
    expect(
      errors(machine({ A: task({ Resource: "arn:aws:states:::lambda:invoke" }) }), { express: true }),
    ).toEqual([]);
    const templated = machine({ A: task({ Resource: "arn:${AWS::Partition}:states:::ecs:runTask.sync" }) });
    expect(schema(templated, { express: true, iac: true })).toEqual(["/States/A/Resource"]);
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

  it("a JSONPath state inside a JSONata machine", () => {
    const definition = machine(
      { A: { Type: "Pass", QueryLanguage: "JSONPath", End: true } },
      { QueryLanguage: "JSONata" },
    );
    expect(schema(definition)).toEqual(["/States/A/QueryLanguage"]);
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

  it("variables: never assigned, assigned only in a sibling branch, shadowing an outer one", () => {
    const neverAssigned = machine({ A: { Type: "Pass", Parameters: { "x.$": "$totall" }, End: true } });
    expect(schema(neverAssigned)).toEqual(["/States/A/Parameters/x.$"]);
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
    const [visibility] = found(validateDefinition(sibling), "SCHEMA_VALIDATION_FAILED");
    expect(visibility!.location).toBe("/States/P/Branches/1/States/B2/Parameters/p.$");
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

  it("JSONata variables: unassigned ones are reported; built-ins and local bindings are not", () => {
    const jsonata = { QueryLanguage: "JSONata" };
    const bad = machine({ A: { Type: "Pass", Output: "{% $pedidoo.total %}", End: true } }, jsonata);
    expect(schema(bad)).toEqual(["/States/A/Output"]);
    const good = machine(
      {
        A: { Type: "Pass", Assign: { pedido: "{% $states.input %}" }, Next: "B" },
        B: { Type: "Pass", Output: "{% ($t := $sum($pedido.itens.preco); $round($t, 2)) %}", End: true },
      },
      jsonata,
    );
    expect(errors(good)).toEqual([]);
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

  it("Next and End: both, neither, End false", () => {
    expect(schema(machine({ A: { Type: "Pass", Next: "A", End: true } }))).toEqual(["/States/A"]);
    expect(schema(machine({ A: { Type: "Pass" }, B: { Type: "Succeed" } }))).toEqual(["/States/A"]);
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
});

describe("teaching notes (info, our own codes)", () => {
  it("UNREACHABLE_STATE", () => {
    const bad = machine({ A: { Type: "Pass", End: true }, Orfao: { Type: "Pass", End: true } });
    expect(found(validateDefinition(bad), "UNREACHABLE_STATE").map((d) => [d.severity, d.location])).toEqual([
      ["info", "/States/Orfao"],
    ]);
    expect(
      locations(
        machine({ A: { Type: "Pass", Next: "B" }, B: { Type: "Pass", End: true } }),
        "UNREACHABLE_STATE",
      ),
    ).toEqual([]);
  });

  it("TASK_WITHOUT_RETRY", () => {
    expect(locations(machine({ A: task({ Retry: undefined }) }), "TASK_WITHOUT_RETRY")).toEqual([
      "/States/A",
    ]);
    expect(locations(machine({ A: task() }), "TASK_WITHOUT_RETRY")).toEqual([]);
  });

  // AWS best practices, "Handle transient Lambda service exceptions": retry Lambda.ServiceException,
  // Lambda.AWSLambdaException and Lambda.SdkClientException (docs.aws.amazon.com/step-functions/latest/dg/
  // sfn-best-practices.html). The advice names Lambda's errors only for tasks that call Lambda.
  it("TASK_WITHOUT_RETRY advice fits the service the task calls", () => {
    const advice = (resource: string) =>
      found(
        validateDefinition(machine({ A: task({ Retry: undefined, Resource: resource }) })),
        "TASK_WITHOUT_RETRY",
      )[0]?.message ?? "";
    for (const resource of [LAMBDA, "arn:aws:states:::lambda:invoke"]) {
      expect(advice(resource)).toMatch(
        /Lambda\.ServiceException.*Lambda\.AWSLambdaException.*Lambda\.SdkClientException/,
      );
    }
    const sns = advice("arn:aws:states:::sns:publish");
    expect(sns).toContain("não tem Retry");
    expect(sns).not.toContain("Lambda");
  });

  it("CATCH_NEVER_FIRES and RETRY_NEVER_FIRES: an earlier entry already matches", () => {
    const catchers = (first: string) =>
      machine({
        A: task({
          Catch: [
            { ErrorEquals: [first], Next: "F", ResultPath: "$.e" },
            { ErrorEquals: ["Lambda.Unknown"], Next: "F", ResultPath: "$.e" },
          ],
        }),
        F: { Type: "Succeed" },
      });
    expect(locations(catchers("States.TaskFailed"), "CATCH_NEVER_FIRES")).toEqual(["/States/A/Catch/1"]);
    expect(locations(catchers("States.Timeout"), "CATCH_NEVER_FIRES")).toEqual([]);
    const retriers = machine({ A: task({ Retry: [{ ErrorEquals: ["X.Y"] }, { ErrorEquals: ["X.Y"] }] }) });
    expect(locations(retriers, "RETRY_NEVER_FIRES")).toEqual(["/States/A/Retry/1"]);
  });

  // AWS, "Error names": the language predefines the `States.`-prefixed names; other errors "can't begin with
  // the States. prefix" (docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
  it("UNKNOWN_STATES_ERROR: a States.* name AWS does not define can never be raised", () => {
    const retrying = (names: string[]) => machine({ A: task({ Retry: [{ ErrorEquals: names }] }) });
    const warned = found(
      validateDefinition(retrying(["Lambda.Unknown", "States.TimeOut"])),
      "UNKNOWN_STATES_ERROR",
    );
    expect(warned.map((d) => [d.severity, d.location])).toEqual([
      ["warning", "/States/A/Retry/0/ErrorEquals/1"],
    ]);
    expect(warned[0]?.message).toContain('Você quis dizer "States.Timeout"?');
    const predefined = [
      "States.ALL",
      "States.Timeout",
      "States.HeartbeatTimeout",
      "States.TaskFailed",
      "States.Permissions",
      "States.DataLimitExceeded",
      "States.Runtime",
      "States.BranchFailed",
      "States.NoChoiceMatched",
      "States.IntrinsicFailure",
      "States.ExceedToleratedFailureThreshold",
      "States.ItemReaderFailed",
      "States.ResultWriterFailed",
      "States.ResultPathMatchFailure",
      "States.ParameterPathFailure",
      "States.QueryEvaluationError",
      "States.Http.Socket",
    ];
    for (const name of predefined) {
      expect(locations(retrying([name]), "UNKNOWN_STATES_ERROR"), name).toEqual([]);
    }
    const catching = machine({
      A: task({ Catch: [{ ErrorEquals: ["States.Falhou"], Next: "F", ResultPath: "$.e" }] }),
      F: { Type: "Succeed" },
    });
    expect(locations(catching, "UNKNOWN_STATES_ERROR")).toEqual(["/States/A/Catch/0/ErrorEquals/0"]);
  });

  it("RESULTPATH_DISCARDS_INPUT: a Catch without ResultPath", () => {
    const catcher = (extra: Json) =>
      machine({
        A: task({ Catch: [{ ErrorEquals: ["States.ALL"], Next: "F", ...extra }] }),
        F: { Type: "Succeed" },
      });
    expect(locations(catcher({}), "RESULTPATH_DISCARDS_INPUT")).toEqual(["/States/A/Catch/0"]);
    expect(locations(catcher({ ResultPath: "$.erro" }), "RESULTPATH_DISCARDS_INPUT")).toEqual([]);
  });

  it("PLACEHOLDER_ARN: the lesson's REGION/ACCOUNT_ID placeholders are accepted with a note", () => {
    const placeholder = machine({
      A: task({ Resource: "arn:aws:lambda:REGION:ACCOUNT_ID:function:ProcessPaymentFunction" }),
    });
    const diagnostics = validateDefinition(placeholder);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([["PLACEHOLDER_ARN", "info"]]);
    expect(locations(machine({ A: task() }), "PLACEHOLDER_ARN")).toEqual([]);
  });

  it("ARN_MISSING_PART: an IaC Lambda ARN without its region (as in the lesson's serverless.yml)", () => {
    const arn = (resource: string) => machine({ A: task({ Resource: resource }) });
    expect(
      locations(arn("arn:aws:lambda:${aws:accountId}:function:${self:service}-fn"), "ARN_MISSING_PART", {
        iac: true,
      }),
    ).toEqual(["/States/A/Resource"]);
    expect(
      validateDefinition(arn("arn:aws:lambda:${aws:region}:${aws:accountId}:function:${self:service}-fn"), {
        iac: true,
      }),
    ).toEqual([]);
  });

  it("every diagnostic names a lesson section", () => {
    const diagnostics = validateDefinition(machine({ A: task({ Retry: undefined, Nxt: 1 }) }));
    expect(diagnostics.length).toBeGreaterThan(1);
    for (const diagnostic of diagnostics) expect(diagnostic.lessonSection).toMatch(/^[a-z0-9-]+$/);
  });
});
