/**
 * Conformance suite, in the spirit of XState's SCXML suite: every folder under
 * `tests/conformance/cases/` is one case taken from AWS's documentation or AWS's own published
 * examples (the URL is in its `expected.json`), never from running the engine.
 *
 * A case folder holds:
 * - `definition.json` — the state machine (ASL).
 * - `input.json` — the execution input.
 * - `mocks.json` (optional) — a Step Functions Local mock file with exactly one state machine; the
 *   test case named by `expected.testCase` answers the Task states.
 * - `options.json` (optional) — execution options the documented example depends on:
 *   `startTime`, `executionName`, `stateMachineName`, `region`, `accountId`.
 * - `expected.json` — `{ source, testCase?, status, output?, error?, cause?, stateTransitions?,
 *   durationSeconds?, eventTypes?, events? }`. `events` entries are partial history events matched by
 *   `index` (negative counts from the end); a JSON-text field (`input`, `output`, `parameters`) written
 *   as a non-string value in the expectation is compared after parsing the event's text. `note` (how
 *   the documented example was turned into a runnable case) is for readers only.
 *
 * Cases in `tests/conformance/pending/` are where the engine disagrees with AWS's docs (their
 * `expected.json` says, under `engine`, what the engine does instead). They are not run here; move a
 * case to `cases/` once the engine is fixed.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  createMockResolver,
  parseMockConfig,
  runExecution,
  type ExecutionOptions,
  type HistoryEvent,
} from "../../grader/engine/index.ts";

const CASES_DIR = fileURLToPath(new URL("../conformance/cases/", import.meta.url));

interface ExpectedEvent {
  readonly index: number;
  readonly [field: string]: unknown;
}

interface Expected {
  readonly source: string;
  readonly testCase?: string;
  readonly status: "SUCCEEDED" | "FAILED" | "TIMED_OUT";
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  readonly stateTransitions?: number;
  readonly durationSeconds?: number;
  readonly eventTypes?: readonly string[];
  readonly events?: readonly ExpectedEvent[];
}

type CaseOptions = Pick<
  ExecutionOptions,
  "startTime" | "executionName" | "stateMachineName" | "region" | "accountId"
>;

const JSON_TEXT_FIELDS = new Set(["input", "output", "parameters"]);

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A copy of `actual` in which every JSON-text field that the expectation writes as a parsed value
 * (object, array, number…) is parsed, so `toMatchObject` compares values rather than spacing.
 */
function decodeJsonText(actual: unknown, expected: unknown): unknown {
  if (!isObject(actual) || !isObject(expected)) return actual;
  const copy: Record<string, unknown> = { ...actual };
  for (const [key, want] of Object.entries(expected)) {
    const have = copy[key];
    if (JSON_TEXT_FIELDS.has(key) && typeof want !== "string" && typeof have === "string") {
      copy[key] = JSON.parse(have);
    } else {
      copy[key] = decodeJsonText(have, want);
    }
  }
  return copy;
}

function eventAt(events: readonly HistoryEvent[], index: number): HistoryEvent | undefined {
  return events[index < 0 ? events.length + index : index];
}

const caseNames = existsSync(CASES_DIR)
  ? readdirSync(CASES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
  : [];

describe("conformance with AWS's documented examples", () => {
  it("has cases to run", () => {
    expect(caseNames.length).toBeGreaterThan(0);
  });

  for (const name of caseNames) {
    const dir = join(CASES_DIR, name);
    const expected = readJson(join(dir, "expected.json")) as Expected;

    it(`${name} (${expected.source})`, async () => {
      const definition = readJson(join(dir, "definition.json"));
      const input = readJson(join(dir, "input.json"));
      const optionsFile = join(dir, "options.json");
      const caseOptions = existsSync(optionsFile) ? (readJson(optionsFile) as CaseOptions) : {};
      const mocksFile = join(dir, "mocks.json");
      let resolveTask: ExecutionOptions["resolveTask"];
      if (existsSync(mocksFile)) {
        if (expected.testCase === undefined) throw new Error(`${name}: mocks.json needs expected.testCase`);
        resolveTask = createMockResolver(parseMockConfig(readJson(mocksFile)), {
          testCaseName: expected.testCase,
        });
      }

      const result = await runExecution(definition, input, { ...caseOptions, resolveTask });

      expect(
        { status: result.status, error: result.error, cause: result.cause },
        "status (with the execution's error and cause)",
      ).toMatchObject({ status: expected.status });
      if ("output" in expected) expect(result.output, "output").toEqual(expected.output);
      if (expected.error !== undefined) expect(result.error, "error").toBe(expected.error);
      if (expected.cause !== undefined) expect(result.cause, "cause").toBe(expected.cause);
      if (expected.stateTransitions !== undefined) {
        expect(result.stateTransitions, "stateTransitions").toBe(expected.stateTransitions);
      }
      if (expected.durationSeconds !== undefined) {
        expect(result.stopDate, "stopDate").toBeDefined();
        const seconds = (Date.parse(result.stopDate!) - Date.parse(result.startDate)) / 1000;
        expect(seconds, "durationSeconds (stopDate - startDate)").toBe(expected.durationSeconds);
      }
      if (expected.eventTypes !== undefined) {
        expect(
          result.events.map((event) => event.type),
          "eventTypes",
        ).toEqual(expected.eventTypes);
      }
      for (const { index, ...partial } of expected.events ?? []) {
        const event = eventAt(result.events, index);
        expect(event, `event #${index}`).toBeDefined();
        expect(decodeJsonText(event, partial), `event #${index}`).toMatchObject(partial);
      }
    });
  }
});
