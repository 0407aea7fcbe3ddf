import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { docsSchema } from "@astrojs/starlight/schema";

// Starlight's docs collection, read from the top-level lessons/ folder instead of src/content/docs/.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: "./lessons", pattern: "[^_]*.{md,mdx}" }),
    schema: docsSchema(),
  }),
};
