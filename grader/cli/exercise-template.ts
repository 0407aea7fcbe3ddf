/**
 * The files `partitura new-exercise <slug>` writes: a small but complete exercise (a Lambda task that
 * must retry a transient error and not a business error) that passes the schema and the self-check as
 * it is, so the teacher edits something that works instead of starting from a blank page.
 */
const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";
const TASK = "arn:aws:lambda:us-east-1:123456789012:function:ProcessarFunction";

export function exerciseTemplate(slug: string): Record<string, string> {
  const starter = {
    Comment: "Ponto de partida do aluno",
    StartAt: "Processar",
    States: { Processar: { Type: "Task", Resource: TASK, End: true } },
  };
  const solution = {
    Comment: "Solução de referência",
    StartAt: "Processar",
    States: {
      Processar: {
        Type: "Task",
        Resource: TASK,
        Retry: [
          { ErrorEquals: ["Lambda.ServiceException"], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2 },
        ],
        End: true,
      },
    },
  };
  const yaml = `# yaml-language-server: $schema=../exercise.schema.json
# Guia: exercises/README.md. Verifique a cada salvamento com:
#   partitura check-exercises ${slug} --watch
slug: ${slug}
title: "Novo exercício: retentar uma Lambda instável"
points: 50 # a soma dos pontos de todas as verificações abaixo
lessonSection: "Tratamento de Erros e Retentativas: Resiliência em Sistemas Distribuídos"
learningGoals:
  - Retentar um erro transitório da Lambda com backoff exponencial
  - Não retentar erros de negócio
statement: |
  ## Retentar uma Lambda instável

  A Lambda do estado **Processar** às vezes falha com \`Lambda.ServiceException\`, um erro transitório.
  Retente esse erro: primeira espera de **1 s**, no máximo **2** novas tentativas, dobrando o intervalo.
  Erros de negócio não devem ser retentados.
starter: inicial.asl.json
solution: solucao.asl.json

scenarios:
  - id: sucesso
    title: A Lambda responde na primeira tentativa
    visibility: public
    input: { pedido: 1 }
    mocks:
      Processar: { "0": { Return: { ok: true } } }
    checks:
      - id: termina-bem
        type: status
        expect: SUCCEEDED
        requires: [Processar]
        description: A execução termina com sucesso
        points: 5
        feedback: Com a Lambda respondendo, o fluxo precisa terminar com sucesso.
      - id: saida
        type: output
        includes: { ok: true }
        description: A saída é a resposta da Lambda
        points: 5
        feedback: A saída do fluxo deve ser o que a Lambda devolveu.

  - id: instavel
    title: A Lambda falha uma vez, depois responde
    visibility: public
    input: { pedido: 2 }
    mocks:
      Processar:
        "0": { Throw: { Error: Lambda.ServiceException, Cause: Falha temporária } }
        "1": { Return: { ok: true } }
    checks:
      - id: uma-retentativa
        type: retries
        state: Processar
        count: 1
        backoffSeconds: [1]
        description: Uma nova tentativa, após 1 s
        points: 10
        feedback: Lambda.ServiceException é transitório; retente-o com IntervalSeconds 1.
      - id: termina-bem
        type: status
        expect: SUCCEEDED
        requires: [Processar]
        description: Recuperada a falha, a execução termina com sucesso
        points: 5
        feedback: Uma falha transitória recuperada não pode derrubar a execução.

  - id: sempre-falha
    title: A Lambda falha em todas as tentativas
    visibility: public
    input: { pedido: 3 }
    mocks:
      Processar:
        "0-2": { Throw: { Error: Lambda.ServiceException, Cause: Falha temporária } }
    checks:
      - id: backoff
        type: retries
        state: Processar
        count: 2
        backoffSeconds: [1, 2]
        description: Duas novas tentativas, após 1 s e 2 s
        points: 10
        feedback: Use MaxAttempts 2 e BackoffRate 2 (esperas de 1 s e 2 s).
      - id: falha
        type: status
        expect: FAILED
        error: Lambda.ServiceException
        requires: [Processar]
        description: Esgotadas as tentativas, a execução falha com o erro da Lambda
        points: 5
        feedback: Depois da última tentativa, o erro deve encerrar a execução.

  - id: erro-de-negocio
    title: Pedido inválido (erro de negócio)
    visibility: hidden
    concept: Um erro de negócio não é retentado
    input: { pedido: 4 }
    mocks:
      Processar:
        "0-2": { Throw: { Error: Pedido.Invalido, Cause: Pedido sem itens } }
    checks:
      - id: sem-retentativa
        type: retries
        state: Processar
        count: 0
        requires: [Processar]
        description: Erros de negócio não são retentados
        points: 5
        feedback: O Retry deve listar só o erro transitório, não curingas como States.ALL.
      - id: falha
        type: status
        expect: FAILED
        requires: [Processar]
        description: O erro de negócio encerra a execução
        points: 5
        feedback: Um pedido inválido deve terminar a execução com falha.
`;
  return { "exercicio.yaml": yaml, "inicial.asl.json": json(starter), "solucao.asl.json": json(solution) };
}
