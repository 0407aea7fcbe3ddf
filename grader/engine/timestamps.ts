/**
 * RFC3339 timestamps as AWS reads them: Choice comparisons (Java's ISO parser: 1–9 fractional digits,
 * uppercase `T`, `Z` or a `±HH:MM` offset) and Wait's Timestamp/TimestampPath, which AWS refuses
 * without the `T`, without a zone, with an impossible date (a 13th month) or with more than three
 * fractional digits (recorded on AWS; see /work/shared/reference/asl-semantics.md b15 and
 * https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html).
 */

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
/** Shifts epoch seconds (years 0000–9999, any offset) to a non-negative 13-digit number. */
const EPOCH_BIAS = 1e12;

/** Whether `text` is a timestamp AWS accepts: RFC3339, uppercase `T` and `Z`, a real calendar date and time. */
export function isRfc3339Timestamp(text: string): boolean {
  return timestampKey(text) !== undefined;
}

/**
 * A string key for the instant an RFC3339 timestamp names: keys compare (`<`, `===`) exactly as the
 * instants do. `undefined` when the text is not a valid timestamp.
 */
export function timestampKey(text: string): string | undefined {
  const match = TIMESTAMP.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > monthDays) return undefined;
  let offsetSeconds = 0;
  if (match[8] !== undefined) {
    const offsetHours = Number(match[9]);
    const offsetMinutes = Number(match[10]);
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    offsetSeconds = (match[8] === "-" ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  }
  const epochSeconds =
    daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  const fraction = (match[7] ?? "").padEnd(9, "0");
  return String(epochSeconds + EPOCH_BIAS).padStart(13, "0") + fraction;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Epoch milliseconds a Wait Timestamp names (milliseconds truncated, as AWS does), or undefined. */
export function waitTimestampMillis(text: unknown): number | undefined {
  if (typeof text !== "string" || timestampKey(text) === undefined) return undefined;
  const fraction = TIMESTAMP.exec(text)![7];
  if (fraction !== undefined && fraction.length > 3) return undefined;
  return Math.floor(Date.parse(text) / 1000) * 1000;
}
