/**
 * The scenario list of a Step Functions Local mock file, read without the engine (so the engine can load
 * only when the student runs a workflow): the test case names of its first state machine; [] when the text
 * is empty or not a mock file. The engine's parseMockConfig checks the whole file when it runs.
 */
export function testCasesOf(mocks: string): string[] {
  if (mocks.trim() === "") return [];
  try {
    const config: unknown = JSON.parse(mocks);
    const machines = isObject(config) ? config["StateMachines"] : undefined;
    const [machine] = isObject(machines) ? Object.values(machines) : [];
    const cases = isObject(machine) ? machine["TestCases"] : undefined;
    return isObject(cases) ? Object.keys(cases) : [];
  } catch {
    return [];
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
