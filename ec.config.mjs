// @ts-check
// Expressive Code (Starlight's code blocks), in its own file so the `<Code>` component of the lessons gets the
// same options: a plugin is a function, which astro.config.mjs cannot hand over to that component.
import { defineEcConfig } from "@astrojs/starlight/expressive-code";
import { codeRegionLabels } from "./src/site/scroll-regions.ts";

export default defineEcConfig({
  // Keep code blocks exactly as the lesson wrote them (e.g. the "# serverless.yml" comment line).
  frames: { extractFileNameFromCode: false },
  plugins: [codeRegionLabels()],
});
