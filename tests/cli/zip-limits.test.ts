/**
 * Zip submissions are read within bounded memory (issue 12): a zip bomb of thousands of entries, each
 * under the per-file limit, is refused with a Portuguese message once its inflated data passes the
 * class limit; a header that lies about a file's size cannot make the grader inflate more than the
 * per-file limit of it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../grader/cli/load.ts";
import { discoverSubmissions, MAX_INFLATED_BYTES } from "../../grader/cli/submissions.ts";
import { deflatedEntry, writeZip } from "../security/zip-writer.ts";

function zipFile(bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), "partitura-zip-")), "turma.zip");
  writeFileSync(path, bytes);
  return path;
}

describe("zip limits", () => {
  it("refuses a 4,000-entry zip bomb (each entry under 1 MiB) before it inflates past the class limit", () => {
    // The attack: ~4.5 MB of zip that would inflate to ~4 GB. One compression, repeated.
    const block = deflatedEntry("x.json", new Uint8Array(1024 * 1024 - 1).fill(32));
    const entries = Array.from({ length: 4000 }, (_, i) => ({ ...block, name: `aluno${i}.json` }));
    const path = zipFile(writeZip(entries));
    const memoryBefore = process.memoryUsage().rss;
    let error: unknown;
    try {
      discoverSubmissions(path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain("bomba de compressão");
    expect((error as Error).message).toContain("128 MiB");
    // What it held is bounded by the class limit, not by the 4 GB the zip claims.
    expect(process.memoryUsage().rss - memoryBefore).toBeLessThan(4 * MAX_INFLATED_BYTES);
  }, 60_000);

  it("a header claiming a small size cannot make a file inflate past the per-file limit", () => {
    const liar = deflatedEntry("mentira.json", new Uint8Array(3 * 1024 * 1024).fill(32), 100);
    const honest = deflatedEntry("ana.json", new TextEncoder().encode('{"StartAt":"A"}'));
    const found = discoverSubmissions(zipFile(writeZip([liar, honest])));
    const byStudent = Object.fromEntries(found.map((entry) => [entry.student, entry]));
    expect(byStudent.ana?.kind).toBe("file");
    expect(byStudent.mentira).toMatchObject({ kind: "error" });
    expect((byStudent.mentira as { reason: string }).reason).toContain("arquivo grande demais");
  });
});
