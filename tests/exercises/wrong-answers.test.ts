/**
 * The tempting wrong answers a student writes lose points on the check that names their mistake,
 * while the reference solution keeps 100 %. Each variant is the solution with one mistake.
 */
import { describe, expect, it } from "vitest";
import { loadExercise } from "../../grader/cli/exercise-loader.ts";
import { gradeSubmission, type SubmissionResult } from "../../grader/grading/index.ts";

type Definition = { StartAt: string; States: Record<string, Record<string, unknown>> };

function solutionOf(slug: string): Definition {
  return JSON.parse(loadExercise(slug).solution.text) as Definition;
}

async function grade(slug: string, definition: unknown): Promise<SubmissionResult> {
  return gradeSubmission(
    loadExercise(slug),
    { student: "aluno", fileName: "aluno.asl.json", text: JSON.stringify(definition) },
    { includeHidden: true },
  );
}

function failed(result: SubmissionResult): string[] {
  return [
    ...result.staticChecks.filter((c) => c.status !== "passed").map((c) => `static/${c.id}`),
    ...result.scenarios.flatMap((s) =>
      s.checks.filter((c) => c.status !== "passed").map((c) => `${s.id}/${c.id}`),
    ),
  ];
}

describe("falha-pagamento", () => {
  it("retrying every error (States.ALL) fails the business-error scenario", async () => {
    const wrong = solutionOf("falha-pagamento");
    wrong.States.ProcessarPagamento!.Retry = [
      { ErrorEquals: ["States.ALL"], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 },
    ];
    const result = await grade("falha-pagamento", wrong);
    expect(failed(result)).toContain("cartao-recusado/sem-retentativa");
    expect(result.percent).toBeLessThan(100);
  });

  it("retrying with States.ALL is told it retries business errors, not that the errors are missing", async () => {
    const wrong = solutionOf("falha-pagamento");
    wrong.States.ProcessarPagamento!.Retry = [
      { ErrorEquals: ["States.ALL"], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 },
    ];
    const result = await grade("falha-pagamento", wrong);
    expect(failed(result)).toEqual(["static/retry-configurado", "cartao-recusado/sem-retentativa"]);
    const message = result.staticChecks.find((check) => check.id === "retry-configurado")!.message;
    expect(message).toContain("só por meio de States.ALL");
    expect(message).toContain("inclusive erros de negócio, que não devem ser retentados");
    expect(message).not.toContain("não tem um Retry");
  });

  it("ending with Succeed after notifying hides the failure", async () => {
    const wrong = solutionOf("falha-pagamento");
    wrong.States.PagamentoRecusado = { Type: "Succeed" };
    expect(failed(await grade("falha-pagamento", wrong))).toEqual([
      "sempre-sobrecarregado/termina-com-falha",
    ]);
  });

  it("publishing to another SNS topic misses the failures topic", async () => {
    const wrong = solutionOf("falha-pagamento");
    const parameters = wrong.States.NotificarFalhaPagamento!.Parameters as Record<string, unknown>;
    parameters.TopicArn = "arn:aws:sns:us-east-1:123456789012:outro-topico";
    expect(failed(await grade("falha-pagamento", wrong))).toEqual(["sempre-sobrecarregado/topico-de-falhas"]);
  });

  it("failing without notifying does not earn the 'ends with failure' points", async () => {
    const wrong = solutionOf("falha-pagamento");
    delete wrong.States.ProcessarPagamento!.Catch;
    expect(failed(await grade("falha-pagamento", wrong))).toEqual(
      expect.arrayContaining(["sempre-sobrecarregado/termina-com-falha", "cartao-recusado/catch-acionado"]),
    );
  });

  it("a Catch without ResultPath loses the order data", async () => {
    const wrong = solutionOf("falha-pagamento");
    wrong.States.ProcessarPagamento!.Catch = [
      { ErrorEquals: ["States.TaskFailed"], Next: "NotificarFalhaPagamento" },
    ];
    // The notification reads $.pedidoId, which no longer exists: keep the message static.
    wrong.States.NotificarFalhaPagamento!.Parameters = {
      TopicArn: "arn:aws:sns:us-east-1:123456789012:falhas-pagamento",
      Message: "falhou",
    };
    expect(failed(await grade("falha-pagamento", wrong))).toEqual([
      "sempre-sobrecarregado/dados-preservados",
    ]);
  });

  it("the default IntervalSeconds (1 s) gives the wrong backoff", async () => {
    const wrong = solutionOf("falha-pagamento");
    wrong.States.ProcessarPagamento!.Retry = [
      { ErrorEquals: ["Lambda.TooManyRequestsException", "Lambda.Unknown"], MaxAttempts: 3 },
    ];
    const result = await grade("falha-pagamento", wrong);
    expect(failed(result)).toEqual(
      expect.arrayContaining([
        "instavel-depois-ok/duas-retentativas",
        "sempre-sobrecarregado/backoff-exponencial",
      ]),
    );
  });
});

describe("pedidos-sequencial", () => {
  it("validating without a Choice lets an invalid order be charged", async () => {
    const wrong = solutionOf("pedidos-sequencial");
    wrong.States.ValidarPedido!.Next = "ProcessarPagamento";
    delete wrong.States.PedidoValido;
    delete wrong.States.PedidoInvalido;
    expect(failed(await grade("pedidos-sequencial", wrong))).toEqual(
      expect.arrayContaining(["pedido-invalido/sem-pagamento", "pedido-invalido/falha-nomeada"]),
    );
  });
});

describe("documentos-paralelo", () => {
  it("a Catch that lists only States.BranchFailed does not catch the branch's error", async () => {
    const wrong = solutionOf("documentos-paralelo");
    wrong.States.ProcessarDocumento!.Catch = [
      { ErrorEquals: ["States.BranchFailed"], ResultPath: "$.erro", Next: "TratarFalhaDocumento" },
    ];
    expect(failed(await grade("documentos-paralelo", wrong))).toEqual(
      expect.arrayContaining(["classificacao-falha/catch-do-parallel", "analise-falha/catch-do-parallel"]),
    );
  });

  it("mixing up the branch order puts results in the wrong fields", async () => {
    const wrong = solutionOf("documentos-paralelo");
    wrong.States.ProcessarDocumento!.ResultSelector = {
      "texto.$": "$[0].texto",
      "sentimento.$": "$[2].sentimento",
      "categoria.$": "$[1].categoria",
    };
    expect((await grade("documentos-paralelo", wrong)).percent).toBeLessThan(100);
  });
});

describe("registro-usuario", () => {
  it("keeping the whole Lambda response (no ResultSelector) fails the clean-output check", async () => {
    const wrong = solutionOf("registro-usuario");
    delete wrong.States.CriarUsuario!.ResultSelector;
    wrong.States.EnviarBoasVindas!.Parameters = {
      FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:SendWelcomeFunction",
      Payload: { "email.$": "$.email", "usuarioId.$": "$.usuario.Payload.usuarioId" },
    };
    expect(failed(await grade("registro-usuario", wrong))).toEqual(["usuario-novo/saida-limpa"]);
  });
});

describe("pipeline-logs", () => {
  it("a Map without MaxConcurrency processes everything at once", async () => {
    const wrong = solutionOf("pipeline-logs");
    delete wrong.States.ProcessarArquivos!.MaxConcurrency;
    expect(failed(await grade("pipeline-logs", wrong))).toEqual([
      "static/concorrencia-maxima",
      "muitos-arquivos/concorrencia",
    ]);
  });
});

describe("video-hibrido", () => {
  it("a heartbeat shorter than agreed expires an approval given in time", async () => {
    const wrong = solutionOf("video-hibrido");
    wrong.States.AguardarAprovacao!.HeartbeatSeconds = 600;
    expect(failed(await grade("video-hibrido", wrong))).toEqual(
      expect.arrayContaining(["static/heartbeat", "revisor-lento/nao-expira", "aprovado/caminho"]),
    );
  });

  it("a heartbeat longer than agreed is told the limit as the exercise states it: 1 hour, “≤ 3.600 s”", async () => {
    const wrong = solutionOf("video-hibrido");
    wrong.States.AguardarAprovacao!.HeartbeatSeconds = 7200;
    const result = await grade("video-hibrido", wrong);
    const check = result.scenarios
      .find((scenario) => scenario.id === "revisor-sumiu")!
      .checks.find((c) => c.id === "espera-limitada")!;
    expect(check.status).toBe("failed");
    expect(check.message).toContain("duração 7.200 s; esperado ≤ 3.600 s");
  });
});

describe("standard-vs-express", () => {
  it("the lean workflow left as Standard fails the type and cost checks", async () => {
    const exercise = loadExercise("standard-vs-express");
    const text = exercise.solution.text.replace("      type: EXPRESS\n", "");
    const result = await gradeSubmission(
      exercise,
      { student: "aluno", fileName: "serverless.yml", text },
      { includeHidden: true },
    );
    expect(failed(result)).toEqual([
      "static/tipo-escolhido",
      "custo-mensal/custo",
      "custo-mensal/tipo",
      "enriquecimento-lento/custo",
    ]);
  });
});
