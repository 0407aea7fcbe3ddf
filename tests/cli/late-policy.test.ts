/**
 * The late policy end to end: file times (disk and LMS zip) → penalty → every export. Policy in
 * exercicio.yaml `latePolicy` (deadline with offset, penaltyPercentPerDay, maxDaysLate).
 */
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { gradeAll } from "../../grader/cli/grade-command.ts";
import { loadExerciseForGrading } from "../../grader/cli/grade-exercise.ts";
import { discoverSubmissions } from "../../grader/cli/submissions.ts";
import { lateness, type Exercise } from "../../grader/grading/index.ts";
import { formatReport } from "../../grader/reports/index.ts";
import { ROOT, tempDir } from "./partitura.ts";

const DEADLINE = "2026-11-30T23:59:00-03:00";
const deadline = Date.parse(DEADLINE);
const HOUR = 3_600_000;
const { exercise: base } = loadExerciseForGrading("falha-pagamento");
const exercise: Exercise = {
  ...base,
  latePolicy: { deadline: DEADLINE, penaltyPercentPerDay: 10, maxDaysLate: 5 },
};
const solution = readFileSync(join(ROOT, "exercises", "falha-pagamento", "solucao.asl.json"));
// Four worker-thread gradings on a busy machine: measured ~20 s at load 30; 120 s leaves a wide margin.
const TIMEOUT = 120_000;

async function gradeFolder(files: Record<string, number>) {
  const dir = tempDir();
  for (const [name, at] of Object.entries(files)) {
    writeFileSync(join(dir, name), solution);
    utimesSync(join(dir, name), new Date(at), new Date(at));
  }
  return gradeAll({ exercise, includeHidden: true, jobs: 2, timeoutSeconds: 30 }, discoverSubmissions(dir));
}

describe("late policy", () => {
  it("counts started days after the deadline, caps at 100 % and zeroes past maxDaysLate", () => {
    const policy = exercise.latePolicy!;
    expect(lateness(policy, new Date(deadline - HOUR))).toEqual({ daysLate: 0, penaltyPercent: 0 });
    expect(lateness(policy, new Date(deadline + 1000))).toEqual({ daysLate: 1, penaltyPercent: 10 });
    expect(lateness(policy, new Date(deadline + 48 * HOUR + 1000))).toEqual({
      daysLate: 3,
      penaltyPercent: 30,
    });
    expect(lateness(policy, new Date(deadline + 6 * 24 * HOUR))).toEqual({
      daysLate: 6,
      penaltyPercent: 100,
    });
    expect(lateness({ ...policy, graceMinutes: 90 }, new Date(deadline + HOUR))).toEqual({
      daysLate: 0,
      penaltyPercent: 0,
    });
  });

  it(
    "takes the penalty off the score and shows it in the table, CSV, JSON, Gradescope and Classroom exports",
    async () => {
      const report = await gradeFolder({
        "ana.asl.json": deadline - 2 * HOUR,
        "bia.asl.json": deadline + 26 * HOUR, // 2 started days late: −20 %
      });
      const [ana, bia] = report.submissions;
      expect(ana).toMatchObject({ points: 100, late: { daysLate: 0, penaltyPercent: 0 } });
      expect(bia).toMatchObject({
        points: 80,
        percent: 80,
        late: { daysLate: 2, penaltyPercent: 20, pointsBeforePenalty: 100 },
      });

      const note = "Entregue 2 dias após o prazo: penalidade de 20 % (nota antes da penalidade: 100).";
      expect(formatReport(report, "table")).toContain(note);
      const csv = formatReport(report, "csv").split("\r\n");
      expect(csv[0]).toMatch(
        /,Entregue em \(UTC\),Dias de atraso,Penalidade \(%\),Pontos antes da penalidade$/,
      );
      expect(csv[2]).toMatch(/^bia,bia\.asl\.json,avaliado,80,100,80,.*,2026-12-02T04:59:00\.000Z,2,20,100$/);
      expect(JSON.parse(formatReport(report, "json")).submissions[1].late).toMatchObject({ daysLate: 2 });
      expect(formatReport(report, "canvas").split("\r\n")[2]).toBe("bia,,,,,80");

      const onlyBia = { ...report, submissions: [bia!] };
      const gradescope = JSON.parse(formatReport(onlyBia, "gradescope"));
      expect(gradescope.score).toBe(80);
      expect(gradescope.output).toContain(note);
      expect(gradescope.tests.at(-1)).toMatchObject({ name: "Penalidade por atraso", score: -20 });
      const classroom = JSON.parse(formatReport(onlyBia, "classroom"));
      const sum = classroom.tests.reduce((total: number, test: { score: number }) => total + test.score, 0);
      expect(sum).toBe(80);
      expect(classroom.status).toBe("pass");
    },
    TIMEOUT,
  );

  it(
    "reads the time of each file in an LMS zip (Moodle's folders), not the time the zip was unpacked",
    async () => {
      const dir = tempDir();
      const late = new Date(deadline + 2 * 24 * HOUR + 5 * HOUR); // 3 started days in any time zone
      const zip = zipSync({
        "Ana Souza_101_assignsubmission_file_/definicao.asl.json": [
          solution,
          { mtime: new Date(deadline - 5 * HOUR) },
        ],
        "Bia Lima_102_assignsubmission_file_/definicao.asl.json": [solution, { mtime: late }],
      });
      mkdirSync(join(dir, "moodle"));
      writeFileSync(join(dir, "moodle", "turma.zip"), zip);
      const report = await gradeAll(
        { exercise, includeHidden: false, jobs: 2, timeoutSeconds: 30 },
        discoverSubmissions(join(dir, "moodle", "turma.zip"), { zipOffsetMinutes: -180 }),
      );
      expect(report.submissions.map((s) => [s.student, s.late?.source, s.late?.daysLate])).toEqual([
        ["Ana Souza", "zip", 0],
        ["Bia Lima", "zip", 3],
      ]);
      // Moodle's grading worksheet: rows matched by "Participant <id>", the grade after the penalty.
      const worksheet = formatReport(report, "moodle").split("\r\n");
      expect(worksheet[0]).toBe(
        "Identifier,Full name,Grade,Maximum Grade,Last modified (grade),Feedback comments",
      );
      expect(worksheet[1]).toMatch(/^Participant 101,Ana Souza,\d+,\d+,,/);
      expect(worksheet[2]).toMatch(
        /^Participant 102,Bia Lima,[\d.]+,\d+,,.*Entregue 3 dias após o prazo: penalidade de 30 %/,
      );
    },
    TIMEOUT,
  );
});
