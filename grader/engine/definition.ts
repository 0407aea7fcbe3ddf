/**
 * Compiles an ASL definition into the model the interpreter runs: every path, template, Choice rule,
 * retrier and catcher is parsed once here, so executions do no parsing. Structural problems raise a
 * `DefinitionError` located with AWS's pointer format (`/States/<State>/<Field>`).
 */
export * from "./definition/model.ts";
export { compileStateMachine, MAX_SCOPE_DEPTH } from "./definition/compiler.ts";
