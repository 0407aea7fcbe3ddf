/** Similarity between submissions (browser-safe): fingerprints and the pairs that look copied. */
export { fingerprint, type Fingerprint } from "./fingerprint.ts";
export {
  findSimilarPairs,
  DEFAULT_MIN_SHARED,
  DEFAULT_THRESHOLD,
  type SharedFeature,
  type SimilarityInput,
  type SimilarityOptions,
  type SimilarityReport,
  type SimilarPair,
} from "./similarity.ts";
