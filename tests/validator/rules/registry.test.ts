/** The rule registry: AWS's rules and our advice kept apart. */
import { describe, expect, it } from "vitest";
import { checkDefinition } from "../../../grader/validator/check.ts";
import { validateDefinition } from "../../../grader/validator/index.ts";
import { ADVICE_RULES, AWS_RULES, RULES } from "../../../grader/validator/rules/registry.ts";
import { defineRule } from "../../../grader/validator/rules/rule.ts";
import { machine, task } from "./helpers.ts";

describe("registry", () => {
  it("every diagnostic names a lesson section", () => {
    const diagnostics = validateDefinition(machine({ A: task({ Retry: undefined, Nxt: 1 }) }));
    expect(diagnostics.length).toBeGreaterThan(1);
    for (const diagnostic of diagnostics) expect(diagnostic.lessonSection).toMatch(/^[a-z0-9-]+$/);
  });
});

describe("AWS's rules and our advice never mix", () => {
  const definitions = [
    machine({ A: task({ Retry: undefined, Nxt: 1 }) }),
    machine({ A: { Type: "Pass", End: true }, Orfao: { Type: "Pass", End: true } }),
    machine({
      A: task({
        Resource: "arn:aws:lambda:REGION:ACCOUNT_ID:function:F",
        Catch: [{ ErrorEquals: ["States.ALL"], Next: "F" }],
      }),
      F: { Type: "Fail", Error: "E", Cause: "$.x" },
    }),
    machine({ A: task({ Retry: [{ ErrorEquals: ["States.Falhou"] }, { ErrorEquals: ["States.Falhou"] }] }) }),
  ];

  it("every rule has a unique name and declares its codes; advice rules declare no error", () => {
    expect(new Set(RULES.map((rule) => rule.name)).size).toBe(RULES.length);
    for (const rule of ADVICE_RULES) {
      expect(rule.kind).toBe("advice");
      expect(Object.values(rule.codes)).not.toContain("error");
    }
    for (const rule of AWS_RULES) {
      expect(rule.kind).toBe("aws");
      expect(Object.values(rule.codes)).not.toContain("info");
    }
  });

  it("every diagnostic comes with the code and severity its rule declares", () => {
    const declared = new Map<string, Set<string>>();
    for (const rule of RULES)
      for (const [code, severity] of Object.entries(rule.codes))
        declared.set(code, (declared.get(code) ?? new Set()).add(severity));
    for (const definition of definitions) {
      for (const d of validateDefinition(definition)) {
        expect(declared.get(d.code), d.code).toBeDefined();
        expect([...declared.get(d.code)!], d.code).toContain(d.severity);
      }
    }
  });

  it("without advice, only AWS's codes remain, and AWS's verdict is the same", () => {
    const adviceCodes = new Set(ADVICE_RULES.flatMap((rule) => Object.keys(rule.codes)));
    for (const definition of definitions) {
      const all = checkDefinition(definition);
      const awsOnly = checkDefinition(definition, { advice: false });
      expect(awsOnly).toEqual(all.filter((d) => !adviceCodes.has(d.code)));
      expect(all.some((d) => adviceCodes.has(d.code))).toBe(true);
    }
  });

  it("the type system refuses an advice rule that reports an error", () => {
    const rule = defineRule({
      name: "example",
      kind: "advice",
      description: "example",
      // @ts-expect-error an advice rule cannot declare an error-severity code
      codes: { EXAMPLE: "error" },
      check() {},
    });
    expect(rule.kind).toBe("advice");
    const reporting = defineRule({
      name: "example-2",
      kind: "aws",
      description: "example",
      codes: { DECLARED: "error" },
      check(_model, report) {
        // @ts-expect-error a rule reports only the codes it declares
        report("UNDECLARED", [], "x", "intro");
      },
    });
    expect(reporting.kind).toBe("aws");
  });
});
