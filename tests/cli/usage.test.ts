/**
 * What every subcommand shares (grader/cli/command.ts, grader/cli/main.ts): a flag it does not know, or one
 * missing its value, is a usage error — one pt-BR line on stderr naming the flag, nothing on stdout, exit 2.
 */
import { describe, expect, it } from "vitest";
import { partitura } from "./partitura.ts";

const HELP_HINT = "Use 'partitura --help'.";
const VALIDATE_USAGE =
  "Uso: partitura validate <arquivos...> [--format text|json] [--severity error|warning|info] [--express]";

/** Each subcommand, one of its flags that takes a value, and how its usage errors end. */
const COMMANDS = [
  { command: "run", flag: "--input", hint: HELP_HINT },
  { command: "validate", flag: "--format", hint: VALIDATE_USAGE },
  { command: "exercises", flag: "--root", hint: HELP_HINT },
  { command: "check-exercises", flag: "--root", hint: HELP_HINT },
  { command: "quiz", flag: "--out", hint: HELP_HINT },
  { command: "grade", flag: "--exercise", hint: HELP_HINT },
  { command: "gradescope", flag: "--out", hint: HELP_HINT },
];

describe.each(COMMANDS)("partitura $command", ({ command, flag, hint }) => {
  it("an unknown flag: one pt-BR line naming it, exit 2", () => {
    const { code, stdout, stderr } = partitura(command, "--bogus");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^Opção inválida: [^\n]*--bogus[^\n]*\n$/);
    expect(stderr.trimEnd().endsWith(hint)).toBe(true);
  });

  it(`a flag without its value (${flag}): one pt-BR line naming it, exit 2`, () => {
    const { code, stdout, stderr } = partitura(command, flag);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(new RegExp(`^Opção inválida: [^\\n]*${flag}[^\\n]*\\n$`));
    expect(stderr.trimEnd().endsWith(hint)).toBe(true);
  });
});

describe("partitura (no subcommand)", () => {
  it("--help, -h and help print the usage, exit 0; nothing at all prints it too, exit 2", () => {
    const help = partitura("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Uso:\n {2}partitura run /);
    expect(help.stderr).toBe("");
    for (const alias of ["-h", "help"]) expect(partitura(alias)).toEqual(help);
    expect(partitura()).toEqual({ ...help, code: 2 });
  });

  it("an unknown subcommand: one pt-BR line, exit 2", () => {
    expect(partitura("voar")).toEqual({
      code: 2,
      stdout: "",
      stderr: "Comando desconhecido: 'voar'. Use 'partitura --help' para ver os comandos.\n",
    });
  });
});
