/**
 * `partitura check-exercises SLUG --watch`: runs the self-check, then again every time a file of the
 * exercise changes (saved from any editor), until Ctrl+C. Each run prints the same located errors the
 * command prints once; a burst of saves (editors write temp files, then rename) gives one run.
 */
import { watch, type FSWatcher } from "node:fs";
import { relative } from "node:path";
import { EXERCISES_ROOT, exerciseDir } from "./exercise-loader.ts";
import { authoringMessages as m } from "./authoring-messages.ts";

const SETTLE_MS = 150;

export async function watchCheckExercises(
  args: readonly string[],
  check: (args: readonly string[]) => Promise<number>,
): Promise<number> {
  const rootAt = args.indexOf("--root");
  const root = rootAt >= 0 ? (args[rootAt + 1] ?? EXERCISES_ROOT) : EXERCISES_ROOT;
  const slugs = args.filter((arg, i) => !arg.startsWith("-") && args[i - 1] !== "--root");
  const folders = slugs.length > 0 ? slugs.map((slug) => exerciseDir(slug, root)) : [root];

  let running = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rerun = (changed?: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        if (changed)
          process.stdout.write("\n" + m.watchChanged(changed, new Date().toLocaleTimeString("pt-BR")) + "\n");
        await check(args);
        process.stdout.write(m.watchWaiting + "\n");
      });
    }, SETTLE_MS);
  };
  const watchers: FSWatcher[] = folders.map((folder) =>
    watch(folder, { recursive: true }, (_event, file) =>
      rerun(file ? relative(process.cwd(), `${folder}/${file}`) : folder),
    ),
  );
  rerun();
  return new Promise((resolve) => {
    process.once("SIGINT", () => {
      watchers.forEach((watcher) => watcher.close());
      clearTimeout(timer);
      resolve(0);
    });
  });
}
