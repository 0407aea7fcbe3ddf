/**
 * A Distributed Map's ItemReader and ItemBatcher, as pure functions: turning what the (mocked) S3
 * read returned into items, and grouping items into batches. The read itself is a task request the
 * interpreter sends to the task resolver, answered by the mock of the Map state.
 *
 * Sources: https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html and
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html
 */
import type { ItemReader } from "./definition.ts";
import { StatesError, StatesErrors } from "./errors.ts";

function readerFailed(cause: string): never {
  throw new StatesError(StatesErrors.ItemReaderFailed, cause);
}

/**
 * Rows of a CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF). Written here rather than
 * taken from csv-parse because the engine runs in browsers and csv-parse needs Node's Buffer.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === '"' && text[i + 1] === '"') {
      // AWS reads a doubled quote inside an unquoted field as one quote too ({""MyKey"":1} → {"MyKey":1}).
      field += '"';
      i++;
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      row.push(field);
      field = "";
      rows.push(row);
      row = [];
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (quoted) readerFailed("The CSV file has a quoted field that is never closed.");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => !(cells.length === 1 && cells[0] === ""));
}

function csvItems(reader: ItemReader, body: unknown): Array<Record<string, string>> {
  if (typeof body !== "string") readerFailed("The CSV object must be text.");
  const rows = parseCsv(body, reader.csvDelimiter);
  let headers: readonly string[];
  if (reader.csvHeaderLocation === "GIVEN") {
    if (!reader.csvHeaders) readerFailed("CSVHeaderLocation is GIVEN but no CSVHeaders were provided.");
    headers = reader.csvHeaders;
  } else {
    const first = rows.shift();
    if (!first) return [];
    headers = first;
  }
  return rows.map((cells) => {
    const item: Record<string, string> = {};
    headers.forEach((header, index) => {
      Object.defineProperty(item, header, {
        value: cells[index] ?? "",
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
    return item;
  });
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return readerFailed(
      `The ${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * An S3 listing entry as the Map's items show it: `Etag` (not S3's `ETag`) and `LastModified` in
 * epoch seconds, as in AWS's ItemReader example.
 */
function listedObject(entry: unknown): unknown {
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return entry;
  const { ETag, LastModified, ...rest } = entry as Record<string, unknown>;
  const item: Record<string, unknown> = { ...rest };
  if (ETag !== undefined && !("Etag" in item)) item.Etag = ETag;
  if (typeof LastModified === "string" && !Number.isNaN(Date.parse(LastModified))) {
    item.LastModified = Math.floor(Date.parse(LastModified) / 1000);
  } else if (LastModified !== undefined) item.LastModified = LastModified;
  return item;
}

/** The items a reader yields from the read's result, before MaxItems. */
export function itemsFromRead(reader: ItemReader, body: unknown): unknown[] {
  switch (reader.inputType) {
    case "LIST": {
      const contents = (body as { Contents?: unknown } | null)?.Contents;
      const listed = Array.isArray(body) ? body : contents;
      if (!Array.isArray(listed)) readerFailed("The ListObjectsV2 response has no Contents list.");
      return listed.map(listedObject);
    }
    case "CSV":
      return csvItems(reader, body);
    case "JSONL": {
      if (Array.isArray(body)) return body;
      if (typeof body !== "string") readerFailed("The JSONL object must be text.");
      return body
        .split(/\r?\n/)
        .filter((line) => line.trim() !== "")
        .map((line, index) => parseJson(line, `line ${index + 1} of the JSONL object`));
    }
    case "JSON":
    case "MANIFEST": {
      const value = typeof body === "string" ? parseJson(body, "JSON object") : body;
      if (!Array.isArray(value)) readerFailed("The JSON object must contain an array of items.");
      return value;
    }
  }
}

export interface BatchLimits {
  readonly maxItems?: number;
  readonly maxBytes?: number;
  readonly batchInput?: unknown;
}

function byteLength(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/**
 * Groups items into child inputs `{ "BatchInput": …, "Items": [...] }`: at most `maxItems` items and
 * at most `maxBytes` bytes of JSON per batch (a single larger item still gets its own batch).
 */
export function batchItems(items: readonly unknown[], limits: BatchLimits): unknown[] {
  const batches: unknown[][] = [];
  let current: unknown[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = limits.maxBytes === undefined ? 0 : byteLength(item) + 1;
    const full =
      current.length > 0 &&
      ((limits.maxItems !== undefined && current.length >= limits.maxItems) ||
        (limits.maxBytes !== undefined && bytes + size > limits.maxBytes));
    if (full) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches.map((batch) =>
    limits.batchInput === undefined ? { Items: batch } : { BatchInput: limits.batchInput, Items: batch },
  );
}
