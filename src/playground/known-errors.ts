/**
 * pt-BR explanations of known engine / AWS errors (the AWS text itself is shown as AWS shows it). Used by the
 * runner (run.ts), so these texts load with the engine, on demand, not with the page.
 */
import { errorHelpUi } from "../i18n/pt-BR-erros.ts";

/**
 * A pt-BR explanation of the errors the engine (or AWS) reports in English, or with an AWS code only;
 * the original text is shown too, as AWS shows it.
 */
export function explainError(error: string | undefined, cause: string | undefined): string | undefined {
  const help = errorHelpUi;
  const history = /execution history reached the limit of (\d+) events/i.exec(cause ?? "");
  if (error === "States.Runtime" && history) return help.historyLimit(Number(history[1]));
  if (error === "Partitura.TooManyTransitions") {
    const limit = /(\d[\d.,]*) transi/.exec(cause ?? "")?.[1]?.replace(/[.,]/g, "");
    return help.transitionLimit(Number(limit ?? 25_000));
  }
  if (error === "States.DataLimitExceeded") return help.dataLimit;
  if (error === "States.Timeout" || error === "States.HeartbeatTimeout") return help.timeout;
  if (error === "States.NoChoiceMatched") return help.noChoice;
  return undefined;
}
