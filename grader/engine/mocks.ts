/**
 * Step Functions Local's mock configuration file (`MockConfigFile.json`), accepted unchanged and turned
 * into a {@link TaskResolver}.
 *
 * Format (https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html):
 *
 * ```json
 * {
 *   "StateMachines": {
 *     "<state machine name>": { "TestCases": { "<test case>": { "<Task state name>": "<mocked response name>" } } }
 *   },
 *   "MockedResponses": {
 *     "<mocked response name>": {
 *       "0": { "Return": <service response> },
 *       "1-2": { "Throw": { "Error": "Lambda.TimeoutException", "Cause": "Lambda timed out." } }
 *     }
 *   }
 * }
 * ```
 *
 * - A mocked response is keyed by zero-based invocation number: `"n"` or an inclusive range `"a-b"`;
 *   Partitura extension: `"a-*"`, every invocation from `a` on (a service that fails "always").
 *   Every invocation of a mocked state (retries and Map iterations included) consumes the next number;
 *   an invocation without an entry fails the execution, as in Step Functions Local.
 * - Each entry holds exactly one of `Return` (the service's response, used as the task result; for a
 *   `.waitForTaskToken` task it is the callback's success value) or `Throw` (`Error`, and `Cause`).
 *   AWS's page says `Throw` contains `Error` and `Cause`; Partitura also accepts a missing `Cause`
 *   (it becomes `""`).
 * - Step Functions Local calls the real service for a Task state that the test case does not map.
 *   Partitura never touches the network: such a call throws {@link MissingMockError} instead.
 *
 * Partitura extension (not in Step Functions Local): an entry may carry `"DurationSeconds": <number ≥ 0>`
 * next to `Return`/`Throw` — the virtual time the task takes before its outcome is reported
 * ({@link TaskOutcome} `durationSeconds`).
 *
 * The file is read into `Map`s: names such as `__proto__` or `constructor` are plain names here and can
 * never reach `Object.prototype`.
 */
import { serviceOutcome, type ServiceBehaviour } from "./service-behaviour.ts";
import type { TaskOutcome, TaskRequest, TaskResolver } from "./task-resolver.ts";

// ---------------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------------

/** What one invocation answers: the `Return` or `Throw` of one entry of a mocked response. */
export type MockResponse =
  | { readonly kind: "return"; readonly value: unknown; readonly durationSeconds?: number }
  /** Partitura extension: what the service does; the Task sees it through its integration pattern. */
  | { readonly kind: "service"; readonly behaviour: ServiceBehaviour }
  | {
      readonly kind: "throw";
      readonly error: string;
      /** Absent when the file has no `Cause`: the error output then has no `Cause` field either. */
      readonly cause?: string;
      readonly durationSeconds?: number;
    };

/** One key of a mocked response: invocations `first`…`last` (inclusive, zero-based). */
export interface MockResponseRule {
  /** The key exactly as written in the file, e.g. `"1-2"`. */
  readonly key: string;
  readonly first: number;
  readonly last: number;
  readonly response: MockResponse;
}

/** An entry of `MockedResponses`. */
export interface MockedResponse {
  readonly name: string;
  /** Sorted by `first`; ranges never overlap (gaps are allowed and fail at run time). */
  readonly rules: readonly MockResponseRule[];
}

/** A test case: Task state name → name of an existing {@link MockedResponse}. */
export interface MockTestCase {
  readonly name: string;
  readonly states: ReadonlyMap<string, string>;
}

export interface MockStateMachine {
  readonly name: string;
  readonly testCases: ReadonlyMap<string, MockTestCase>;
}

/** The typed, validated form of a Step Functions Local mock configuration file. */
export interface MockConfig {
  readonly stateMachines: ReadonlyMap<string, MockStateMachine>;
  readonly mockedResponses: ReadonlyMap<string, MockedResponse>;
}

/** The mock file is malformed, or names a state machine / test case that it does not define. */
export class MockConfigError extends Error {
  /** JSON pointer (RFC 6901) into the file, e.g. `/MockedResponses/ChargeOk/0-1`; `""` is the root. */
  readonly pointer: string;

  constructor(message: string, pointer: string) {
    super(`${message} (em ${pointer === "" ? "raiz do arquivo" : pointer})`);
    this.name = "MockConfigError";
    this.pointer = pointer;
  }
}

/**
 * Thrown by a mock resolver when the test case does not cover a Task invocation: the state is not
 * mapped (`invocationIndex` is `undefined`), or its mocked response has no entry for that invocation.
 * The engine turns it into an execution failure carrying this message.
 */
export class MissingMockError extends Error {
  readonly stateName: string;
  readonly testCaseName: string;
  readonly stateMachineName: string;
  /** Name of the state's mocked response; `undefined` when the state is not in the test case. */
  readonly mockedResponseName: string | undefined;
  /** Zero-based invocation with no entry; `undefined` when the state is not in the test case. */
  readonly invocationIndex: number | undefined;

  constructor(
    message: string,
    details: {
      stateName: string;
      testCaseName: string;
      stateMachineName: string;
      mockedResponseName?: string;
      invocationIndex?: number;
    },
  ) {
    super(message);
    this.name = "MissingMockError";
    this.stateName = details.stateName;
    this.testCaseName = details.testCaseName;
    this.stateMachineName = details.stateMachineName;
    this.mockedResponseName = details.mockedResponseName;
    this.invocationIndex = details.invocationIndex;
  }
}

// ---------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------

type JsonObject = { readonly [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasOwn(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Reads an own property only: never something inherited from `Object.prototype`. */
function own(object: JsonObject, key: string): unknown {
  return hasOwn(object, key) ? object[key] : undefined;
}

function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function pointerOf(...tokens: readonly string[]): string {
  return tokens.map((token) => `/${escapePointerToken(token)}`).join("");
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "um array";
  switch (typeof value) {
    case "string":
      return `o texto ${JSON.stringify(value)}`;
    case "number":
      return `o número ${String(value)}`;
    case "boolean":
      return `o booleano ${String(value)}`;
    case "object": {
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto === Object.prototype || proto === null) return "um objeto";
      const ctor: unknown = isObject(proto) ? own(proto, "constructor") : undefined;
      return typeof ctor === "function" && ctor.name !== "" ? `um objeto ${ctor.name}` : "um objeto especial";
    }
    default:
      return `um valor ${typeof value}`;
  }
}

function quoteList(names: Iterable<string>): string {
  const list = [...names].map((name) => JSON.stringify(name));
  return list.length === 0 ? "(nenhum)" : list.join(", ");
}

/** An own key that is probably a misspelling of `expected` (case, or a missing final "s"). */
function nearMiss(object: JsonObject, expected: string): string | undefined {
  const target = expected.toLowerCase();
  return Object.keys(object).find((key) => {
    const lower = key.toLowerCase();
    return key !== expected && (lower === target || `${lower}s` === target || lower === `${target}s`);
  });
}

function missingKeyHint(object: JsonObject, expected: string): string {
  const miss = nearMiss(object, expected);
  return miss === undefined
    ? ""
    : ` Encontrei ${JSON.stringify(miss)}: o nome certo é ${JSON.stringify(expected)}.`;
}

/**
 * Deep copy of a JSON value. Objects are rebuilt with defined (own) properties, so a `__proto__` key
 * stays a plain key. With `pointer`, non-JSON values are rejected with a {@link MockConfigError}.
 */
function copyJson(value: unknown, pointer?: string): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value) && pointer !== undefined) {
      throw new MockConfigError(
        `O valor ${String(value)} não existe em JSON. Troque por um número finito ou por null.`,
        pointer,
      );
    }
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item, index) =>
      copyJson(item, pointer === undefined ? undefined : `${pointer}/${index}`),
    );
  }
  const proto: unknown = isObject(value) ? Object.getPrototypeOf(value) : undefined;
  if (isObject(value) && (proto === Object.prototype || proto === null || pointer === undefined)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const child = copyJson(
        value[key],
        pointer === undefined ? undefined : `${pointer}/${escapePointerToken(key)}`,
      );
      Object.defineProperty(out, key, { value: child, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (pointer !== undefined) {
    throw new MockConfigError(
      `${describeType(value)} não é um valor JSON. Use apenas objetos, arrays, textos, números, booleanos e null.`,
      pointer,
    );
  }
  return value;
}

const SINGLE_KEY = /^\d+$/;
const RANGE_KEY = /^(\d+)-(\d+|\*)$/;

function parseInvocationKey(key: string, pointer: string): { first: number; last: number } {
  const single = SINGLE_KEY.exec(key);
  const range = single === null ? RANGE_KEY.exec(key) : null;
  if (single === null && range === null) {
    throw new MockConfigError(
      `A chave ${JSON.stringify(key)} não é um número de invocação. Use um inteiro não negativo ("0", "3"), ` +
        `um intervalo inclusivo "a-b" com a ≤ b ("1-2") ou "a-*" (da invocação a em diante, "sempre"), sem espaços.`,
      pointer,
    );
  }
  const first = Number(single?.[0] ?? range?.[1]);
  // "a-*": every invocation from a on (Partitura extension): a scenario that says "always" never runs out.
  const last = range?.[2] === "*" ? Number.POSITIVE_INFINITY : Number(single?.[0] ?? range?.[2]);
  if (!Number.isSafeInteger(first) || !(Number.isSafeInteger(last) || last === Number.POSITIVE_INFINITY)) {
    throw new MockConfigError(
      `O número de invocação em ${JSON.stringify(key)} é grande demais. Use inteiros até ${Number.MAX_SAFE_INTEGER}.`,
      pointer,
    );
  }
  if (first > last) {
    throw new MockConfigError(
      `O intervalo ${JSON.stringify(key)} está invertido (${first} > ${last}). ` +
        `Escreva o menor número primeiro: "${last}-${first}".`,
      pointer,
    );
  }
  return { first, last };
}

const ENTRY_KEYS = ["Return", "Throw", "DurationSeconds", "Service"] as const;
const SERVICE_KEYS = ["Status", "DurationSeconds", "Output", "Error", "Cause"] as const;

function parseService(value: unknown, pointer: string): MockResponse {
  if (!isObject(value)) {
    throw new MockConfigError(
      `"Service" precisa ser um objeto { "Status": "SUCCEEDED" | "FAILED", "DurationSeconds", "Output", ` +
        `"Error", "Cause" }; recebi ${describeType(value)}.`,
      pointer,
    );
  }
  for (const key of Object.keys(value)) {
    if (!(SERVICE_KEYS as readonly string[]).includes(key)) {
      throw new MockConfigError(
        `Chave desconhecida ${JSON.stringify(key)} em "Service". Use só ${quoteList(SERVICE_KEYS)}.`,
        `${pointer}/${escapePointerToken(key)}`,
      );
    }
  }
  const status = own(value, "Status");
  if (status !== "SUCCEEDED" && status !== "FAILED") {
    throw new MockConfigError(
      `"Status" diz como o serviço termina: "SUCCEEDED" ou "FAILED"; recebi ${describeType(status)}.`,
      `${pointer}/Status`,
    );
  }
  const duration = own(value, "DurationSeconds");
  if (
    duration !== undefined &&
    (typeof duration !== "number" || !Number.isFinite(duration) || duration < 0)
  ) {
    throw new MockConfigError(
      `"DurationSeconds" precisa ser um número ≥ 0; recebi ${describeType(duration)}.`,
      `${pointer}/DurationSeconds`,
    );
  }
  for (const key of ["Error", "Cause"] as const) {
    const text = own(value, key);
    if (text !== undefined && typeof text !== "string") {
      throw new MockConfigError(
        `"${key}" precisa ser um texto; recebi ${describeType(text)}.`,
        `${pointer}/${key}`,
      );
    }
  }
  const behaviour: ServiceBehaviour = {
    status,
    ...(duration !== undefined ? { durationSeconds: duration as number } : {}),
    ...(hasOwn(value, "Output") ? { output: copyJson(value["Output"], `${pointer}/Output`) } : {}),
    ...(typeof value["Error"] === "string" ? { error: value["Error"] } : {}),
    ...(typeof value["Cause"] === "string" ? { cause: value["Cause"] } : {}),
  };
  return { kind: "service", behaviour };
}
const THROW_KEYS = ["Error", "Cause"] as const;

function parseEntry(value: unknown, pointer: string): MockResponse {
  if (!isObject(value)) {
    throw new MockConfigError(
      `Cada invocação precisa ser um objeto com "Return" ou "Throw"; recebi ${describeType(value)}. ` +
        `Exemplo: { "Return": { "StatusCode": 200 } }.`,
      pointer,
    );
  }
  for (const key of Object.keys(value)) {
    if (!(ENTRY_KEYS as readonly string[]).includes(key)) {
      throw new MockConfigError(
        `Chave desconhecida ${JSON.stringify(key)} na resposta simulada. Use só ${quoteList(ENTRY_KEYS)}.`,
        `${pointer}/${escapePointerToken(key)}`,
      );
    }
  }
  if (hasOwn(value, "Service")) {
    if (Object.keys(value).length > 1) {
      throw new MockConfigError(
        `"Service" descreve o serviço inteiro (duração incluída): não o misture com "Return", "Throw" ou ` +
          `"DurationSeconds" na mesma invocação.`,
        pointer,
      );
    }
    return parseService(value["Service"], `${pointer}/Service`);
  }
  const hasReturn = hasOwn(value, "Return");
  const hasThrow = hasOwn(value, "Throw");
  if (hasReturn === hasThrow) {
    throw new MockConfigError(
      hasReturn
        ? `A resposta tem "Return" e "Throw" ao mesmo tempo. Deixe só um: "Return" para sucesso, "Throw" para erro.`
        : `A resposta não tem "Return" nem "Throw". Adicione exatamente um: ` +
            `{ "Return": <resposta do serviço> } ou { "Throw": { "Error": "...", "Cause": "..." } }.`,
      pointer,
    );
  }

  let durationSeconds: number | undefined;
  if (hasOwn(value, "DurationSeconds")) {
    const duration = value["DurationSeconds"];
    if (typeof duration !== "number" || !Number.isFinite(duration) || duration < 0) {
      throw new MockConfigError(
        `"DurationSeconds" precisa ser um número ≥ 0 (segundos virtuais que a tarefa leva); ` +
          `recebi ${describeType(duration)}.`,
        `${pointer}/DurationSeconds`,
      );
    }
    durationSeconds = duration;
  }
  const timing = durationSeconds === undefined ? {} : { durationSeconds };

  if (hasReturn) {
    return { kind: "return", value: copyJson(value["Return"], `${pointer}/Return`), ...timing };
  }

  const thrown = value["Throw"];
  const throwPointer = `${pointer}/Throw`;
  if (!isObject(thrown)) {
    throw new MockConfigError(
      `"Throw" precisa ser um objeto { "Error": "...", "Cause": "..." }; recebi ${describeType(thrown)}.`,
      throwPointer,
    );
  }
  for (const key of Object.keys(thrown)) {
    if (!(THROW_KEYS as readonly string[]).includes(key)) {
      throw new MockConfigError(
        `Chave desconhecida ${JSON.stringify(key)} em "Throw". Use só "Error" (obrigatória) e "Cause".`,
        `${throwPointer}/${escapePointerToken(key)}`,
      );
    }
  }
  const error = own(thrown, "Error");
  if (typeof error !== "string" || error === "") {
    throw new MockConfigError(
      hasOwn(thrown, "Error")
        ? `"Error" precisa ser um texto não vazio com o nome do erro (ex.: "Lambda.TimeoutException"); ` +
            `recebi ${describeType(error)}.`
        : `"Throw" precisa de "Error" com o nome do erro, ex.: { "Error": "Lambda.TimeoutException", ` +
            `"Cause": "Lambda timed out." }. Use o mesmo nome que os Retry/Catch da máquina esperam.`,
      hasOwn(thrown, "Error") ? `${throwPointer}/Error` : throwPointer,
    );
  }
  const cause = own(thrown, "Cause");
  if (cause !== undefined && typeof cause !== "string") {
    throw new MockConfigError(
      `"Cause" precisa ser um texto; recebi ${describeType(cause)}. ` +
        `Se a causa é um objeto, serialize-o como texto JSON.`,
      `${throwPointer}/Cause`,
    );
  }
  return { kind: "throw", error, ...(cause !== undefined ? { cause } : {}), ...timing };
}

function parseMockedResponse(name: string, value: unknown): MockedResponse {
  const pointer = pointerOf("MockedResponses", name);
  if (!isObject(value)) {
    throw new MockConfigError(
      `A resposta simulada ${JSON.stringify(name)} precisa ser um objeto com chaves de invocação ` +
        `("0", "1-2"…); recebi ${describeType(value)}.`,
      pointer,
    );
  }
  const keys = Object.keys(value);
  if (keys.length === 0) {
    throw new MockConfigError(
      `A resposta simulada ${JSON.stringify(name)} está vazia. Adicione ao menos a invocação "0", ` +
        `ex.: { "0": { "Return": { ... } } }.`,
      pointer,
    );
  }
  const rules: MockResponseRule[] = [];
  for (const key of keys) {
    const keyPointer = `${pointer}/${escapePointerToken(key)}`;
    const { first, last } = parseInvocationKey(key, keyPointer);
    const clash = rules.find((rule) => rule.first <= last && first <= rule.last);
    if (clash !== undefined) {
      const from = Math.max(first, clash.first);
      const to = Math.min(last, clash.last);
      const overlap = from === to ? `a invocação ${from}` : `as invocações ${from} a ${to}`;
      throw new MockConfigError(
        `As chaves ${JSON.stringify(clash.key)} e ${JSON.stringify(key)} se sobrepõem (${overlap}). ` +
          `Cada invocação deve aparecer em uma só chave: ajuste os intervalos.`,
        keyPointer,
      );
    }
    rules.push({ key, first, last, response: parseEntry(value[key], keyPointer) });
  }
  rules.sort((a, b) => a.first - b.first);
  return { name, rules };
}

function parseTestCase(
  machineName: string,
  name: string,
  value: unknown,
  responseNames: ReadonlySet<string>,
): MockTestCase {
  const pointer = pointerOf("StateMachines", machineName, "TestCases", name);
  if (!isObject(value)) {
    throw new MockConfigError(
      `O caso de teste ${JSON.stringify(name)} precisa ser um objeto { "<estado Task>": "<resposta simulada>" }; ` +
        `recebi ${describeType(value)}.`,
      pointer,
    );
  }
  const states = new Map<string, string>();
  for (const stateName of Object.keys(value)) {
    const responseName = value[stateName];
    const statePointer = `${pointer}/${escapePointerToken(stateName)}`;
    if (typeof responseName !== "string") {
      throw new MockConfigError(
        `O estado ${JSON.stringify(stateName)} deve apontar para o nome de uma resposta em "MockedResponses" ` +
          `(um texto); recebi ${describeType(responseName)}. Mova a resposta para "MockedResponses" e use o nome dela aqui.`,
        statePointer,
      );
    }
    if (!responseNames.has(responseName)) {
      throw new MockConfigError(
        `O estado ${JSON.stringify(stateName)} usa a resposta simulada ${JSON.stringify(responseName)}, ` +
          `que não existe em "MockedResponses". Corrija o nome ou crie essa resposta. ` +
          `Respostas disponíveis: ${quoteList(responseNames)}.`,
        statePointer,
      );
    }
    states.set(stateName, responseName);
  }
  return { name, states };
}

function parseStateMachine(
  name: string,
  value: unknown,
  responseNames: ReadonlySet<string>,
): MockStateMachine {
  const pointer = pointerOf("StateMachines", name);
  if (!isObject(value)) {
    throw new MockConfigError(
      `A máquina ${JSON.stringify(name)} precisa ser um objeto { "TestCases": { ... } }; recebi ${describeType(value)}.`,
      pointer,
    );
  }
  if (!hasOwn(value, "TestCases")) {
    throw new MockConfigError(
      `Falta "TestCases" na máquina ${JSON.stringify(name)}. Adicione ` +
        `"TestCases": { "<NomeDoCaso>": { "<estado Task>": "<resposta simulada>" } }.` +
        missingKeyHint(value, "TestCases"),
      pointer,
    );
  }
  const testCases = value["TestCases"];
  if (!isObject(testCases)) {
    throw new MockConfigError(
      `"TestCases" precisa ser um objeto com um campo por caso de teste; recebi ${describeType(testCases)}.`,
      `${pointer}/TestCases`,
    );
  }
  const cases = new Map<string, MockTestCase>();
  for (const caseName of Object.keys(testCases)) {
    cases.set(caseName, parseTestCase(name, caseName, testCases[caseName], responseNames));
  }
  return { name, testCases: cases };
}

function requireTopLevelObject(root: JsonObject, key: string, example: string): JsonObject {
  if (!hasOwn(root, key)) {
    throw new MockConfigError(
      `Falta a chave ${JSON.stringify(key)} no topo do arquivo. Adicione ${JSON.stringify(key)}: ${example}.` +
        missingKeyHint(root, key),
      "",
    );
  }
  const value = root[key];
  if (!isObject(value)) {
    throw new MockConfigError(
      `${JSON.stringify(key)} precisa ser um objeto (${example}); recebi ${describeType(value)}.`,
      pointerOf(key),
    );
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------------

/**
 * Validates an already-parsed mock file and returns its typed form. Throws {@link MockConfigError}
 * (message in Brazilian Portuguese, `pointer` into the file) on the first problem found. Unknown keys are
 * ignored at the top level and inside a state machine; inside a response entry or a `Throw` they are
 * rejected, since they are almost always typos.
 */
export function parseMockConfig(json: unknown): MockConfig {
  if (!isObject(json)) {
    throw new MockConfigError(
      `O arquivo de mocks precisa ser um objeto JSON com "StateMachines" e "MockedResponses" ` +
        `(o formato do MockConfigFile.json do Step Functions Local); recebi ${describeType(json)}.`,
      "",
    );
  }
  const machines = requireTopLevelObject(
    json,
    "StateMachines",
    `{ "<NomeDaMaquina>": { "TestCases": { "<NomeDoCaso>": { "<estado Task>": "<resposta simulada>" } } } }`,
  );
  const responses = requireTopLevelObject(
    json,
    "MockedResponses",
    `{ "<resposta simulada>": { "0": { "Return": { ... } } } }`,
  );

  const responseNames = new Set(Object.keys(responses));
  const stateMachines = new Map<string, MockStateMachine>();
  for (const name of Object.keys(machines)) {
    stateMachines.set(name, parseStateMachine(name, machines[name], responseNames));
  }
  const mockedResponses = new Map<string, MockedResponse>();
  for (const name of responseNames) {
    mockedResponses.set(name, parseMockedResponse(name, responses[name]));
  }
  return { stateMachines, mockedResponses };
}

/** State machine name → its test case names, in file order (a prototype-free object). */
export function listTestCases(config: MockConfig): Record<string, string[]> {
  const result = Object.create(null) as Record<string, string[]>;
  for (const [name, machine] of config.stateMachines) {
    Object.defineProperty(result, name, {
      value: [...machine.testCases.keys()],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

function selectStateMachine(config: MockConfig, name: string | undefined): MockStateMachine {
  const available = quoteList(config.stateMachines.keys());
  if (name === undefined) {
    if (config.stateMachines.size === 1) {
      const [only] = config.stateMachines.values();
      if (only !== undefined) return only;
    }
    throw new MockConfigError(
      config.stateMachines.size === 0
        ? `O arquivo de mocks não define nenhuma máquina em "StateMachines". Adicione uma com seus "TestCases".`
        : `O arquivo de mocks define ${config.stateMachines.size} máquinas; diga qual usar. ` +
            `Disponíveis: ${available}.`,
      "/StateMachines",
    );
  }
  const machine = config.stateMachines.get(name);
  if (machine === undefined) {
    throw new MockConfigError(
      `A máquina ${JSON.stringify(name)} não está em "StateMachines" do arquivo de mocks. ` +
        `Use um destes nomes ou adicione a máquina ao arquivo: ${available}.`,
      "/StateMachines",
    );
  }
  return machine;
}

function findRule(response: MockedResponse, index: number): MockResponseRule | undefined {
  return response.rules.find((rule) => rule.first <= index && index <= rule.last);
}

/**
 * A resolver that answers every Task invocation from one test case.
 *
 * - `request.invocationIndex` (zero-based, per state per execution, retries and Map iterations included)
 *   picks the entry whose key covers it: `Return` → `success` with a fresh copy of the value,
 *   `Throw` → `failure` with its `Error`/`Cause`; `DurationSeconds` → `durationSeconds`.
 * - A state missing from the test case, or an invocation without an entry, throws {@link MissingMockError}.
 * - `request.stateMachineName` is not consulted: the resolver is bound to the machine chosen here.
 *
 * Throws {@link MockConfigError} (listing the available names) when the state machine is ambiguous or
 * unknown, or the test case does not exist.
 */
export function createMockResolver(
  config: MockConfig,
  options: {
    stateMachineName?: string;
    testCaseName: string;
    /**
     * A Task state the test case does not map: `"fail"` (default) throws {@link MissingMockError};
     * `"neutral"` answers `{}` at once (Step Functions Local would call the real service, which
     * Partitura never does) and reports the state to `onUnmocked`.
     */
    unmocked?: "fail" | "neutral";
    onUnmocked?: (stateName: string) => void;
  },
): TaskResolver {
  const machine = selectStateMachine(config, options.stateMachineName);
  const testCase = machine.testCases.get(options.testCaseName);
  if (testCase === undefined) {
    throw new MockConfigError(
      `O caso de teste ${JSON.stringify(options.testCaseName)} não existe na máquina ${JSON.stringify(machine.name)}. ` +
        `Casos disponíveis: ${quoteList(machine.testCases.keys())}.`,
      pointerOf("StateMachines", machine.name, "TestCases"),
    );
  }
  const where = `caso de teste ${JSON.stringify(testCase.name)} da máquina ${JSON.stringify(machine.name)}`;
  const mapPath = `StateMachines.${machine.name}.TestCases.${testCase.name}`;

  return (request: TaskRequest): TaskOutcome => {
    const responseName = testCase.states.get(request.stateName);
    const response = responseName === undefined ? undefined : config.mockedResponses.get(responseName);
    if ((responseName === undefined || response === undefined) && options.unmocked === "neutral") {
      options.onUnmocked?.(request.stateName);
      return { kind: "success", output: {} };
    }
    if (responseName === undefined || response === undefined) {
      throw new MissingMockError(
        `O estado ${JSON.stringify(request.stateName)} não tem mock no ${where}. ` +
          `O Partitura nunca chama serviços reais: adicione ${JSON.stringify(request.stateName)}: ` +
          `"<resposta simulada>" em ${mapPath} no arquivo de mocks.`,
        { stateName: request.stateName, testCaseName: testCase.name, stateMachineName: machine.name },
      );
    }
    const index = request.invocationIndex;
    const rule = Number.isSafeInteger(index) && index >= 0 ? findRule(response, index) : undefined;
    if (rule === undefined) {
      throw new MissingMockError(
        `A ${index + 1}ª invocação do estado ${JSON.stringify(request.stateName)} (invocationIndex ${index}, ` +
          `${where}) não tem resposta em MockedResponses.${response.name}, que cobre só ` +
          `${quoteList(response.rules.map((r) => r.key))}. Adicione a chave "${index}" (ou amplie um intervalo) ` +
          `no arquivo de mocks; lembre que cada retry e cada iteração de Map conta como uma invocação.`,
        {
          stateName: request.stateName,
          testCaseName: testCase.name,
          stateMachineName: machine.name,
          mockedResponseName: response.name,
          invocationIndex: index,
        },
      );
    }
    const answer = rule.response;
    if (answer.kind === "service") return serviceOutcome(request, answer.behaviour);
    const timing = answer.durationSeconds === undefined ? {} : { durationSeconds: answer.durationSeconds };
    if (answer.kind === "return") return { kind: "success", output: copyJson(answer.value), ...timing };
    return {
      kind: "failure",
      error: answer.error,
      ...(answer.cause !== undefined ? { cause: answer.cause } : {}),
      ...timing,
    };
  };
}
