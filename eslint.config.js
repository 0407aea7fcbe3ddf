import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", ".astro/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ["bin/**", "bench/**", "*.js", "*.mjs"], languageOptions: { globals: globals.node } },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The engine must run unchanged in a browser: no Node built-ins below grader/engine.
    files: ["grader/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "child_process", "crypto", "url", "util"],
              message: "O motor roda no navegador: nada de APIs do Node aqui.",
            },
          ],
        },
      ],
    },
  },
);
