/** The `partitura` command line. The only layer that touches Node-specific APIs. */
import type { Command } from "./command.ts";
import { checkExercisesCommand, exercisesCommand } from "./exercises-command.ts";
import { gradeCommand } from "./grade-command.ts";
import { gradescopeCommand } from "./gradescope-command.ts";
import { InputError } from "./load.ts";
import { messages } from "./messages.ts";
import { quizCommand } from "./quiz-command.ts";
import { runCommand } from "./run-command.ts";
import { validateCommand } from "./validate-command.ts";

const COMMANDS = new Map<string, Command>([
  ["run", runCommand],
  ["validate", validateCommand],
  ["exercises", exercisesCommand],
  ["check-exercises", checkExercisesCommand],
  ["quiz", quizCommand],
  ["grade", gradeCommand],
  ["gradescope", gradescopeCommand],
]);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(messages.usage + "\n");
    return command ? 0 : 2;
  }
  const run = COMMANDS.get(command);
  if (!run) throw new InputError(messages.unknownCommand(command));
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
