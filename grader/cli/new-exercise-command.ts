/** `partitura new-exercise <slug> [--root PASTA]`: scaffolds exercises/<slug>/ from a working template. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { authoringMessages as m } from "./authoring-messages.ts";
import { parseCommandArgs } from "./command.ts";
import { EXERCISES_ROOT } from "./exercise-loader.ts";
import { exerciseTemplate } from "./exercise-template.ts";
import { InputError } from "./load.ts";

export function newExerciseCommand(args: string[]): number {
  const { values, positionals } = parseCommandArgs(args, { root: { type: "string" } });
  const slug = positionals[0];
  if (!slug) throw new InputError(m.missingSlug);
  if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(slug) || positionals.length > 1)
    throw new InputError(m.badSlug(positionals.join(" ")));
  const folder = join(values.root ?? EXERCISES_ROOT, slug);
  if (existsSync(folder)) throw new InputError(m.exists(folder));
  const files = exerciseTemplate(slug);
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text, { flag: "wx" });
  process.stdout.write(m.created(folder, Object.keys(files)) + "\n");
  return 0;
}
