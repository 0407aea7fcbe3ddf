import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { i18nLoader } from "@astrojs/starlight/loaders";
import { docsSchema, i18nSchema } from "@astrojs/starlight/schema";

export const collections = {
  // Starlight's docs collection, read from the top-level lessons/ folder instead of src/content/docs/.
  docs: defineCollection({
    loader: glob({ base: "./lessons", pattern: "[^_]*.{md,mdx}" }),
    schema: docsSchema(),
  }),
  // Starlight UI strings its own pt-BR translation lacks (the search dialog's): src/content/i18n/pt-BR.json.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
