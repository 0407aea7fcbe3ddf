/**
 * `partitura test-state`: AWS's TestState API offline. A TestState request (JSON or YAML, from a file or
 * standard input) in, TestState's response (JSON) out. As a convenience, JSON-valued fields (definition,
 * input, variables, context, mock.result) may be written as JSON values instead of JSON text.
 */
import { TEST_STATE_REQUEST_FIELDS, testState, TestStateError } from "../engine/index.ts";
import { parseCommandArgs } from "./command.ts";
import { InputError, readData } from "./load.ts";
import { testStateMessages as messages } from "./test-state-messages.ts";

const LEVELS = ["INFO", "DEBUG", "TRACE"];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A JSON value where the API wants JSON text becomes that text; anything else is left for TestState to judge. */
function asJsonText(value: unknown): unknown {
  return value === undefined || typeof value === "string" ? value : JSON.stringify(value);
}

function normalize(request: Record<string, unknown>): Record<string, unknown> {
  const normalized: Record<string, unknown> = { ...request };
  for (const field of ["definition", "input", "variables", "context"]) {
    if (field in normalized) normalized[field] = asJsonText(normalized[field]);
  }
  if (isObject(normalized.mock) && "result" in normalized.mock) {
    normalized.mock = { ...normalized.mock, result: asJsonText(normalized.mock.result) };
  }
  return normalized;
}

export async function testStateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    "inspection-level": { type: "string" },
    "state-name": { type: "string" },
  });
  const level = values["inspection-level"];
  if (level !== undefined && !LEVELS.includes(level)) throw new InputError(messages.badLevel(level));
  const file = positionals[0] ?? "-";
  if (file === "-" && process.stdin.isTTY) throw new InputError(messages.stdinIsTerminal);
  const data = readData(file);
  if (!isObject(data))
    throw new InputError(messages.requestNotObject(file === "-" ? "entrada padrão" : file));

  for (const field of Object.keys(data)) {
    if (!(TEST_STATE_REQUEST_FIELDS as readonly string[]).includes(field)) {
      process.stderr.write(messages.unknownField(field) + "\n");
    }
  }
  const request = normalize(data);
  if (level !== undefined) request.inspectionLevel = level;
  if (values["state-name"] !== undefined) request.stateName = values["state-name"];

  try {
    const response = await testState(request);
    process.stdout.write(JSON.stringify(response, null, 2) + "\n");
    return 0;
  } catch (error) {
    if (!(error instanceof TestStateError)) throw error;
    throw new InputError(
      error.exception
        ? messages.awsError(error.exception, error.message, error.explanation)
        : messages.offline(error.explanation),
    );
  }
}
