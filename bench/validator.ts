/**
 * `node bench/validator.ts`: the ASL validator side by side with asl-validator on the same definitions.
 * Prints definitions/s for each, the ratio, µs per definition, and each module's start-up time.
 * Each figure is the median of several timed rounds after warm-up. Both validators get distinct,
 * freshly built definitions (asl-validator writes into the object it validates).
 */
import { createRequire } from "node:module";
import { orderDefinition, type Definition } from "./definitions.ts";
import { benchHeader, formatCount, medianOf, pad, padLeft, stopwatch } from "./timing.ts";

let elapsed = stopwatch();
const { validateDefinition, validateSource } = await import("../grader/validator/index.ts");
const oursStartupMs = elapsed();
elapsed = stopwatch();
const aslValidator = createRequire(import.meta.url)("asl-validator") as (definition: unknown) => {
  isValid: boolean;
};
const theirsStartupMs = elapsed();

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:Pagar";

function fiveStates(index: number): Definition {
  return orderDefinition(index, {
    Type: "Task",
    Resource: LAMBDA,
    Parameters: { "pedido.$": "$.pedido", "total.$": "States.MathAdd($.valor, 1)" },
    ResultPath: "$.pagamento",
    Retry: [
      {
        ErrorEquals: ["Lambda.TooManyRequestsException"],
        IntervalSeconds: 2,
        MaxAttempts: 3,
        BackoffRate: 2,
      },
    ],
    Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.erro", Next: "Falhar" }],
    Next: "Fim",
  });
}

function chain(count: number, index: number): Definition {
  const States: Record<string, Definition> = {};
  for (let i = 0; i < count; i++) {
    States[`S${i}`] = {
      Type: "Task",
      Resource: LAMBDA,
      Comment: `passo ${index}`,
      Retry: [{ ErrorEquals: ["States.TaskFailed"] }],
      ...(i === count - 1 ? { End: true } : { Next: `S${i + 1}` }),
    };
  }
  return { StartAt: "S0", States };
}

interface Workload {
  readonly name: string;
  make(index: number): Definition;
}

const workloads: Workload[] = [
  { name: "5-state definition (parsed object)", make: fiveStates },
  { name: "100-state Task chain (parsed object)", make: (i) => chain(100, i) },
];

/** Median time per definition (ms) over `rounds` rounds of `batch` definitions each, after warm-up. */
function measure(
  validate: (definition: Definition) => void,
  make: (i: number) => Definition,
  batch: number,
  rounds: number,
): Promise<number> {
  let index = 0;
  return medianOf(rounds, () => {
    const definitions = Array.from({ length: batch }, () => make(index++));
    const elapsed = stopwatch();
    for (const definition of definitions) validate(definition);
    return elapsed() / batch;
  });
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

check(
  validateDefinition(fiveStates(0)).every((d) => d.severity !== "error"),
  "our validator rejects the bench definition",
);
check(aslValidator(fiveStates(0)).isValid, "asl-validator rejects the bench definition");

console.log(benchHeader());
console.log(
  `${pad("module start-up (first import)", 44)}${padLeft(oursStartupMs.toFixed(1) + " ms", 14)}${padLeft(theirsStartupMs.toFixed(1) + " ms", 16)}`,
);
console.log(
  `${pad("workload", 44)}${padLeft("Partitura", 14)}${padLeft("asl-validator", 16)}${padLeft("ratio", 10)}  unit`,
);
for (const workload of workloads) {
  const ours = await measure((d) => validateDefinition(d), workload.make, 2000, 9);
  const theirs = await measure((d) => aslValidator(d), workload.make, 5, 5);
  console.log(
    `${pad(workload.name, 44)}${padLeft(formatCount(1000 / ours), 14)}${padLeft(formatCount(1000 / theirs), 16)}${padLeft(
      (theirs / ours).toFixed(0) + "×",
      10,
    )}  definitions/s (ours ${(ours * 1000).toFixed(1)} µs each)`,
  );
}

// From source text: parsing with positions (jsonc-parser tree) is part of what the editor pays.
const texts = Array.from({ length: 4000 }, (_, i) => JSON.stringify(fiveStates(i), null, 2));
let textIndex = 0;
const fromText = await measure(
  () => validateSource(texts[textIndex++ % texts.length]!, { fileName: "x.asl.json" }),
  fiveStates,
  2000,
  9,
);
const theirsFromText = await measure((d) => aslValidator(JSON.parse(JSON.stringify(d))), fiveStates, 5, 5);
console.log(
  `${pad("5-state definition from JSON text", 44)}${padLeft(formatCount(1000 / fromText), 14)}${padLeft(
    formatCount(1000 / theirsFromText),
    16,
  )}${padLeft((theirsFromText / fromText).toFixed(0) + "×", 10)}  definitions/s (ours ${(fromText * 1000).toFixed(1)} µs each, with line/column)`,
);
