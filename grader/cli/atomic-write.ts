/** Writing an output file all at once: a reader (or a crash) never sees half a report. */
import { randomBytes } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { gradeMessages as g } from "./grade-messages.ts";
import { InputError } from "./load.ts";

/** Writes `content` to a temporary file beside `file`, then renames it over `file` (atomic on POSIX). */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const target = resolve(file);
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    writeFileSync(temporary, content, { flag: "wx", mode: 0o644 });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new InputError(g.cannotWrite(file, g.systemError((error as NodeJS.ErrnoException).code, true)));
  }
}

/** Writes to `--out FILE` atomically, or to standard output. */
export function emit(content: string, out: string | undefined): void {
  if (out) writeFileAtomic(out, content);
  else process.stdout.write(content);
}
