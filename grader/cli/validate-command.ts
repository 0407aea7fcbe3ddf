/**
 * `partitura validate <files...> [--format text|json] [--severity error|warning|info] [--express]`:
 * validates ASL definitions and IaC files like a compiler would report them.
 * Exit codes: 0 no errors, 1 errors found, 2 a file could not be read (or bad usage).
 */
import { readFileSync } from "node:fs";
import {
  allDiagnostics,
  validateSource,
  type Diagnostic,
  type Severity,
  type ValidationReport,
} from "../validator/index.ts";
import { parseCommandArgs } from "./command.ts";
import { decodeText, InputError } from "./load.ts";
import { validateMessages as messages } from "./validate-messages.ts";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function readFile(file: string): { text: string } | { error: string } | { encoding: Diagnostic } {
  try {
    const decoded = decodeText(readFileSync(file));
    if (decoded.ok) return { text: decoded.text };
    const at = { line: decoded.line, column: decoded.column, offset: 0 };
    return {
      encoding: {
        code: "INVALID_ENCODING",
        severity: "error",
        location: "/",
        range: { start: at, end: at },
        message: decoded.message,
      },
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? messages.fileNotFound
        : code === "EISDIR"
          ? messages.isDirectory
          : code === "EACCES"
            ? messages.noPermission
            : String(code ?? error);
    return { error: messages.cannotRead(file, reason) };
  }
}

function filterReport(report: ValidationReport, keep: (d: Diagnostic) => boolean): ValidationReport {
  return {
    fileName: report.fileName,
    fileDiagnostics: report.fileDiagnostics.filter(keep),
    stateMachines: report.stateMachines.map((machine) => ({
      ...machine,
      diagnostics: machine.diagnostics.filter(keep),
    })),
  };
}

function formatText(report: ValidationReport): string[] {
  const multiple = report.stateMachines.length > 1;
  return allDiagnostics(report).map(({ machine, diagnostic: d }) => {
    const line = d.range?.start.line ?? 1;
    const column = d.range?.start.column ?? 1;
    const where = messages.where(
      multiple || machine !== report.stateMachines[0]?.name ? machine : undefined,
      d.location,
    );
    return `${report.fileName}:${line}:${column}  ${messages.severity[d.severity]}  ${d.code}  ${d.message} (${where})`;
  });
}

export async function validateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: "string", default: "text" },
      severity: { type: "string", default: "info" },
      express: { type: "boolean", default: false },
    },
    messages.badOption,
  );
  if (positionals.length === 0) throw new InputError(messages.missingFiles);
  if (values.format !== "text" && values.format !== "json")
    throw new InputError(messages.badFormat(values.format));
  const severity = values.severity as Severity;
  if (!(severity in RANK)) throw new InputError(messages.badSeverity(values.severity));
  const keep = (d: Diagnostic) => RANK[d.severity] <= RANK[severity];

  let unreadable = false;
  let errors = 0;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const reports: ValidationReport[] = [];
  for (const file of positionals) {
    const read = readFile(file);
    if ("error" in read) {
      process.stderr.write(read.error + "\n");
      unreadable = true;
      continue;
    }
    const full: ValidationReport =
      "encoding" in read
        ? { fileName: file, fileDiagnostics: [read.encoding], stateMachines: [] }
        : validateSource(read.text, { fileName: file, express: values.express });
    for (const { diagnostic } of allDiagnostics(full)) {
      if (diagnostic.severity === "error") errors++;
    }
    const report = filterReport(full, keep);
    for (const { diagnostic } of allDiagnostics(report)) counts[diagnostic.severity]++;
    reports.push(report);
    if (values.format === "text") {
      const lines = formatText(report);
      if (lines.length > 0) process.stdout.write(lines.join("\n") + "\n");
    }
  }
  if (values.format === "json") {
    const output = reports.map((report) => ({
      file: report.fileName,
      fileDiagnostics: report.fileDiagnostics,
      stateMachines: report.stateMachines.map(({ name, diagnostics }) => ({ name, diagnostics })),
    }));
    process.stdout.write(JSON.stringify({ files: output, errors }, null, 2) + "\n");
  } else if (reports.length > 0) {
    const total = counts.error + counts.warning + counts.info;
    process.stdout.write(
      (total === 0 && errors === 0
        ? messages.allGood(reports.length)
        : messages.summary(errors, counts.warning, counts.info, reports.length)) + "\n",
    );
  }
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}
