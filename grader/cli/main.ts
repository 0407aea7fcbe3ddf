/** The `partitura` command line. The only layer that touches Node-specific APIs. */
import type { Command } from "./command.ts";
import { checkExercisesCommand, exercisesCommand } from "./exercises-command.ts";
import { gradeCommand } from "./grade-command.ts";
import { gradescopeCommand } from "./gradescope-command.ts";
import { InputError } from "./load.ts";
import { messages } from "./messages.ts";
import { quizCommand } from "./quiz-command.ts";
import { newExerciseCommand } from "./new-exercise-command.ts";
import { runCommand } from "./run-command.ts";
import { testStateCommand } from "./test-state-command.ts";
import { similarityCommand } from "./similarity-command.ts";
import { validateCommand } from "./validate-command.ts";

const COMMANDS = new Map<string, Command>([
  ["run", runCommand],
  ["validate", validateCommand],
  ["exercises", exercisesCommand],
  ["check-exercises", checkExercisesCommand],
  ["quiz", quizCommand],
  ["grade", gradeCommand],
  ["gradescope", gradescopeCommand],
  ["test-state", testStateCommand],
  ["similarity", similarityCommand],
  ["new-exercise", newExerciseCommand],
]);

/**
 * One command's lines of the usage (`partitura grade --help`): its synopsis, continuation lines included,
 * and its one-line description.
 */
export function commandUsage(command: string): string {
  const lines = messages.usage.split("\n");
  const synopsis: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (/^ {2}partitura /.test(line)) inside = line.startsWith(`  partitura ${command} `);
    else if (!/^ {4,}\S/.test(line)) inside = false;
    if (inside) synopsis.push(line);
  }
  const description = lines.find((line) => new RegExp(`^ {2}${command}\\s{2,}`).test(line));
  return [
    "Uso:",
    ...synopsis,
    ...(description ? ["", `  ${description.trim().replace(/\s{2,}/, ": ")}`] : []),
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(messages.usage + "\n");
    return command ? 0 : 2;
  }
  const run = COMMANDS.get(command);
  if (!run) throw new InputError(messages.unknownCommand(command));
  const beforeSeparator = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (beforeSeparator.includes("--help") || beforeSeparator.includes("-h")) {
    process.stdout.write(commandUsage(command) + "\n");
    return 0;
  }
  return run(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof InputError) {
    process.stderr.write(error.message + "\n");
    process.exitCode = 2;
  } else {
    throw error;
  }
}
