import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      ".astro/",
      "coverage/",
      "grader/validator/generated/",
      "grader/grading/generated/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ["bin/**", "bench/**", "*.js", "*.mjs"], languageOptions: { globals: globals.node } },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The engine, validator, grading core, reporters and quiz run unchanged in a browser: no Node built-ins there.
    files: [
      "grader/engine/**/*.ts",
      "grader/validator/**/*.ts",
      "grader/grading/**/*.ts",
      "grader/reports/**/*.ts",
      "grader/quiz/**/*.ts",
      "grader/graph/**/*.ts",
      "grader/similarity/**/*.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "child_process", "crypto", "url", "util"],
              message: "Este código roda no navegador: nada de APIs do Node aqui.",
            },
            {
              group: ["**/src/**"],
              message: "O corretor não importa o site (src/).",
            },
          ],
        },
      ],
    },
  },
);
