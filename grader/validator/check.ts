/**
 * Runs the rules (rules/registry.ts) over one definition and returns their Diagnostics with AWS's codes and
 * AWS's location format (`/States/<State>/<Field>`). Pure: no I/O, runs in a browser.
 */
import type { Diagnostic, Severity } from "./diagnostic.ts";
import { sections } from "./messages.ts";
import { buildModel } from "./rules/model.ts";
import { ADVICE_RULES, AWS_RULES } from "./rules/registry.ts";
import { severityOf } from "./rules/rule.ts";
import type { Locator, Segment } from "./source.ts";

export { MAX_NESTING_DEPTH } from "./rules/model.ts";
export { suggest } from "./rules/values.ts";

export interface CheckOptions {
  /** Validate as an Express workflow (no `.sync`, `.waitForTaskToken` or activities). */
  readonly express?: boolean;
  /** Where each value sits in the source; without it, ranges are null. */
  readonly locator?: Locator;
  /** The definition came from an IaC file: `${…}` / `#{…}` / `Fn::GetAtt` values are expected. */
  readonly iac?: boolean;
  /** Objects in which the source wrote a key twice (paths from the definition's root). */
  readonly duplicateKeys?: readonly { path: readonly Segment[]; key: string }[];
  /** Run the teaching lints too (default). Without them, only what AWS itself reports. */
  readonly advice?: boolean;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function checkDefinition(definition: unknown, options: CheckOptions = {}): Diagnostic[] {
  const model = buildModel(definition, {
    express: options.express ?? false,
    iac: options.iac ?? false,
    duplicateKeys: options.duplicateKeys ?? [],
  });
  const locator = options.locator;
  const diagnostics: Diagnostic[] = [];
  const rules = options.advice === false ? AWS_RULES : [...AWS_RULES, ...ADVICE_RULES];
  for (const rule of rules) {
    rule.check(model, (code, path, message, section, key = false) => {
      diagnostics.push({
        code,
        severity: severityOf(rule, code),
        location: "/" + path.join("/"),
        range: locator ? locator.range(path, key) : null,
        message,
        lessonSection: sections[section],
      });
    });
  }
  return diagnostics.sort(
    (a, b) =>
      (a.range?.start.offset ?? 0) - (b.range?.start.offset ?? 0) || RANK[a.severity] - RANK[b.severity],
  );
}
