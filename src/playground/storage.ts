/**
 * Autosave: one versioned localStorage entry per playground (`partitura:playground:<id>:v1`), plus the
 * version that was replaced last (`…:v1:anterior`), so "Restaurar versão da lição" and opening a share link
 * can always be undone. Every access tolerates a disabled or full storage.
 */
import { courseStorage } from "../progress/keys.ts";
import type { PlaygroundState } from "./share.ts";

export const storageKey = (id: string) => `partitura:playground:${id}:v1`;
export const backupKey = (id: string) => `${storageKey(id)}:anterior`;

export interface SavedState extends PlaygroundState {
  readonly savedAt: string;
}

function isState(value: unknown): value is SavedState {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record["definition"] === "string" &&
    (record["format"] === "json" || record["format"] === "yaml") &&
    typeof record["input"] === "string" &&
    typeof record["mocks"] === "string" &&
    typeof record["testCase"] === "string" &&
    typeof record["express"] === "boolean"
  );
}

export function storageAvailable(): boolean {
  return courseStorage() !== undefined;
}

function read(key: string): SavedState | undefined {
  try {
    const text = localStorage.getItem(key);
    if (text === null) return undefined;
    const value: unknown = JSON.parse(text);
    return isState(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, state: PlaygroundState): string | undefined {
  const savedAt = new Date().toISOString();
  try {
    localStorage.setItem(key, JSON.stringify({ ...pick(state), savedAt }));
    return savedAt;
  } catch {
    return undefined;
  }
}

export const loadSaved = (id: string) => read(storageKey(id));
export const loadBackup = (id: string) => read(backupKey(id));
export const save = (id: string, state: PlaygroundState) => write(storageKey(id), state);
export const saveBackup = (id: string, state: PlaygroundState) => write(backupKey(id), state);

/** Only the state's own fields (drops savedAt and anything else). */
export function pick(state: PlaygroundState): PlaygroundState {
  return {
    definition: state.definition,
    format: state.format,
    input: state.input,
    mocks: state.mocks,
    testCase: state.testCase,
    express: state.express,
  };
}

export function sameState(a: PlaygroundState, b: PlaygroundState): boolean {
  return JSON.stringify(pick(a)) === JSON.stringify(pick(b));
}
