import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { discoverSubmissions } from "../../grader/cli/submissions.ts";
import { formatCanvasGradebook } from "../../grader/reports/index.ts";
import { tempDir } from "../cli/partitura.ts";
import { report } from "./fixture.ts";

describe("LMS gradebook CSVs", () => {
  it("Canvas: Student, ID, SIS User ID, SIS Login ID, Section, then the assignment's points", () => {
    const lines = formatCanvasGradebook(report).split("\r\n");
    expect(lines[0]).toBe(`Student,ID,SIS User ID,SIS Login ID,Section,${report.exerciseTitle}`);
    expect(lines).toHaveLength(report.submissions.length + 2); // header, rows, final CRLF
  });

  it("reads each student's LMS id from Moodle folders and Canvas file names", () => {
    const dir = tempDir();
    const file = new TextEncoder().encode('{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}');
    writeFileSync(
      join(dir, "turma.zip"),
      zipSync({
        "Ana Souza_5501_assignsubmission_file_/a.asl.json": file,
        "limabia_LATE_7702_9901_fluxo.json": file,
      }),
    );
    const found = discoverSubmissions(join(dir, "turma.zip"));
    expect(found.map((entry) => [entry.student, entry.kind === "file" ? entry.lms : undefined])).toEqual([
      ["Ana Souza", { kind: "moodle", id: "5501" }],
      ["limabia", { kind: "canvas", id: "7702" }],
    ]);
  });
});
