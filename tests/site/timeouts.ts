/**
 * How long the browser tests wait, sized for a busy 2-core machine (CI's, or one shared with other work).
 *
 * Measured worst cases (`npx vitest run tests/site`, machine at load average 25–38 on 2 cores):
 * - the slowest test that passed took 35 s (playground: every lesson example runs), several others 20–30 s;
 *   a single Playwright wait (a page's island ready, a grading) took up to ~20 s.
 * - on a quiet machine the same tests take 1–8 s.
 * The limits below leave a wide margin over those; a test that really hangs still fails, in minutes.
 */
export const SITE_TIMEOUTS = {
  /** One test (`it`). */
  test: 300_000,
  /** A hook: `beforeAll` builds the site (shared by the run's files) and launches Chromium. */
  hook: 600_000,
  /** One wait for a condition in the page: Playwright's waitFor*, locator actions, expect.poll. */
  wait: 90_000,
} as const;
