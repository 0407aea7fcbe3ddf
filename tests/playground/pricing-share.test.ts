import { strToU8, zlibSync } from "fflate";
import { describe, expect, it } from "vitest";
import { locatePointer } from "../../src/playground/diagnostics.ts";
import { estimateCost, formatUsd, PRICING, PRICING_SOURCE_URL } from "../../src/playground/pricing.ts";
import {
  decodeState,
  encodeState,
  parseShareHash,
  shareHash,
  type PlaygroundState,
} from "../../src/playground/share.ts";

describe("cost estimate", () => {
  it("Standard: USD 0.025 per 1,000 transitions", () => {
    expect(estimateCost(6, 14_000).standard).toBeCloseTo(0.00015, 12);
    expect(estimateCost(1000, 0).standard).toBeCloseTo(0.025, 12);
  });

  it("Express: USD 1 per million requests plus 64 MB × duration (rounded up to 100 ms) × price per GB-second", () => {
    const cost = estimateCost(6, 14_050);
    expect(cost.billedMs).toBe(14_100);
    expect(cost.expressRequest).toBe(0.000001);
    expect(cost.expressDuration).toBeCloseTo((64 / 1024) * 14.1 * 0.00001667, 15);
    expect(estimateCost(1, 0).billedMs).toBe(100);
    expect(PRICING.expressMemoryMb).toBe(64);
    expect(PRICING_SOURCE_URL).toBe("https://aws.amazon.com/step-functions/pricing/");
  });

  it("formats small amounts in pt-BR with enough decimals", () => {
    expect(formatUsd(0.00015)).toBe("US$ 0,00015000");
    expect(formatUsd(0.025)).toBe("US$ 0,025000");
    expect(formatUsd(0)).toBe("US$ 0,00");
  });
});

describe("share links", () => {
  const state: PlaygroundState = {
    definition:
      '{\n  "Comment": "Ação — ç ü 🎼",\n  "StartAt": "A",\n  "States": { "A": { "Type": "Pass", "End": true } }\n}\n',
    format: "json",
    input: '{ "pedidoId": "P-7" }',
    mocks: '{ "StateMachines": {}, "MockedResponses": {} }',
    testCase: "InstavelDepoisOk",
    express: true,
  };

  it("round-trips definition, input, scenario and flags (Unicode included) through base64url", () => {
    const payload = encodeState(state);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeState(payload)).toEqual(state);
    const hash = shareHash("pagamento", state);
    expect(hash.startsWith("#playground=pagamento~")).toBe(true);
    expect(parseShareHash(hash)).toEqual({ id: "pagamento", state });
  });

  it("compresses: a large definition gives a much shorter link", () => {
    const big = {
      ...state,
      definition: JSON.stringify(
        {
          States: Object.fromEntries(
            Array.from({ length: 200 }, (_, i) => [`Estado${i}`, { Type: "Pass", Next: `Estado${i + 1}` }]),
          ),
        },
        null,
        2,
      ),
    };
    expect(encodeState(big).length).toBeLessThan(big.definition.length / 4);
  });

  it("rejects corrupted or foreign payloads without throwing", () => {
    expect(decodeState("not-a-payload")).toBeUndefined();
    expect(decodeState(encodeState(state).slice(0, 20))).toBeUndefined();
    expect(parseShareHash("#outra-coisa")).toBeUndefined();
    expect(parseShareHash("#playground=pagamento~!!")).toBeUndefined();
  });

  it("a malformed %-escape in the id is no link, and does not throw (the playground still mounts)", () => {
    expect(() => parseShareHash(`#playground=%E0%A4%A~${encodeState(state)}`)).not.toThrow();
    expect(parseShareHash(`#playground=%E0%A4%A~${encodeState(state)}`)).toBeUndefined();
  });

  it("a link that would inflate past the limit is refused without inflating it all (zip-bomb link)", () => {
    // ~64 MB of JSON that deflates to a few dozen KB: the 409 KB link crashed the tab.
    const bomb = `{"v":1,"d":"${" ".repeat(64 * 1024 * 1024)}","i":"{}","m":"{}"}`;
    const payload = zlibSync(strToU8(bomb), { level: 9 });
    let binary = "";
    for (const byte of payload) binary += String.fromCharCode(byte);
    const link = btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect(link.length).toBeLessThan(500_000);
    expect(decodeState(link)).toBeUndefined();
    // A legitimate large state (1 MB definition) still opens.
    const large = { ...state, definition: JSON.stringify({ Comment: "x".repeat(1_000_000) }) };
    expect(decodeState(encodeState(large))?.definition).toBe(large.definition);
  }, 30_000);
});

describe("locating an engine DefinitionError pointer", () => {
  const text =
    '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "InputPath": "$$$", "End": true }\n  }\n}';
  it("finds the value in JSON", () => {
    const where = locatePointer(text, "json", "/States/A/InputPath");
    expect(where).toMatchObject({ line: 4, column: 41 });
    expect(text.slice(where!.from, where!.to)).toBe('"$$$"');
  });
  it("falls back to the nearest existing parent, and finds values in YAML", () => {
    expect(locatePointer(text, "json", "/States/A/Retry/0")).toMatchObject({ line: 4 });
    const yaml = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    InputPath: $$$\n    End: true\n";
    expect(locatePointer(yaml, "yaml", "/States/A/InputPath")).toMatchObject({ line: 5, column: 16 });
  });
  it("gives nothing for an IaC file (the pointer is relative to a nested definition)", () => {
    expect(locatePointer("service: x\nstepFunctions: {}\n", "yaml", "/States/A")).toBeUndefined();
  });
});
