/**
 * Step Functions prices used by the playground's cost estimate, in one place.
 * Source: https://aws.amazon.com/step-functions/pricing/ (US East (N. Virginia), consulted 2025).
 * The free tier (4,000 Standard transitions a month) is not subtracted: the estimate is per execution.
 */
export const PRICING_SOURCE_URL = "https://aws.amazon.com/step-functions/pricing/";

export const PRICING = {
  /** Standard workflows: USD per state transition (USD 0.025 per 1,000). */
  standardPerTransition: 0.025 / 1000,
  /** Express workflows: USD per request (USD 1.00 per million). */
  expressPerRequest: 1 / 1_000_000,
  /** Express workflows: USD per GB-second, first tier (up to 1,000 hours GB-s a month). */
  expressPerGbSecond: 0.00001667,
  /** Assumed memory of an Express execution (AWS bills the memory the execution uses, in 64 MB chunks). */
  expressMemoryMb: 64,
  /** Express duration is billed in 100 ms increments, rounded up. */
  expressBillingIncrementMs: 100,
} as const;

export interface CostEstimate {
  readonly standard: number;
  readonly express: number;
  readonly expressRequest: number;
  readonly expressDuration: number;
  /** Billed Express duration in ms (rounded up to 100 ms, at least 100 ms). */
  readonly billedMs: number;
}

/** Cost of one execution with `transitions` state transitions lasting `durationMs` (virtual time). */
export function estimateCost(transitions: number, durationMs: number): CostEstimate {
  const increment = PRICING.expressBillingIncrementMs;
  const billedMs = Math.max(increment, Math.ceil(Math.max(0, durationMs) / increment) * increment);
  const gbSeconds = (PRICING.expressMemoryMb / 1024) * (billedMs / 1000);
  const expressDuration = gbSeconds * PRICING.expressPerGbSecond;
  const expressRequest = PRICING.expressPerRequest;
  return {
    standard: transitions * PRICING.standardPerTransition,
    express: expressRequest + expressDuration,
    expressRequest,
    expressDuration,
    billedMs,
  };
}

/** "US$ 0,000150" — enough decimals for per-execution amounts, in pt-BR notation. */
export function formatUsd(value: number): string {
  const digits = value === 0 ? 2 : Math.min(10, Math.max(2, 2 - Math.floor(Math.log10(Math.abs(value))) + 2));
  return `US$ ${value.toLocaleString("pt-BR", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}
