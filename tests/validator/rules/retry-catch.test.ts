/** Retry and Catch: where States.ALL may appear. */
import { describe, expect, it } from "vitest";
import { machine, task, errors, schema } from "./helpers.ts";

describe("Retry and Catch", () => {
  it("States.ALL must be alone and in the last retrier/catcher", () => {
    const notAlone = machine({ A: task({ Retry: [{ ErrorEquals: ["States.ALL", "Lambda.Unknown"] }] }) });
    const notLast = machine({
      A: task({ Retry: [{ ErrorEquals: ["States.ALL"] }, { ErrorEquals: ["Lambda.Unknown"] }] }),
    });
    const right = machine({
      A: task({ Retry: [{ ErrorEquals: ["Lambda.Unknown"] }, { ErrorEquals: ["States.ALL"] }] }),
    });
    expect(schema(notAlone)).toEqual(["/States/A/Retry/0/ErrorEquals"]);
    expect(schema(notLast)).toEqual(["/States/A/Retry/0"]);
    expect(errors(right)).toEqual([]);
  });
});
