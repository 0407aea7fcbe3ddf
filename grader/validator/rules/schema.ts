/** The compiled JSON Schema of ASL (scripts/build-validator-schema.ts), as diagnostics at AWS's locations. */
import type { QueryLanguage, StateType } from "../fields.ts";
import * as compiled from "../generated/asl-schema.js";
import type { SectionId } from "../messages.ts";
import { schemaDiagnostics, type SchemaError } from "../schema-errors.ts";
import type { Segment } from "../source.ts";
import type { Report } from "./rule.ts";

type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

const validators = compiled as unknown as Record<string, Validator>;

/** Validates `value` against the named schema and reports each problem as SCHEMA_VALIDATION_FAILED. */
export function checkSchema(
  report: Report<"SCHEMA_VALIDATION_FAILED">,
  name: string,
  value: unknown,
  path: Segment[],
  context: { type?: StateType; language?: QueryLanguage } = {},
): boolean {
  const validate = validators[name]!;
  if (validate(value)) return true;
  for (const d of schemaDiagnostics(validate.errors ?? [], path, value, context)) {
    report("SCHEMA_VALIDATION_FAILED", d.path, d.message, d.section as SectionId, d.key);
  }
  return false;
}
