/** Small text helpers shared by every reporter (browser-safe). */

const collator = new Intl.Collator("pt-BR", { sensitivity: "variant", numeric: true });

/** Student order for every report: Portuguese alphabetical order, ties broken by code points. */
export function compareStudents(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Terminal width of a string: combining marks take no column, CJK/emoji take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0)!;
    if (/\p{Mn}|\p{Me}|\p{Cf}/u.test(char)) continue;
    width += code >= 0x1100 && /\p{Emoji_Presentation}|\p{Script=Han}|\p{Script=Hangul}/u.test(char) ? 2 : 1;
  }
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Renders rows as aligned columns; `right` lists the columns aligned to the right (numbers). */
export function alignColumns(
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number> = new Set(),
): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, index) =>
        right.has(index)
          ? padStart(cell, widths[index]!)
          : index === row.length - 1
            ? cell
            : padEnd(cell, widths[index]!),
      )
      .join("  ")
      .trimEnd(),
  );
}

/** Control characters (other than tab and newline) replaced, so a hostile name cannot drive a terminal. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD");
}

/** One line of a terminal table: newlines and tabs flattened. */
export function oneLine(text: string): string {
  return printable(text)
    .replace(/\s*\n\s*/g, " ⏎ ")
    .replace(/\t/g, " ");
}

/** Numbers as Brazilians read them: comma decimal, at most two places. */
export function formatNumber(value: number): string {
  return Number(value.toFixed(2)).toString().replace(".", ",");
}

/** RFC 4180: fields with comma, quote, CR or LF are quoted, quotes doubled, rows end in CRLF. */
export function csvField(value: string | number): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(Number(value.toFixed(4))) : "";
  // A cell starting with = + - @ would run as a formula in a spreadsheet: prefix it (OWASP advice).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  // Quoted also on ";" and tab: Excel in Portuguese splits CSV on ";", so `ana;=1+1` unquoted would
  // put `=1+1` in a cell of its own, as a formula.
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
