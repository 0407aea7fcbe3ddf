/** The Step Functions service quotas the engine enforces, with AWS's values. */
export const MAX_PAYLOAD_BYTES = 262_144;
export const MAX_HISTORY_EVENTS = 25_000;
/** Inline Map runs at most this many iterations at once, as AWS documents for inline mode. */
export const INLINE_MAP_CONCURRENCY = 40;
/** A Distributed Map without MaxConcurrency runs up to 10,000 child executions at once. */
export const DISTRIBUTED_MAP_CONCURRENCY = 10_000;
export const STANDARD_MAX_SECONDS = 365 * 24 * 3600;
export const EXPRESS_MAX_SECONDS = 5 * 60;
