/**
 * `npm run bench`: Partitura's engine side by side with aws-local-stepfunctions on the same
 * definitions. Prints states/s (or executions/s) for each, and the ratio. Each figure is the median of
 * several timed runs after warm-up. Workloads run as Express executions: the Choice loop and the Map
 * write more than Standard's 25,000 history events, which AWS (and Partitura) would fail.
 */
import { StateMachine } from "aws-local-stepfunctions";
import { compileStateMachine, Execution, type TaskResolver } from "../grader/engine/index.ts";
import { orderDefinition, type Definition } from "./definitions.ts";
import { benchHeader, formatCount, medianOf, pad, padLeft, stopwatch, timed } from "./timing.ts";

interface Workload {
  readonly name: string;
  readonly unit: "states/s" | "executions/s";
  /** How many units one run performs. */
  readonly units: number;
  readonly runs: number;
  ours(): Promise<void>;
  theirs(): Promise<void>;
}

const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:Work";

function chain(count: number, state: (index: number) => Definition, prefix = "S"): Definition {
  const States: Record<string, Definition> = {};
  for (let i = 0; i < count; i++) {
    States[`${prefix}${i}`] = {
      ...state(i),
      ...(i === count - 1 ? { End: true } : { Next: `${prefix}${i + 1}` }),
    };
  }
  return { StartAt: `${prefix}0`, States };
}

const echo: TaskResolver = (request) => ({ kind: "success", output: request.parameters });

async function runOurs(
  definition: Definition,
  input: unknown,
  resolveTask: TaskResolver = echo,
): Promise<unknown> {
  const result = await Execution.start(compileStateMachine(definition), input, {
    resolveTask,
    type: "EXPRESS",
  }).settle();
  if (result.status !== "SUCCEEDED") throw new Error(`Partitura: ${result.error} ${result.cause}`);
  return result.output;
}

function runOursCompiled(definition: Definition): (input: unknown) => Promise<unknown> {
  const machine = compileStateMachine(definition);
  return async (input) => {
    const result = await Execution.start(machine, input, { resolveTask: echo, type: "EXPRESS" }).settle();
    if (result.status !== "SUCCEEDED") throw new Error(`Partitura: ${result.error} ${result.cause}`);
    return result.output;
  };
}

const theirOptions = { validationOptions: { checkPaths: false, checkArn: false } };

function theirHandlers(definition: Definition): Record<string, (input: unknown) => Promise<unknown>> {
  const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
  const collect = (states: Record<string, Definition>) => {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === "Task") handlers[name] = async (input) => input;
      for (const branch of (state.Branches as Definition[] | undefined) ?? []) {
        collect(branch.States as Record<string, Definition>);
      }
      const processor = (state.ItemProcessor ?? state.Iterator) as Definition | undefined;
      if (processor) collect(processor.States as Record<string, Definition>);
    }
  };
  collect(definition.States as Record<string, Definition>);
  return handlers;
}

async function runTheirs(definition: Definition, input: unknown): Promise<unknown> {
  const machine = new StateMachine(definition as never, theirOptions as never);
  const execution = machine.run(
    input as never,
    { overrides: { taskResourceLocalHandlers: theirHandlers(definition) } } as never,
  );
  return execution.result;
}

function runTheirsCompiled(definition: Definition): (input: unknown) => Promise<unknown> {
  const machine = new StateMachine(definition as never, theirOptions as never);
  const overrides = { overrides: { taskResourceLocalHandlers: theirHandlers(definition) } };
  return (input) => machine.run(input as never, overrides as never).result;
}

const passChain = chain(10_000, () => ({ Type: "Pass" }));
const taskChain = chain(1_000, () => ({ Type: "Task", Resource: LAMBDA }));
const choiceLoop: Definition = {
  StartAt: "Init",
  States: {
    Init: { Type: "Pass", Parameters: { i: 0 }, Next: "Check" },
    Check: {
      Type: "Choice",
      Choices: [{ Variable: "$.i", NumericGreaterThanEquals: 10_000, Next: "Done" }],
      Default: "Increment",
    },
    Increment: { Type: "Pass", Parameters: { "i.$": "States.MathAdd($.i, 1)" }, Next: "Check" },
    Done: { Type: "Succeed" },
  },
};
const mapItems = Array.from({ length: 10_000 }, (_, i) => ({ id: i }));
const inlineMap: Definition = {
  StartAt: "M",
  States: {
    M: {
      Type: "Map",
      ItemsPath: "$.items",
      ItemProcessor: {
        ProcessorConfig: { Mode: "INLINE" },
        StartAt: "P",
        States: { P: { Type: "Pass", End: true } },
      },
      End: true,
    },
  },
};
const parallel: Definition = {
  StartAt: "P",
  States: {
    P: {
      Type: "Parallel",
      Branches: Array.from({ length: 10 }, (_, branch) => chain(10, () => ({ Type: "Pass" }), `B${branch}S`)),
      End: true,
    },
  },
};
const freshDefinition = (index: number) =>
  orderDefinition(index, { Type: "Task", Resource: LAMBDA, ResultPath: "$.pagamento", Next: "Fim" });

const passOurs = runOursCompiled(passChain);
const passTheirs = runTheirsCompiled(passChain);
const taskOurs = runOursCompiled(taskChain);
const taskTheirs = runTheirsCompiled(taskChain);
const choiceOurs = runOursCompiled(choiceLoop);
const choiceTheirs = runTheirsCompiled(choiceLoop);
const mapOurs = runOursCompiled(inlineMap);
const mapTheirs = runTheirsCompiled(inlineMap);
const parallelOurs = runOursCompiled(parallel);
const parallelTheirs = runTheirsCompiled(parallel);
let freshIndex = 0;

const workloads: Workload[] = [
  {
    name: "Pass chain, 10,000 states",
    unit: "states/s",
    units: 10_000,
    runs: 7,
    ours: () => passOurs({ a: 1 }).then(() => undefined),
    theirs: () => passTheirs({ a: 1 }).then(() => undefined),
  },
  {
    name: "Task chain, 1,000 states",
    unit: "states/s",
    units: 1_000,
    runs: 15,
    ours: () => taskOurs({ a: 1 }).then(() => undefined),
    theirs: () => taskTheirs({ a: 1 }).then(() => undefined),
  },
  {
    name: "Choice loop to 10,000 (States.MathAdd)",
    unit: "states/s",
    units: 20_002,
    runs: 5,
    ours: () => choiceOurs({}).then(() => undefined),
    theirs: () => choiceTheirs({}).then(() => undefined),
  },
  {
    name: "Inline Map, 10,000 items",
    unit: "states/s",
    units: 10_001,
    runs: 5,
    ours: () => mapOurs({ items: mapItems }).then(() => undefined),
    theirs: () => mapTheirs({ items: mapItems }).then(() => undefined),
  },
  {
    name: "Parallel, 10 branches × 10 states",
    unit: "states/s",
    units: 101,
    runs: 50,
    ours: () => parallelOurs({ a: 1 }).then(() => undefined),
    theirs: () => parallelTheirs({ a: 1 }).then(() => undefined),
  },
  {
    name: "Fresh 5-state definitions, compiled and run (×100)",
    unit: "executions/s",
    units: 100,
    runs: 5,
    async ours() {
      for (let i = 0; i < 100; i++) await runOurs(freshDefinition(freshIndex++), { pedido: i });
    },
    async theirs() {
      for (let i = 0; i < 100; i++) await runTheirs(freshDefinition(freshIndex++), { pedido: i });
    },
  },
];

console.log(benchHeader());
console.log(
  `${pad("workload", 52)}${padLeft("Partitura", 16)}${padLeft("aws-local-sfn", 16)}${padLeft("ratio", 9)}  unit`,
);
for (const workload of workloads) {
  const ours = await medianOf(workload.runs, () => timed(workload.ours));
  const theirs = await medianOf(workload.runs, () => timed(workload.theirs));
  const oursRate = (workload.units / ours) * 1000;
  const theirsRate = (workload.units / theirs) * 1000;
  console.log(
    `${pad(workload.name, 52)}${padLeft(formatCount(oursRate), 16)}${padLeft(formatCount(theirsRate), 16)}${padLeft(
      (oursRate / theirsRate).toFixed(2) + "×",
      9,
    )}  ${workload.unit}`,
  );
}

// The lesson's payment scenario: Retry 2 s × 3 with BackoffRate 2, then Catch.
const payment: Definition = {
  StartAt: "ProcessarPagamento",
  States: {
    ProcessarPagamento: {
      Type: "Task",
      Resource: LAMBDA,
      Retry: [
        {
          ErrorEquals: ["Lambda.TooManyRequestsException"],
          IntervalSeconds: 2,
          MaxAttempts: 3,
          BackoffRate: 2,
        },
      ],
      Catch: [{ ErrorEquals: ["States.TaskFailed"], ResultPath: "$.erro", Next: "NotificarFalha" }],
      Next: "Fim",
    },
    NotificarFalha: { Type: "Pass", Next: "Fim" },
    Fim: { Type: "Succeed" },
  },
};
const throttled: TaskResolver = () => ({
  kind: "failure",
  error: "Lambda.TooManyRequestsException",
  cause: "Rate exceeded",
});
let elapsed = stopwatch();
const ours = await Execution.start(compileStateMachine(payment), {}, { resolveTask: throttled }).settle();
const oursMs = elapsed();
elapsed = stopwatch();
const theirMachine = new StateMachine(payment as never, theirOptions as never);
await theirMachine.run(
  {} as never,
  {
    overrides: {
      taskResourceLocalHandlers: {
        ProcessarPagamento: async () => {
          const error = new Error("Rate exceeded");
          error.name = "Lambda.TooManyRequestsException";
          throw error;
        },
      },
    },
  } as never,
).result;
const theirsMs = elapsed();
const virtualSeconds = (Date.parse(ours.stopDate!) - Date.parse(ours.startDate)) / 1000;
console.log(
  `${pad("Payment scenario (2+4+8 s backoff, then Catch): wall ms", 52)}${padLeft(oursMs.toFixed(1), 16)}${padLeft(
    theirsMs.toFixed(1),
    16,
  )}${padLeft((theirsMs / oursMs).toFixed(0) + "×", 9)}  faster (virtual duration ${virtualSeconds} s)`,
);
