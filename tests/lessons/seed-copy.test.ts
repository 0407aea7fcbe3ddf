/** The repository keeps a verbatim copy of the lesson so tests run in any clone; it must not drift. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SHARED = join(import.meta.dirname, "..", "..", "..", "shared", "seed", "aula-14-step-functions.md");
const COPY = join(import.meta.dirname, "..", "..", "lessons", "_fonte", "aula-14-step-functions.md");

describe("lesson source copy", () => {
  it.runIf(existsSync(SHARED))("lessons/_fonte holds the shared seed byte for byte", () => {
    expect(readFileSync(COPY, "utf8")).toBe(readFileSync(SHARED, "utf8"));
  });
});
