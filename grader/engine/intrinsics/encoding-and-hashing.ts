/**
 * States.Base64Encode, States.Base64Decode and States.Hash.
 */
import { md5, sha1 } from "@noble/hashes/legacy.js";
import { sha256, sha384, sha512 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { type EvalContext, checkCodecLength, expectString, fail } from "./evaluate.ts";

// --- Encoding and hashing ---------------------------------------------------------------------------

export const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function statesBase64Encode(args: unknown[], ctx: EvalContext): string {
  const text = expectString(ctx, "States.Base64Encode", args[0], 1);
  checkCodecLength(ctx, "States.Base64Encode", text);
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function statesBase64Decode(args: unknown[], ctx: EvalContext): string {
  const text = expectString(ctx, "States.Base64Decode", args[0], 1);
  checkCodecLength(ctx, "States.Base64Decode", text);
  const bytes = decodeBase64(text);
  if (!bytes) fail(ctx, "Invalid arguments in States.Base64Decode: the input is not a valid Base64 string.");
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

/** RFC 4648 basic alphabet; padding optional, as Java's Base64 decoder accepts. */
export function decodeBase64(text: string): Uint8Array | undefined {
  let end = text.length;
  let padding = 0;
  while (end > 0 && text[end - 1] === "=" && padding < 2) {
    end--;
    padding++;
  }
  if (padding > 0 && text.length % 4 !== 0) return undefined;
  if (end % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((end * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let out = 0;
  for (let i = 0; i < end; i++) {
    const sextet = BASE64_ALPHABET.indexOf(text[i]!);
    if (sextet < 0) return undefined;
    buffer = ((buffer << 6) | sextet) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** The digests States.Hash and JSONata's $hash accept, by AWS's algorithm names. */
export const HASH_ALGORITHMS: Readonly<Record<string, (data: Uint8Array) => Uint8Array>> = {
  MD5: (data) => md5(data),
  "SHA-1": (data) => sha1(data),
  "SHA-256": (data) => sha256(data),
  "SHA-384": (data) => sha384(data),
  "SHA-512": (data) => sha512(data),
};

export function statesHash(args: unknown[], ctx: EvalContext): string {
  const data = expectString(ctx, "States.Hash", args[0], 1);
  const algorithm = expectString(ctx, "States.Hash", args[1], 2);
  checkCodecLength(ctx, "States.Hash", data);
  const hash = Object.prototype.hasOwnProperty.call(HASH_ALGORITHMS, algorithm)
    ? HASH_ALGORITHMS[algorithm]
    : undefined;
  if (!hash) {
    fail(
      ctx,
      `Invalid arguments in States.Hash: unsupported algorithm '${algorithm}'; use one of ${Object.keys(HASH_ALGORITHMS).join(", ")}.`,
    );
  }
  return bytesToHex(hash(utf8ToBytes(data)));
}
