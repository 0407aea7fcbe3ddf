/**
 * How long tests may take, sized for a busy 2-core machine (CI's, or one shared with other work); used by
 * vitest.config.ts for its projects, and by the browser tests' harness for the waits in a page.
 *
 * Measured worst cases, machine at load average 25–38 on 2 cores (`npx vitest run tests/site`,
 * `npx vitest run --project unit`); on a quiet machine the same tests take a tenth of that or less:
 * - browser tests: 123 s (an exercise graded in the browser and by the CLI, every exercise), 79 s (every
 *   lesson page's title and errors), most under 40 s; one Playwright wait up to ~20 s;
 * - CLI tests (each spawns `partitura` several times): over 66 s (`grade --out`, cut by its old 60 s limit),
 *   49 s, 27 s; engine and validator tests up to 6.5 s (over vitest's 5 s default).
 * The limits leave a wide margin over those; a test that really hangs still fails, in minutes.
 */
export const TIMEOUTS = {
  /** Unit and CLI tests: one test, one hook. */
  unit: { test: 180_000, hook: 180_000 },
  /** Browser tests: one test; a hook (`beforeAll` builds the site, shared by the run's files, and launches Chromium). */
  site: { test: 300_000, hook: 600_000 },
  /** One wait for a condition in a page: Playwright's waitFor*, locator actions, expect.poll. */
  wait: 90_000,
} as const;
