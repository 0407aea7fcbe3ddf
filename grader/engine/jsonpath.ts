/**
 * JSONPath as Step Functions evaluates it (AWS follows Jayway JsonPath): `$` (state data), `$$` (context
 * object) and `$name` (workflow variables).
 *
 * Every path is parsed once, by the hand-written parser in `jsonpath/`, into a list of steps; `compilePath` caches
 * the result by text. Nothing here ever calls `eval`, `new Function` or a regular expression at evaluation
 * time, so the engine runs unchanged under a strict Content-Security-Policy, and no path text can execute
 * code: anything outside the grammar is a `PathSyntaxError` at compile time.
 *
 * - Reference paths (`$.a.b`, `$['a b']`, `$.a[0]`, `$$.Execution.Id`, `$var.x`) compile into a flat array of
 *   keys walked by one loop (the hot path).
 * - The rest of JSONPath, where AWS allows it: wildcards (`.*`, `[*]`), slices (`[1:3]`, `[-1:]`), unions
 *   (`[0,1]`, `['a','b']`), deep scan (`..`), the `length()` function and filters (`[?(@.price > 10)]`).
 *   An indefinite path yields an array of matches (`[]` when nothing matched).
 *
 * Lookups read own properties only: `$.constructor`, `$.__proto__` or `$.toString` on a plain object are
 * absent, and a field named `__proto__` in the data is read (or written by ResultPath) as plain data.
 *
 * Why not jsonpath-plus: its path tokenizer is a chain of regular expressions that mis-reads legitimate
 * field names (`$['a]b']`, `$['a;b']`, `$['a^b']` match nothing) and string literals inside filters, and it
 * filters the members of an object where Jayway tests the object itself. Walking our own syntax tree is
 * simpler, exact, and leaves no script evaluator in the engine at all.
 *
 * Semantics taken from Jayway where AWS documents nothing (see the notes at each step):
 * - a filter tests array elements, or the object it is applied to; per the AWS docs, `@` only matches
 *   objects, never scalars (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html);
 * - a trailing union of names (`$['a','b']`) yields one object holding those fields, and counts as definite;
 * - a filter that names a missing field is false (`!=` is then true); comparisons never convert types.
 */
export { compilePath, isReferencePath } from "./jsonpath/compile.ts";
export { applyResultPath } from "./jsonpath/result-path.ts";
export { PathSyntaxError, type CompiledPath, type PathScope } from "./jsonpath/syntax.ts";
