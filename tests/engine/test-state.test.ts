/**
 * TestState offline (grader/engine/test-state): AWS's request/response shape and rules.
 *
 * Sources (expected values come from these, not from the engine):
 * - API:  https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html
 *         (request/response fields, the four statuses, "If you haven't defined a next state in your
 *         definition or if the execution of the state fails, this field [nextState] doesn't contain a value",
 *         the exceptions InvalidArn, InvalidDefinition, InvalidExecutionInput, ValidationException)
 * - DATA: https://docs.aws.amazon.com/step-functions/latest/apireference/API_InspectionData.html
 *         (the stages; afterInputPath/afterParameters/afterResultSelector/afterResultPath "Not populated when
 *         QueryLanguage is JSONata"; afterArguments only for JSONata)
 * - CONF: https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestStateConfiguration.html
 * - MOCK: https://docs.aws.amazon.com/step-functions/latest/apireference/API_MockInput.html
 * - GUIDE: https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html
 *         (INFO/DEBUG/TRACE; status SUCCEEDED, FAILED, RETRIABLE, CAUGHT_ERROR; with a mock the role is optional;
 *         Map, Parallel, Activity, .sync and .waitForTaskToken are tested with a mock)
 * - BLOG: https://aws.amazon.com/blogs/compute/testing-step-functions-workflows-a-guide-to-the-enhanced-teststate-api/
 *         (retrierRetryCount 0 → RETRIABLE with the first backoff; retries used up → CAUGHT_ERROR and the
 *         catcher's Next; a Map whose failed iterations pass its tolerance fails with
 *         States.ExceedToleratedFailureThreshold)
 * - RETRY: https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 *         (wait before retry n = IntervalSeconds × BackoffRate^n)
 * - PATHS: https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html
 * AWS's wording of some ValidationException messages is not in the docs; those texts are the ones AWS
 * returned in LocalStack's AWS-validated recordings (tests/aws/services/stepfunctions/v2/test_state/
 * test_state_mock_validation.snapshot.json in localstack/localstack), noted where used.
 */
import { describe, expect, it } from "vitest";
import { testState, TestStateError, type TestStateResponse } from "../../grader/engine/index.ts";

const def = (value: unknown) => JSON.stringify(value);

async function refused(request: unknown): Promise<TestStateError> {
  try {
    await testState(request);
  } catch (error) {
    if (error instanceof TestStateError) return error;
    throw error;
  }
  throw new Error("the request was accepted");
}

const lambdaTask = {
  Type: "Task",
  QueryLanguage: "JSONata",
  Resource: "arn:aws:states:::lambda:invoke",
  Arguments: {
    FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:ChargeCard:$LATEST",
    Payload: { orderId: "{% $states.input.orderId %}", amount: "{% $states.input.total %}" },
  },
  Retry: [{ ErrorEquals: ["Lambda.ServiceException"], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2.0 }],
  Catch: [{ ErrorEquals: ["States.ALL"], Next: "PaymentFailed" }],
  End: true,
};
const serviceException = {
  errorOutput: { error: "Lambda.ServiceException", cause: "Payment gateway timeout" },
};

describe("statuses (API, GUIDE, BLOG)", () => {
  it("INFO: a Choice answers status, nextState and output, and no inspectionData", async () => {
    const response = await testState({
      definition: def({
        Type: "Choice",
        QueryLanguage: "JSONata",
        Choices: [{ Condition: "{% $states.input.orderTotal > 1000 %}", Next: "PremiumFulfillment" }],
        Default: "StandardFulfillment",
      }),
      input: def({ orderId: "ORD-456", orderTotal: 1500 }),
    });
    expect(response).toEqual({
      status: "SUCCEEDED",
      nextState: "PremiumFulfillment",
      output: def({ orderId: "ORD-456", orderTotal: 1500 }),
    });
  });

  it("a mocked error a Retry handles is RETRIABLE, with the backoff of the retry being simulated (RETRY)", async () => {
    const first = await testState({
      definition: def(lambdaTask),
      input: def({ orderId: "ORD-123", total: 99.99 }),
      mock: serviceException,
      inspectionLevel: "DEBUG",
    });
    expect(first).toMatchObject({
      status: "RETRIABLE",
      error: "Lambda.ServiceException",
      cause: "Payment gateway timeout",
    });
    expect(first.inspectionData?.errorDetails).toEqual({ retryBackoffIntervalSeconds: 2, retryIndex: 0 });
    // A failing state has no nextState (API) and no output.
    expect(first.nextState).toBeUndefined();
    expect(first.output).toBeUndefined();

    const second = await testState({
      definition: def(lambdaTask),
      input: def({ orderId: "ORD-123", total: 99.99 }),
      mock: serviceException,
      stateConfiguration: { retrierRetryCount: 1 },
      inspectionLevel: "DEBUG",
    });
    expect(second.inspectionData?.errorDetails).toEqual({ retryBackoffIntervalSeconds: 4, retryIndex: 0 });
  });

  it("once the retrier's MaxAttempts are used up, the Catch takes the error: CAUGHT_ERROR, the catcher's Next", async () => {
    const response = await testState({
      definition: def(lambdaTask),
      input: def({ orderId: "ORD-123", total: 99.99 }),
      mock: serviceException,
      stateConfiguration: { retrierRetryCount: 3 },
      inspectionLevel: "DEBUG",
    });
    expect(response).toMatchObject({
      status: "CAUGHT_ERROR",
      nextState: "PaymentFailed",
      error: "Lambda.ServiceException",
      cause: "Payment gateway timeout",
    });
    expect(response.inspectionData?.errorDetails).toEqual({ catchIndex: 0 });
  });

  it("CAUGHT_ERROR's output is the state input with the error output placed by the catcher's ResultPath (PATHS)", async () => {
    const response = await testState({
      definition: def({
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage",
        Parameters: {
          QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/Pedidos",
          "MessageBody.$": "$.orderId",
        },
        Catch: [
          { ErrorEquals: ["SQS.QueueDoesNotExistException"], ResultPath: "$.erro", Next: "CreateQueue" },
          { ErrorEquals: ["States.ALL"], Next: "OrderFailed" },
        ],
        Next: "WaitForFulfillment",
      }),
      input: def({ orderId: "ORD-123" }),
      mock: { errorOutput: { error: "SQS.QueueDoesNotExistException", cause: "Queue not found" } },
    });
    expect(response).toEqual({
      status: "CAUGHT_ERROR",
      nextState: "CreateQueue",
      error: "SQS.QueueDoesNotExistException",
      cause: "Queue not found",
      output: def({
        orderId: "ORD-123",
        erro: { Error: "SQS.QueueDoesNotExistException", Cause: "Queue not found" },
      }),
    });
  });

  it("an error no Retry or Catch handles is FAILED: error and cause, no output, no nextState", async () => {
    const response = await testState({
      definition: def({ ...lambdaTask, Retry: undefined, Catch: undefined }),
      input: def({ orderId: "ORD-9", total: 5 }),
      mock: { errorOutput: { error: "Pagamento.Recusado", cause: "cartão recusado" } },
    });
    expect(response).toEqual({ status: "FAILED", error: "Pagamento.Recusado", cause: "cartão recusado" });
  });

  it("a Fail state is FAILED with its Error and Cause", async () => {
    const response = await testState({
      definition: def({
        Type: "Fail",
        Error: "SomeFailure",
        Cause: "This state machines raises a 'SomeFailure' failure.",
      }),
    });
    expect(response).toEqual({
      status: "FAILED",
      error: "SomeFailure",
      cause: "This state machines raises a 'SomeFailure' failure.",
    });
  });

  it("a Wait state succeeds at once in virtual time and names its Next", async () => {
    const response: TestStateResponse = await testState({
      definition: def({ Type: "Wait", Seconds: 3600, Next: "Depois" }),
      input: def({ a: 1 }),
    });
    expect(response).toEqual({ status: "SUCCEEDED", nextState: "Depois", output: def({ a: 1 }) });
  });
});

describe("inspectionData (DATA, GUIDE)", () => {
  const passWithFilters = {
    Type: "Pass",
    InputPath: "$.payload",
    Parameters: { data: 1 },
    ResultPath: "$.result",
    Next: "Another State",
  };

  it("DEBUG shows each JSONPath stage: InputPath, Parameters, ResultSelector (none: the value passes), ResultPath", async () => {
    const response = await testState({
      definition: def(passWithFilters),
      input: def({ payload: { foo: "bar" } }),
      inspectionLevel: "DEBUG",
    });
    expect(response).toEqual({
      status: "SUCCEEDED",
      nextState: "Another State",
      output: def({ payload: { foo: "bar" }, result: { data: 1 } }),
      inspectionData: {
        input: def({ payload: { foo: "bar" } }),
        afterInputPath: def({ foo: "bar" }),
        afterParameters: def({ data: 1 }),
        afterResultSelector: def({ data: 1 }),
        afterResultPath: def({ payload: { foo: "bar" }, result: { data: 1 } }),
      },
    });
  });

  it("a Task's stages include the raw result and the result after ResultSelector", async () => {
    const response = await testState({
      definition: def({
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Parameters: { FunctionName: "Calcular", "Payload.$": "$" },
        ResultSelector: { "total.$": "$.Payload.total" },
        ResultPath: "$.calculo",
        End: true,
      }),
      input: def({ itens: 2 }),
      mock: { result: def({ StatusCode: 200, Payload: { total: 42 } }), fieldValidationMode: "NONE" },
      inspectionLevel: "DEBUG",
    });
    expect(response.inspectionData).toEqual({
      input: def({ itens: 2 }),
      afterInputPath: def({ itens: 2 }),
      afterParameters: def({ FunctionName: "Calcular", Payload: { itens: 2 } }),
      result: def({ StatusCode: 200, Payload: { total: 42 } }),
      afterResultSelector: def({ total: 42 }),
      afterResultPath: def({ itens: 2, calculo: { total: 42 } }),
    });
    expect(response.nextState).toBeUndefined();
  });

  it("a JSONata Task shows afterArguments and result, and none of the JSONPath stages", async () => {
    const response = await testState({
      definition: def({
        ...lambdaTask,
        Retry: undefined,
        Catch: undefined,
        Output: "{% $states.result.Payload %}",
      }),
      input: def({ orderId: "ORD-1", total: 10 }),
      mock: { result: def({ Payload: { ok: true } }), fieldValidationMode: "NONE" },
      inspectionLevel: "DEBUG",
    });
    expect(response.output).toBe(def({ ok: true }));
    expect(response.inspectionData).toEqual({
      input: def({ orderId: "ORD-1", total: 10 }),
      afterArguments: def({
        FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:ChargeCard:$LATEST",
        Payload: { orderId: "ORD-1", amount: 10 },
      }),
      result: def({ Payload: { ok: true } }),
    });
  });

  it("TRACE adds only an HTTP Task's request and response: for other states it is DEBUG", async () => {
    const request = { definition: def(passWithFilters), input: def({ payload: { foo: "bar" } }) };
    const debug = await testState({ ...request, inspectionLevel: "DEBUG" });
    expect(await testState({ ...request, inspectionLevel: "TRACE" })).toEqual(debug);
  });

  it("variables set by the request are seen by the state; inspectionData.variables holds them after its Assign", async () => {
    const response = await testState({
      definition: def({
        Type: "Pass",
        QueryLanguage: "JSONata",
        Output: "{% $limite - $states.input.gasto %}",
        Assign: { restante: "{% $limite - $states.input.gasto %}" },
        End: true,
      }),
      input: def({ gasto: 30 }),
      variables: def({ limite: 100 }),
      inspectionLevel: "DEBUG",
    });
    expect(response.output).toBe("70");
    expect(JSON.parse(response.inspectionData!.variables!)).toEqual({ limite: 100, restante: 70 });
  });
});

describe("variables and failing stages (API: variables; DATA)", () => {
  it("request variables are visible even when no state of the definition assigns one", async () => {
    const response = await testState({
      definition: def({ Type: "Pass", Parameters: { "limite.$": "$limite" }, End: true }),
      variables: def({ limite: 100 }),
    });
    expect(response).toEqual({ status: "SUCCEEDED", output: def({ limite: 100 }) });
  });

  it("a Parameters that fails is not shown as a stage: the state FAILED after InputPath", async () => {
    const response = await testState({
      definition: def({ Type: "Pass", Parameters: { "v.$": "$.ausente" }, End: true }),
      input: def({ presente: 1 }),
      inspectionLevel: "DEBUG",
    });
    expect(response.status).toBe("FAILED");
    expect(response.inspectionData).toEqual({
      input: def({ presente: 1 }),
      afterInputPath: def({ presente: 1 }),
    });
  });
});

describe("mocks (GUIDE, MOCK, BLOG)", () => {
  const reviewByHuman = {
    Type: "Task",
    Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
    Parameters: {
      QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/Aprovacoes",
      "MessageBody.$": "$$.Task.Token",
    },
    Next: "Aprovado",
  };

  it("a .waitForTaskToken Task runs with a mock (the callback's answer), and context sets $$.Task.Token", async () => {
    const response = await testState({
      definition: def(reviewByHuman),
      mock: { result: def({ aprovado: true }) },
      context: def({ Task: { Token: "token-123" } }),
      inspectionLevel: "DEBUG",
    });
    expect(response).toMatchObject({
      status: "SUCCEEDED",
      nextState: "Aprovado",
      output: def({ aprovado: true }),
    });
    expect(JSON.parse(response.inspectionData!.afterParameters!).MessageBody).toBe("token-123");
  });

  it("a Parallel's mock is its whole result, one item per branch", async () => {
    const response = await testState({
      definition: def({
        Type: "Parallel",
        Branches: [
          { StartAt: "A", States: { A: { Type: "Pass", End: true } } },
          { StartAt: "B", States: { B: { Type: "Pass", End: true } } },
        ],
        ResultPath: "$.ramos",
        End: true,
      }),
      input: def({ id: 7 }),
      mock: { result: def([{ reservado: true }, { cobrado: true }]) },
    });
    expect(response).toEqual({
      status: "SUCCEEDED",
      output: def({ id: 7, ramos: [{ reservado: true }, { cobrado: true }] }),
    });
  });

  const orderItems = {
    Type: "Map",
    ItemsPath: "$.itens",
    ToleratedFailureCount: 1,
    ItemProcessor: {
      ProcessorConfig: { Mode: "INLINE" },
      StartAt: "Processar",
      States: { Processar: { Type: "Pass", End: true } },
    },
    Catch: [{ ErrorEquals: ["States.ExceedToleratedFailureThreshold"], Next: "ValidationFailed" }],
    Next: "ParallelProcessing",
  };

  it("a Map's mock is its result; failed iterations past ToleratedFailureCount fail it with States.ExceedToleratedFailureThreshold", async () => {
    const input = def({ itens: [1, 2, 3, 4] });
    const mock = { result: def([1, 2, 3, 4]) };
    const within = await testState({
      definition: def(orderItems),
      input,
      mock,
      stateConfiguration: { mapIterationFailureCount: 1 },
    });
    expect(within).toEqual({
      status: "SUCCEEDED",
      nextState: "ParallelProcessing",
      output: def([1, 2, 3, 4]),
    });

    const beyond = await testState({
      definition: def(orderItems),
      input,
      mock,
      stateConfiguration: { mapIterationFailureCount: 2 },
      inspectionLevel: "DEBUG",
    });
    expect(beyond).toMatchObject({
      status: "CAUGHT_ERROR",
      nextState: "ValidationFailed",
      error: "States.ExceedToleratedFailureThreshold",
    });
    // DATA: a Map reports its items, MaxConcurrency (0 when unset) and its tolerance.
    expect(beyond.inspectionData).toMatchObject({
      afterItemsPath: def([1, 2, 3, 4]),
      maxConcurrency: 0,
      toleratedFailureCount: 1,
      errorDetails: { catchIndex: 0 },
    });
  });

  it("fieldValidationMode: STRICT (the default) wants the API's required fields, PRESENT checks types only, NONE nothing", async () => {
    const child = {
      Type: "Task",
      Resource: "arn:aws:states:::states:startExecution.sync:2",
      Parameters: { StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:Filho" },
      End: true,
    };
    const partial = def({
      ExecutionArn: "arn:aws:states:us-east-1:123456789012:execution:Filho:1",
      Output: "{}",
    });
    const strict = await refused({ definition: def(child), mock: { result: partial } });
    expect(strict.exception).toBe("ValidationException");
    expect(strict.explanation).toMatch(/StateMachineArn/);
    await expect(
      testState({ definition: def(child), mock: { result: partial, fieldValidationMode: "PRESENT" } }),
    ).resolves.toMatchObject({
      status: "SUCCEEDED",
    });
    const wrongType = def({ ExecutionArn: 42 });
    expect(
      (await refused({ definition: def(child), mock: { result: wrongType, fieldValidationMode: "PRESENT" } }))
        .exception,
    ).toBe("ValidationException");
    await expect(
      testState({ definition: def(child), mock: { result: wrongType, fieldValidationMode: "NONE" } }),
    ).resolves.toMatchObject({
      status: "SUCCEEDED",
    });
  });
});

describe("stateName: one state of a full definition (API, GUIDE)", () => {
  const machine = {
    StartAt: "Validar",
    States: {
      Validar: { Type: "Pass", Result: { valido: true }, ResultPath: "$.validacao", Next: "Itens" },
      Itens: {
        Type: "Map",
        ItemsPath: "$.itens",
        ItemProcessor: {
          StartAt: "Preco",
          States: {
            Preco: {
              Type: "Pass",
              Parameters: { "indice.$": "$$.Map.Item.Index", "valor.$": "$$.Map.Item.Value" },
              End: true,
            },
          },
        },
        End: true,
      },
    },
  };

  it("tests the named state with its own transitions", async () => {
    const response = await testState({
      definition: def(machine),
      stateName: "Validar",
      input: def({ itens: [] }),
    });
    expect(response).toEqual({
      status: "SUCCEEDED",
      nextState: "Itens",
      output: def({ itens: [], validacao: { valido: true } }),
    });
  });

  it("a state inside a Map's ItemProcessor sees $$.Map.Item as index 0 with the test input as value", async () => {
    const response = await testState({
      definition: def(machine),
      stateName: "Preco",
      input: def({ sku: "A" }),
    });
    expect(response).toEqual({ status: "SUCCEEDED", output: def({ indice: 0, valor: { sku: "A" } }) });
  });

  it("a name that is not in the definition is a ValidationException", async () => {
    const error = await refused({ definition: def(machine), stateName: "Inexistente" });
    expect(error.exception).toBe("ValidationException");
    expect(error.explanation).toContain("Inexistente");
  });
});

describe("requests TestState refuses (API errors)", () => {
  it("no definition: ValidationException", async () => {
    expect((await refused({ input: "{}" })).exception).toBe("ValidationException");
  });

  it("a definition that is not valid ASL is InvalidDefinition; input that is not JSON is InvalidExecutionInput", async () => {
    expect((await refused({ definition: "{not json" })).exception).toBe("InvalidDefinition");
    expect((await refused({ definition: def({ Type: "Pass" }) })).exception).toBe("InvalidDefinition");
    const input = await refused({ definition: def({ Type: "Pass", End: true }), input: '{"a":\n  1,}' });
    expect(input.exception).toBe("InvalidExecutionInput");
    expect(input.explanation).toBe(
      "A entrada ('input') não é JSON válido: erro de sintaxe na linha 2, coluna 5.",
    );
  });

  it("a roleArn that is not an IAM role ARN is InvalidArn", async () => {
    const error = await refused({ definition: def({ Type: "Pass", End: true }), roleArn: "minha-role" });
    expect(error.exception).toBe("InvalidArn");
  });

  it("inspectionLevel outside INFO, DEBUG, TRACE and a negative retrierRetryCount (CONF: minimum 0) are ValidationExceptions", async () => {
    const level = await refused({ definition: def({ Type: "Pass", End: true }), inspectionLevel: "VERBOSE" });
    expect(level.exception).toBe("ValidationException");
    const count = await refused({
      definition: def(lambdaTask),
      mock: serviceException,
      stateConfiguration: { retrierRetryCount: -1 },
    });
    expect(count.exception).toBe("ValidationException");
  });

  // Messages as AWS returned them in LocalStack's AWS-validated recordings (see the header).
  it("Pass, Succeed and Fail take no mock", async () => {
    for (const type of ["Pass", "Succeed", "Fail"]) {
      const state = type === "Pass" ? { Type: type, End: true } : { Type: type };
      const error = await refused({ definition: def(state), mock: { result: "{}" } });
      expect(error).toMatchObject({
        exception: "ValidationException",
        message: `State type '${type}' is not supported when a mock is specified`,
      });
    }
  });

  it("Map and Parallel need a mock (InvalidDefinition)", async () => {
    const error = await refused({
      definition: def({
        Type: "Parallel",
        Branches: [{ StartAt: "A", States: { A: { Type: "Pass", End: true } } }],
        End: true,
      }),
    });
    expect(error).toMatchObject({
      exception: "InvalidDefinition",
      message:
        "TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]",
    });
  });

  it("a mock with both result and errorOutput, and a Parallel mock with the wrong number of branches", async () => {
    const both = await refused({
      definition: def(lambdaTask),
      mock: { result: "{}", errorOutput: { error: "E", cause: "C" } },
    });
    expect(both.message).toBe(
      "A test mock should have only one of the following fields: [result, errorOutput].",
    );
    const branches = await refused({
      definition: def({
        Type: "Parallel",
        Branches: [{ StartAt: "A", States: { A: { Type: "Pass", End: true } } }],
        End: true,
      }),
      mock: { result: def([1, 2]) },
    });
    expect(branches.message).toBe(
      "Mocked result must contain the same number of items as number of Parallel branches.",
    );
  });

  it("context without a mock is refused (API: context 'may only be specified if a mock is specified')", async () => {
    const error = await refused({
      definition: def({ Type: "Pass", End: true }),
      context: def({ Execution: { Name: "x" } }),
    });
    expect(error.exception).toBe("ValidationException");
  });

  it("a Task without a mock: AWS wants roleArn; with one, Partitura says in Portuguese it cannot call AWS", async () => {
    const noRole = await refused({ definition: def({ ...lambdaTask, Retry: undefined, Catch: undefined }) });
    expect(noRole.exception).toBe("ValidationException");
    const offline = await refused({
      definition: def({ ...lambdaTask, Retry: undefined, Catch: undefined }),
      roleArn: "arn:aws:iam::123456789012:role/TestStateRole",
    });
    expect(offline.exception).toBeNull();
    expect(offline.explanation).toMatch(/sem AWS/);
  });
});
