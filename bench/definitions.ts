/** State machine definitions that more than one benchmark runs. */

export type Definition = Record<string, unknown>;

/**
 * A fresh 5-state order definition: Validar (Pass) → Decidir (Choice) → Pagar → Fim (Succeed), or Falhar
 * (Fail). `index` goes into its Comment, so every call builds a distinct object; `pay` is the Pagar state,
 * which each benchmark shapes its own way.
 */
export function orderDefinition(index: number, pay: Definition): Definition {
  return {
    Comment: `definição ${index}`,
    StartAt: "Validar",
    States: {
      Validar: { Type: "Pass", Result: { ok: true }, ResultPath: "$.validacao", Next: "Decidir" },
      Decidir: {
        Type: "Choice",
        Choices: [{ Variable: "$.validacao.ok", BooleanEquals: true, Next: "Pagar" }],
        Default: "Falhar",
      },
      Pagar: pay,
      Fim: { Type: "Succeed" },
      Falhar: { Type: "Fail", Error: "Invalido" },
    },
  };
}
