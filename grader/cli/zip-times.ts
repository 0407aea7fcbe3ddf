/**
 * When each file of a zip was last modified, read from the zip's central directory (fflate does not
 * report it). An LMS download (Moodle, Canvas) stamps each entry with the submission's time: the
 * extended-timestamp extra field (0x5455) when present, in UTC; otherwise the MS-DOS date and time,
 * which carry no time zone and are read in the offset the caller gives (the deadline's).
 * Format: PKWARE's APPNOTE.TXT, sections 4.3.12 (central directory header), 4.3.16 (end of central
 * directory) and 4.5 (extra fields); 0x5455 from Info-ZIP's extrafld.txt.
 */
const END_SIGNATURE = 0x06054b50;
const HEADER_SIGNATURE = 0x02014b50;
const EXTENDED_TIMESTAMP = 0x5455;

function dosTime(date: number, time: number, offsetMinutes: number): Date {
  const utc = Date.UTC(
    1980 + (date >> 9),
    ((date >> 5) & 0x0f) - 1,
    date & 0x1f,
    time >> 11,
    (time >> 5) & 0x3f,
    (time & 0x1f) * 2,
  );
  return new Date(utc - offsetMinutes * 60_000);
}

/** Entry name → modification time. Empty when the zip's directory cannot be found (never throws). */
export function zipEntryTimes(zip: Uint8Array, offsetMinutes = 0): Map<string, Date> {
  const times = new Map<string, Date>();
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === END_SIGNATURE) {
      end = i;
      break;
    }
  if (end < 0) return times;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count && offset + 46 <= zip.length; n++) {
    if (view.getUint32(offset, true) !== HEADER_SIGNATURE) break;
    const time = view.getUint16(offset + 12, true);
    const date = view.getUint16(offset + 14, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = decoder.decode(zip.subarray(offset + 46, offset + 46 + nameLength));
    let modified = dosTime(date, time, offsetMinutes);
    let extra = offset + 46 + nameLength;
    const extraEnd = Math.min(extra + extraLength, zip.length);
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const size = view.getUint16(extra + 2, true);
      if (id === EXTENDED_TIMESTAMP && size >= 5 && (zip[extra + 4]! & 1) === 1)
        modified = new Date(view.getUint32(extra + 5, true) * 1000);
      extra += 4 + size;
    }
    times.set(name, modified);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return times;
}

/** `-03:00` → -180; `Z` → 0. */
export function offsetMinutesOf(isoDate: string): number {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(isoDate);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}
