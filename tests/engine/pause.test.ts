/**
 * Durable executions (issue: "pause an execution after any event, serialize it to JSON, resume it in
 * another process with a history identical to an uninterrupted run"). For every event count N of
 * several AWS-documented workflows, an execution paused after N events shows exactly N events, and
 * the saved JSON resumed elsewhere ends with the very same history.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compileStateMachine,
  createMockResolver,
  Execution,
  parseMockConfig,
  type TaskResolver,
} from "../../grader/engine/index.ts";

const CASES = join(import.meta.dirname, "..", "conformance", "cases");
const EXAMPLES = join(import.meta.dirname, "..", "..", "exercises", "examples");

function read(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

interface Workflow {
  readonly name: string;
  readonly definition: unknown;
  readonly input: unknown;
  readonly resolver: () => TaskResolver | undefined;
  /** JSONata evaluations are asynchronous: there the pause may land a little after event N. */
  readonly exact: boolean;
}

function conformanceCase(name: string, exact = true): Workflow {
  const folder = join(CASES, name);
  const expected = read(join(folder, "expected.json")) as { testCase?: string };
  let resolver: () => TaskResolver | undefined = () => undefined;
  try {
    const config = parseMockConfig(read(join(folder, "mocks.json")));
    resolver = () => createMockResolver(config, { testCaseName: expected.testCase! });
  } catch {
    // no mocks.json: the workflow has no Task states
  }
  return {
    name,
    definition: read(join(folder, "definition.json")),
    input: read(join(folder, "input.json")),
    resolver,
    exact,
  };
}

const payments = parseMockConfig(read(join(EXAMPLES, "pagamento.mocks.json")));
const workflows: Workflow[] = [
  {
    name: "lesson payment example, caught after three retries",
    definition: read(join(EXAMPLES, "pagamento.asl.json")),
    input: read(join(EXAMPLES, "pedido.json")),
    resolver: () => createMockResolver(payments, { testCaseName: "SempreSobrecarregado" }),
    exact: true,
  },
  conformanceCase("parallel-branch-outputs-array"),
  conformanceCase("map-maxconcurrency-1-one-iteration-at-a-time"),
  conformanceCase("retry-complex-scenario-five-errors"),
  conformanceCase("wait-timestamppath-expirydate"),
  conformanceCase("jsonata-parallel-arguments-feed-branches-output-is-result"),
  conformanceCase("jsonata-catch-without-output-passes-error-output-and-assigns"),
  conformanceCase("jsonata-map-items-itemselector-assign-result-output"),
];

describe("pause after any event, save, resume elsewhere", () => {
  for (const workflow of workflows) {
    it(`${workflow.name}: identical history for every pause point`, async () => {
      const machine = compileStateMachine(workflow.definition);
      const full = await Execution.start(machine, workflow.input, {
        resolveTask: workflow.resolver(),
      }).settle();
      const history = JSON.stringify(full.events);
      for (let count = 1; count < full.events.length; count++) {
        const paused = Execution.start(machine, workflow.input, {
          resolveTask: workflow.resolver(),
          pauseAtEventCount: count,
        });
        const shown = await paused.settle();
        if (workflow.exact) expect(shown.events).toHaveLength(count);
        expect(JSON.stringify(shown.events)).toBe(JSON.stringify(full.events.slice(0, shown.events.length)));
        const saved = JSON.parse(JSON.stringify(paused.save()));
        const resumed = Execution.restore(machine, saved, { resolveTask: workflow.resolver() });
        const result = await resumed.settle();
        expect(JSON.stringify(result.events)).toBe(history);
        expect(result.output).toEqual(full.output);
      }
    });
  }
});
