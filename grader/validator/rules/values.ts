/** Small facts about ASL values shared by the rules: what looks like a path, a template, a JSONata text. */
import { editDistance } from "../edit-distance.ts";

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** AWS's limits on state names, Map labels and variable names. */
export const MAX_NAME = 80;
export const MAX_LABEL = 40;

export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const TEMPLATED = /\$\{[^}]*\}|#\{[^}]*\}/g;

/** An IaC variable (`${aws:accountId}`, `#{AWS::Region}`, `${Funcao.Arn}`) inside a string. */
export const hasTemplate = (text: string) => /\$\{[^}]*\}|#\{[^}]*\}/.test(text);

/** U+0000–U+001F and U+007F–U+009F, which AWS forbids in names and labels. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

export function isJsonataText(text: string): boolean {
  return text.startsWith("{%") && text.endsWith("%}") && text.length >= 4;
}

export function looksLikePath(text: string): boolean {
  return (
    text === "$" || text === "$$" || text.startsWith("$.") || text.startsWith("$$.") || text.startsWith("$[")
  );
}

/** The closest name (case-insensitive, edit distance ≤ 2) for a "did you mean" hint. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance && distance * 2 < Math.min(name.length, candidate.length)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
