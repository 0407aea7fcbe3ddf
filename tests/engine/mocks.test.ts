import { describe, expect, it } from "vitest";
import {
  MissingMockError,
  MockConfigError,
  createMockResolver,
  listTestCases,
  parseMockConfig,
} from "../../grader/engine/mocks.ts";
import type { TaskOutcome, TaskRequest, TaskResolver } from "../../grader/engine/task-resolver.ts";

// Quoted from "Configuration file for mocked service integrations in Step Functions"
// https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html
// (same example in https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-test-sm-exec.html).
const AWS_DOC_EXAMPLE = `{
  "StateMachines":{
    "LambdaSQSIntegration":{
      "TestCases":{
        "HappyPath":{
          "LambdaState":"MockedLambdaSuccess",
          "SQSState":"MockedSQSSuccess"
        },
        "RetryPath":{
          "LambdaState":"MockedLambdaRetry",
          "SQSState":"MockedSQSSuccess"
        },
        "HybridPath":{
          "LambdaState":"MockedLambdaSuccess"
        }
      }
    }
  },
  "MockedResponses":{
    "MockedLambdaSuccess":{
      "0":{
        "Return":{
          "StatusCode":200,
          "Payload":{
            "StatusCode":200,
            "body":"Hello from Lambda!"
          }
        }
      }
    },
    "LambdaMockedResourceNotReady":{
      "0":{
        "Throw":{
          "Error":"Lambda.ResourceNotReadyException",
          "Cause":"Lambda resource is not ready."
        }
      }
    },
    "MockedSQSSuccess":{
      "0":{
        "Return":{
          "MD5OfMessageBody":"3bcb6e8e-7h85-4375-b0bc-1a59812c6e51",
          "MessageId":"3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"
        }
      }
    },
    "MockedLambdaRetry":{
      "0":{
        "Throw":{
          "Error":"Lambda.ResourceNotReadyException",
          "Cause":"Lambda resource is not ready."
        }
      },
      "1-2":{
        "Throw":{
          "Error":"Lambda.TimeoutException",
          "Cause":"Lambda timed out."
        }
      },
      "3":{
        "Return":{
          "StatusCode":200,
          "Payload":{
            "StatusCode":200,
            "body":"Hello from Lambda!"
          }
        }
      }
    }
  }
}`;

// The same page's MockedResponses snippet ("the first three times … "0-2" …, the fourth time … "3""),
// with its "..." placeholders filled in so that it is valid JSON.
const AWS_DOC_RANGE_SNIPPET = `{
  "StateMachines": { "MyStateMachine": { "TestCases": { "HappyPath": { "SomeTaskState": "SomeMockedResponse" } } } },
  "MockedResponses": {
    "SomeMockedResponse": {
      "0-2": {
        "Throw": {
          "Error": "Lambda.TimeoutException",
          "Cause": "Lambda timed out."
        }
      },
      "3": {
        "Return": {
          "StatusCode": 200,
          "Payload": {
            "StatusCode": 200,
            "body": "Hello from Lambda!"
          }
        }
      }
    }
  }
}`;

// Example b11 of /work/shared/reference/asl-semantics.md (ranges "0-1" and "2").
const ORDER_FLOW = `{
  "StateMachines": {
    "OrderFlow": {
      "TestCases": {
        "HappyPath":         { "ChargeCard": "ChargeOk",            "NotifyCustomer": "SnsOk" },
        "CardFlaky":         { "ChargeCard": "ChargeFailsTwiceThenOk", "NotifyCustomer": "SnsOk" },
        "CardDeclined":      { "ChargeCard": "ChargeDeclined" }
      }
    }
  },
  "MockedResponses": {
    "ChargeOk": {
      "0": { "Return": { "StatusCode": 200, "Payload": { "chargeId": "ch_1", "status": "PAID" } } }
    },
    "ChargeFailsTwiceThenOk": {
      "0-1": { "Throw": { "Error": "Lambda.TooManyRequestsException", "Cause": "rate limited" } },
      "2":   { "Return": { "StatusCode": 200, "Payload": { "chargeId": "ch_2", "status": "PAID" } } }
    },
    "ChargeDeclined": {
      "0": { "Throw": { "Error": "Payment.Declined", "Cause": "insufficient funds" } }
    },
    "SnsOk": {
      "0": { "Return": { "MessageId": "a1b2c3" } }
    }
  }
}`;

function request(stateName: string, invocationIndex: number, stateMachineName = "M"): TaskRequest {
  return {
    stateName,
    resource: "arn:aws:states:::lambda:invoke",
    parameters: {},
    invocationIndex,
    retryCount: 0,
    stateMachineName,
  };
}

function resolve(resolver: TaskResolver, stateName: string, invocationIndex: number): TaskOutcome {
  const outcome = resolver(request(stateName, invocationIndex));
  if (outcome instanceof Promise) throw new Error("o resolver de mocks deve responder de forma síncrona");
  return outcome;
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("esperava uma exceção");
}

const LAMBDA_OK = { StatusCode: 200, Payload: { StatusCode: 200, body: "Hello from Lambda!" } };

describe("parseMockConfig with the AWS documentation examples", () => {
  it("accepts the documented file unchanged and lists its test cases", () => {
    const config = parseMockConfig(JSON.parse(AWS_DOC_EXAMPLE));
    expect(listTestCases(config)).toEqual({ LambdaSQSIntegration: ["HappyPath", "RetryPath", "HybridPath"] });
    expect([...config.mockedResponses.keys()]).toEqual([
      "MockedLambdaSuccess",
      "LambdaMockedResourceNotReady",
      "MockedSQSSuccess",
      "MockedLambdaRetry",
    ]);
    expect(
      config.mockedResponses.get("MockedLambdaRetry")?.rules.map((r) => [r.key, r.first, r.last]),
    ).toEqual([
      ["0", 0, 0],
      ["1-2", 1, 2],
      ["3", 3, 3],
    ]);
  });

  it("HappyPath: both states return their mocked responses", () => {
    const resolver = createMockResolver(parseMockConfig(JSON.parse(AWS_DOC_EXAMPLE)), {
      testCaseName: "HappyPath",
    });
    expect(resolve(resolver, "LambdaState", 0)).toEqual({ kind: "success", output: LAMBDA_OK });
    expect(resolve(resolver, "SQSState", 0)).toEqual({
      kind: "success",
      output: {
        MD5OfMessageBody: "3bcb6e8e-7h85-4375-b0bc-1a59812c6e51",
        MessageId: "3bcb6e8e-8b51-4375-b0bc-1a59812c6e51",
      },
    });
  });

  it("RetryPath: invocation 0 throws, 1-2 time out, 3 succeeds, 4 has no response", () => {
    const resolver = createMockResolver(parseMockConfig(JSON.parse(AWS_DOC_EXAMPLE)), {
      stateMachineName: "LambdaSQSIntegration",
      testCaseName: "RetryPath",
    });
    expect(resolve(resolver, "LambdaState", 0)).toEqual({
      kind: "failure",
      error: "Lambda.ResourceNotReadyException",
      cause: "Lambda resource is not ready.",
    });
    for (const index of [1, 2]) {
      expect(resolve(resolver, "LambdaState", index)).toEqual({
        kind: "failure",
        error: "Lambda.TimeoutException",
        cause: "Lambda timed out.",
      });
    }
    expect(resolve(resolver, "LambdaState", 3)).toEqual({ kind: "success", output: LAMBDA_OK });

    const error = catchError(() => resolver(request("LambdaState", 4)));
    expect(error).toBeInstanceOf(MissingMockError);
    const missing = error as MissingMockError;
    expect(missing.stateName).toBe("LambdaState");
    expect(missing.testCaseName).toBe("RetryPath");
    expect(missing.stateMachineName).toBe("LambdaSQSIntegration");
    expect(missing.mockedResponseName).toBe("MockedLambdaRetry");
    expect(missing.invocationIndex).toBe(4);
    expect(missing.message).toContain("5ª invocação");
    expect(missing.message).toContain('"LambdaState"');
    expect(missing.message).toContain('"RetryPath"');
    expect(missing.message).toContain('Adicione a chave "4"');
  });

  it("HybridPath: a state the test case does not map throws MissingMockError (never a real call)", () => {
    const resolver = createMockResolver(parseMockConfig(JSON.parse(AWS_DOC_EXAMPLE)), {
      testCaseName: "HybridPath",
    });
    expect(resolve(resolver, "LambdaState", 0)).toEqual({ kind: "success", output: LAMBDA_OK });
    const error = catchError(() => resolver(request("SQSState", 0)));
    expect(error).toBeInstanceOf(MissingMockError);
    const missing = error as MissingMockError;
    expect(missing.stateName).toBe("SQSState");
    expect(missing.testCaseName).toBe("HybridPath");
    expect(missing.invocationIndex).toBeUndefined();
    expect(missing.mockedResponseName).toBeUndefined();
    expect(missing.message).toContain('O estado "SQSState" não tem mock no caso de teste "HybridPath"');
    expect(missing.message).toContain("StateMachines.LambdaSQSIntegration.TestCases.HybridPath");
  });

  it('"0-2" then "3": the first three invocations throw, the fourth returns', () => {
    const resolver = createMockResolver(parseMockConfig(JSON.parse(AWS_DOC_RANGE_SNIPPET)), {
      testCaseName: "HappyPath",
    });
    expect([0, 1, 2, 3].map((i) => resolve(resolver, "SomeTaskState", i).kind)).toEqual([
      "failure",
      "failure",
      "failure",
      "success",
    ]);
  });
});

describe("invocation ranges", () => {
  const config = parseMockConfig(JSON.parse(ORDER_FLOW));

  it('"0-1" and "2" pick the right entry for each index', () => {
    const resolver = createMockResolver(config, { testCaseName: "CardFlaky" });
    const flaky = {
      kind: "failure",
      error: "Lambda.TooManyRequestsException",
      cause: "rate limited",
    };
    expect(resolve(resolver, "ChargeCard", 0)).toEqual(flaky);
    expect(resolve(resolver, "ChargeCard", 1)).toEqual(flaky);
    expect(resolve(resolver, "ChargeCard", 2)).toEqual({
      kind: "success",
      output: { StatusCode: 200, Payload: { chargeId: "ch_2", status: "PAID" } },
    });
    expect(() => resolver(request("ChargeCard", 3))).toThrow(MissingMockError);
    expect(resolve(resolver, "NotifyCustomer", 0)).toEqual({
      kind: "success",
      output: { MessageId: "a1b2c3" },
    });
  });

  it("keys may come in any order and leave gaps; a gap is a missing response at run time", () => {
    const resolver = createMockResolver(
      parseMockConfig({
        StateMachines: { M: { TestCases: { T: { S: "R" } } } },
        MockedResponses: {
          R: { "5-6": { Return: "late" }, "0": { Return: "first" }, "2-3": { Return: "mid" } },
        },
      }),
      { testCaseName: "T" },
    );
    const outputs = [0, 2, 3, 5, 6].map((i) => resolve(resolver, "S", i));
    expect(outputs.map((o) => (o.kind === "success" ? o.output : o.kind))).toEqual([
      "first",
      "mid",
      "mid",
      "late",
      "late",
    ]);
    for (const gap of [1, 4, 7]) {
      const error = catchError(() => resolver(request("S", gap)));
      expect(error).toBeInstanceOf(MissingMockError);
      expect((error as MissingMockError).invocationIndex).toBe(gap);
      expect((error as MissingMockError).message).toContain(`${gap + 1}ª invocação`);
    }
  });

  it("each invocation gets a fresh copy of Return", () => {
    const resolver = createMockResolver(config, { testCaseName: "HappyPath" });
    const first = resolve(resolver, "ChargeCard", 0);
    if (first.kind !== "success") throw new Error("esperava sucesso");
    (first.output as { Payload: { status: string } }).Payload.status = "MUTATED";
    const again = resolve(resolver, "ChargeCard", 0);
    expect(again).toEqual({
      kind: "success",
      output: { StatusCode: 200, Payload: { chargeId: "ch_1", status: "PAID" } },
    });
  });

  it("the parsed config does not share objects with the input", () => {
    const json = JSON.parse(ORDER_FLOW) as {
      MockedResponses: { SnsOk: { "0": { Return: { MessageId: string } } } };
    };
    const parsed = parseMockConfig(json);
    json.MockedResponses.SnsOk["0"].Return.MessageId = "changed";
    const resolver = createMockResolver(parsed, { testCaseName: "HappyPath" });
    expect(resolve(resolver, "NotifyCustomer", 0)).toEqual({
      kind: "success",
      output: { MessageId: "a1b2c3" },
    });
  });
});

describe("Partitura extensions and defaults", () => {
  it("DurationSeconds becomes durationSeconds, for Return and Throw", () => {
    const resolver = createMockResolver(
      parseMockConfig({
        StateMachines: { M: { TestCases: { T: { S: "R" } } } },
        MockedResponses: {
          R: {
            "0": { Throw: { Error: "Lambda.TimeoutException", Cause: "slow" }, DurationSeconds: 30 },
            "1": { Return: { ok: true }, DurationSeconds: 2.5 },
            "2": { Return: null, DurationSeconds: 0 },
          },
        },
      }),
      { testCaseName: "T" },
    );
    expect(resolve(resolver, "S", 0)).toEqual({
      kind: "failure",
      error: "Lambda.TimeoutException",
      cause: "slow",
      durationSeconds: 30,
    });
    expect(resolve(resolver, "S", 1)).toEqual({
      kind: "success",
      output: { ok: true },
      durationSeconds: 2.5,
    });
    expect(resolve(resolver, "S", 2)).toEqual({ kind: "success", output: null, durationSeconds: 0 });
  });

  it('"a-*" answers every invocation from a on: a service that fails "always" never runs out', () => {
    const resolver = createMockResolver(
      parseMockConfig({
        StateMachines: { M: { TestCases: { T: { S: "R" } } } },
        MockedResponses: {
          R: {
            "0": { Return: { primeira: true } },
            "1-*": { Throw: { Error: "Lambda.TooManyRequestsException", Cause: "Rate exceeded" } },
          },
        },
      }),
      { testCaseName: "T" },
    );
    expect(resolve(resolver, "S", 0)).toEqual({ kind: "success", output: { primeira: true } });
    for (const index of [1, 5, 999_999])
      expect(resolve(resolver, "S", index)).toMatchObject({ error: "Lambda.TooManyRequestsException" });
  });

  it('"*-1" and "2-**" are not invocation keys', () => {
    for (const key of ["*-1", "2-**", "*"]) {
      expect(() =>
        parseMockConfig({ StateMachines: {}, MockedResponses: { R: { [key]: { Return: 1 } } } }),
      ).toThrow(MockConfigError);
    }
  });

  it('unmocked: "neutral" answers {} for a state the test case does not map, and reports it', () => {
    const seen: string[] = [];
    const resolver = createMockResolver(
      parseMockConfig({ StateMachines: { M: { TestCases: { T: {} } } }, MockedResponses: {} }),
      { testCaseName: "T", unmocked: "neutral", onUnmocked: (name) => seen.push(name) },
    );
    expect(resolve(resolver, "RegistrarLog", 0)).toEqual({ kind: "success", output: {} });
    expect(seen).toEqual(["RegistrarLog"]);
  });

  it("without DurationSeconds the outcome has no durationSeconds key", () => {
    const resolver = createMockResolver(parseMockConfig(JSON.parse(ORDER_FLOW)), {
      testCaseName: "HappyPath",
    });
    expect(Object.keys(resolve(resolver, "ChargeCard", 0))).toEqual(["kind", "output"]);
  });

  it("a Throw without Cause gets an empty cause", () => {
    const resolver = createMockResolver(
      parseMockConfig({
        StateMachines: { M: { TestCases: { T: { S: "R" } } } },
        MockedResponses: { R: { "0": { Throw: { Error: "Custom.Error" } } } },
      }),
      { testCaseName: "T" },
    );
    // The error output of a Throw without Cause has no Cause either (AWS's Catch/ResultPath example).
    expect(resolve(resolver, "S", 0)).toEqual({ kind: "failure", error: "Custom.Error" });
  });

  it("an empty test case is allowed: every state is then missing", () => {
    const config = parseMockConfig({
      StateMachines: { M: { TestCases: { Empty: {} } } },
      MockedResponses: {},
    });
    const resolver = createMockResolver(config, { testCaseName: "Empty" });
    expect(() => resolver(request("Anything", 0))).toThrow(MissingMockError);
  });
});

describe("choosing the state machine and the test case", () => {
  const twoMachines = parseMockConfig({
    StateMachines: {
      Alpha: { TestCases: { A1: {}, A2: {} } },
      Beta: { TestCases: { B1: {} } },
    },
    MockedResponses: {},
  });

  it("lists machines and test cases in file order", () => {
    expect(listTestCases(twoMachines)).toEqual({ Alpha: ["A1", "A2"], Beta: ["B1"] });
  });

  it("requires a name when the file has several machines, listing them", () => {
    const error = catchError(() => createMockResolver(twoMachines, { testCaseName: "A1" }));
    expect(error).toBeInstanceOf(MockConfigError);
    expect((error as MockConfigError).pointer).toBe("/StateMachines");
    expect((error as MockConfigError).message).toContain("2 máquinas");
    expect((error as MockConfigError).message).toContain('"Alpha", "Beta"');
  });

  it("rejects an unknown machine, listing the available ones", () => {
    const error = catchError(() =>
      createMockResolver(twoMachines, { stateMachineName: "Gamma", testCaseName: "A1" }),
    );
    expect(error).toBeInstanceOf(MockConfigError);
    expect((error as MockConfigError).pointer).toBe("/StateMachines");
    expect((error as MockConfigError).message).toContain('A máquina "Gamma" não está');
    expect((error as MockConfigError).message).toContain('"Alpha", "Beta"');
  });

  it("rejects a file with no machine when none is named", () => {
    const empty = parseMockConfig({ StateMachines: {}, MockedResponses: {} });
    expect(listTestCases(empty)).toEqual({});
    const error = catchError(() => createMockResolver(empty, { testCaseName: "X" }));
    expect(error).toBeInstanceOf(MockConfigError);
    expect((error as MockConfigError).message).toContain("nenhuma máquina");
  });

  it("rejects an unknown test case, listing the available ones", () => {
    const error = catchError(() =>
      createMockResolver(twoMachines, { stateMachineName: "Alpha", testCaseName: "Nope" }),
    );
    expect(error).toBeInstanceOf(MockConfigError);
    expect((error as MockConfigError).pointer).toBe("/StateMachines/Alpha/TestCases");
    expect((error as MockConfigError).message).toContain(
      'O caso de teste "Nope" não existe na máquina "Alpha"',
    );
    expect((error as MockConfigError).message).toContain('"A1", "A2"');
  });

  it("does not resolve inherited names such as toString or constructor", () => {
    const config = parseMockConfig(JSON.parse(ORDER_FLOW));
    expect(() => createMockResolver(config, { testCaseName: "toString" })).toThrow(MockConfigError);
    expect(() =>
      createMockResolver(config, { stateMachineName: "constructor", testCaseName: "HappyPath" }),
    ).toThrow(MockConfigError);
    const resolver = createMockResolver(config, { testCaseName: "HappyPath" });
    expect(() => resolver(request("hasOwnProperty", 0))).toThrow(MissingMockError);
  });
});

/** A valid file with `patch` applied to one of its parts. */
function file(patch: { machines?: unknown; testCase?: unknown; responses?: unknown }): unknown {
  return {
    StateMachines: patch.machines ?? { M: { TestCases: { T: patch.testCase ?? { S: "R" } } } },
    MockedResponses: patch.responses ?? { R: { "0": { Return: {} } } },
  };
}

interface InvalidCase {
  readonly title: string;
  readonly json: unknown;
  readonly pointer: string;
  /** Something the pt-BR message must say. */
  readonly says: RegExp;
}

const INVALID: readonly InvalidCase[] = [
  { title: "root is an array", json: [], pointer: "", says: /precisa ser um objeto JSON.*recebi um array/ },
  { title: "root is null", json: null, pointer: "", says: /recebi null/ },
  {
    title: "StateMachines missing",
    json: { MockedResponses: {} },
    pointer: "",
    says: /Falta a chave "StateMachines" no topo do arquivo\. Adicione/,
  },
  {
    title: "MockedResponses missing, singular spelling hinted",
    json: { StateMachines: {}, MockedResponse: {} },
    pointer: "",
    says: /Falta a chave "MockedResponses".*Encontrei "MockedResponse": o nome certo é "MockedResponses"/,
  },
  {
    title: "StateMachines is not an object",
    json: { StateMachines: [], MockedResponses: {} },
    pointer: "/StateMachines",
    says: /"StateMachines" precisa ser um objeto.*recebi um array/,
  },
  {
    title: "MockedResponses is not an object",
    json: { StateMachines: {}, MockedResponses: "x" },
    pointer: "/MockedResponses",
    says: /"MockedResponses" precisa ser um objeto.*recebi o texto "x"/,
  },
  {
    title: "state machine is not an object",
    json: file({ machines: { M: 1 } }),
    pointer: "/StateMachines/M",
    says: /A máquina "M" precisa ser um objeto.*recebi o número 1/,
  },
  {
    title: "TestCases missing, case hinted",
    json: file({ machines: { M: { testCases: {} } } }),
    pointer: "/StateMachines/M",
    says: /Falta "TestCases" na máquina "M"\. Adicione.*Encontrei "testCases"/,
  },
  {
    title: "TestCases is not an object",
    json: file({ machines: { M: { TestCases: true } } }),
    pointer: "/StateMachines/M/TestCases",
    says: /"TestCases" precisa ser um objeto.*recebi o booleano true/,
  },
  {
    title: "test case is not an object",
    json: file({ testCase: ["S", "R"] }),
    pointer: "/StateMachines/M/TestCases/T",
    says: /O caso de teste "T" precisa ser um objeto/,
  },
  {
    title: "test case maps a state to something other than a name",
    json: file({ testCase: { S: { "0": { Return: 1 } } } }),
    pointer: "/StateMachines/M/TestCases/T/S",
    says: /O estado "S" deve apontar para o nome de uma resposta.*Mova a resposta para "MockedResponses"/,
  },
  {
    title: "test case names a response that does not exist",
    json: file({ testCase: { S: "Missing" } }),
    pointer: "/StateMachines/M/TestCases/T/S",
    says: /resposta simulada "Missing", que não existe em "MockedResponses"\. Corrija.*disponíveis: "R"/,
  },
  {
    title: "mocked response is not an object",
    json: file({ responses: { R: [] } }),
    pointer: "/MockedResponses/R",
    says: /A resposta simulada "R" precisa ser um objeto/,
  },
  {
    title: "mocked response is empty",
    json: file({ responses: { R: {} } }),
    pointer: "/MockedResponses/R",
    says: /está vazia\. Adicione ao menos a invocação "0"/,
  },
  {
    title: "key is not a number",
    json: file({ responses: { R: { first: { Return: 1 } } } }),
    pointer: "/MockedResponses/R/first",
    says: /A chave "first" não é um número de invocação\. Use um inteiro não negativo/,
  },
  {
    title: "key is negative",
    json: file({ responses: { R: { "-1": { Return: 1 } } } }),
    pointer: "/MockedResponses/R/-1",
    says: /não é um número de invocação/,
  },
  {
    title: "key has spaces",
    json: file({ responses: { R: { "0 - 1": { Return: 1 } } } }),
    pointer: "/MockedResponses/R/0 - 1",
    says: /sem espaços/,
  },
  {
    title: "key is a decimal",
    json: file({ responses: { R: { "1.5": { Return: 1 } } } }),
    pointer: "/MockedResponses/R/1.5",
    says: /não é um número de invocação/,
  },
  {
    title: "range is reversed",
    json: file({ responses: { R: { "3-1": { Return: 1 } } } }),
    pointer: "/MockedResponses/R/3-1",
    says: /O intervalo "3-1" está invertido.*"1-3"/,
  },
  {
    title: "number too large",
    json: file({ responses: { R: { "99999999999999999999": { Return: 1 } } } }),
    pointer: "/MockedResponses/R/99999999999999999999",
    says: /grande demais/,
  },
  {
    title: "ranges overlap",
    json: file({ responses: { R: { "0-1": { Return: 1 }, "1-3": { Return: 2 } } } }),
    pointer: "/MockedResponses/R/1-3",
    says: /As chaves "0-1" e "1-3" se sobrepõem \(a invocação 1\)\..*ajuste os intervalos/,
  },
  {
    title: "a range of letters",
    json: file({ responses: { R: { "0-4": { Return: 1 }, "x-y": 0 } } }),
    pointer: "/MockedResponses/R/x-y",
    says: /não é um número de invocação/,
  },
  {
    title: "range covering several keys",
    json: file({ responses: { R: { "2": { Return: 1 }, "3": { Return: 1 }, "1-5": { Return: 2 } } } }),
    pointer: "/MockedResponses/R/1-5",
    says: /As chaves "2" e "1-5" se sobrepõem \(a invocação 2\)/,
  },
  {
    title: "entry is not an object",
    json: file({ responses: { R: { "0": "ok" } } }),
    pointer: "/MockedResponses/R/0",
    says: /Cada invocação precisa ser um objeto com "Return" ou "Throw"; recebi o texto "ok"/,
  },
  {
    title: "entry has neither Return nor Throw",
    json: file({ responses: { R: { "0": {} } } }),
    pointer: "/MockedResponses/R/0",
    says: /não tem "Return" nem "Throw"\. Adicione exatamente um/,
  },
  {
    title: "entry has both Return and Throw",
    json: file({ responses: { R: { "0": { Return: 1, Throw: { Error: "E" } } } } }),
    pointer: "/MockedResponses/R/0",
    says: /tem "Return" e "Throw" ao mesmo tempo\. Deixe só um/,
  },
  {
    title: "entry has an unknown key (typo)",
    json: file({ responses: { R: { "0": { Retrun: 1 } } } }),
    pointer: "/MockedResponses/R/0/Retrun",
    says: /Chave desconhecida "Retrun".*Use só "Return", "Throw", "DurationSeconds"/,
  },
  {
    title: "Throw is not an object",
    json: file({ responses: { R: { "0": { Throw: "Boom" } } } }),
    pointer: "/MockedResponses/R/0/Throw",
    says: /"Throw" precisa ser um objeto.*recebi o texto "Boom"/,
  },
  {
    title: "Throw without Error",
    json: file({ responses: { R: { "0": { Throw: { Cause: "why" } } } } }),
    pointer: "/MockedResponses/R/0/Throw",
    says: /"Throw" precisa de "Error" com o nome do erro/,
  },
  {
    title: "Error is not a string",
    json: file({ responses: { R: { "0": { Throw: { Error: 500 } } } } }),
    pointer: "/MockedResponses/R/0/Throw/Error",
    says: /"Error" precisa ser um texto não vazio.*recebi o número 500/,
  },
  {
    title: "Error is empty",
    json: file({ responses: { R: { "0": { Throw: { Error: "" } } } } }),
    pointer: "/MockedResponses/R/0/Throw/Error",
    says: /"Error" precisa ser um texto não vazio/,
  },
  {
    title: "Cause is not a string",
    json: file({ responses: { R: { "0": { Throw: { Error: "E", Cause: { detail: 1 } } } } } }),
    pointer: "/MockedResponses/R/0/Throw/Cause",
    says: /"Cause" precisa ser um texto; recebi um objeto\. Se a causa é um objeto, serialize-o/,
  },
  {
    title: "Throw has an unknown key",
    json: file({ responses: { R: { "0": { Throw: { Error: "E", Message: "m" } } } } }),
    pointer: "/MockedResponses/R/0/Throw/Message",
    says: /Chave desconhecida "Message" em "Throw"/,
  },
  {
    title: "DurationSeconds is negative",
    json: file({ responses: { R: { "0": { Return: 1, DurationSeconds: -1 } } } }),
    pointer: "/MockedResponses/R/0/DurationSeconds",
    says: /"DurationSeconds" precisa ser um número ≥ 0.*recebi o número -1/,
  },
  {
    title: "DurationSeconds is a string",
    json: file({ responses: { R: { "0": { Return: 1, DurationSeconds: "5" } } } }),
    pointer: "/MockedResponses/R/0/DurationSeconds",
    says: /"DurationSeconds" precisa ser um número ≥ 0/,
  },
  {
    title: "Return holds a value JSON cannot carry",
    json: file({ responses: { R: { "0": { Return: { when: new Date(0), n: [1, Number.NaN] } } } } }),
    pointer: "/MockedResponses/R/0/Return/when",
    says: /um objeto Date não é um valor JSON/,
  },
  {
    title: "Return holds NaN",
    json: file({ responses: { R: { "0": { Return: { n: [1, Number.NaN] } } } } }),
    pointer: "/MockedResponses/R/0/Return/n/1",
    says: /O valor NaN não existe em JSON/,
  },
  {
    title: "names with / and ~ are escaped in the pointer",
    json: file({ responses: { R: { "0": { Return: 1 } }, "a/b~c": { x: { Return: 1 } } } }),
    pointer: "/MockedResponses/a~1b~0c/x",
    says: /A chave "x" não é um número de invocação/,
  },
];

describe("validation errors", () => {
  it.each(INVALID)("$title → $pointer", ({ json, pointer, says }) => {
    const error = catchError(() => parseMockConfig(json));
    expect(error).toBeInstanceOf(MockConfigError);
    const configError = error as MockConfigError;
    expect(configError.name).toBe("MockConfigError");
    expect(configError.pointer).toBe(pointer);
    expect(configError.message).toMatch(says);
    expect(configError.message).toContain(`(em ${pointer === "" ? "raiz do arquivo" : pointer})`);
    // Every message says how to fix the problem, in Portuguese.
    expect(configError.message).toMatch(
      /Adicione|Use|Corrija|Escreva|Deixe|Mova|Troque|ajuste|precisa|Falta|serialize/,
    );
  });

  it("a Return of any JSON type is accepted, null included", () => {
    for (const value of [null, 0, "text", false, [1, { a: 2 }], { nested: { deep: [] } }]) {
      expect(() => parseMockConfig(file({ responses: { R: { "0": { Return: value } } } }))).not.toThrow();
    }
  });

  it("unknown keys are ignored at the top level and inside a state machine", () => {
    const config = parseMockConfig({
      Comment: "extra",
      StateMachines: { M: { Comment: "extra", TestCases: { T: {} } } },
      MockedResponses: {},
    });
    expect(listTestCases(config)).toEqual({ M: ["T"] });
  });
});

describe("prototype pollution", () => {
  const HOSTILE = `{
    "__proto__": { "polluted": "root" },
    "StateMachines": {
      "__proto__": {
        "TestCases": {
          "__proto__": { "__proto__": "__proto__", "constructor": "__proto__" }
        }
      }
    },
    "MockedResponses": {
      "__proto__": {
        "0": { "Return": { "__proto__": { "polluted": "return" }, "ok": true } },
        "1": { "Throw": { "Error": "E", "Cause": "c" } }
      }
    }
  }`;

  it("treats __proto__ as an ordinary name and never touches Object.prototype", () => {
    const json: unknown = JSON.parse(HOSTILE);
    const config = parseMockConfig(json);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();

    const listing = listTestCases(config);
    expect(Object.keys(listing)).toEqual(["__proto__"]);
    expect(Object.prototype.hasOwnProperty.call(listing, "__proto__")).toBe(true);
    expect(listing["__proto__"]).toEqual(["__proto__"]);

    const resolver = createMockResolver(config, { stateMachineName: "__proto__", testCaseName: "__proto__" });
    const outcome = resolve(resolver, "__proto__", 0);
    expect(outcome.kind).toBe("success");
    const output = (outcome as { output: Record<string, unknown> }).output;
    expect(Object.keys(output)).toEqual(["__proto__", "ok"]);
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(output["polluted"]).toBeUndefined();
    expect(resolve(resolver, "constructor", 1)).toEqual({ kind: "failure", error: "E", cause: "c" });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("a response named after an Object.prototype member must still be defined", () => {
    const error = catchError(() =>
      parseMockConfig({
        StateMachines: { M: { TestCases: { T: { S: "toString" } } } },
        MockedResponses: {},
      }),
    );
    expect(error).toBeInstanceOf(MockConfigError);
    expect((error as MockConfigError).pointer).toBe("/StateMachines/M/TestCases/T/S");
  });

  it("does not read top-level keys that are inherited rather than own", () => {
    const inherited = Object.create({ StateMachines: {}, MockedResponses: {} }) as unknown;
    const error = catchError(() => parseMockConfig(inherited));
    expect(error).toBeInstanceOf(MockConfigError);
    expect((error as MockConfigError).message).toContain('Falta a chave "StateMachines"');
  });
});
