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
  { command: "test-state", flag: "--state-name", hint: HELP_HINT },
  { command: "similarity", flag: "--threshold", hint: HELP_HINT },
  { command: "new-exercise", flag: "--root", hint: HELP_HINT },
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

describe.each(COMMANDS)("partitura $command --help", ({ command, flag }) => {
  it("prints that command's usage in pt-BR, exit 0 (also -h)", () => {
    const help = partitura(command, "--help");
    expect(help.code).toBe(0);
    expect(help.stderr).toBe("");
    expect(help.stdout).toMatch(new RegExp(`^Uso:\n {2}partitura ${command} `));
    expect(help.stdout).toContain(flag);
    expect(help.stdout).toMatch(new RegExp(`\n\n {2}${command}: \\S`));
    expect(help.stdout.match(/^ {2}partitura /gm)).toHaveLength(1);
    expect(partitura(command, "-h")).toEqual(help);
  });
});

describe("option errors name the option in pt-BR, never Node's English", () => {
  it.each([
    [["grade", "x", "--bogus"], "Opção inválida: opção desconhecida '--bogus'. Use 'partitura --help'.\n"],
    [
      ["grade", "x", "--exercise"],
      "Opção inválida: a opção '--exercise' precisa de um valor. Use 'partitura --help'.\n",
    ],
    [
      ["grade", "x", "--jobs", "-1"],
      "Opção inválida: a opção '--jobs' precisa de um valor (para um valor que começa com '-', escreva " +
        "'--jobs=VALOR'). Use 'partitura --help'.\n",
    ],
    [
      ["grade", "x", "--hidden=sim"],
      "Opção inválida: a opção '--hidden' não aceita valor. Use 'partitura --help'.\n",
    ],
  ])("%j", (args, stderr) => {
    expect(partitura(...args)).toEqual({ code: 2, stdout: "", stderr });
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
