/** Turns ajv's errors into the few diagnostics a person needs: one per problem, with the field and a fix. */
import {
  fieldOfOtherLanguage,
  FIELDS,
  typesWithField,
  type QueryLanguage,
  type StateType,
} from "./fields.ts";
import { messages as m, type SectionId } from "./messages.ts";
import type { Segment } from "./source.ts";

/** The subset of ajv's ErrorObject we read. */
export interface SchemaError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
  readonly schema?: unknown;
  readonly parentSchema?: Record<string, unknown>;
}

export interface SchemaDiagnostic {
  readonly path: Segment[];
  readonly message: string;
  readonly section: SectionId;
  /** Point at the key rather than the value (unknown fields). */
  readonly key: boolean;
}

interface Context {
  readonly type?: StateType;
  readonly language?: QueryLanguage;
}

function pointerSegments(pointer: string, value: unknown): Segment[] {
  if (pointer === "") return [];
  const segments: Segment[] = [];
  let current = value;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(current)) {
      const index = Number(segment);
      segments.push(index);
      current = current[index];
    } else {
      segments.push(segment);
      current =
        current && typeof current === "object" ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return segments;
}

function valueAt(root: unknown, segments: readonly Segment[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

const SECTION_BY_FIELD: Record<string, SectionId> = {
  Retry: "errors",
  Catch: "errors",
  ErrorEquals: "errors",
  IntervalSeconds: "errors",
  MaxAttempts: "errors",
  BackoffRate: "errors",
  MaxDelaySeconds: "errors",
  JitterStrategy: "errors",
  TimeoutSeconds: "errors",
  HeartbeatSeconds: "errors",
  Branches: "parallel",
  ItemProcessor: "parallel",
  Iterator: "parallel",
  ProcessorConfig: "parallel",
  MaxConcurrency: "parallel",
  Resource: "lambda",
  Next: "sequential",
  End: "sequential",
  StartAt: "sequential",
};

function sectionFor(path: readonly Segment[]): SectionId {
  for (let i = path.length - 1; i >= 0; i--) {
    const section = SECTION_BY_FIELD[String(path[i])];
    if (section) return section;
  }
  return "anatomy";
}

/**
 * `basePath` is where the validated object sits in the definition; `value` is that object.
 * `context` names the state type/language when the object is a state.
 */
export function schemaDiagnostics(
  errors: readonly SchemaError[],
  basePath: readonly Segment[],
  value: unknown,
  context: Context,
): SchemaDiagnostic[] {
  const out: SchemaDiagnostic[] = [];
  const required = new Map<string, { path: Segment[]; fields: string[] }>();
  for (const error of errors) {
    const relative = pointerSegments(error.instancePath, value);
    const path = [...basePath, ...relative];
    const field = relative.length > 0 ? String(relative[relative.length - 1]) : "";
    const actual = valueAt(value, relative);
    const isState = relative.length === 0 && context.type !== undefined;
    switch (error.keyword) {
      case "required": {
        const key = error.instancePath;
        const entry = required.get(key) ?? { path, fields: [] };
        entry.fields.push(String(error.params["missingProperty"]));
        required.set(key, entry);
        break;
      }
      case "additionalProperties": {
        const extra = String(error.params["additionalProperty"]);
        const extraPath = [...path, extra];
        let message: string;
        if (
          isState &&
          context.type &&
          context.language &&
          fieldOfOtherLanguage(context.type, context.language, extra)
        ) {
          message = m.fieldOfOtherLanguage(extra, context.language);
        } else if (isState && context.type) {
          const allowed = [...FIELDS[context.type].JSONPath, ...FIELDS[context.type].JSONata];
          const owners = typesWithField(extra);
          message = m.fieldNotInType(extra, context.type, allowed, owners);
        } else {
          const schema = error.parentSchema?.["properties"] as Record<string, unknown> | undefined;
          message = m.unknownField(extra, schema ? Object.keys(schema) : []);
        }
        out.push({ path: extraPath, message, section: sectionFor(extraPath), key: true });
        break;
      }
      case "type": {
        const expected = error.params["type"];
        out.push({
          path,
          message: m.wrongTypeOf(field, String(expected), actual),
          section: sectionFor(path),
          key: false,
        });
        break;
      }
      case "pattern":
        out.push({ path, message: m.jsonataOrNumber(field), section: sectionFor(path), key: false });
        break;
      case "enum":
        out.push({
          path,
          message: m.notInEnum(field, actual, (error.params["allowedValues"] as unknown[]) ?? []),
          section: sectionFor(path),
          key: false,
        });
        break;
      case "const":
        out.push({
          path,
          message: m.notInEnum(field, actual, [error.params["allowedValue"]]),
          section: sectionFor(path),
          key: false,
        });
        break;
      case "not":
        out.push({ path, message: m.emptyValue(field), section: sectionFor(path), key: false });
        break;
      case "minimum":
      case "maximum":
        out.push({
          path,
          message: m.outOfRange(field, actual, error.keyword, Number(error.params["limit"])),
          section: sectionFor(path),
          key: false,
        });
        break;
      case "minItems":
        out.push({ path, message: m.emptyArray(field), section: sectionFor(path), key: false });
        break;
      default:
        out.push({
          path,
          message: m.genericSchema(field, error.keyword),
          section: sectionFor(path),
          key: false,
        });
    }
  }
  for (const { path, fields } of required.values()) {
    out.push({ path, message: m.requiredFields(fields), section: sectionFor(path), key: false });
  }
  return out;
}
