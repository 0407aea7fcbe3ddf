/**
 * Finding the students' submissions in what an instructor hands to `partitura grade`: a folder with one
 * file per student, a folder per student, or the `.zip` an LMS downloads (Moodle's
 * `Nome_123_assignsubmission_file_/` folders and Canvas's `nome_123_456_arquivo.json` files are
 * recognised). Every problem with one student's files becomes that student's error entry; nothing
 * here throws for a single bad submission.
 */
import { decodeSource } from "../validator/index.ts";
import { messages as validatorMessages } from "../validator/messages.ts";
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent } from "node:fs";
import { basename, extname, join } from "node:path";
import { Unzip, UnzipInflate } from "fflate";
import { gradeMessages as g } from "./grade-messages.ts";
import { InputError } from "./load.ts";
import { zipEntryTimes } from "./zip-times.ts";

/** AWS accepts definitions up to 1 MB; a submission file above 1 MiB is refused unread. */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;
/** A zip bigger than this is not a class's submissions. */
const MAX_ZIP_BYTES = 512 * 1024 * 1024;
const MAX_ENTRIES = 20_000;
/**
 * The data files of one folder or zip, once read (inflated): far above a class (3,000 students of a
 * few KB each is about 10 MB), far below what would exhaust the grader's memory.
 */
export const MAX_INFLATED_BYTES = 128 * 1024 * 1024;
const ZIP_CHUNK_BYTES = 1024 * 1024;
const MAX_DEPTH = 6;
const DATA_EXTENSIONS = new Set([".json", ".yaml", ".yml"]);

/** Who the LMS says the student is, from its download's names (the gradebook CSVs need it). */
export interface LmsIdentity {
  /** Moodle: the participant id of `Nome_123_assignsubmission_file_`; Canvas: the user id of `nome_123_456_arq`. */
  readonly kind: "moodle" | "canvas";
  readonly id: string;
}

/** When a file was handed in: its modification time on disk, or the time its LMS zip entry carries. */
export interface SubmittedTime {
  readonly at: Date;
  readonly source: "file" | "zip";
}

export type DiscoveredSubmission =
  | {
      readonly kind: "file";
      readonly student: string;
      readonly fileName: string;
      readonly text: string;
      readonly submitted?: SubmittedTime;
      readonly lms?: LmsIdentity;
    }
  | { readonly kind: "error"; readonly student: string; readonly fileName?: string; readonly reason: string };

/** One file found in a folder or a zip: path relative to the root (forward slashes). */
interface Entry {
  readonly path: string;
  readonly size: number;
  read(): Uint8Array;
  /** Set for a student folder that could not be listed: the reason, in Portuguese. */
  readonly unreadable?: string;
  readonly submitted?: SubmittedTime;
}

/** A Node file-system error's code ("EACCES"); undefined for other errors (fflate's codes are numbers). */
const errnoCode = (error: unknown) => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
};

/** Files nobody submitted on purpose: OS metadata, hidden files, the instructor's notes. */
function isJunk(name: string): boolean {
  const base = name.split("/").at(-1) ?? name;
  return (
    base.startsWith(".") ||
    base.startsWith("~$") ||
    /^(thumbs\.db|desktop\.ini|readme(\.[a-z]+)?)$/i.test(base) ||
    name.split("/").some((part) => part === "__MACOSX" || part.startsWith("."))
  );
}

function folderEntries(root: string): Entry[] {
  const entries: Entry[] = [];
  let total = 0;
  const readCounted = (full: string) => {
    const data = readFileSync(full);
    total += data.length;
    if (total > MAX_INFLATED_BYTES) throw new InputError(g.folderTooLarge(root, MAX_INFLATED_BYTES));
    return data;
  };
  const walk = (folder: string, prefix: string, depth: number) => {
    let children: Dirent[];
    try {
      children = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      const reason = g.systemError(errnoCode(error));
      // The folder handed to `grade` itself: nothing to grade. A student's folder: that student's error.
      if (prefix === "") throw new InputError(g.cannotReadPath(folder, reason));
      entries.push({ path: prefix, size: 0, read: () => new Uint8Array(), unreadable: reason });
      return;
    }
    for (const child of children) {
      const path = prefix + child.name;
      const full = join(folder, child.name);
      if (isJunk(path)) continue;
      if (child.isDirectory()) {
        if (depth < MAX_DEPTH) walk(full, `${path}/`, depth + 1);
      } else if (child.isFile()) {
        if (entries.length >= MAX_ENTRIES) throw new InputError(g.tooManyFiles(root, MAX_ENTRIES));
        let size = 0;
        let submitted: SubmittedTime | undefined;
        try {
          const stats = statSync(full);
          size = stats.size;
          submitted = { at: stats.mtime, source: "file" };
        } catch {
          // Reported when the file is read.
        }
        entries.push({ path, size, read: () => readCounted(full), ...(submitted ? { submitted } : {}) });
      }
    }
  };
  walk(root, "", 0);
  return entries;
}

/** Whether a file found in a folder or zip may be graded, so is worth reading (or inflating). */
function isDataFile(path: string): boolean {
  return DATA_EXTENSIONS.has(extname(path).toLowerCase()) && !PROJECT_FILES.test(basename(path));
}

/**
 * The zip's files, streamed from disk and inflated one at a time: only data files are inflated, a
 * file stops inflating past the per-file limit (whatever size its header declares), and the whole zip
 * is refused once its inflated data files pass MAX_INFLATED_BYTES.
 */
function zipEntries(file: string, zipOffsetMinutes: number): Entry[] {
  const size = statSync(file).size;
  if (size > MAX_ZIP_BYTES) throw new InputError(g.zipTooLarge(file, size, MAX_ZIP_BYTES));
  const entries: Entry[] = [];
  let inflated = 0;
  const times = zipTimes(file, zipOffsetMinutes);
  const unzip = new Unzip((stream) => {
    if (stream.name.endsWith("/") || isJunk(stream.name)) return;
    if (entries.length >= MAX_ENTRIES) throw new InputError(g.tooManyFiles(file, MAX_ENTRIES));
    const path = stream.name.replace(/\\/g, "/").replace(/^\/+/, "");
    const declared = stream.originalSize ?? 0;
    if (!isDataFile(path) || declared > MAX_SUBMISSION_BYTES) {
      // Never inflated: not gradable, or too large (it becomes an error row) — a zip bomb stays shut.
      entries.push({
        path,
        size: declared,
        read: () => new Uint8Array(),
        ...submittedAt(times, stream.name),
      });
      return;
    }
    const chunks: Uint8Array[] = [];
    const entry = { path, size: 0, read: () => concat(chunks), ...submittedAt(times, stream.name) };
    entries.push(entry);
    stream.ondata = (error, chunk) => {
      if (error) throw error;
      if (entry.size > MAX_SUBMISSION_BYTES) return;
      entry.size += chunk.length;
      inflated += chunk.length;
      if (inflated > MAX_INFLATED_BYTES) throw new InputError(g.zipInflatesTooMuch(file, MAX_INFLATED_BYTES));
      if (entry.size > MAX_SUBMISSION_BYTES) chunks.length = 0;
      else chunks.push(chunk);
    };
    stream.start();
  });
  unzip.register(UnzipInflate);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, "r");
    const buffer = new Uint8Array(ZIP_CHUNK_BYTES);
    const head = buffer.subarray(0, 4);
    if (
      readSync(descriptor, head, 0, 4, 0) < 4 ||
      !ZIP_SIGNATURES.some((signature) => sameBytes(head, signature))
    )
      throw new InputError(g.badZip(file, g.zipProblem(13)));
    for (let offset = 0; offset < size;) {
      const read = readSync(descriptor, buffer, 0, buffer.length, offset);
      if (read === 0) break;
      offset += read;
      unzip.push(buffer.slice(0, read), offset >= size);
    }
    if (size === 0) unzip.push(new Uint8Array(), true);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = errnoCode(error);
    if (code) throw new InputError(g.cannotReadPath(file, g.systemError(code)));
    throw new InputError(g.badZip(file, g.zipProblem((error as { code?: number } | undefined)?.code)));
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
  return entries;
}

/** A zip starts with a file's local header, or is empty (just the end of the central directory). */
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

function sameBytes(bytes: Uint8Array, expected: readonly number[]): boolean {
  return expected.every((byte, index) => bytes[index] === byte);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** When each zip entry was stored (the late policy reads it); none when the zip's directory is unreadable. */
function zipTimes(file: string, zipOffsetMinutes: number): ReadonlyMap<string, Date> {
  try {
    return zipEntryTimes(readFileSync(file), zipOffsetMinutes);
  } catch {
    return new Map();
  }
}

function submittedAt(times: ReadonlyMap<string, Date>, name: string): { submitted?: SubmittedTime } {
  const at = times.get(name);
  return at ? { submitted: { at, source: "zip" } } : {};
}

/** Project files an instructor may keep beside the submissions; never a state machine. */
const PROJECT_FILES = /^(package(-lock)?|tsconfig|jsconfig|composer|deno|bun)\.json$/i;

/**
 * A file at the top of the submissions that is not a student's: the instructor's `notas.csv`, a
 * `package.json`. A top-level submission is a .json/.yaml/.yml file; a Canvas-named file
 * (`nome_123_456_arquivo.pdf`) stays, so the student learns the format was wrong.
 */
function notASubmission(name: string): boolean {
  if (PROJECT_FILES.test(name)) return true;
  return !DATA_EXTENSIONS.has(extname(name).toLowerCase()) && !/^[^_]+(?:_late)?_\d+_\d+_.+$/i.test(name);
}

/** A student as the LMS names them: the name shown, and the LMS's id when the name carries one. */
interface StudentName {
  readonly name: string;
  readonly id?: string;
}

/** The LMS id in a Moodle folder name or a Canvas file name; undefined for other names. */
function lmsIdentity(top: string, isFolder: boolean): LmsIdentity | undefined {
  const moodle = isFolder ? /^.+?_(\d+)_assignsubmission_[a-z]+_?$/i.exec(top) : null;
  if (moodle) return { kind: "moodle", id: moodle[1]! };
  const canvas = isFolder ? null : /^[^_]+(?:_late)?_(\d+)_\d+_.+$/i.exec(top);
  return canvas ? { kind: "canvas", id: canvas[1]! } : undefined;
}

/** Moodle: `Maria Silva_123456_assignsubmission_file_` → `Maria Silva` (id 123456). */
function studentFromFolder(folder: string): StudentName {
  const moodle = /^(.+?)_(\d+)_assignsubmission_[a-z]+_?$/i.exec(folder);
  return moodle ? { name: moodle[1]!, id: moodle[2]! } : { name: folder };
}

/** `ana.asl.json` → `ana`; Canvas `silvaana_123_456_pagamento.json` (or `_LATE_`) → `silvaana` (id 123). */
function studentFromFile(file: string): StudentName {
  const canvas = /^([^_]+)(?:_late)?_(\d+)_\d+_.+$/i.exec(file);
  if (canvas) return { name: canvas[1]!, id: canvas[2]! };
  return { name: file.replace(/(\.asl)?\.(json|ya?ml)$/i, "").replace(/\.[^.]+$/, "") };
}

/**
 * The report `partitura grade --format json` writes: saved inside the submissions folder by an earlier
 * run (`--out`), it is not a student.
 */
function isGradingReport(entry: Entry): boolean {
  if (extname(entry.path).toLowerCase() !== ".json" || entry.size > MAX_SUBMISSION_BYTES) return false;
  let text: string;
  try {
    text = new TextDecoder().decode(entry.read());
  } catch (error) {
    if (error instanceof InputError) throw error;
    return false;
  }
  if (!text.includes('"includesHidden"')) return false;
  try {
    const value = JSON.parse(text) as Record<string, unknown> | null;
    return (
      value !== null &&
      typeof value === "object" &&
      typeof value.exercise === "string" &&
      typeof value.includesHidden === "boolean" &&
      Array.isArray(value.submissions)
    );
  } catch {
    return false;
  }
}

function decode(entry: Entry, student: string, fileName: string): DiscoveredSubmission {
  if (entry.size > MAX_SUBMISSION_BYTES)
    return { kind: "error", student, fileName, reason: g.tooLarge(entry.size, MAX_SUBMISSION_BYTES) };
  let bytes: Uint8Array;
  try {
    bytes = entry.read();
  } catch (error) {
    if (error instanceof InputError) throw error;
    return { kind: "error", student, fileName, reason: g.unreadableFile(g.systemError(errnoCode(error))) };
  }
  if (bytes.length > MAX_SUBMISSION_BYTES)
    return { kind: "error", student, fileName, reason: g.tooLarge(bytes.length, MAX_SUBMISSION_BYTES) };
  const decoded = decodeSource(bytes, { fatal: true });
  if (!decoded.ok && decoded.encoding === "utf-16")
    return { kind: "error", student, fileName, reason: validatorMessages.utf16File };
  if (bytes.includes(0)) return { kind: "error", student, fileName, reason: g.binaryFile };
  if (!decoded.ok) return { kind: "error", student, fileName, reason: g.notUtf8 };
  const text = decoded.text;
  const hostile = screenText(text);
  if (hostile) return { kind: "error", student, fileName, reason: hostile };
  return {
    kind: "file",
    student,
    fileName,
    text,
    ...(entry.submitted ? { submitted: entry.submitted } : {}),
  };
}

/**
 * `__proto__` only appears in prototype-pollution attacks, never in ASL or IaC. The grader treats it
 * as plain data anyway; refusing it up front gives the student a clear, located reason.
 */
export function screenText(text: string): string | undefined {
  const match = /(["']?)__proto__\1\s*:/.exec(text);
  if (!match) return undefined;
  return g.forbiddenKey("__proto__", text.slice(0, match.index).split("\n").length);
}

/** Among a student's files, the one to grade: the only data file, or the only `*.asl.*` one. */
function pick(
  student: string,
  entries: readonly Entry[],
  display: (path: string) => string,
): DiscoveredSubmission {
  const data = entries.filter(
    (entry) =>
      DATA_EXTENSIONS.has(extname(entry.path).toLowerCase()) && !PROJECT_FILES.test(basename(entry.path)),
  );
  const unreadable = entries.find((entry) => entry.unreadable !== undefined);
  if (data.length === 0 && unreadable?.unreadable !== undefined)
    return { kind: "error", student, reason: g.unreadableFolder(unreadable.unreadable) };
  if (data.length === 0) {
    const names = entries.map((entry) => basename(entry.path));
    return { kind: "error", student, reason: names.length ? g.unsupportedFiles(names) : g.emptyFolder };
  }
  let chosen = data;
  if (chosen.length > 1) {
    const asl = chosen.filter((entry) => /\.asl\.(json|ya?ml)$/i.test(entry.path));
    if (asl.length > 0) chosen = asl;
  }
  if (chosen.length > 1)
    return {
      kind: "error",
      student,
      reason: g.ambiguousFiles(chosen.map((entry) => basename(entry.path)).sort()),
    };
  const entry = chosen[0]!;
  return decode(entry, student, display(entry.path));
}

function group(entries: readonly Entry[], display: (path: string) => string): DiscoveredSubmission[] {
  // A zip (or folder) holding one folder that holds everything: look inside it.
  const tops = new Set(entries.map((entry) => entry.path.split("/")[0]));
  const [onlyTop] = tops;
  if (
    tops.size === 1 &&
    onlyTop !== undefined &&
    entries.every((entry) => entry.path.includes("/")) &&
    (entries.length > 1 || entries.some((entry) => entry.path.split("/").length > 2))
  ) {
    const inner = entries.map((entry) => ({ ...entry, path: entry.path.slice(onlyTop.length + 1) }));
    return group(inner, (path) => display(`${onlyTop}/${path}`));
  }
  const students = new Map<string, { readonly student: StudentName; readonly files: Entry[] }>();
  for (const entry of entries) {
    const [top = "", ...rest] = entry.path.split("/");
    if (rest.length === 0 && (notASubmission(top) || isGradingReport(entry))) continue;
    const student = rest.length > 0 ? studentFromFolder(top) : studentFromFile(top);
    const key = JSON.stringify([student.name, student.id ?? ""]);
    const found = students.get(key) ?? { student, files: [] };
    found.files.push(entry);
    students.set(key, found);
  }
  // Two students with the same name and different LMS ids stay two rows: the id tells them apart.
  const idsByName = new Map<string, number>();
  for (const { student } of students.values())
    idsByName.set(student.name, (idsByName.get(student.name) ?? 0) + 1);
  return [...students.values()].map(({ student, files }) => {
    const shown =
      (idsByName.get(student.name) ?? 0) > 1 && student.id !== undefined
        ? `${student.name} (${student.id})`
        : student.name;
    const picked = pick(shown, files, display);
    const top = files[0]?.path.split("/")[0] ?? "";
    const lms = picked.kind === "file" ? lmsIdentity(top, files[0]!.path.includes("/")) : undefined;
    return lms && picked.kind === "file" ? { ...picked, lms } : picked;
  });
}

export interface DiscoverOptions {
  /** Treat everything found as ONE student's submission (Gradescope, a single file). */
  readonly student?: string;
  /** UTC offset (minutes) to read a zip entry's MS-DOS time in (it has no zone); the deadline's. */
  readonly zipOffsetMinutes?: number;
}

/** The submissions at `path` (folder, `.zip` or single file), one entry per student. */
export function discoverSubmissions(path: string, options: DiscoverOptions = {}): DiscoveredSubmission[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new InputError(g.notFound(path));
  }
  let entries: Entry[];
  if (stats.isDirectory()) {
    entries = folderEntries(path);
  } else if (extname(path).toLowerCase() === ".zip") {
    entries = zipEntries(path, options.zipOffsetMinutes ?? 0);
  } else {
    const name = basename(path);
    const student = options.student ?? studentFromFile(name).name;
    if (!DATA_EXTENSIONS.has(extname(name).toLowerCase()))
      return [{ kind: "error", student, fileName: name, reason: g.unsupportedFiles([name]) }];
    const submitted = { at: stats.mtime, source: "file" as const };
    return [
      decode({ path: name, size: stats.size, read: () => readFileSync(path), submitted }, student, name),
    ];
  }
  const display = (relative: string) => relative;
  if (options.student !== undefined) return [pick(options.student, entries, display)];
  if (entries.length === 0) throw new InputError(g.noSubmissions(path));
  return group(entries, display);
}
