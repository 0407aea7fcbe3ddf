import { configDefaults, defineConfig } from "vitest/config";
import { TIMEOUTS } from "./tests/timeouts.ts";

const SITE_TESTS = "tests/site/**/*.test.ts";

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: [...configDefaults.exclude, SITE_TESTS],
          // Many tests spawn the CLI or compute a lot: vitest's 5 s default fails them on a busy machine.
          testTimeout: TIMEOUTS.unit.test,
          hookTimeout: TIMEOUTS.unit.hook,
        },
      },
      {
        // The browser tests: each file drives its own Chromium against one shared build of the site. They run
        // one file at a time (two Chromiums and a build on a 2-core machine starve each other), with waits
        // sized for a busy machine (see tests/timeouts.ts for the measured worst cases).
        extends: true,
        test: {
          name: "site",
          include: [SITE_TESTS],
          maxWorkers: 1,
          testTimeout: TIMEOUTS.site.test,
          hookTimeout: TIMEOUTS.site.hook,
          expect: { poll: { timeout: TIMEOUTS.wait } },
        },
      },
    ],
  },
});
