/**
 * Hostile inputs, as a student who wants a better grade (or a classmate's worse one) would write them,
 * plus the shapes that crashed or hung the grader before (issue 12). Each case builds its files at
 * run time, names the `partitura` command to run, and says what a correct outcome is; the runner adds
 * the checks every case shares (time and memory bounds, no JavaScript internals, no stack traces).
 */
import { parse as parseCsv } from "csv-parse/sync";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { deflatedEntry, writeZip } from "./zip-writer.ts";

export const ROOT = join(import.meta.dirname, "..", "..");
const SOLUTION = readFileSync(join(ROOT, "exercises", "falha-pagamento", "solucao.asl.json"), "utf8");

/** What a run of the CLI gave. */
export interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly dir: string;
}

/** A case's own verdict beyond the shared checks: undefined when correct. */
export type Verdict = undefined | { readonly kind: "loss" | "escape"; readonly detail: string };

export interface HostileCase {
  readonly name: string;
  /** Writes the case's files into `dir`; returns the CLI arguments. */
  setup(dir: string): string[];
  check(outcome: Outcome): Verdict;
}

const loss = (detail: string): Verdict => ({ kind: "loss", detail });
const escape = (detail: string): Verdict => ({ kind: "escape", detail });

function write(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** A JSONata machine whose one Pass state outputs `expression`. */
function jsonataPass(expression: string): string {
  return JSON.stringify({
    QueryLanguage: "JSONata",
    StartAt: "P",
    States: { P: { Type: "Pass", Output: `{% ${expression} %}`, End: true } },
  });
}

/** A loop the validator accepts (its exit is never taken at run time). */
function loop(states: Record<string, unknown>, first: string, last: string): string {
  return JSON.stringify({
    StartAt: first,
    States: {
      ...states,
      [last]: {
        Type: "Choice",
        Choices: [{ Variable: "$.fim", IsPresent: true, Next: "Fim" }],
        Default: first,
      },
      Fim: { Type: "Succeed" },
    },
  });
}

/** `run` of a definition: any exit 0/1/2 is fine, only the shared checks and `extra` apply. */
function runCase(
  name: string,
  definition: string,
  flags: string[] = [],
  extra: (outcome: Outcome) => Verdict = () => undefined,
): HostileCase {
  return {
    name,
    setup: (dir) => ["run", write(dir, "fluxo.json", definition), ...flags],
    check: extra,
  };
}

const exitCode = (expected: number) => (outcome: Outcome) =>
  outcome.code === expected ? undefined : loss(`exit ${outcome.code}, expected ${expected}`);

/** A class of honest students plus `attacker` files: every honest student must still score 100. */
function classCase(name: string, attacker: Record<string, string | Uint8Array>, honest = 3): HostileCase {
  return {
    name,
    setup: (dir) => {
      const folder = join(dir, "turma");
      // Sorted names put the attacker first, so a shared worker would grade an honest student next.
      for (const [file, content] of Object.entries(attacker)) write(folder, file, content);
      for (let i = 0; i < honest; i++) write(folder, `zz-honesto-${i}.asl.json`, SOLUTION);
      return ["grade", folder, "--exercise", "falha-pagamento", "--format", "json", "--jobs", "1"];
    },
    check: (outcome) => {
      if (outcome.code !== 0) return loss(`grade exited ${outcome.code}`);
      const report = JSON.parse(outcome.stdout) as {
        submissions: { student: string; status: string; percent: number }[];
      };
      const honestRows = report.submissions.filter((row) => row.student.startsWith("zz-honesto"));
      if (honestRows.length !== honest)
        return loss(`${honestRows.length} of ${honest} honest students reported`);
      const hurt = honestRows.find((row) => row.status !== "graded" || row.percent !== 100);
      if (hurt) return escape(`${hurt.student}: ${hurt.status} ${hurt.percent}%`);
      const attackers = report.submissions.filter((row) => !row.student.startsWith("zz-honesto"));
      const cheat = attackers.find((row) => row.percent === 100);
      return cheat ? escape(`attacker ${cheat.student} scored 100%`) : undefined;
    },
  };
}

const PROTO_ATTACKS = [
  '$states.input.__proto__.(__defineGetter__("States", $millis))',
  '{"a": 1}.__proto__.(__defineGetter__("Type", $millis))',
  '($__proto__ := {"hasOwnProperty": $millis}; {"a": 1}.__proto__.(__defineSetter__("Next", $millis)))',
  '$lookup({}, "__proto__")',
];

export const CASES: readonly HostileCase[] = [
  // --- JSONata: prototypes, budgets, regular expressions -------------------------------------
  ...PROTO_ATTACKS.map((expression, i) =>
    runCase(`jsonata prototype climb ${i + 1}`, jsonataPass(expression)),
  ),
  runCase(
    "jsonata rebinds the budget variable, then recurses forever",
    jsonataPass("($__partituraBudget := null; $f := function($x){ $f($x) }; $f(1))"),
  ),
  runCase(
    "jsonata hides the frame's lookup, then recurses forever",
    jsonataPass("($hasOwnProperty := $millis; $f := function($x){ $f($x) }; $f(1))"),
  ),
  runCase("jsonata catastrophic regex", jsonataPass(`$match("${"a".repeat(40)}!", /(a+)+$/)`)),
  runCase("jsonata backreference regex", jsonataPass('$match("aaaa", /(a+)\\1/)')),
  runCase(
    "jsonata builds a huge string",
    jsonataPass('$join($map([1..999999], function($v){ "xxxxxxxxxx" }))'),
  ),
  runCase("jsonata sorts a huge sequence", jsonataPass("$sort([1..999999], function($a, $b){ $a < $b })")),
  runCase("jsonata $eval", jsonataPass('$eval("1+1")')),
  runCase(
    "jsonata Map over 200,000 items (spread into push)",
    JSON.stringify({
      QueryLanguage: "JSONata",
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          Items: "{% [1..200000] %}",
          ItemProcessor: {
            ProcessorConfig: { Mode: "INLINE" },
            StartAt: "P",
            States: { P: { Type: "Pass", End: true } },
          },
          End: true,
        },
      },
    }),
  ),
  // --- Loops and deep data ------------------------------------------------------------------
  runCase(
    "express two-state loop (1,000,000 transitions)",
    loop({ A: { Type: "Pass", Next: "B" } }, "A", "B"),
    ["--express"],
  ),
  runCase(
    "self-wrapping Pass loop (deep nesting)",
    loop({ A: { Type: "Pass", Parameters: { "x.$": "$" }, Next: "B" } }, "A", "B"),
  ),
  runCase(
    "self-wrapping loop through a Parallel",
    loop(
      {
        A: {
          Type: "Parallel",
          Branches: [
            { StartAt: "P", States: { P: { Type: "Pass", Parameters: { "x.$": "$" }, End: true } } },
          ],
          ResultSelector: { "x.$": "$[0]" },
          Next: "B",
        },
      },
      "A",
      "B",
    ),
  ),
  {
    name: "retry with a huge MaxAttempts against an always-failing task",
    setup: (dir) => {
      const definition = {
        StartAt: "T",
        States: {
          T: {
            Type: "Task",
            Resource: "arn:aws:lambda:us-east-1:123456789012:function:f",
            Retry: [
              { ErrorEquals: ["States.ALL"], MaxAttempts: 99_999_999, IntervalSeconds: 1, BackoffRate: 1 },
            ],
            End: true,
          },
        },
      };
      const mocks = {
        StateMachines: { fluxo: { TestCases: { Falha: { T: "Erro" } } } },
        MockedResponses: { Erro: { "0-999999999": { Throw: { Error: "Boom", Cause: "x" } } } },
      };
      const file = write(dir, "fluxo.json", JSON.stringify(definition));
      const mockFile = write(dir, "mocks.json", JSON.stringify(mocks));
      return ["run", file, "--mock-config", mockFile, "--test-case", "Falha", "--json"];
    },
    check: (outcome) => {
      if (outcome.code !== 1) return loss(`exit ${outcome.code}, expected a FAILED execution`);
      return /"status": "FAILED"/.test(outcome.stdout) ? undefined : loss("not FAILED");
    },
  },
  runCase(
    "Wait of 1e400 seconds",
    '{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1e400,"End":true}}}',
    [],
    (outcome) =>
      outcome.code === 2 && !/Infinity/.test(outcome.stderr)
        ? undefined
        : loss(`exit ${outcome.code}: ${outcome.stderr}`),
  ),
  runCase(
    "Wait until year 9999",
    '{"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"9999-12-31T23:59:59Z","End":true}}}',
  ),
  runCase(
    "States.ArrayRange of a billion items",
    '{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"r.$":"States.ArrayRange(1, 1000000000, 1)"},"End":true}}}',
  ),
  {
    name: "Choice StringMatches with many wildcards on a 100,000-character string",
    setup: (dir) => {
      const definition = {
        StartAt: "C",
        States: {
          C: {
            Type: "Choice",
            Choices: [{ Variable: "$.s", StringMatches: "*a*a*a*a*a*a*a*a*a*a*a*a*a*b", Next: "F" }],
            Default: "F",
          },
          F: { Type: "Succeed" },
        },
      };
      const input = write(dir, "entrada.json", JSON.stringify({ s: "a".repeat(100_000) }));
      return ["run", write(dir, "fluxo.json", JSON.stringify(definition)), "--input", input];
    },
    check: exitCode(0),
  },
  // --- What AWS refuses, `run` refuses --------------------------------------------------------
  runCase(
    "run: duplicate state names",
    '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true},"A":{"Type":"Fail"}}}',
    [],
    exitCode(2),
  ),
  runCase(
    "run: unknown field",
    '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Nota":10}}}',
    [],
    exitCode(2),
  ),
  runCase(
    "run: top-level __proto__",
    '{"__proto__":{"polluted":1},"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}',
    [],
    exitCode(2),
  ),
  runCase(
    "run: definition over 1 MB",
    JSON.stringify({
      Comment: "x".repeat(1_100_000),
      StartAt: "A",
      States: { A: { Type: "Pass", End: true } },
    }),
    [],
    exitCode(2),
  ),
  {
    name: "validate: invalid UTF-8",
    setup: (dir) => [
      "validate",
      write(
        dir,
        "fluxo.json",
        Buffer.from(
          '{"Comment":"Jos\xe9","StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}',
          "latin1",
        ),
      ),
    ],
    check: (outcome) =>
      outcome.code === 1 && outcome.stdout.includes("INVALID_ENCODING") ? undefined : loss(outcome.stdout),
  },
  runCase("5000 nested Parallels", nestedParallels(5000), [], exitCode(2)),
  runCase(
    "YAML alias bomb",
    "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n",
    [],
    exitCode(2),
  ),
  // --- The class: a student against the others -----------------------------------------------
  classCase("grade: a Pass state pollutes Object.prototype for the next student", {
    "aa-atacante.json": jsonataPass(PROTO_ATTACKS[0]!),
  }),
  classCase("grade: frame-hiding attacker", { "aa-atacante.json": jsonataPass(PROTO_ATTACKS[2]!) }),
  classCase("grade: endless JSONata recursion before the honest students", {
    "aa-atacante.json": jsonataPass("($__partituraBudget := null; $f := function($x){ $f($x) }; $f(1))"),
  }),
  classCase("grade: a copy of the reference solution with a __proto__ key", {
    "aa-atacante.json": SOLUTION.replace("{", '{ "__proto__": { "percent": 100 },'),
  }),
  classCase("grade: a terminal escape sequence in the file name", { "aa-\u001b[2Jlimpa.json": "{}" }),
  {
    name: "grade: zip bomb of 4,000 entries",
    setup: (dir) => {
      const block = deflatedEntry("x.json", new Uint8Array(1024 * 1024 - 1).fill(32));
      const entries = Array.from({ length: 4000 }, (_, i) => ({ ...block, name: `aluno${i}.json` }));
      return ["grade", write(dir, "turma.zip", writeZip(entries)), "--exercise", "falha-pagamento"];
    },
    check: (outcome) =>
      outcome.code === 2 && outcome.stderr.includes("bomba de compressão") ? undefined : loss(outcome.stderr),
  },
  {
    name: "grade: two Moodle students with the same name",
    setup: (dir) => {
      write(dir, "t/Maria Silva_101_assignsubmission_file_/f.asl.json", SOLUTION);
      write(dir, "t/Maria Silva_202_assignsubmission_file_/f.asl.json", "{}");
      return ["grade", join(dir, "t"), "--exercise", "falha-pagamento", "--format", "json"];
    },
    check: (outcome) => {
      const rows = (JSON.parse(outcome.stdout || "{}") as { submissions?: unknown[] }).submissions ?? [];
      return rows.length === 2 ? undefined : loss(`${rows.length} rows for two students`);
    },
  },
  {
    name: "grade: an earlier --out report inside the submissions folder",
    setup: (dir) => {
      write(dir, "t/ana.asl.json", SOLUTION);
      write(
        dir,
        "t/notas.json",
        JSON.stringify({
          exercise: "falha-pagamento",
          exerciseTitle: "x",
          includesHidden: false,
          submissions: [],
        }),
      );
      return ["grade", join(dir, "t"), "--exercise", "falha-pagamento", "--format", "json"];
    },
    check: (outcome) => {
      const rows =
        (JSON.parse(outcome.stdout || "{}") as { submissions?: { student: string }[] }).submissions ?? [];
      return rows.map((row) => row.student).join() === "ana"
        ? undefined
        : loss(rows.map((row) => row.student).join());
    },
  },
  {
    name: "grade: a formula as a student name in the CSV",
    setup: (dir) => {
      write(dir, "t/=HYPERLINK(x);=1+1.json", "{}");
      write(dir, "t/ana.asl.json", SOLUTION);
      return ["grade", join(dir, "t"), "--exercise", "falha-pagamento", "--format", "csv"];
    },
    check: (outcome) => {
      const cells = (
        parseCsv(outcome.stdout.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][]
      ).flat();
      const formula = cells.find((cell) => /^[=+@]/.test(cell));
      if (formula !== undefined) return escape(`a CSV cell starts a formula: ${formula}`);
      // Unquoted, a ";" would split the name into a formula cell in a pt-BR spreadsheet.
      return /(^|,)[^",\n]*;=/m.test(outcome.stdout) ? escape("an unquoted ';=' in the CSV") : undefined;
    },
  },
  // --- Quiz ----------------------------------------------------------------------------------
  {
    name: "quiz: UTF-16 CSV",
    setup: (dir) => [
      "quiz",
      write(
        dir,
        "r.csv",
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("aluno,1\nana,A\n", "utf16le")]),
      ),
    ],
    check: (outcome) => (outcome.stderr.includes("UTF-16") ? undefined : loss(outcome.stderr)),
  },
  {
    name: "quiz: Latin-1 CSV",
    setup: (dir) => ["quiz", write(dir, "r.csv", Buffer.from("aluno;1\nJos\xe9;A\n", "latin1"))],
    check: (outcome) => (outcome.stderr.includes("UTF-8") ? undefined : loss(outcome.stderr)),
  },
  {
    name: "quiz: a name that splits into a formula in a ';' spreadsheet",
    setup: (dir) => [
      "quiz",
      write(dir, "r.csv", 'aluno;1;2;3;4;5\n"ana;=1+1";B;C;C;C;x\n'),
      "--format",
      "csv",
    ],
    check: (outcome) =>
      outcome.stdout.split(/\r?\n/)[1]?.startsWith('"ana;=1+1"') ? undefined : escape(outcome.stdout),
  },
  {
    name: "quiz: answers with __proto__ and a 1 MB essay",
    setup: (dir) => {
      write(dir, "q/ana.json", JSON.stringify({ "1": "B", "5": "x".repeat(1_000_000) }));
      write(dir, "q/bia.json", '{"__proto__": {"1": "B"}, "2": "C"}');
      return ["quiz", join(dir, "q")];
    },
    check: () => undefined,
  },
];

/** `depth` Parallels nested inside one another. */
export function nestedParallels(depth: number): string {
  let inner = '{"StartAt":"F","States":{"F":{"Type":"Succeed"}}}';
  for (let i = 0; i < depth; i++)
    inner = `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[${inner}]}}}`;
  return inner;
}
