/** JSON text of engine values, as history events carry them, and the payload size quota. */
import { StatesError, StatesErrors } from "../errors.ts";
import { MAX_PAYLOAD_BYTES } from "./quotas.ts";

/** Whether a JSON text is over the payload quota (UTF-16 length × 3 bounds its UTF-8 size: skip the count). */
export function exceedsPayloadQuota(text: string): boolean {
  return text.length * 3 > MAX_PAYLOAD_BYTES && utf8Length(text) > MAX_PAYLOAD_BYTES;
}

export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      if (code < 0x800) bytes += 1;
      else if (code >= 0xd800 && code <= 0xdbff) {
        bytes += 2;
        i++;
      } else bytes += 2;
    }
  }
  return bytes;
}

export let lastSerialized: object | undefined;
export let lastSerializedText = "";

/**
 * JSON text of a value. The engine never mutates a value after building it, so the text of the last
 * object serialized is reused: a Task's input, parameters and output are often the same object.
 */
export function json(value: unknown): string {
  if (value === undefined) return "null";
  if (value !== null && typeof value === "object") {
    if (value === lastSerialized) return lastSerializedText;
    lastSerializedText = stringify(value);
    lastSerialized = value;
    return lastSerializedText;
  }
  return stringify(value);
}

/**
 * JSON.stringify, failing the state (States.Runtime) instead of throwing JavaScript's RangeError when
 * the data is nested deeper than it can recurse (a state that wraps its own input in a loop).
 */
function stringify(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new StatesError(
        StatesErrors.Runtime,
        "The state's data is nested too deeply to be written as JSON (does a loop wrap its own input?).",
      );
    }
    throw error;
  }
}

/** Forgets the cached text: called whenever code outside the engine (a caller, a resolver) has run. */
export function forgetSerialized(): void {
  lastSerialized = undefined;
}
