/**
 * The array intrinsics: States.ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayUnique.
 */
import { type EvalContext, expectArray, fail, jsonEquals, roundedInteger } from "./evaluate.ts";

export const MAX_RANGE_ITEMS = 1000;

// --- Arrays ----------------------------------------------------------------------------------------

export function statesArrayPartition(args: unknown[], ctx: EvalContext): unknown[][] {
  const array = expectArray(ctx, "States.ArrayPartition", args[0]);
  const size = roundedInteger(ctx, "States.ArrayPartition", args[1], 2);
  if (size <= 0) {
    fail(
      ctx,
      `Invalid arguments in States.ArrayPartition: the chunk size must be a positive integer, got ${size}.`,
    );
  }
  const chunks: unknown[][] = [];
  for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size));
  return chunks;
}

export function statesArrayContains(args: unknown[], ctx: EvalContext): boolean {
  const array = expectArray(ctx, "States.ArrayContains", args[0]);
  return array.some((item) => jsonEquals(item, args[1]));
}

export function statesArrayRange(args: unknown[], ctx: EvalContext): number[] {
  const start = roundedInteger(ctx, "States.ArrayRange", args[0], 1);
  const end = roundedInteger(ctx, "States.ArrayRange", args[1], 2);
  const step = roundedInteger(ctx, "States.ArrayRange", args[2], 3);
  if (step === 0)
    fail(ctx, "Invalid arguments in States.ArrayRange: the step (argument 3) must not be zero.");
  // A step pointing away from the end yields no element (inferred).
  if ((step > 0 && start > end) || (step < 0 && start < end)) return [];
  const count = Math.floor((end - start) / step) + 1;
  if (count > MAX_RANGE_ITEMS) {
    fail(
      ctx,
      `Invalid arguments in States.ArrayRange: the array would have ${count} items; the maximum is ${MAX_RANGE_ITEMS}.`,
    );
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(start + i * step);
  return out;
}

export function statesArrayGetItem(args: unknown[], ctx: EvalContext): unknown {
  const array = expectArray(ctx, "States.ArrayGetItem", args[0]);
  const index = args[1];
  if (typeof index !== "number" || !Number.isInteger(index)) {
    fail(
      ctx,
      `Invalid arguments in States.ArrayGetItem: the index (argument 2) must be an integer, got ${JSON.stringify(index)}.`,
    );
  }
  if (index < 0 || index >= array.length) {
    fail(
      ctx,
      `Invalid arguments in States.ArrayGetItem: index ${index} is out of bounds for an array of length ${array.length}.`,
    );
  }
  return array[index];
}

export function statesArrayUnique(args: unknown[], ctx: EvalContext): unknown[] {
  const array = expectArray(ctx, "States.ArrayUnique", args[0]);
  const out: unknown[] = [];
  for (const item of array) if (!out.some((kept) => jsonEquals(kept, item))) out.push(item);
  return out;
}
