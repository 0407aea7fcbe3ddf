/** `partitura run`: execute one definition locally and report like the AWS console would. */
import { basename, extname } from "node:path";
import {
  compileStateMachine,
  createMockResolver,
  DefinitionError,
  Execution,
  MockConfigError,
  parseMockConfig,
  type ExecutionOptions,
} from "../engine/index.ts";
import { parseCommandArgs } from "./command.ts";
import { formatInspections, formatRun } from "./format-run.ts";
import { InputError, readData } from "./load.ts";
import { messages } from "./messages.ts";

export async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    input: { type: "string" },
    "mock-config": { type: "string" },
    "state-machine": { type: "string" },
    "test-case": { type: "string" },
    json: { type: "boolean", default: false },
    events: { type: "boolean", default: false },
    inspect: { type: "boolean", default: false },
    clock: { type: "string", default: "virtual" },
    express: { type: "boolean", default: false },
    seed: { type: "string" },
  });
  const definitionFile = positionals[0];
  if (!definitionFile) throw new InputError(messages.missingDefinition);
  if (values.clock !== "virtual" && values.clock !== "real")
    throw new InputError(messages.badClock(values.clock));
  if (values["test-case"] && !values["mock-config"]) throw new InputError(messages.testCaseNeedsMocks);
  if (values["mock-config"] && !values["test-case"]) throw new InputError(messages.mocksNeedTestCase);

  const definition = readData(definitionFile);
  let machine;
  try {
    machine = compileStateMachine(definition);
  } catch (error) {
    if (error instanceof DefinitionError) {
      throw new InputError(messages.definitionError(definitionFile, error.location, error.message));
    }
    throw error;
  }
  const input = values.input ? readData(values.input) : {};
  const options: ExecutionOptions = {
    clock: values.clock,
    type: values.express ? "EXPRESS" : "STANDARD",
    seed: values.seed,
    inspect: values.inspect,
    stateMachineName:
      values["state-machine"] ?? basename(definitionFile, extname(definitionFile)).replace(/\.asl$/, ""),
  };
  let resolveTask;
  if (values["mock-config"]) {
    const mockFile = values["mock-config"];
    try {
      const config = parseMockConfig(readData(mockFile));
      resolveTask = createMockResolver(config, {
        stateMachineName: values["state-machine"],
        testCaseName: values["test-case"]!,
      });
    } catch (error) {
      if (error instanceof MockConfigError)
        throw new InputError(messages.mockError(mockFile, error.pointer, error.message));
      throw error;
    }
  }
  let execution;
  try {
    execution = Execution.start(machine, input, { ...options, resolveTask });
  } catch (error) {
    if (error instanceof DefinitionError) {
      throw new InputError(messages.definitionError(definitionFile, error.location, error.message));
    }
    throw error;
  }
  const result = await execution.settle();
  if (values.json) {
    const { events, ...summary } = result;
    process.stdout.write(JSON.stringify(values.events ? { ...summary, events } : summary, null, 2) + "\n");
  } else {
    process.stdout.write(formatRun(result) + "\n");
    if (result.inspections) process.stdout.write("\n" + formatInspections(result.inspections) + "\n");
  }
  return result.status === "SUCCEEDED" ? 0 : 1;
}
