/**
 * Bulk grading benchmark (`node bench/grading.ts [count]`): 1,000 generated submissions of the payment
 * exercise — a mix of correct, wrong and broken files, JSON and YAML — graded the way
 * `partitura grade --hidden` grades them: read from disk, validated, every scenario (hidden ones too)
 * run on the engine, across a worker pool of one thread per core. Prints wall time and submissions/s,
 * first in-process, then for the whole CLI command (process start, report written); then the class
 * report (groups, similarity, HTML) in-process and the whole `--format html` command (issue 16: ≤ 10 s).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { stringify as toYaml } from "yaml";
import { analyseClass, classHtml, DEFAULT_SITE_URL } from "../grader/cli/class-report.ts";
import { gradeAll, DEFAULT_TIMEOUT_SECONDS } from "../grader/cli/grade-command.ts";
import { loadExerciseForGrading } from "../grader/cli/grade-exercise.ts";
import { discoverSubmissions } from "../grader/cli/submissions.ts";
import { submissionKey } from "../grader/reports/class-summary/summary.ts";
import { stopwatch } from "./timing.ts";

const ROOT = join(import.meta.dirname, "..");
const COUNT = Number(process.argv[2] ?? 1000);
const TARGET_SECONDS = 5;
/** Issue 16: grading with the class report (HTML) and similarity on. */
const CLASS_REPORT_TARGET_SECONDS = 10;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const solution = JSON.parse(
  readFileSync(join(ROOT, "exercises", "falha-pagamento", "solucao.asl.json"), "utf8"),
) as Json;
const starter = readFileSync(join(ROOT, "exercises", "falha-pagamento", "inicial.asl.json"), "utf8");

/** Each generator returns [file extension, text] for submission number `i`. */
const kinds: Record<string, (i: number) => [string, string]> = {
  correct: (i) => [".asl.json", JSON.stringify({ ...solution, Comment: `Aluno ${i}` }, null, 2)],
  correctYaml: (i) => [".yaml", toYaml({ ...solution, Comment: `Aluno ${i}` })],
  linearBackoff: (i) => mutate(i, (d) => (d.States.ProcessarPagamento.Retry[0].BackoffRate = 1)),
  retriesEverything: (i) =>
    mutate(i, (d) => (d.States.ProcessarPagamento.Retry[0].ErrorEquals = ["States.ALL"])),
  losesOrder: (i) => mutate(i, (d) => delete d.States.ProcessarPagamento.Catch[0].ResultPath),
  noCatch: (i) => mutate(i, (d) => delete d.States.ProcessarPagamento.Catch),
  starter: () => [".asl.json", starter],
  syntaxError: (i) => [
    ".json",
    JSON.stringify({ ...solution, Comment: `Aluno ${i}` }, null, 2).replace(
      '"MaxAttempts": 3,',
      '"MaxAttempts": 3,,',
    ),
  ],
  missingStartAt: (i) => mutate(i, (d) => delete d.StartAt),
  badTransition: (i) => mutate(i, (d) => (d.States.AtualizarEstoque.Next = "EnviarConfirmacaoo")),
};

function mutate(i: number, change: (definition: Json) => void): [string, string] {
  const definition = structuredClone(solution);
  definition.Comment = `Aluno ${i}`;
  change(definition);
  return [".asl.json", JSON.stringify(definition, null, 2)];
}

/** A third correct (JSON and YAML), 40 % wrong in the tempting ways, a quarter broken. */
const mix: string[] = [
  ...Array<string>(3).fill("correct"),
  "correctYaml",
  "linearBackoff",
  "retriesEverything",
  "losesOrder",
  "noCatch",
  "starter",
  "syntaxError",
  "missingStartAt",
  "badTransition",
];

function generate(dir: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < COUNT; i++) {
    const kind = mix[(i * 7) % mix.length]!;
    counts[kind] = (counts[kind] ?? 0) + 1;
    const [extension, text] = kinds[kind]!(i);
    writeFileSync(join(dir, `aluno-${String(i).padStart(4, "0")}${extension}`), text);
  }
  return counts;
}

const dir = mkdtempSync(join(tmpdir(), "partitura-bench-"));
const folder = join(dir, "submissoes");
mkdirSync(folder);
const generated = generate(folder);
const jobs = availableParallelism();
const { exercise } = loadExerciseForGrading("falha-pagamento");

console.log(
  `Correção em lote: ${COUNT} submissões de '${exercise.slug}', todos os cenários (ocultos incluídos), ${jobs} worker(s)`,
);
console.log(
  `  geradas: ${Object.entries(generated)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ")}`,
);

const elapsed = stopwatch();
const discovered = discoverSubmissions(folder);
const definitions = new Map<string, unknown>();
const report = await gradeAll(
  {
    exercise,
    includeHidden: true,
    jobs,
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    onDefinition: (result, definition) => definitions.set(submissionKey(result), definition),
  },
  discovered,
);
const seconds = elapsed() / 1000;
const analysisElapsed = stopwatch();
const analysis = analyseClass(report, exercise, definitions);
const page = classHtml(report, analysis, definitions, DEFAULT_SITE_URL);
const analysisSeconds = analysisElapsed() / 1000;
const byStatus: Record<string, number> = {};
for (const submission of report.submissions)
  byStatus[submission.status] = (byStatus[submission.status] ?? 0) + 1;
const full = report.submissions.filter((s) => s.status === "graded" && s.points === s.maxPoints).length;
console.log(
  `  em processo: ${seconds.toFixed(2)} s, ${(COUNT / seconds).toFixed(0)} submissões/s ` +
    `(avaliadas ${byStatus.graded ?? 0} — ${full} com 100% —, inválidas ${byStatus.invalid ?? 0}, erros ${byStatus.error ?? 0})`,
);

console.log(
  `  relatório da turma em processo (grupos, semelhança — ${analysis.similarity.candidates} pares comparados, ` +
    `${analysis.similarity.pairs.length} apontados —, HTML de ${(page.length / 1024).toFixed(0)} KiB): ${analysisSeconds.toFixed(2)} s`,
);

const cliElapsed = stopwatch();
const cli = spawnSync(
  process.execPath,
  [
    join(ROOT, "bin", "partitura.js"),
    "grade",
    folder,
    "--exercise",
    "falha-pagamento",
    "--hidden",
    "--format",
    "csv",
    "--out",
    join(dir, "notas.csv"),
  ],
  { encoding: "utf8" },
);
const cliSeconds = cliElapsed() / 1000;
if (cli.status !== 0) throw new Error(`partitura grade falhou: ${cli.stderr}`);
console.log(
  `  comando completo (partitura grade … --format csv --out): ${cliSeconds.toFixed(2)} s, ${(COUNT / cliSeconds).toFixed(0)} submissões/s`,
);
console.log(`  meta: ≤ ${TARGET_SECONDS} s — ${cliSeconds <= TARGET_SECONDS ? "atingida" : "NÃO atingida"}`);

const htmlElapsed = stopwatch();
const html = spawnSync(
  process.execPath,
  [
    join(ROOT, "bin", "partitura.js"),
    "grade",
    folder,
    "--exercise",
    "falha-pagamento",
    "--hidden",
    "--format",
    "html",
    "--out",
    join(dir, "turma.html"),
  ],
  { encoding: "utf8" },
);
const htmlSeconds = htmlElapsed() / 1000;
if (html.status !== 0) throw new Error(`partitura grade --format html falhou: ${html.stderr}`);
console.log(
  `  com relatório da turma e semelhança (--format html --out): ${htmlSeconds.toFixed(2)} s, ` +
    `${(COUNT / htmlSeconds).toFixed(0)} submissões/s — meta ≤ ${CLASS_REPORT_TARGET_SECONDS} s: ` +
    `${htmlSeconds <= CLASS_REPORT_TARGET_SECONDS ? "atingida" : "NÃO atingida"}`,
);
console.log(`  carga da máquina durante a medição (load average de 1 min): ${loadavg()[0]!.toFixed(1)}`);
rmSync(dir, { recursive: true, force: true });
