/** Each reporter, read the way its consumer reads it: a spreadsheet, a JUnit parser, Gradescope, a person. */
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  formatClassroom,
  formatCsv,
  formatGradescope,
  formatJson,
  formatJunit,
  formatReport,
  formatTable,
  GradescopeReportError,
  REPORT_FORMATS,
} from "../../grader/reports/index.ts";
import { report, single } from "./fixture.ts";

describe("table", () => {
  const text = formatTable(report);
  const lines = text.split("\n");

  it("has a pt-BR header row whose columns line up with every student row", () => {
    const header = lines.find((line) => line.startsWith("Aluno"))!;
    expect(header).toMatch(/^Aluno\s+Situação\s+Pontos\s+%\s+Cenários\s+Estáticas\s+Observação$/);
    const statusColumn = header.indexOf("Situação");
    const start = lines.indexOf(header) + 1;
    const rows = lines.slice(start, lines.indexOf("", start));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.slice(statusColumn)).toMatch(/^(avaliado|inválido|erro)\b/);
  });

  it("shows scores, totals and the average", () => {
    expect(text).toContain(
      "Exercício: Falha no pagamento: Retry e Catch (falha-pagamento) — cenários ocultos incluídos",
    );
    expect(text).toMatch(/Ágata Souza\s+avaliado\s+25\/25\s+100\s+2\/2\s+1\/1/);
    expect(text).toContain(
      "Total: 4 submissão(ões) · 1 com nota máxima · 1 inválida(s) · 1 com erro · média 30%",
    );
  });

  it("averages the unrounded scores, rounding once (160/300 and 100 % → 76,67 %)", () => {
    const [first] = report.submissions;
    const third = { ...first!, student: "terço", points: 160, maxPoints: 300, percent: 53.33 };
    const full = { ...first!, student: "cheio", points: 300, maxPoints: 300, percent: 100 };
    const two = formatTable({ ...report, submissions: [third, full] });
    expect(two).toContain("média 76,67%");
  });

  it("lists what failed per student, hidden scenarios labelled, control characters neutralised", () => {
    expect(text).toContain("Detalhes (o que falhou):");
    expect(text).toContain(
      "[oculto: Um erro que não é transitório vai direto para o Catch] Erros de negócio não são retentados (0/5)",
    );
    expect(text).toContain("linha 3, coluna 7: esperava ',' ou '}'");
    expect(text).not.toContain("\u0007");
    expect(text).toContain("zeca\uFFFD");
  });
});

describe("JSON", () => {
  it("is the GradingReport itself, byte-identical on every run", () => {
    expect(JSON.parse(formatJson(report))).toEqual(report);
    expect(formatJson(report)).toBe(formatJson(structuredClone(report)));
  });
});

describe("CSV gradebook", () => {
  const text = formatCsv(report);
  const rows: string[][] = parseCsv(text);

  it("parses as RFC 4180 with one row per student and the same number of columns everywhere", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
    expect(rows[0]).toEqual([
      "Aluno",
      "Arquivo",
      "Situação",
      "Pontos",
      "Máximo",
      "Percentual",
      "Verificações estáticas (máx. 5)",
      "Lambda sobrecarregada duas vezes, depois aprova [instavel-depois-ok] (máx. 15)",
      "Um erro que não é transitório vai direto para o Catch [cartao-recusado] (máx. 5)",
      "Motivo",
    ]);
  });

  it("keeps commas and quotes inside a field, numbers with a dot decimal, per-scenario points", () => {
    const bruno = rows.find((row) => row[0]!.startsWith("bruno"))!;
    expect(bruno).toEqual([
      'bruno, o "rápido"',
      "bruno.yaml",
      "avaliado",
      "5",
      "25",
      "20",
      "0",
      "5",
      "0",
      "",
    ]);
  });

  it("defuses spreadsheet formulas in names and explains invalid rows", () => {
    const formula = rows.find((row) => row[1] === "formula.json")!;
    expect(formula[0]).toBe('\'=HYPERLINK("x")');
    expect(formula[2]).toBe("inválido");
    expect(formula.at(-1)).toContain("erro de sintaxe JSON");
  });
});

describe("JUnit XML", () => {
  const xml = formatJunit(report);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    htmlEntities: true,
  }).parse(xml);

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("has one testsuite per student and one testcase per check, with totals", () => {
    const suites = parsed.testsuites.testsuite;
    expect(suites.map((suite: { name: string }) => suite.name)).toEqual([
      "Ágata Souza",
      'bruno, o "rápido"',
      '=HYPERLINK("x")',
      "zeca\uFFFD",
    ]);
    expect(parsed.testsuites).toMatchObject({ tests: "10", failures: "3", errors: "2" });
    const bruno = suites[1];
    expect(bruno).toMatchObject({ tests: "4", failures: "3", errors: "0" });
    expect(bruno.testcase[0].classname).toBe('bruno, o "rápido".verificações estáticas');
    expect(bruno.testcase[0].failure.message).toBe(
      'Use "BackoffRate": 2, não 1 — e ErrorEquals <Lambda.*> & cia.',
    );
    expect(bruno.testcase[1].failure.message).toContain("\n");
  });

  it("reports an ungradable submission as an <error> with its reason and located diagnostics", () => {
    const invalid = parsed.testsuites.testsuite[2];
    expect(invalid.testcase.name).toBe("submissão");
    expect(invalid.testcase.error.message).toBe("erro de sintaxe JSON: esperava ',' ou '}'");
    expect(invalid.testcase.error["#text"]).toContain("linha 3, coluna 7");
  });
});

describe("Gradescope results.json", () => {
  const results = JSON.parse(formatGradescope(single(1)));

  it("uses only Gradescope's documented fields", () => {
    expect(Object.keys(results).sort()).toEqual([
      "output",
      "score",
      "stdout_visibility",
      "tests",
      "visibility",
    ]);
    for (const test of results.tests)
      expect(Object.keys(test).sort()).toEqual([
        "max_score",
        "name",
        "number",
        "output",
        "score",
        "status",
        "visibility",
      ]);
  });

  it("scores each check, the total equal to the submission's points", () => {
    expect(results.score).toBe(5);
    expect(results.tests.reduce((sum: number, t: { score: number }) => sum + t.score, 0)).toBe(5);
    expect(results.tests.reduce((sum: number, t: { max_score: number }) => sum + t.max_score, 0)).toBe(25);
    expect(results.tests[0]).toMatchObject({
      name: "Verificação estática: ProcessarPagamento tem um Retry",
      status: "failed",
    });
  });

  it("shows hidden scenarios only after publication, naming the concept", () => {
    const hidden = results.tests.filter((t: { visibility: string }) => t.visibility === "after_published");
    expect(hidden).toHaveLength(1);
    expect(hidden[0].name).toBe(
      "Um erro que não é transitório vai direto para o Catch › Erros de negócio não são retentados",
    );
    expect(results.output).toContain("nunca os dados do cenário");
  });

  it("an invalid submission gets a failed 'Leitura da submissão' test with the located reason", () => {
    const invalid = JSON.parse(formatGradescope(single(2)));
    expect(invalid.score).toBe(0);
    expect(invalid.tests[0]).toMatchObject({
      name: "Leitura da submissão",
      score: 0,
      max_score: 25,
      status: "failed",
    });
    expect(invalid.tests[0].output).toContain("linha 3, coluna 7");
  });

  it("says a syntax error once, located, when the reason is the first diagnostic", () => {
    const message = "erro de sintaxe JSON: esperava ',' ou '}'";
    const submission = {
      ...report.submissions[2]!,
      reason: message,
      diagnostics: [{ code: "JSON_SYNTAX", severity: "error" as const, line: 3, column: 7, message }],
    };
    const one = { ...report, submissions: [submission] };
    expect(JSON.parse(formatGradescope(one)).tests[0].output).toBe(
      "linha 3, coluna 7: erro de sintaxe JSON: esperava ',' ou '}'",
    );
    expect(JSON.parse(formatClassroom(one)).tests[0]).toMatchObject({
      line_no: 3,
      message: "linha 3, coluna 7: erro de sintaxe JSON: esperava ',' ou '}'",
    });
  });

  it("refuses a report with several submissions", () => {
    expect(() => formatGradescope(report)).toThrow(GradescopeReportError);
  });
});

describe("GitHub Classroom result", () => {
  it("has the grader-action shape, partial credit in the tests' scores, hidden scenarios labelled", () => {
    const result = JSON.parse(formatClassroom(single(1)));
    expect(Object.keys(result).sort()).toEqual(["max_score", "status", "tests", "version"]);
    expect(result).toMatchObject({ version: 1, status: "fail", max_score: 25 });
    expect(result.tests.reduce((sum: number, t: { score: number }) => sum + t.score, 0)).toBe(5);
    expect(result.tests.map((t: { status: string }) => t.status)).toEqual(["fail", "fail", "pass", "fail"]);
    expect(result.tests[3].name).toBe(
      "oculto: Um erro que não é transitório vai direto para o Catch › Erros de negócio não são retentados",
    );
    expect(JSON.parse(formatClassroom(single(0))).status).toBe("pass");
    expect(JSON.parse(formatClassroom(single(2))).tests[0]).toMatchObject({ status: "error", score: 0 });
  });
});

describe("every reporter", () => {
  it("is deterministic: the same report gives the same bytes", () => {
    for (const format of REPORT_FORMATS.filter((f) => f !== "gradescope" && f !== "classroom"))
      expect(formatReport(structuredClone(report), format)).toBe(formatReport(report, format));
  });
});
