/**
 * A minimal zip writer for hostile fixtures, built at test time: each entry's deflated bytes are
 * written as given, so one compressed block can be repeated thousands of times (a zip bomb costs one
 * compression), and the sizes a header declares can lie.
 */
import { deflateSync } from "fflate";
import { crc32 } from "node:zlib";

export interface RawEntry {
  readonly name: string;
  /** Deflated data (method 8). */
  readonly deflated: Uint8Array;
  readonly crc: number;
  /** What the headers claim the file inflates to. */
  readonly declaredSize: number;
}

export function deflatedEntry(name: string, content: Uint8Array, declaredSize = content.length): RawEntry {
  return { name, deflated: deflateSync(content, { level: 9 }), crc: crc32(content), declaredSize };
}

export function writeZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(14, entry.crc, true);
    local.setUint32(18, entry.deflated.length, true);
    local.setUint32(22, entry.declaredSize, true);
    local.setUint16(26, name.length, true);
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(10, 8, true);
    header.setUint32(16, entry.crc, true);
    header.setUint32(20, entry.deflated.length, true);
    header.setUint32(24, entry.declaredSize, true);
    header.setUint16(28, name.length, true);
    header.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), name, entry.deflated);
    central.push(new Uint8Array(header.buffer), name);
    offset += 30 + name.length + entry.deflated.length;
  }
  const centralSize = central.reduce((total, part) => total + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of all) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
