/**
 * What every `partitura` subcommand shares: reading its flags, and turning a bad flag into a usage error
 * (one pt-BR line on stderr, exit 2, printed by main.ts like every other InputError).
 */
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";
import { InputError } from "./load.ts";

/** The sentence for a flag the command does not know or that lacks its value; `detail` is Node's own. */
export const badOption = (detail: string) => `Opção inválida: ${detail}. Use 'partitura --help'.`;

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
    throw new InputError(wording(error instanceof Error ? error.message : String(error)));
  }
}
