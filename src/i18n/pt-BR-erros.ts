/**
 * pt-BR explanations of the errors the engine (or AWS) reports in English or with an AWS code only, shown
 * next to the original text in the playground's summary. Apart from `ui` (src/i18n/pt-BR.ts): only the
 * runner's chunk, loaded when the student runs a workflow, takes these lines.
 */
import { formatCount } from "./pt-BR.ts";

export const errorHelpUi = {
  historyLimit: (limit: number) =>
    `O histórico de uma execução Standard tem no máximo ${formatCount(limit)} eventos (limite do AWS Step Functions); ` +
    "ao chegar nele a execução falha com States.Runtime. Quase sempre é um laço sem saída: confira se o Choice " +
    "tem uma regra (ou um Default) que leva para fora do laço e se o dado que ele testa muda a cada volta.",
  transitionLimit: (limit: number) =>
    `O playground interrompe execuções que passam de ${formatCount(limit)} transições de estado, para a página não ` +
    "travar. Quase sempre é um laço sem saída: confira se o Choice tem uma regra (ou um Default) que leva para " +
    "fora do laço e se o dado que ele testa muda a cada volta.",
  dataLimit:
    "O resultado de um estado passou do limite de 256 KiB de dados que o Step Functions aceita entre estados. " +
    "Use ResultSelector ou ResultPath para guardar só o necessário.",
  timeout:
    "A tarefa passou do TimeoutSeconds (ou do HeartbeatSeconds) definido no estado. Aumente o limite ou trate " +
    "o erro com Retry / Catch.",
  noChoice:
    "Nenhuma regra do Choice casou com a entrada e ele não tem Default. Acrescente um Default ou uma regra " +
    "para esse caso.",
};
