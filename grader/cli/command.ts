/**
 * What every `partitura` subcommand shares: reading its flags, and turning a bad flag into a usage error
 * (one pt-BR line on stderr, exit 2, printed by main.ts like every other InputError).
 */
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";
import { InputError } from "./load.ts";

/** The sentence for a flag the command does not know or that lacks its value; `detail` from {@link optionProblem}. */
export const badOption = (detail: string) => `Opção inválida: ${detail}. Use 'partitura --help'.`;

/** What node:util's parseArgs found wrong, in Portuguese (its own message is English). */
export const optionDetails = {
  unknown: (option: string) => `opção desconhecida '${option}'`,
  missingValue: (option: string) => `a opção '${option}' precisa de um valor`,
  dashValue: (option: string) =>
    `a opção '${option}' precisa de um valor (para um valor que começa com '-', escreva '${option}=VALOR')`,
  noValue: (option: string) => `a opção '${option}' não aceita valor`,
  other: "argumentos inválidos",
};

/** parseArgs's error → a pt-BR detail naming the option. */
export function optionProblem(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  // Node names the option in quotes: '--jobs', '--jobs <value>', '-x, --x <value>'.
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? "";
  const option =
    quoted
      .replace(/ <value>$/, "")
      .split(", ")
      .at(-1) ?? quoted;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return optionDetails.unknown(option);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (message.includes("does not take an argument")) return optionDetails.noValue(option);
    if (message.includes("ambiguous")) return optionDetails.dashValue(option);
    return optionDetails.missingValue(option);
  }
  return optionDetails.other;
}

/** A subcommand: its arguments (after the command name) in, its exit code out. */
export type Command = (args: string[]) => number | Promise<number>;

/**
 * Parses a subcommand's flags and positionals (strict: unknown flags and missing values are errors). A flag
 * node:util rejects becomes an InputError worded by `wording` (by default {@link badOption}).
 */
export function parseCommandArgs<const O extends ParseArgsOptionsConfig>(
  args: string[],
  options: O,
  wording: (detail: string) => string = badOption,
) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw new InputError(wording(optionProblem(error)));
  }
}
