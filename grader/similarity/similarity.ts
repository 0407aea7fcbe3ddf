/**
 * Which submissions look copied from each other. Each submission becomes a fingerprint (states
 * renamed by their place in the graph, formatting and key order gone, see fingerprint.ts); what the
 * starter or the reference solution already contain is removed from it, because every honest student
 * shares that. What remains is the student's own work: values, fields, comments they chose.
 *
 * Pairs are never formed by comparing every definition with every other: an index from each own-work
 * feature to the submissions that have it proposes the candidates, and only features rare in the class
 * (at most `max(10, √N)` submissions) propose any — a choice half the class made is a convention or a
 * common mistake, not evidence. A candidate pair's score is the weighted Jaccard similarity of their
 * own work, each feature weighted by how rare it is (ln((N+1)/df)). A pair is reported when the score
 * reaches the threshold and they share at least `minShared` features of their own work.
 */
import { fingerprint, type Fingerprint } from "./fingerprint.ts";

export interface SimilarityInput {
  /** The student (unique). */
  readonly id: string;
  readonly definition: unknown;
}

export interface SimilarityOptions {
  readonly starter?: unknown;
  readonly solution?: unknown;
  /** 0–1; default {@link DEFAULT_THRESHOLD}. */
  readonly threshold?: number;
  /** Own-work features two submissions must share; default {@link DEFAULT_MIN_SHARED}. */
  readonly minShared?: number;
}

export interface SharedFeature {
  /** The renamed feature, e.g. `Task Retry[0].IntervalSeconds = 5`. */
  readonly feature: string;
  /** Where each student wrote it: `State › path`. */
  readonly a: string;
  readonly b: string;
}

export interface SimilarPair {
  readonly a: string;
  readonly b: string;
  /** 0–1, two decimals. */
  readonly score: number;
  /** The same machine once renamed and reformatted (comments aside). */
  readonly identical: boolean;
  /** The same graph: state types and transitions. */
  readonly sameShape: boolean;
  readonly shared: number;
  /** Own-work features only in one of them. */
  readonly onlyA: number;
  readonly onlyB: number;
  /** The rarest shared features first (at most {@link MAX_EVIDENCE}). */
  readonly evidence: readonly SharedFeature[];
}

export interface SimilarityReport {
  readonly threshold: number;
  readonly minShared: number;
  readonly submissions: number;
  /** Pairs the index proposed and that were scored. */
  readonly candidates: number;
  /** Highest score first, then by student names. */
  readonly pairs: readonly SimilarPair[];
}

export const DEFAULT_THRESHOLD = 0.8;
export const DEFAULT_MIN_SHARED = 3;
export const MAX_EVIDENCE = 20;

interface Own {
  readonly id: string;
  readonly print: Fingerprint;
  /** Own-work feature ids (interned), sorted. */
  readonly features: readonly number[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function findSimilarPairs(
  inputs: readonly SimilarityInput[],
  options: SimilarityOptions = {},
): SimilarityReport {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const minShared = options.minShared ?? DEFAULT_MIN_SHARED;
  const common = new Set<string>();
  for (const shared of [options.starter, options.solution])
    if (shared !== undefined) for (const feature of fingerprint(shared).features.keys()) common.add(feature);

  const ids = new Map<string, number>();
  const names: string[] = [];
  const intern = (feature: string) => {
    let id = ids.get(feature);
    if (id === undefined) {
      id = names.length;
      ids.set(feature, id);
      names.push(feature);
    }
    return id;
  };
  const submissions: Own[] = [...inputs]
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .map(({ id, definition }) => {
      const print = fingerprint(definition);
      const features = [...print.features.keys()].filter((f) => !common.has(f)).map(intern);
      return { id, print, features: features.sort((a, b) => a - b) };
    });

  const postings: number[][] = names.map(() => []);
  submissions.forEach((submission, index) => submission.features.forEach((f) => postings[f]!.push(index)));
  const total = submissions.length;
  const weight = postings.map((list) => Math.log((total + 1) / list.length));
  const rareLimit = Math.max(10, Math.ceil(Math.sqrt(total)));

  const candidates = new Set<number>();
  for (const list of postings) {
    if (list.length < 2 || list.length > rareLimit) continue;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) candidates.add(list[i]! * total + list[j]!);
  }

  const pairs: SimilarPair[] = [];
  for (const code of candidates) {
    const a = submissions[Math.floor(code / total)]!;
    const b = submissions[code % total]!;
    const pair = scorePair(a, b, weight, names);
    if (pair.shared >= minShared && pair.score >= threshold) pairs.push(pair);
  }
  pairs.sort(
    (x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0),
  );
  return { threshold, minShared, submissions: total, candidates: candidates.size, pairs };
}

function scorePair(a: Own, b: Own, weight: readonly number[], names: readonly string[]): SimilarPair {
  const shared: number[] = [];
  let union = 0;
  let both = 0;
  let i = 0;
  let j = 0;
  while (i < a.features.length || j < b.features.length) {
    const x = a.features[i];
    const y = b.features[j];
    if (x !== undefined && (y === undefined || x < y)) {
      union += weight[x]!;
      i++;
    } else if (y !== undefined && (x === undefined || y < x)) {
      union += weight[y]!;
      j++;
    } else {
      shared.push(x!);
      union += weight[x!]!;
      both += weight[x!]!;
      i++;
      j++;
    }
  }
  const evidence = [...shared]
    .sort((p, q) => weight[q]! - weight[p]! || (names[p]! < names[q]! ? -1 : 1))
    .slice(0, MAX_EVIDENCE)
    .map((feature) => {
      const name = names[feature]!;
      return { feature: name, a: a.print.features.get(name) ?? "", b: b.print.features.get(name) ?? "" };
    });
  return {
    a: a.id,
    b: b.id,
    score: union === 0 ? 0 : round2(both / union),
    identical: a.print.fullKey === b.print.fullKey,
    sameShape: a.print.shapeKey === b.print.shapeKey,
    shared: shared.length,
    onlyA: a.features.length - shared.length,
    onlyB: b.features.length - shared.length,
    evidence,
  };
}
