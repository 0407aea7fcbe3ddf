/**
 * The 18 intrinsic functions of JSONPath states (`"key.$": "States.Format('{}', $.name)"`), as AWS
 * Step Functions runs them. An expression is parsed once by a hand-written tokenizer into a small
 * tree (`compileIntrinsic`, intrinsics/syntax.ts) and evaluated against a `PathScope` as many times as
 * needed (intrinsics/evaluate.ts); each family of functions has its own module in intrinsics/.
 *
 * Sources: https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html (arguments,
 * limits, examples) and AWS-recorded executions (MathAdd rounding, Format's Java-style rendering,
 * StringToJson on blank strings, the cause of an argument path that matches nothing). Behaviour that
 * neither source pins down is marked "inferred" where it is implemented.
 *
 * Failures at run time:
 * - an argument path that matches nothing → `States.Runtime` (recorded AWS cause text);
 * - an unfinished escape (`\x`) inside a string literal → `States.Runtime` (the doc says "runtime error");
 * - any other bad argument (type, range, limit, arity of Format's placeholders) → `States.IntrinsicFailure`.
 */
import {
  statesArrayContains,
  statesArrayGetItem,
  statesArrayPartition,
  statesArrayRange,
  statesArrayUnique,
} from "./intrinsics/arrays.ts";
import { statesBase64Decode, statesBase64Encode, statesHash } from "./intrinsics/encoding-and-hashing.ts";
import { type FunctionSpec, evaluateNode, expectArray } from "./intrinsics/evaluate.ts";
import { statesMathAdd, statesMathRandom } from "./intrinsics/math.ts";
import {
  statesFormat,
  statesJsonMerge,
  statesStringSplit,
  statesStringToJson,
} from "./intrinsics/strings-and-json.ts";
import { PREFIX, Parser, isAlphaNumeric, isWhitespace } from "./intrinsics/syntax.ts";
import type { PathScope } from "./jsonpath.ts";

/** What an intrinsic needs from the outside world; both must be deterministic under test. */
export interface IntrinsicEnv {
  /** Seeded pseudo-random number in [0, 1). */
  random(): number;
  /** A version 4 UUID. */
  uuid(): string;
}

export interface CompiledIntrinsic {
  readonly text: string;
  evaluate(scope: PathScope, env: IntrinsicEnv): unknown;
}

// ---------------------------------------------------------------------------------------------
// Function table

export const FUNCTIONS = {
  "States.Format": { min: 1, max: Infinity, run: statesFormat },
  "States.StringToJson": { min: 1, max: 1, run: statesStringToJson },
  "States.JsonToString": { min: 1, max: 1, run: (args) => JSON.stringify(args[0]) },
  "States.Array": { min: 0, max: Infinity, run: (args) => args },
  "States.ArrayPartition": { min: 2, max: 2, run: statesArrayPartition },
  "States.ArrayContains": { min: 2, max: 2, run: statesArrayContains },
  "States.ArrayRange": { min: 3, max: 3, run: statesArrayRange },
  "States.ArrayGetItem": { min: 2, max: 2, run: statesArrayGetItem },
  "States.ArrayLength": {
    min: 1,
    max: 1,
    run: (args, ctx) => expectArray(ctx, "States.ArrayLength", args[0]).length,
  },
  "States.ArrayUnique": { min: 1, max: 1, run: statesArrayUnique },
  "States.Base64Encode": { min: 1, max: 1, run: statesBase64Encode },
  "States.Base64Decode": { min: 1, max: 1, run: statesBase64Decode },
  "States.Hash": { min: 2, max: 2, run: statesHash },
  "States.JsonMerge": { min: 3, max: 3, run: statesJsonMerge },
  "States.MathRandom": { min: 2, max: 3, run: statesMathRandom },
  "States.MathAdd": { min: 2, max: 2, run: statesMathAdd },
  "States.StringSplit": { min: 2, max: 2, run: statesStringSplit },
  "States.UUID": { min: 0, max: 0, run: (_args, ctx) => ctx.env.uuid() },
} satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTIONS;

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

// ---------------------------------------------------------------------------------------------
// Public API

/** True when `text` starts like an intrinsic call: `States.<Name>(` (whitespace allowed before `(`). */
export function isIntrinsicCall(text: string): boolean {
  if (!text.startsWith(PREFIX)) return false;
  let i = PREFIX.length;
  while (i < text.length && isAlphaNumeric(text.charCodeAt(i))) i++;
  if (i === PREFIX.length) return false;
  while (i < text.length && isWhitespace(text[i])) i++;
  return text[i] === "(";
}

/**
 * Parses an intrinsic call once. Throws `DefinitionError` for a syntax error, an unknown function,
 * a wrong number of arguments, an invalid argument path or more than 10 calls in the expression.
 */
export function compileIntrinsic(text: string, location = "/"): CompiledIntrinsic {
  const root = new Parser(text, location).parse();
  return {
    text,
    evaluate(scope: PathScope, env: IntrinsicEnv): unknown {
      return evaluateNode(root, { text, scope, env });
    },
  };
}
