/**
 * Share links: a playground's definition, input and scenario in the URL hash, deflated with fflate and
 * encoded as base64url (`#playground=<id>~<payload>`). Pure and browser-safe; unit-tested.
 */
import { strFromU8, strToU8, Unzlib, zlibSync } from "fflate";

/**
 * What a shared state may inflate to: a 1 MB definition (AWS's quota) with its input and mocks fits;
 * a crafted link that would inflate to gigabytes stops here, before it costs the tab its memory.
 */
export const MAX_SHARED_STATE_BYTES = 4 * 1024 * 1024;
/** A longer hash is not a link this site made (a 1 MB definition deflates to far less). */
const MAX_PAYLOAD_CHARS = 2 * 1024 * 1024;

/** zlib-inflates `bytes`, or undefined once the output passes `limit` (it stops inflating there). */
function inflateBounded(bytes: Uint8Array, limit: number): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  const inflater = new Unzlib((chunk) => {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    else chunks.push(chunk);
  });
  // Fed in slices, so the check runs while inflating rather than after.
  for (let i = 0; i < bytes.length && !tooLarge; i += 16 * 1024) {
    inflater.push(bytes.subarray(i, i + 16 * 1024), i + 16 * 1024 >= bytes.length);
  }
  if (tooLarge) return undefined;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

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

/**
 * Decodes a payload; returns undefined for anything that is not a valid version-1 payload, or that
 * would inflate past MAX_SHARED_STATE_BYTES.
 */
export function decodeState(payload: string): PlaygroundState | undefined {
  if (payload.length > MAX_PAYLOAD_CHARS) return undefined;
  try {
    const inflated = inflateBounded(fromBase64Url(payload), MAX_SHARED_STATE_BYTES);
    if (!inflated) return undefined;
    const value: unknown = JSON.parse(strFromU8(inflated));
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

/** Reads a share hash: the playground id and its state, or undefined (never throws: the page must mount). */
export function parseShareHash(hash: string): { id: string; state: PlaygroundState } | undefined {
  const match = /^#?playground=([^~]+)~([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(match[1]!);
  } catch {
    return undefined; // a malformed %-escape in the id
  }
  const state = decodeState(match[2]!);
  if (!state) return undefined;
  return { id, state };
}
