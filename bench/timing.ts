/** What the benchmark scripts share: timing, the median of timed rounds, and the table's formatting. */

/** Starts a clock; the returned function gives the milliseconds since. */
export function stopwatch(): () => number {
  const start = performance.now();
  return () => performance.now() - start;
}

/**
 * The median of `rounds` samples, after two warm-up samples that are thrown away. A sample is whatever
 * `sample` returns: usually milliseconds it timed itself (so setup can stay outside the measurement).
 */
export async function medianOf(rounds: number, sample: () => number | Promise<number>): Promise<number> {
  await sample();
  await sample();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) samples.push(await sample());
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Milliseconds one call of `run` takes, awaited. */
export async function timed(run: () => unknown): Promise<number> {
  const elapsed = stopwatch();
  await run();
  return elapsed();
}

/** The first line of a benchmark's output: which Node, and when. */
export const benchHeader = () => `Node ${process.version} · ${new Date().toISOString()}`;

/** A whole number with thousands separators (1,234,567). */
export const formatCount = (value: number) => Math.round(value).toLocaleString("en-US");
export const pad = (text: string, width: number) => text.padEnd(width);
export const padLeft = (text: string, width: number) => text.padStart(width);
