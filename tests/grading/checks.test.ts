/** Each check type passes a right answer and fails the tempting wrong one, with a pt-BR reason. */
import { describe, expect, it } from "vitest";
import { gradeSubmission, type Exercise, type SubmissionResult } from "../../grader/grading/index.ts";
import { exercise, happyMocks, json, pipeline } from "./fixtures.ts";

async function grade(ex: Exercise, definition: unknown, includeHidden = true): Promise<SubmissionResult> {
  return gradeSubmission(
    ex,
    { student: "ana", fileName: "ana.asl.json", text: json(definition) },
    { includeHidden },
  );
}

function check(result: SubmissionResult, scenario: string, id: string) {
  const found = result.scenarios.find((s) => s.id === scenario)?.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${scenario}/${id}`);
  return found;
}

function scenarioYaml(id: string, mocks: string, checks: string, extra = "") {
  return `  - id: ${id}
    title: Cenário ${id}
    visibility: public
    input: { pedido: { id: P-1, valor: 10 } }${extra}${mocks}
    checks:
${checks}`;
}

const c = (id: string, body: string, feedback = "Corrija isto.") =>
  `      - id: ${id}\n        description: verifica ${id}\n        points: 1\n        feedback: ${feedback}\n${body
    .trim()
    .split("\n")
    .map((line) => `        ${line}`)
    .join("\n")}`;

describe("scenario checks", () => {
  it("status and output (exact, subset, JSONPath)", async () => {
    const ex = exercise({
      scenarios: scenarioYaml(
        "feliz",
        happyMocks,
        [
          c("ok", "type: status\nexpect: SUCCEEDED"),
          c(
            "exata",
            "type: output\nequals: { pedido: { id: P-1, valor: 10 }, partes: [{ texto: ok }, { nota: 9 }], pagamento: { pago: true } }",
          ),
          c(
            "subconjunto",
            "type: output\nincludes: { pagamento: { pago: true }, partes: [{ texto: ok }, { nota: 9 }] }",
          ),
          c(
            "caminhos",
            'type: output\npaths:\n  - { path: "$.partes", length: 2 }\n  - { path: "$.partes[1].nota", equals: 9 }\n  - { path: "$.erro", exists: false }',
          ),
        ].join("\n"),
      ),
    });
    const right = await grade(ex, pipeline());
    expect(right.percent).toBe(100);
    // The branch results land in the wrong field: status passes, the output checks do not.
    const wrong = await grade(ex, {
      ...pipeline(),
      States: {
        ...pipeline().States,
        Paralelo: { ...(pipeline().States.Paralelo as object), ResultPath: "$.resultado" },
      },
    });
    expect(check(wrong, "feliz", "ok").status).toBe("passed");
    expect(check(wrong, "feliz", "exata").status).toBe("failed");
    expect(check(wrong, "feliz", "exata").message).toContain("saída obtida");
    expect(check(wrong, "feliz", "subconjunto").status).toBe("failed");
    expect(check(wrong, "feliz", "caminhos").message).toMatch(/\$\.partes deveria ter 2|não existe|esperado/);
  });

  it("status with an error name; output fails when the execution failed", async () => {
    const ex = exercise({
      scenarios: scenarioYaml(
        "quebra",
        `
    mocks:
      Extrair: { "0": { Return: {} } }
      Analisar: { "0": { Throw: { Error: Analise.Falhou, Cause: x } } }`,
        [
          c("falha", "type: status\nexpect: FAILED\nerror: Analise.Falhou"),
          c("saida", "type: output\nincludes: {}"),
        ].join("\n"),
      ),
    });
    const result = await grade(ex, pipeline());
    expect(check(result, "quebra", "falha").status).toBe("passed");
    expect(check(result, "quebra", "saida").message).toContain("terminou com FAILED");
  });

  it("states visited: order, includes, excludes", async () => {
    const ex = exercise({
      scenarios: scenarioYaml(
        "feliz",
        happyMocks,
        [
          c("ordem", "type: visited\norder: [Preparar, Pagar, Fim]"),
          c("inclui", "type: visited\nincludes: [Extrair, Analisar]"),
          c("exclui", "type: visited\nexcludes: [Falhou]"),
        ].join("\n"),
      ),
    });
    expect((await grade(ex, pipeline())).percent).toBe(100);
    const reordered = pipeline();
    // Pagar before the Parallel: wrong order.
    Object.assign(reordered, { StartAt: "Pagar" });
    Object.assign(reordered.States, {
      Pagar: { ...(reordered.States.Pagar as object), Next: "Preparar" },
      Paralelo: { ...(reordered.States.Paralelo as object), Next: "Fim" },
    });
    const result = await grade(ex, reordered);
    expect(check(result, "feliz", "ordem").status).toBe("failed");
    expect(check(result, "feliz", "ordem").message).toContain("caminho percorrido 'Pagar', 'Preparar'");
    expect(check(result, "feliz", "inclui").status).toBe("passed");
  });

  it("retries: count and backoff seconds; the Catch that fired and its error; state input kept by ResultPath", async () => {
    const ex = exercise({
      scenarios: scenarioYaml(
        "sobrecarga",
        `
    mocks:
      Extrair: { "0": { Return: {} } }
      Analisar: { "0": { Return: {} } }
      Pagar: { "0-*": { Throw: { Error: Lambda.TooManyRequestsException, Cause: lento } } }`,
        [
          c("tentativas", "type: retries\nstate: Pagar\ncount: 2\nbackoffSeconds: [1, 2]"),
          c("catch", "type: caught\nstate: Pagar\nnext: Falhou\nerror: Lambda.TooManyRequestsException"),
          c(
            "pedido",
            "type: stateInput\nstate: Falhou\nincludes: { pedido: { id: P-1 }, erro: { Error: Lambda.TooManyRequestsException } }",
          ),
          c("nada-no-paralelo", "type: caught\nstate: Paralelo\nnone: true"),
        ].join("\n"),
      ),
    });
    expect((await grade(ex, pipeline())).percent).toBe(100);
    const noBackoff = pipeline({
      pagar: {
        Retry: [
          {
            ErrorEquals: ["Lambda.TooManyRequestsException"],
            IntervalSeconds: 1,
            MaxAttempts: 3,
            BackoffRate: 1,
          },
        ],
        Catch: [{ ErrorEquals: ["States.ALL"], Next: "Falhou" }],
      },
    });
    const result = await grade(ex, noBackoff);
    expect(check(result, "sobrecarga", "tentativas").message).toContain(
      "esperadas 2 novas tentativas, houve 3",
    );
    expect(check(result, "sobrecarga", "catch").status).toBe("passed"); // "0-*": overloaded on every call
    expect(check(result, "sobrecarga", "pedido").status).toBe("failed");
  });

  it("backoff mismatch is reported in seconds", async () => {
    const ex = exercise({
      scenarios: scenarioYaml(
        "duas",
        `
    mocks:
      Extrair: { "0": { Return: {} } }
      Analisar: { "0": { Return: {} } }
      Pagar: { "0-1": { Throw: { Error: Lambda.TooManyRequestsException } }, "2": { Return: {} } }`,
        c("tentativas", "type: retries\nstate: Pagar\nbackoffSeconds: [1, 2]"),
      ),
    });
    const slow = pipeline({
      pagar: {
        Retry: [
          {
            ErrorEquals: ["Lambda.TooManyRequestsException"],
            IntervalSeconds: 3,
            MaxAttempts: 2,
            BackoffRate: 2,
          },
        ],
      },
    });
    const result = await grade(ex, slow);
    expect(check(result, "duas", "tentativas").message).toContain(
      "intervalos esperados 1 s, 2 s; obtidos 3 s, 6 s",
    );
  });

  it("virtual duration bounds and overlap: the branches really ran in parallel", async () => {
    const ex = exercise({
      scenarios: scenarioYaml(
        "feliz",
        happyMocks,
        [
          c("total", "type: duration\nmaxSeconds: 7.001"),
          c("estado", "type: duration\nstate: Paralelo\nminSeconds: 7\nmaxSeconds: 7.001"),
          c("juntos", "type: overlap\nstates: [Extrair, Analisar]"),
        ].join("\n"),
      ),
    });
    expect((await grade(ex, pipeline())).percent).toBe(100);
    const sequential = await grade(ex, pipeline({ paralelo: false }));
    expect(check(sequential, "feliz", "total").message).toContain("duração 12 s");
    expect(check(sequential, "feliz", "estado").message).toContain("'Paralelo' não foi executado");
    expect(check(sequential, "feliz", "juntos").message).toContain("não rodaram ao mesmo tempo");
  });

  it("maximum transitions, workflow type and the cost estimate", async () => {
    const ex = exercise({
      scenarios: scenarioYaml(
        "feliz",
        happyMocks,
        [
          c("transicoes", "type: transitions\nmax: 6"),
          c("tipo", "type: workflowType\nexpect: EXPRESS"),
          c("custo", "type: cost\nexecutionsPerMonth: 1000000\nmaxUsd: 20"),
        ].join("\n"),
      ),
    });
    const standard = await grade(ex, pipeline());
    expect(check(standard, "feliz", "transicoes").status).toBe("passed");
    expect(check(standard, "feliz", "tipo").message).toContain("a submissão usa STANDARD");
    // 6 transitions × US$ 0.000025 × 1 M = US$ 150.
    expect(check(standard, "feliz", "custo").message).toContain("US$ 150,00");
    const padded = pipeline();
    Object.assign(padded.States, {
      Preparar: { Type: "Pass", Next: "Extra" },
      Extra: { Type: "Pass", Next: "Paralelo" },
    });
    expect(check(await grade(ex, padded), "feliz", "transicoes").message).toContain("7 transições");

    const serverless = [
      "service: teste",
      "stepFunctions:",
      "  stateMachines:",
      "    Teste:",
      "      type: express",
      `      definition: ${JSON.stringify(pipeline())}`,
    ].join("\n");
    const express = await gradeSubmission(
      ex,
      { student: "bia", fileName: "serverless.yml", text: serverless },
      { includeHidden: true },
    );
    expect(express.status).toBe("graded");
    expect(check(express, "feliz", "tipo").status).toBe("passed");
    expect(check(express, "feliz", "custo").status).toBe("passed");
  });

  it("task parameters and invocation counts", async () => {
    const ex = exercise({
      scenarios: scenarioYaml(
        "feliz",
        happyMocks,
        [
          c(
            "parametros",
            "type: taskParameters\nstate: Pagar\nequals: { pedido: { id: P-1, valor: 10 }, fixo: 1 }",
          ),
          c("uma-vez", "type: invocations\nstate: Pagar\ncount: 1"),
        ].join("\n"),
      ),
    });
    expect((await grade(ex, pipeline())).percent).toBe(100);
    const result = await grade(ex, pipeline({ pagar: { Parameters: { "id.$": "$.pedido.id" } } }));
    expect(check(result, "feliz", "parametros").message).toContain('parâmetros enviados: {"id":"P-1"}');
  });
});

describe("checks that something did not happen", () => {
  const doesNothing = { StartAt: "Fim", States: { Fim: { Type: "Succeed" } } };
  const ex = exercise({
    scenarios: scenarioYaml(
      "feliz",
      happyMocks,
      [
        c("sem-falha", "type: visited\nexcludes: [Falhou]\nrequires: [Pagar]"),
        c("sem-retentativa", "type: retries\nstate: Pagar\ncount: 0"),
        c("poucas", "type: transitions\nmax: 6\nrequires: [Paralelo, Pagar]"),
        c("ok", "type: status\nexpect: SUCCEEDED\nrequires: [Pagar]"),
        c("vacua", "type: visited\nexcludes: [Falhou]"),
      ].join("\n"),
    ),
  });

  it("with `requires`, count only once the Task/Parallel/Map states they are about ran", async () => {
    expect((await grade(ex, pipeline())).percent).toBe(100);
    const result = await grade(ex, doesNothing);
    for (const id of ["sem-falha", "poucas", "ok"]) {
      expect(check(result, "feliz", id).status, id).toBe("failed");
    }
    expect(check(result, "feliz", "sem-falha").message).toContain(
      "ela só conta quando a execução executa 'Pagar', e isso não aconteceu",
    );
    expect(check(result, "feliz", "poucas").message).toContain("'Paralelo', 'Pagar'");
    // Without `requires`, "Falhou was not visited" holds for a workflow that does nothing.
    expect(check(result, "feliz", "vacua").status).toBe("passed");
  });

  it("a state merely named like the Task does not count: it has to be invoked", async () => {
    const lookalike = {
      StartAt: "Pagar",
      States: { Pagar: { Type: "Pass", Next: "Fim" }, Fim: { Type: "Succeed" } },
    };
    const result = await grade(ex, lookalike);
    expect(check(result, "feliz", "ok").status).toBe("failed");
    expect(check(result, "feliz", "sem-falha").status).toBe("failed");
    // "No retry" on a state that never called anything is not a pass either.
    expect(check(result, "feliz", "sem-retentativa").message).toContain(
      "'Pagar' é um estado Pass, não um Task: ele não faz o trabalho que o cenário espera",
    );
  });

  it("an endless loop stopped by the transition limit fails every check, FAILED included", async () => {
    const loops = exercise({
      extra: "maxStateTransitions: 100",
      scenarios: scenarioYaml(
        "feliz",
        happyMocks,
        [
          c("falha", "type: status\nexpect: FAILED"),
          c("sem-falha", "type: visited\nexcludes: [Falhou]"),
        ].join("\n"),
      ),
    });
    const endless = {
      StartAt: "Decidir",
      States: {
        Decidir: {
          Type: "Choice",
          Choices: [{ Not: { Variable: "$.nunca", IsPresent: true }, Next: "Decidir" }],
          Default: "Fim",
        },
        Fim: { Type: "Succeed" },
      },
    };
    const result = await grade(loops, endless);
    expect(result.points).toBe(0);
    expect(check(result, "feliz", "falha").message).toContain(
      "a execução não terminou: foi interrompida depois de 100 transições de estado",
    );
  });
});

describe("static checks", () => {
  const statics = [
    c("paralelo", "type: stateTypeUsed\nstateType: Parallel"),
    c("retry-em-tudo", "type: everyTaskHasRetry"),
    c(
      "retrier",
      "type: retrier\nstate: Pagar\nerrors: [Lambda.TooManyRequestsException]\nbackoffRateAtLeast: 2",
    ),
    c("catcher", "type: catcher\nstate: Pagar\nnext: Falhou\nresultPath: $.erro"),
    c("recurso", "type: resource\nstate: Pagar\ncontains: function:pagar"),
    c("campo", "type: stateField\nstate: Pagar\nfield: ResultPath\nequals: $.pagamento"),
    c("tipo", "type: workflowType\nexpect: STANDARD"),
    c("tamanho", "type: maxStates\nmax: 7"),
  ]
    .join("\n")
    .replace(/^ {6}/gm, "  ")
    .replace(/^ {8}/gm, "    ");
  const ex = exercise({
    staticChecks: statics,
    scenarios: scenarioYaml("feliz", happyMocks, c("ok", "type: status\nexpect: SUCCEEDED")),
  });

  it("pass on the reference and name what is missing otherwise", async () => {
    const right = await grade(ex, pipeline({ retryAll: true }));
    expect(right.staticChecks.filter((check) => check.status !== "passed")).toEqual([]);
    const wrong = await grade(
      ex,
      pipeline({
        paralelo: false,
        pagar: {
          Retry: [{ ErrorEquals: ["Lambda.TooManyRequestsException"], BackoffRate: 1.5 }],
          Catch: [{ ErrorEquals: ["States.ALL"], Next: "Falhou" }],
        },
      }),
    );
    const byId = Object.fromEntries(wrong.staticChecks.map((check) => [check.id, check]));
    expect(byId.paralelo!.message).toContain("0 estado(s) Parallel");
    expect(byId["retry-em-tudo"]!.message).toContain("'Extrair', 'Analisar'");
    expect(byId.retrier!.message).toContain("BackoffRate: esperado ≥ 2, encontrado 1.5");
    expect(byId.catcher!.status).toBe("failed");
    expect(byId.recurso!.status).toBe("passed");
    expect(byId.tamanho!.status).toBe("passed");
  });

  it("retrier: a wildcard (States.ALL, States.TaskFailed) covers the errors but is named as the fault", async () => {
    const retrying = (Retry: unknown[]) => pipeline({ retryAll: true, pagar: { Retry } });
    const message = async (Retry: unknown[]) =>
      (await grade(ex, retrying(Retry))).staticChecks.find((check) => check.id === "retrier")!;
    const all = await message([{ ErrorEquals: ["States.ALL"], BackoffRate: 2 }]);
    expect(all.status).toBe("failed");
    expect(all.message).toContain(
      "o Retry de 'Pagar' cobre 'Lambda.TooManyRequestsException' só por meio de States.ALL",
    );
    expect(all.message).toContain("inclusive erros de negócio");
    expect(all.message).not.toContain("não tem um Retry");
    const taskFailed = await message([{ ErrorEquals: ["States.TaskFailed"], BackoffRate: 2 }]);
    expect(taskFailed.message).toContain("só por meio de States.TaskFailed");
    // AWS uses the first retrier that matches: a wildcard before the named one shadows it.
    const shadowed = await message([
      { ErrorEquals: ["States.TaskFailed"] },
      { ErrorEquals: ["Lambda.TooManyRequestsException"], BackoffRate: 2 },
    ]);
    expect(shadowed.message).toContain("só por meio de States.TaskFailed");
    // Named explicitly: the retrier's fields are what is checked.
    const named = await message([{ ErrorEquals: ["Lambda.TooManyRequestsException"], BackoffRate: 3 }]);
    expect(named.status).toBe("passed");
    const none = await message([{ ErrorEquals: ["Lambda.Unknown"] }]);
    expect(none.message).toContain(
      "'Pagar' não tem um Retry com ErrorEquals cobrindo 'Lambda.TooManyRequestsException'",
    );
  });
});
