/**
 * Finding the students' submissions in what an instructor hands to `partitura grade`: a folder with one
 * file per student, a folder per student, or the `.zip` an LMS downloads (Moodle's
 * `Nome_123_assignsubmission_file_/` folders and Canvas's `nome_123_456_arquivo.json` files are
 * recognised). Every problem with one student's files becomes that student's error entry; nothing
 * here throws for a single bad submission.
 */
import { decodeSource } from "../validator/index.ts";
import { messages as validatorMessages } from "../validator/messages.ts";
import { readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { basename, extname, join } from "node:path";
import { unzipSync } from "fflate";
import { gradeMessages as g } from "./grade-messages.ts";
import { InputError } from "./load.ts";
import { zipEntryTimes } from "./zip-times.ts";

/** AWS accepts definitions up to 1 MB; a submission file above 1 MiB is refused unread. */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;
/** A zip bigger than this is not a class's submissions. */
const MAX_ZIP_BYTES = 512 * 1024 * 1024;
const MAX_ENTRIES = 20_000;
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
        entries.push({ path, size, read: () => readFileSync(full), ...(submitted ? { submitted } : {}) });
      }
    }
  };
  walk(root, "", 0);
  return entries;
}

function zipEntries(file: string, zipOffsetMinutes: number): Entry[] {
  const size = statSync(file).size;
  if (size > MAX_ZIP_BYTES) throw new InputError(g.zipTooLarge(file, size, MAX_ZIP_BYTES));
  const sizes = new Map<string, number>();
  let files: Record<string, Uint8Array>;
  let times = new Map<string, Date>();
  try {
    const zip = readFileSync(file);
    times = zipEntryTimes(zip, zipOffsetMinutes);
    files = unzipSync(zip, {
      filter: (info) => {
        if (info.name.endsWith("/") || isJunk(info.name)) return false;
        if (sizes.size >= MAX_ENTRIES) throw new InputError(g.tooManyFiles(file, MAX_ENTRIES));
        sizes.set(info.name, info.originalSize);
        // Too large: remembered (it becomes an error row) but never inflated — a zip bomb stays shut.
        return info.originalSize <= MAX_SUBMISSION_BYTES;
      },
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = errnoCode(error);
    if (code) throw new InputError(g.cannotReadPath(file, g.systemError(code)));
    throw new InputError(g.badZip(file, g.zipProblem((error as { code?: number } | undefined)?.code)));
  }
  return [...sizes].map(([path, declared]) => {
    const data = files[path];
    const at = times.get(path);
    return {
      path: path.replace(/\\/g, "/").replace(/^\/+/, ""),
      size: data ? data.length : declared,
      read: () => data ?? new Uint8Array(),
      ...(at ? { submitted: { at, source: "zip" as const } } : {}),
    };
  });
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

/** Moodle: `Maria Silva_123456_assignsubmission_file_` → `Maria Silva`. */
function studentFromFolder(name: string): string {
  return /^(.+?)_\d+_assignsubmission_[a-z]+_?$/i.exec(name)?.[1] ?? name;
}

/** The LMS id in a Moodle folder name or a Canvas file name; undefined for other names. */
function lmsIdentity(top: string, isFolder: boolean): LmsIdentity | undefined {
  const moodle = isFolder ? /^.+?_(\d+)_assignsubmission_[a-z]+_?$/i.exec(top) : null;
  if (moodle) return { kind: "moodle", id: moodle[1]! };
  const canvas = isFolder ? null : /^[^_]+(?:_late)?_(\d+)_\d+_.+$/i.exec(top);
  return canvas ? { kind: "canvas", id: canvas[1]! } : undefined;
}

/** `ana.asl.json` → `ana`; Canvas `silvaana_123_456_pagamento.json` (or `_LATE_`) → `silvaana`. */
function studentFromFile(name: string): string {
  const canvas = /^([^_]+)(?:_late)?_\d+_\d+_.+$/i.exec(name);
  if (canvas) return canvas[1]!;
  return name.replace(/(\.asl)?\.(json|ya?ml)$/i, "").replace(/\.[^.]+$/, "");
}

function decode(entry: Entry, student: string, fileName: string): DiscoveredSubmission {
  if (entry.size > MAX_SUBMISSION_BYTES)
    return { kind: "error", student, fileName, reason: g.tooLarge(entry.size, MAX_SUBMISSION_BYTES) };
  let bytes: Uint8Array;
  try {
    bytes = entry.read();
  } catch (error) {
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
  const students = new Map<string, Entry[]>();
  for (const entry of entries) {
    const [top = "", ...rest] = entry.path.split("/");
    if (rest.length === 0 && notASubmission(top)) continue;
    const student = rest.length > 0 ? studentFromFolder(top) : studentFromFile(top);
    students.set(student, [...(students.get(student) ?? []), entry]);
  }
  return [...students].map(([student, files]) => {
    const picked = pick(student, files, display);
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
    const student = options.student ?? studentFromFile(name);
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
