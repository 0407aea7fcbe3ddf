/**
 * Share links: a playground's definition, input and scenario in the URL hash, deflated with fflate and
 * encoded as base64url (`#playground=<id>~<payload>`). Pure and browser-safe; unit-tested.
 */
import { strFromU8, strToU8, unzlibSync, zlibSync } from "fflate";

export interface PlaygroundState {
  readonly definition: string;
  readonly format: "json" | "yaml";
  readonly input: string;
  /** The Step Functions Local mock file, as text. */
  readonly mocks: string;
  /** The selected test case of the mock file ("" for none). */
  readonly testCase: string;
  readonly express: boolean;
}

export const HASH_KEY = "playground";

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeState(state: PlaygroundState): string {
  const json = JSON.stringify({
    v: 1,
    d: state.definition,
    f: state.format,
    i: state.input,
    m: state.mocks,
    t: state.testCase,
    x: state.express ? 1 : 0,
  });
  return toBase64Url(zlibSync(strToU8(json), { level: 9 }));
}

/** Decodes a payload; returns undefined for anything that is not a valid version-1 payload. */
export function decodeState(payload: string): PlaygroundState | undefined {
  try {
    const value: unknown = JSON.parse(strFromU8(unzlibSync(fromBase64Url(payload))));
    if (typeof value !== "object" || value === null) return undefined;
    const { v, d, f, i, m, t, x } = value as Record<string, unknown>;
    if (v !== 1 || typeof d !== "string" || typeof i !== "string" || typeof m !== "string") return undefined;
    return {
      definition: d,
      format: f === "yaml" ? "yaml" : "json",
      input: i,
      mocks: m,
      testCase: typeof t === "string" ? t : "",
      express: x === 1,
    };
  } catch {
    return undefined;
  }
}

/** `#playground=<id>~<payload>` */
export function shareHash(id: string, state: PlaygroundState): string {
  return `#${HASH_KEY}=${encodeURIComponent(id)}~${encodeState(state)}`;
}

/** Reads a share hash: the playground id and its state, or undefined. */
export function parseShareHash(hash: string): { id: string; state: PlaygroundState } | undefined {
  const match = /^#?playground=([^~]+)~([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match) return undefined;
  const state = decodeState(match[2]!);
  if (!state) return undefined;
  return { id: decodeURIComponent(match[1]!), state };
}
