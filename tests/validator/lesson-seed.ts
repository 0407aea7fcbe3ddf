/** Where the tests read the lesson: beside the repository (shared/), or the site's verbatim copy of it. */
import { existsSync } from "node:fs";
import { join } from "node:path";

const SHARED_SEED = join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "shared",
  "seed",
  "aula-14-step-functions.md",
);

/** tests/lessons/seed-copy.test.ts keeps the copy equal to the shared seed. */
export const SEED = existsSync(SHARED_SEED)
  ? SHARED_SEED
  : join(import.meta.dirname, "..", "..", "lessons", "_fonte", "aula-14-step-functions.md");
