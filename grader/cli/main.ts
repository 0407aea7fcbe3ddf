/** The `partitura` command line. The only layer that touches Node-specific APIs. */
import { checkExercisesCommand, exercisesCommand } from "./exercises-command.ts";
import { gradeCommand } from "./grade-command.ts";
import { gradescopeCommand } from "./gradescope-command.ts";
import { InputError } from "./load.ts";
import { messages } from "./messages.ts";
import { quizCommand } from "./quiz-command.ts";
import { runCommand } from "./run-command.ts";
import { validateCommand } from "./validate-command.ts";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(messages.usage + "\n");
    return command ? 0 : 2;
  }
  if (command === "run") return runCommand(rest);
  if (command === "validate") return validateCommand(rest);
  if (command === "exercises") return exercisesCommand(rest);
  if (command === "check-exercises") return checkExercisesCommand(rest);
  if (command === "quiz") return quizCommand(rest);
  if (command === "grade") return gradeCommand(rest);
  if (command === "gradescope") return gradescopeCommand(rest);
  throw new InputError(messages.unknownCommand(command));
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
