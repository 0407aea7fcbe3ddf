/** `partitura run`: execute one definition locally and report like the AWS console would. */
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
import { formatInspections, formatRun, jsonForDisplay } from "./format-run.ts";
import { localResources } from "../validator/iac.ts";
import { readStateMachines, validateSource, type MachineSource } from "../validator/index.ts";
import { messages as validatorMessages } from "../validator/messages.ts";
import { InputError, readData, readText, sourceError } from "./load.ts";
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

  const text = readText(definitionFile);
  const source = readMachine(text, definitionFile, values["state-machine"]);
  // `run` refuses what AWS refuses (and `validate` reports): duplicate state names, unknown fields, a
  // definition over 1 MB… — the engine alone would run some of them.
  const validated = validateSource(text, { fileName: definitionFile, express: values.express });
  const report = validated.stateMachines.find((machine) => machine.name === source.name);
  const errors = (report?.diagnostics ?? []).filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) {
    throw new InputError(
      errors
        .map((diagnostic) =>
          messages.definitionErrorAt(
            definitionFile,
            diagnostic.range?.start.line ?? 1,
            diagnostic.range?.start.column ?? 1,
            `${diagnostic.message} (em ${diagnostic.location})`,
          ),
        )
        .join("\n"),
    );
  }
  const definitionError = (error: DefinitionError) => {
    const at = source.locator.range(pointerToPath(source.definition, error.location))?.start;
    return new InputError(
      at
        ? messages.definitionErrorAt(definitionFile, at.line, at.column, error.message)
        : messages.definitionError(definitionFile, error.location, error.message),
    );
  };
  let machine;
  try {
    machine = compileStateMachine(source.definition);
  } catch (error) {
    if (error instanceof DefinitionError) throw definitionError(error);
    throw error;
  }
  const input = values.input ? readData(values.input) : {};
  const options: ExecutionOptions = {
    clock: values.clock,
    type: values.express || source.express ? "EXPRESS" : "STANDARD",
    seed: values.seed,
    inspect: values.inspect,
    stateMachineName: values["state-machine"] ?? source.name,
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
    if (error instanceof DefinitionError) throw definitionError(error);
    throw error;
  }
  const result = await execution.settle();
  if (values.json) {
    const { events, ...summary } = result;
    const full = jsonForDisplay(values.events ? { ...summary, events } : summary, 2);
    // Data too deep or long for JSON: the summary still goes out as JSON, the data as a note.
    const text =
      full === messages.unprintableData
        ? JSON.stringify({ ...summary, output: undefined, note: messages.unprintableData }, null, 2)
        : full;
    process.stdout.write(text + "\n");
  } else {
    process.stdout.write(formatRun(result) + "\n");
    if (result.inspections) process.stdout.write("\n" + formatInspections(result.inspections) + "\n");
  }
  return result.status === "SUCCEEDED" ? 0 : 1;
}

/**
 * The state machine to run: a plain ASL definition, or one of the machines of a serverless.yml /
 * SAM / CloudFormation template (read exactly as `validate` and `grade` read them). With several,
 * `--state-machine NAME` picks one; with one, `--state-machine` only names the execution (and the
 * mock file's machine), as before.
 */
function readMachine(
  text: string,
  file: string,
  wanted: string | undefined,
): MachineSource & { definition: unknown } {
  const found = readStateMachines(text, file);
  const fileError = sourceError(file, { diagnostics: found.fileDiagnostics });
  if (fileError) throw fileError;
  const names = found.machines.map((machine) => machine.name);
  let chosen = found.machines[0];
  if (found.machines.length > 1) {
    if (wanted === undefined) throw new InputError(messages.severalMachines(file, names));
    chosen = found.machines.find((machine) => machine.name === wanted);
    if (!chosen) throw new InputError(messages.unknownMachine(file, wanted, names));
  }
  if (!chosen) {
    // No machine, only notes (a DefinitionUri, a definition in S3…): the first one says where to look.
    const notes = found.fileDiagnostics.map((note) => ({ ...note, severity: "error" as const }));
    throw (
      sourceError(file, { diagnostics: notes }) ?? new InputError(messages.located(file, 1, 1, noMachine))
    );
  }
  const machineError = sourceError(file, chosen);
  if (machineError) throw machineError;
  if (chosen.iac) localResources(chosen.definition);
  return chosen;
}

/** A JSON pointer from the engine (`/States/P/Branches/0`) as a path, array indexes as numbers. */
const noMachine = validatorMessages.noStateMachine;

function pointerToPath(definition: unknown, pointer: string): (string | number)[] {
  const path: (string | number)[] = [];
  let node = definition;
  for (const segment of pointer.split("/").slice(1)) {
    if (segment === "") continue;
    const step = Array.isArray(node) && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(step);
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[step] : undefined;
  }
  return path;
}
