/**
 * The one reader every command and the site's editor use (grader/validator/source.ts): hostile or odd
 * files — alias bombs, absurd nesting, a BOM, UTF-16 — get a located Portuguese diagnostic, quickly,
 * never an exception or a hang.
 */
import { describe, expect, it } from "vitest";
import { allDiagnostics, validateSource } from "../../grader/validator/index.ts";
import { decodeSource, MAX_SOURCE_DEPTH, parseSource, stripBom } from "../../grader/validator/source.ts";
import { nestedParallels } from "./nested-parallels.ts";

const PASS = '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }';

/** A 400-byte "billion laughs": 9 levels of 10 aliases each, 10^9 values once expanded. */
const BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
  ..."bcdefghi".split("").map((name, index) => {
    const previous = "abcdefgh"[index]!;
    return `${name}: &${name} [${Array(10).fill(`*${previous}`).join(",")}]`;
  }),
  "StartAt: A",
  "States:",
  "  A:",
  "    Type: Pass",
  "    Result: *i",
  "    End: true",
].join("\n");

function codes(text: string, fileName: string): string[] {
  return allDiagnostics(validateSource(text, { fileName })).map(({ diagnostic }) => diagnostic.code);
}

describe("YAML aliases", () => {
  it("a billion-laughs file is refused in milliseconds, at the alias that explodes", () => {
    const started = performance.now();
    const report = validateSource(BOMB, { fileName: "bomba.yaml" });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(report.stateMachines).toEqual([]);
    const [problem] = report.fileDiagnostics;
    expect(problem).toMatchObject({ code: "YAML_ALIAS_LIMIT", severity: "error" });
    expect(problem!.range?.start).toMatchObject({ line: 14, column: 13 });
    expect(problem!.message).toContain("billion laughs");
  });

  it("a legitimate file with 120 aliases of one Retry block reads fully", () => {
    const states = Array.from({ length: 120 }, (_, i) =>
      [
        `  S${i}:`,
        "    Type: Task",
        "    Resource: arn:aws:lambda:us-east-1:123456789012:function:f",
        i === 0
          ? "    Retry: &r [{ErrorEquals: [States.TaskFailed], IntervalSeconds: 2, MaxAttempts: 3}]"
          : "    Retry: *r",
        i === 119 ? "    End: true" : `    Next: S${i + 1}`,
      ].join("\n"),
    );
    const text = ["StartAt: S0", "States:", ...states].join("\n");
    const parsed = parseSource(text, "muitos.yaml");
    expect(parsed.diagnostics).toEqual([]);
    const value = parsed.value as { States: Record<string, { Retry: unknown }> };
    expect(value.States["S119"]!.Retry).toEqual([
      { ErrorEquals: ["States.TaskFailed"], IntervalSeconds: 2, MaxAttempts: 3 },
    ]);
    expect(codes(text, "muitos.yaml")).not.toContain("YAML_ALIAS_LIMIT");
    // The locator follows aliases: a problem inside an aliased block points at the anchor.
    expect(parsed.locator.range(["States", "S5", "Retry", 0, "IntervalSeconds"])?.start.line).toBe(6);
  });

  it("an alias inside its own anchor is refused, not followed forever", () => {
    const [problem] = validateSource("a: &a [1, *a]\nStartAt: A\n", {
      fileName: "ciclo.yaml",
    }).fileDiagnostics;
    expect(problem).toMatchObject({ code: "YAML_ALIAS_LIMIT", range: { start: { line: 1, column: 11 } } });
    expect(problem!.message).toContain("circular");
  });
});

describe("nesting depth", () => {
  it("5000 nested Parallels (400 KB): TOO_DEEPLY_NESTED, located, no stack overflow", () => {
    const text = nestedParallels(5000);
    expect(text.length).toBeGreaterThan(400_000);
    const [problem] = validateSource(text, { fileName: "fundo.json" }).fileDiagnostics;
    expect(problem).toMatchObject({ code: "TOO_DEEPLY_NESTED", severity: "error" });
    expect(problem!.range?.start.line).toBe(1);
    expect(problem!.message).toContain(`${MAX_SOURCE_DEPTH} níveis`);
  });

  it("nesting the reader accepts still gets the validator's Parallel/Map limit", () => {
    expect(codes(nestedParallels(100), "fundo.json")).toContain("TOO_DEEPLY_NESTED");
    expect(codes(nestedParallels(3), "raso.json")).not.toContain("TOO_DEEPLY_NESTED");
  });

  it("100 000 nested lists of plain data, JSON or YAML flow, are refused without a crash", () => {
    const json = parseSource("[".repeat(100_000) + "]".repeat(100_000), "entrada.json");
    expect(json.diagnostics[0]).toMatchObject({ code: "TOO_DEEPLY_NESTED" });
    const yaml = parseSource("a: " + "[".repeat(100_000) + "]".repeat(100_000), "entrada.yaml");
    expect(yaml.diagnostics[0]).toMatchObject({ code: "TOO_DEEPLY_NESTED" });
    const block = Array.from({ length: 600 }, (_, i) => " ".repeat(i) + "k:").join("\n");
    expect(parseSource(block, "bloco.yaml").diagnostics[0]).toMatchObject({ code: "TOO_DEEPLY_NESTED" });
  });

  it("aliases stacking anchors inside each other cannot build a value deeper than the limit", () => {
    const lines = ["a0: &a0 [x]"];
    for (let i = 1; i < 700; i++) lines.push(`a${i}: &a${i} [*a${i - 1}]`);
    const [problem] = parseSource(lines.join("\n"), "pilha.yaml").diagnostics;
    expect(["TOO_DEEPLY_NESTED", "YAML_ALIAS_LIMIT"]).toContain(problem?.code);
  });
});

describe("encodings", () => {
  it("a UTF-8 BOM is dropped and positions count from the first visible character", () => {
    const text = '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Pass", "Next": "B" } }\n}';
    const target = (source: string) =>
      allDiagnostics(validateSource(source, { fileName: "bom.asl.json" })).find(
        ({ diagnostic }) => diagnostic.code === "MISSING_TRANSITION_TARGET",
      )?.diagnostic.range?.start;
    expect(target("\uFEFF" + text)).toEqual(target(text));
    expect(target("\uFEFF" + text)).toMatchObject({ line: 3, column: 46 });
    const yaml = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n";
    expect(codes("\uFEFF" + yaml, "bom.yaml")).toEqual(codes(yaml, "bom.yaml"));
    expect(stripBom("\uFEFFabc")).toBe("abc");
  });

  it("UTF-16 (what PowerShell 5's > writes) gets its own message, as bytes or as mis-decoded text", () => {
    const bytes = new Uint8Array(Buffer.from("\uFEFF" + PASS, "utf16le"));
    expect(decodeSource(bytes)).toEqual({ ok: false, encoding: "utf-16" });
    const big = new Uint8Array(Buffer.from("\uFEFF" + PASS, "utf16le").swap16());
    expect(decodeSource(big)).toEqual({ ok: false, encoding: "utf-16" });
    expect(decodeSource(new Uint8Array(Buffer.from("\uFEFF" + PASS)))).toEqual({ ok: true, text: PASS });
    expect(decodeSource(new Uint8Array([0xc3, 0x28]), { fatal: true })).toEqual({
      ok: false,
      encoding: "invalid-utf-8",
    });
    const [problem] = validateSource(new TextDecoder().decode(bytes), {
      fileName: "u16.json",
    }).fileDiagnostics;
    expect(problem).toMatchObject({ code: "INVALID_ENCODING", range: { start: { line: 1, column: 1 } } });
    expect(problem!.message).toContain("salve-o como UTF-8");
  });
});

describe("JSON typos", () => {
  it("a bare word is reported where it starts, not after it", () => {
    for (const text of ["nope", "tru}"]) {
      const [problem] = parseSource(text, "entrada.json").diagnostics;
      expect(problem?.range?.start).toMatchObject({ line: 1, column: 1 });
      expect(problem?.message).toContain("caractere inesperado");
    }
  });

  it("single quotes are named as such, once (no cascade of follow-up errors)", () => {
    const problems = parseSource("{'a': 1}", "aspas.json").diagnostics;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.range?.start).toMatchObject({ line: 1, column: 2 });
    expect(problems[0]?.message).toContain("aspas duplas");
    expect(problems[0]?.message).not.toContain("vírgula sobrando");
  });

  it("a .json file is never re-read as YAML; a name without extension still may be", () => {
    expect(codes("nope", "definicao.json")).toEqual(["INVALID_JSON_DESCRIPTION"]);
    expect(parseSource("StartAt: A\n", "template").value).toEqual({ StartAt: "A" });
  });
});

// AWS quota: a state machine definition is at most 1 MB (docs.aws.amazon.com/step-functions/latest/dg/
// service-quotas.html, "Maximum definition size").
describe("DEFINITION_TOO_LARGE", () => {
  const withComment = (length: number) =>
    JSON.stringify({ Comment: "x".repeat(length), StartAt: "A", States: { A: { Type: "Succeed" } } });
  const codes = (text: string) =>
    validateSource(text, { fileName: "grande.asl.json" }).stateMachines[0]!.diagnostics.map((d) => d.code);

  it("refuses a definition over 1,048,576 bytes and accepts one at the limit", () => {
    const overhead = withComment(0).length;
    expect(codes(withComment(1_048_576 - overhead))).not.toContain("DEFINITION_TOO_LARGE");
    const large = validateSource(withComment(1_048_577 - overhead), { fileName: "grande.asl.json" });
    const [finding] = large.stateMachines[0]!.diagnostics.filter((d) => d.code === "DEFINITION_TOO_LARGE");
    expect(finding).toMatchObject({
      severity: "error",
      location: "/",
      range: { start: { line: 1, column: 1 } },
    });
    expect(finding!.message).toContain("1.048.577 bytes");
  });
});
