import { configDefaults, defineConfig } from "vitest/config";
import { SITE_TIMEOUTS } from "./tests/site/timeouts.ts";

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
        },
      },
      {
        // The browser tests: each file drives its own Chromium against one shared build of the site. They run
        // one file at a time (two Chromiums and a build on a 2-core machine starve each other), with waits
        // sized for a busy machine (see tests/site/timeouts.ts for the measured worst cases).
        extends: true,
        test: {
          name: "site",
          include: [SITE_TESTS],
          maxWorkers: 1,
          testTimeout: SITE_TIMEOUTS.test,
          hookTimeout: SITE_TIMEOUTS.hook,
          expect: { poll: { timeout: SITE_TIMEOUTS.wait } },
        },
      },
    ],
  },
});
