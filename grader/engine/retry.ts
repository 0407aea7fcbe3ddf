/**
 * Which retrier or catcher handles an error, and how long a retry waits — AWS's rules:
 * the first entry (in array order) whose ErrorEquals matches wins; `States.ALL` matches every error
 * except `States.Runtime` and `States.DataLimitExceeded`; `States.TaskFailed` matches every error
 * except those and `States.Timeout`.
 */
import { StatesErrors } from "./errors.ts";
import type { Catcher, Retrier } from "./definition.ts";

/** Errors that end the execution whatever the Retry and Catch fields say. */
export function isTerminalError(error: string): boolean {
  return error === StatesErrors.Runtime;
}

export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  if (isTerminalError(error)) return false;
  for (const name of errorEquals) {
    if (name === error) return true;
    if (error === StatesErrors.DataLimitExceeded) continue;
    if (name === StatesErrors.ALL) return true;
    if (
      name === StatesErrors.TaskFailed &&
      error !== StatesErrors.Timeout &&
      error !== StatesErrors.HeartbeatTimeout
    ) {
      return true;
    }
    if (name === StatesErrors.Timeout && error === StatesErrors.HeartbeatTimeout) return true;
  }
  return false;
}

export function findRetrier(retriers: readonly Retrier[], error: string): number {
  return retriers.findIndex((retrier) => errorMatches(retrier.errorEquals, error));
}

export function findCatcher(catchers: readonly Catcher[], error: string): number {
  return catchers.findIndex((catcher) => errorMatches(catcher.errorEquals, error));
}

/**
 * Seconds to wait before retry number `attempt` (0-based) of this retrier:
 * IntervalSeconds × BackoffRate^attempt, capped by MaxDelaySeconds, then drawn uniformly from
 * [0, delay) when JitterStrategy is FULL.
 */
export function backoffSeconds(retrier: Retrier, attempt: number, random: () => number): number {
  let delay = retrier.intervalSeconds * Math.pow(retrier.backoffRate, attempt);
  if (retrier.maxDelaySeconds !== undefined) delay = Math.min(delay, retrier.maxDelaySeconds);
  if (retrier.jitter === "FULL") delay = random() * delay;
  return delay;
}
