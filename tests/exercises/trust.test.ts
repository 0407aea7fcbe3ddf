/**
 * Grading a teacher can trust (issue 13): each class of over-generous or misleading grading, pinned
 * with the exact example the issue reports.
 */
import { describe, expect, it } from "vitest";
import { loadExercise } from "../../grader/cli/exercise-loader.ts";
import { gradeSubmission, type SubmissionResult } from "../../grader/grading/index.ts";

type Definition = { StartAt: string; States: Record<string, Record<string, unknown>> };

export function solutionOf(slug: string): Definition {
  return JSON.parse(loadExercise(slug).solution.text) as Definition;
}

export async function grade(
  slug: string,
  definition: unknown,
  includeHidden = true,
): Promise<SubmissionResult> {
  return gradeSubmission(
    loadExercise(slug),
    { student: "aluno", fileName: "aluno.asl.json", text: JSON.stringify(definition) },
    { includeHidden },
  );
}

export function check(result: SubmissionResult, scenario: string, id: string) {
  const found = result.scenarios.find((s) => s.id === scenario)?.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${scenario}/${id}`);
  return found;
}

const passChain = (names: readonly string[], last: Record<string, unknown> = { End: true }): Definition => ({
  StartAt: names[0]!,
  States: Object.fromEntries(
    names.map((name, index) => [
      name,
      index === names.length - 1 ? { Type: "Pass", ...last } : { Type: "Pass", Next: names[index + 1] },
    ]),
  ),
});

describe("checks pay only on runs that did the work", () => {
  it("documentos-paralelo: a run that dies with States.Runtime at 6 s earns no duration or overlap points", async () => {
    const broken = solutionOf("documentos-paralelo");
    broken.States.ProcessarDocumento!.OutputPath = "$.naoExiste";
    const result = await grade("documentos-paralelo", broken);
    const scenario = result.scenarios.find((s) => s.id === "documento-completo")!;
    expect(scenario.execution).toMatchObject({ status: "FAILED", error: "States.Runtime" });
    expect(check(result, "documento-completo", "tempo-do-mais-lento").points).toBe(0);
    expect(check(result, "extracao-lenta", "tempo-do-mais-lento").points).toBe(0);
    // The student is told first what failed, where, with AWS's error and cause.
    expect(scenario.problem).toMatch(
      /^Atenção: a execução terminou com FAILED no estado 'ProcessarDocumento' com o erro States.Runtime/,
    );
    expect(scenario.problem).toContain("$.naoExiste");
    // What is left is the failure paths, which this submission handles correctly.
    expect(result.percent).toBeLessThanOrEqual(50);
  });

  it("video-hibrido: 'nothing was caught' does not pay when the state never ran", async () => {
    const skipsApproval = solutionOf("video-hibrido");
    skipsApproval.States.TranscodificarVideo!.Next = "PublicarVideo";
    const result = await grade("video-hibrido", skipsApproval);
    expect(check(result, "revisor-lento", "nao-expira").points).toBe(0);
  });

  it("video-hibrido and pipeline-logs: a chain of Pass states named like the Tasks 'approves everything' and scores ≤ 5 %", async () => {
    const video = passChain(["ValidarVideo", "TranscodificarVideo", "AguardarAprovacao", "PublicarVideo"]);
    video.States.AguardarAprovacao = {
      Type: "Pass",
      Result: { aprovado: true },
      ResultPath: "$.aprovacao",
      Next: "PublicarVideo",
    };
    expect((await grade("video-hibrido", video)).percent).toBeLessThanOrEqual(5);
    const logs = passChain(["ListarLogs", "ProcessarArquivos", "ExecutarGlue", "NotificarConclusao"]);
    expect((await grade("pipeline-logs", logs)).percent).toBeLessThanOrEqual(5);
  });

  it("pedidos-sequencial: a Choice loop that ends only because the mocks ran out earns nothing", async () => {
    const loop = {
      StartAt: "ValidarPedido",
      States: {
        ValidarPedido: {
          Type: "Task",
          Resource: "arn:aws:lambda:us-east-1:123456789012:function:ValidateOrderFunction",
          ResultPath: "$.validacao",
          Next: "DeNovo",
        },
        DeNovo: {
          Type: "Choice",
          Choices: [{ Variable: "$.pedidoId", IsPresent: true, Next: "ValidarPedido" }],
          Default: "Fim",
        },
        Fim: { Type: "Succeed" },
      },
    };
    const result = await grade("pedidos-sequencial", loop);
    for (const id of ["pedido-valido", "pedido-invalido", "pagamento-falha"])
      expect(result.scenarios.find((s) => s.id === id)!.points).toBe(0);
    // Only the hidden "validation throws" scenario, where failing before any charge is right, pays.
    expect(result.percent).toBeLessThanOrEqual(15);
    expect(JSON.stringify(result)).not.toContain("Partitura.");
  });

  it("standard-vs-express: an Express machine that never ends earns nothing, static checks included", async () => {
    const endless = `service: pedidos
provider: { name: aws }
stepFunctions:
  stateMachines:
    ProcessamentoPedido:
      type: EXPRESS
      definition:
        StartAt: Laco
        States:
          Laco: { Type: Pass, Next: Decidir }
          Decidir:
            Type: Choice
            Choices: [{ Variable: "$.nunca", IsPresent: true, Next: Fim }]
            Default: Laco
          Fim: { Type: Succeed }
`;
    const result = await gradeSubmission(
      loadExercise("standard-vs-express"),
      { student: "aluno", fileName: "serverless.yml", text: endless },
      { includeHidden: true },
    );
    expect(result.status).toBe("graded");
    expect(result.points).toBe(0);
  });
});

describe("feedback never contradicts the submission", () => {
  it("video-hibrido: a submission with HeartbeatSeconds 3600 is not told it has no HeartbeatSeconds", async () => {
    const wrongCatch = solutionOf("video-hibrido");
    const catchers = wrongCatch.States.AguardarAprovacao!.Catch as Array<Record<string, unknown>>;
    catchers[0]!.ErrorEquals = ["States.TaskFailed"];
    const result = await grade("video-hibrido", wrongCatch);
    const message = check(result, "revisor-sumiu", "heartbeat-expira").message;
    expect(check(result, "revisor-sumiu", "heartbeat-expira").points).toBe(0);
    expect(message).not.toContain("Sem HeartbeatSeconds");
    expect(message).toContain("States.HeartbeatTimeout");
    // Without HeartbeatSeconds, that is what the student is told.
    delete wrongCatch.States.AguardarAprovacao!.HeartbeatSeconds;
    const without = await grade("video-hibrido", wrongCatch);
    expect(check(without, "revisor-sumiu", "heartbeat-expira").message).toContain("Sem HeartbeatSeconds");
  });

  it('pedidos-sequencial: StringEquals "true" on a boolean is not told to add the ResultPath it has', async () => {
    const stringBoolean = solutionOf("pedidos-sequencial");
    stringBoolean.States.PedidoValido!.Choices = [
      { Variable: "$.validacao.valido", StringEquals: "true", Next: "ProcessarPagamento" },
    ];
    const result = await grade("pedidos-sequencial", stringBoolean);
    const payment = check(result, "pedido-valido", "pagamento-recebe-pedido");
    expect(payment.points).toBe(0);
    expect(payment.message).not.toContain("ResultPath");
    expect(payment.message).toContain("'ProcessarPagamento'");
    // What the run did comes first: it ended in PedidoInvalido.
    expect(result.scenarios[0]!.problem).toContain("no estado 'PedidoInvalido' com o erro PedidoInvalido");
  });

  it("falha-pagamento: a retrier on the wrong error names never shows an internal engine name", async () => {
    const wrongNames = solutionOf("falha-pagamento");
    const retry = wrongNames.States.ProcessarPagamento!.Retry as Array<Record<string, unknown>>;
    retry[0]!.ErrorEquals = ["Lambda.ServiceException"];
    wrongNames.States.RegistrarTentativa = {
      Type: "Task",
      Resource: "arn:aws:lambda:us-east-1:123456789012:function:LogFunction",
      Next: "ProcessarPagamento",
    };
    wrongNames.StartAt = "RegistrarTentativa";
    const result = await grade("falha-pagamento", wrongNames);
    expect(JSON.stringify(result)).not.toMatch(/Partitura\.|TaskResolverFailed/);
    expect(result.scenarios[0]!.problem).toContain("'RegistrarTentativa' não é simulado");
  });
});

describe("resources and parameters", () => {
  it("registro-usuario: CriarUsuario invoking the check function's ARN (a copy-paste slip) loses points", async () => {
    const slip = solutionOf("registro-usuario");
    const parameters = slip.States.CriarUsuario!.Parameters as Record<string, unknown>;
    parameters.FunctionName = "arn:aws:lambda:us-east-1:123456789012:function:CheckUserFunction";
    const result = await grade("registro-usuario", slip);
    expect(result.percent).toBeLessThan(100);
    const resource = result.staticChecks.find((c) => c.id === "funcao-criar")!;
    expect(resource.points).toBe(0);
    expect(resource.message).toContain(
      "chama a função 'CheckUserFunction'; o enunciado pede 'CreateUserFunction'",
    );
  });

  it('registro-usuario: adding AWS\'s default "InvocationType": "RequestResponse" still scores 100 %', async () => {
    const explicit = solutionOf("registro-usuario");
    for (const name of ["VerificarUsuario", "CriarUsuario", "EnviarBoasVindas"])
      (explicit.States[name]!.Parameters as Record<string, unknown>).InvocationType = "RequestResponse";
    expect((await grade("registro-usuario", explicit)).percent).toBe(100);
  });

  it("registro-usuario: a wrong Payload is described as the parameters sent, not as output", async () => {
    const wrong = solutionOf("registro-usuario");
    (wrong.States.VerificarUsuario!.Parameters as Record<string, unknown>)["Payload.$"] = "$";
    delete (wrong.States.VerificarUsuario!.Parameters as Record<string, unknown>).Payload;
    const message = check(
      await grade("registro-usuario", wrong),
      "usuario-novo",
      "payload-verificacao",
    ).message;
    expect(message).toContain("parâmetros enviados");
    expect(message).not.toContain("saída");
  });

  it("a function named by a partial ARN or with an alias is the same function", async () => {
    const { lambdaFunctionName } = await import("../../grader/grading/resource-check.ts");
    // Accepted FunctionName formats: https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
    expect(lambdaFunctionName("CreateUserFunction")).toBe("CreateUserFunction");
    expect(lambdaFunctionName("CreateUserFunction:prod")).toBe("CreateUserFunction");
    expect(lambdaFunctionName("123456789012:function:CreateUserFunction")).toBe("CreateUserFunction");
    expect(lambdaFunctionName("arn:aws:lambda:us-east-1:123456789012:function:CreateUserFunction:7")).toBe(
      "CreateUserFunction",
    );
  });
});

describe("integration patterns are tested by behaviour", () => {
  it("pipeline-logs: without .sync the job's duration and failure are not seen, and scenario points are lost", async () => {
    const noSync = solutionOf("pipeline-logs");
    noSync.States.ExecutarGlue!.Resource = "arn:aws:states:::glue:startJobRun";
    delete noSync.States.ExecutarGlue!.ResultSelector;
    const result = await grade("pipeline-logs", noSync);
    expect(check(result, "tres-arquivos", "espera-o-glue").points).toBe(0);
    expect(check(result, "glue-falha", "notifica-falha").points).toBe(0);
    expect(result.percent).toBeLessThanOrEqual(85);
  });

  it("video-hibrido: without .sync or .waitForTaskToken the approval never arrives", async () => {
    const noSync = solutionOf("video-hibrido");
    noSync.States.TranscodificarVideo!.Resource = "arn:aws:states:::ecs:runTask";
    expect(check(await grade("video-hibrido", noSync), "aprovado", "espera-o-conteiner").points).toBe(0);
    const noToken = solutionOf("video-hibrido");
    noToken.States.AguardarAprovacao!.Resource = "arn:aws:states:::lambda:invoke";
    const result = await grade("video-hibrido", noToken);
    expect(check(result, "aprovado", "publicado").points).toBe(0);
    expect(result.percent).toBeLessThanOrEqual(85);
  });
});
