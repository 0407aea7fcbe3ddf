/**
 * What a rule is. Like an ESLint rule, each one is a function over the definition with its metadata beside
 * it: the codes it can report and their severities. A rule is either AWS's (`aws`: what AWS itself reports
 * when it validates a definition, errors that reject it and AWS's own warnings) or our teaching advice
 * (`advice`: never an error, since AWS accepts the definition). The types keep the two apart: an advice
 * rule cannot declare an error-severity code, and a rule can only report the codes it declares.
 */
import type { Severity } from "../diagnostic.ts";
import type { SectionId } from "../messages.ts";
import type { Segment } from "../source.ts";
import type { DefinitionModel } from "./model.ts";

export type RuleKind = "aws" | "advice";

/** AWS rejects a definition with errors and accepts it with warnings; our advice is a warning or a note. */
export type SeverityOf<K extends RuleKind> = K extends "aws" ? "error" | "warning" : "warning" | "info";

/** Reports one diagnostic; `key` points at the field's name rather than its value. */
export type Report<C extends string> = (
  code: C,
  path: readonly Segment[],
  message: string,
  section: SectionId,
  key?: boolean,
) => void;

export interface Rule<K extends RuleKind = RuleKind, C extends string = string> {
  /** kebab-case, unique in the registry. */
  readonly name: string;
  readonly kind: K;
  /** One line: what the rule checks (English, for maintainers). */
  readonly description: string;
  /** Every code the rule can report, with the severity it is reported at. */
  readonly codes: { readonly [code in C]: SeverityOf<K> };
  check(model: DefinitionModel, report: Report<C>): void;
}

/** Identity at run time; at compile time it ties `codes`, `kind` and `report` together. */
export function defineRule<K extends RuleKind, C extends string>(rule: Rule<K, C>): Rule<K, C> {
  return rule;
}

export type AnyRule = Rule<"aws", string> | Rule<"advice", string>;

/** The severity a rule declared for a code (a rule reporting an undeclared code is a bug in the rule). */
export function severityOf(rule: AnyRule, code: string): Severity {
  const severity = (rule.codes as Record<string, Severity | undefined>)[code];
  if (severity === undefined) throw new Error(`rule ${rule.name} reported undeclared code ${code}`);
  return severity;
}
