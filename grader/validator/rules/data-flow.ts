/**
 * Data-flow fields (AWS's rules): every JSONPath, reference path and ResultPath; every `.$` value (a path or
 * a valid intrinsic call); AWS's warnings for a path written where a literal is read (NO_DOLLAR,
 * PASS_RESULT_IS_STATIC).
 */
import { messages as m } from "../messages.ts";
import type { Segment } from "../source.ts";
import { readIntrinsic, readPath } from "./expressions.ts";
import { defineRule } from "./rule.ts";
import { isObject } from "./values.ts";

export const pathsAndTemplates = defineRule({
  name: "paths-and-templates",
  kind: "aws",
  description:
    "Paths parse and have the form their field needs; `.$` keys hold a path or a valid intrinsic call.",
  codes: { SCHEMA_VALIDATION_FAILED: "error", NO_DOLLAR: "warning" },
  check(model, report) {
    for (const site of model.sites) {
      switch (site.kind) {
        case "path":
        case "intrinsic": {
          const { problem } = site.kind === "path" ? readPath(site, model.options.iac) : readIntrinsic(site);
          if (problem) report("SCHEMA_VALIDATION_FAILED", site.path, problem.message, problem.section);
          break;
        }
        case "dollar-key-value":
          report("SCHEMA_VALIDATION_FAILED", site.path, m.dollarKeyNeedsPath(site.key), "intro");
          break;
        case "literal-path":
          report("NO_DOLLAR", site.path, m.noDollar(site.key, site.text), "intro", true);
          break;
        default:
          break;
      }
    }
  },
});

export const passResultIsStatic = defineRule({
  name: "pass-result-is-static",
  kind: "aws",
  description: "A `.$` key inside a JSONPath Pass state's Result is not evaluated.",
  codes: { PASS_RESULT_IS_STATIC: "warning" },
  check(model, report) {
    for (const { state, path, type, language } of model.states) {
      if (type !== "Pass" || language !== "JSONPath" || state["Result"] === undefined) continue;
      walkKeys(state["Result"], [...path, "Result"], (key, keyPath) => {
        if (key.endsWith(".$"))
          report("PASS_RESULT_IS_STATIC", keyPath, m.passResultIsStatic(key), "anatomy", true);
      });
    }
  },
});

function walkKeys(value: unknown, path: Segment[], visit: (key: string, path: Segment[]) => void): void {
  if (Array.isArray(value)) value.forEach((item, i) => walkKeys(item, [...path, i], visit));
  else if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      visit(key, [...path, key]);
      walkKeys(inner, [...path, key], visit);
    }
  }
}
