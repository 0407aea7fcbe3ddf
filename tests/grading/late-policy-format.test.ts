import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readExerciseFiles } from "../../grader/cli/exercise-loader.ts";
import { ExerciseFormatError, parseExercise } from "../../grader/grading/index.ts";

const files = readExerciseFiles(join(import.meta.dirname, "..", "..", "exercises", "falha-pagamento"));
const withPolicy = (policy: string) => ({
  ...files,
  "exercicio.yaml": `${files["exercicio.yaml"]}\n${policy}\n`,
});

describe("exercicio.yaml latePolicy", () => {
  it("is optional and read as given", () => {
    expect(parseExercise(files).latePolicy).toBeUndefined();
    const exercise = parseExercise(
      withPolicy(
        "latePolicy: { deadline: 2026-12-10T23:59:00-03:00, penaltyPercentPerDay: 10, maxDaysLate: 3 }",
      ),
    );
    expect(exercise.latePolicy).toEqual({
      deadline: "2026-12-10T23:59:00-03:00",
      penaltyPercentPerDay: 10,
      maxDaysLate: 3,
    });
  });

  it("refuses a deadline without its time zone, or one that is no date, at its line", () => {
    const lines = files["exercicio.yaml"]!.split("\n").length + 1;
    for (const deadline of ["2026-12-10T23:59:00", "2026-13-45T23:59:00-03:00"]) {
      let error: unknown;
      try {
        parseExercise(withPolicy(`latePolicy:\n  deadline: "${deadline}"\n  penaltyPercentPerDay: 10`));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ExerciseFormatError);
      expect((error as Error).message).toContain(`:${lines + 1}:`);
    }
  });
});
