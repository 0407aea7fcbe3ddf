/**
 * What the mocked call answers: the mock's result or error, and for a Map whose failed iterations
 * (`stateConfiguration.mapIterationFailureCount`) pass its ToleratedFailureCount or
 * ToleratedFailurePercentage, States.ExceedToleratedFailureThreshold — as the enhanced TestState API
 * does (https://aws.amazon.com/blogs/compute/testing-step-functions-workflows-a-guide-to-the-enhanced-teststate-api/).
 * A Map without a tolerance fails on its first failed iteration with that iteration's own error, which
 * the mock's errorOutput stands for.
 */
import type { CompiledState, MapState } from "../definition.ts";
import { StatesErrors } from "../errors.ts";
import type { PathScope } from "../jsonpath.ts";
import type { TaskOutcome } from "../task-resolver.ts";
import type { ParsedRequest } from "./request.ts";

/** AWS's cause when a Map's failed iterations pass its tolerance (as AWS words it). */
const THRESHOLD_CAUSE = "The specified tolerated failure threshold was exceeded";

const scope = (data: unknown): PathScope => ({ data, context: undefined, variables: {} });

/** How many items the Map iterates: what its InputPath and ItemsPath select, else the mocked result's length. */
function itemCount(map: MapState, input: unknown, mocked: unknown): number {
  if (!map.jsonata) {
    const effective =
      map.inputPath === null ? {} : map.inputPath ? map.inputPath.select(scope(input)) : input;
    const items = map.itemsPath ? map.itemsPath.select(scope(effective)) : effective;
    if (Array.isArray(items)) return items.length;
  }
  return Array.isArray(mocked) ? mocked.length : 0;
}

function exceedsTolerance(map: MapState, failures: number, items: number): boolean {
  const count = map.toleratedFailureCount;
  const percentage = map.toleratedFailurePercentage;
  if (count !== undefined && failures > count) return true;
  return percentage !== undefined && items > 0 && (failures / items) * 100 > percentage;
}

export function mockOutcome(request: ParsedRequest, state: CompiledState): TaskOutcome {
  const mock = request.mock!;
  if (mock.kind === "error") return { kind: "failure", error: mock.error ?? "", cause: mock.cause };
  const failures = request.mapIterationFailureCount;
  if (state.type === "Map" && failures !== undefined) {
    if (exceedsTolerance(state, failures, itemCount(state, request.input, mock.value))) {
      return { kind: "failure", error: StatesErrors.ExceedToleratedFailureThreshold, cause: THRESHOLD_CAUSE };
    }
  }
  return { kind: "success", output: mock.value };
}
