/**
 * States.MathAdd and States.MathRandom (Java's 48-bit generator, as AWS runs it).
 */
import { type EvalContext, fail, roundedInteger } from "./evaluate.ts";

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;

// --- Math --------------------------------------------------------------------------------------------

export function statesMathAdd(args: unknown[], ctx: EvalContext): number {
  const a = roundedInteger(ctx, "States.MathAdd", args[0], 1);
  const b = roundedInteger(ctx, "States.MathAdd", args[1], 2);
  for (const [position, value] of [
    [1, a],
    [2, b],
  ] as const) {
    if (value < INT_MIN || value > INT_MAX) {
      fail(
        ctx,
        `Invalid arguments in States.MathAdd: argument ${position} (${value}) is outside the range ${INT_MIN} to ${INT_MAX}.`,
      );
    }
  }
  return a + b + 0;
}

export function statesMathRandom(args: unknown[], ctx: EvalContext): number {
  const start = roundedInteger(ctx, "States.MathRandom", args[0], 1);
  const end = roundedInteger(ctx, "States.MathRandom", args[1], 2);
  const bound = end - start;
  // AWS: start inclusive, end exclusive; so end must exceed start (inferred: a failure otherwise).
  if (bound <= 0 || bound > INT_MAX) {
    fail(
      ctx,
      `Invalid arguments in States.MathRandom: the end (${end}) must be greater than the start (${start}).`,
    );
  }
  if (args.length === 3) {
    const seed = roundedInteger(ctx, "States.MathRandom", args[2], 3);
    // Same seed → same number (documented). The generator is java.util.Random (inferred).
    return start + new JavaRandom(BigInt(seed)).nextInt(bound);
  }
  return start + Math.floor(ctx.env.random() * bound);
}

export const MASK_48 = (1n << 48n) - 1n;
export const MULTIPLIER = 0x5deece66dn;

/** java.util.Random's 48-bit linear congruential generator. */
export class JavaRandom {
  private seed: bigint;

  constructor(seed: bigint) {
    this.seed = (seed ^ MULTIPLIER) & MASK_48;
  }

  private next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + 0xbn) & MASK_48;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  nextInt(bound: number): number {
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; u = this.next(31));
    return r;
  }
}
