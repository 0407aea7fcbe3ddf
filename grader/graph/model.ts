/**
 * From an Amazon States Language definition to the graph the course draws: one node per state, edges for
 * Next / Choice rules / Default / Catch, Parallel branches and Map item processors as nested graphs.
 * Browser-safe: no Node APIs, no DOM.
 */
import { graphMessages } from "./messages.ts";

export type EdgeKind = "start" | "next" | "choice" | "default" | "catch" | "end";

export interface GraphNode {
  /** Unique in the whole drawing (path of container names + state name). */
  readonly id: string;
  /** The state name, or the marker's label. */
  readonly name: string;
  /** ASL type ("Task", "Choice", …); "Start"/"End" for the markers; "?" for a missing target. */
  readonly type: string;
  readonly kind: "state" | "start" | "end" | "missing";
  /** Parallel: one sub-graph per branch. Map: one sub-graph, the item processor. */
  readonly children: readonly SubGraph[];
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label?: string;
}

export interface SubGraph {
  readonly id: string;
  /** Id of the node the graph starts at (the Start marker at the top level, else the StartAt state). */
  readonly start: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export class GraphDefinitionError extends Error {
  override readonly name = "GraphDefinitionError";
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export interface GraphLabels {
  readonly start: string;
  readonly end: string;
  readonly defaultBranch: string;
  readonly choiceRule: (index: number) => string;
}

export const DEFAULT_LABELS: GraphLabels = {
  start: graphMessages.start,
  end: graphMessages.end,
  defaultBranch: graphMessages.defaultBranch,
  choiceRule: graphMessages.choiceRule,
};

/** Builds the top-level graph, with Start and End markers. Throws {@link GraphDefinitionError} (pt-BR). */
export function buildGraph(definition: unknown, labels: GraphLabels = DEFAULT_LABELS): SubGraph {
  return buildStateList(definition, "wf", "a definição", labels, true);
}

function buildStateList(
  machine: unknown,
  id: string,
  where: string,
  labels: GraphLabels,
  markers: boolean,
): SubGraph {
  if (!isObject(machine)) throw new GraphDefinitionError(`Em ${where}: esperava um objeto JSON.`);
  const { StartAt: startAt, States: states } = machine;
  if (typeof startAt !== "string") throw new GraphDefinitionError(`Em ${where}: falta o campo "StartAt".`);
  if (!isObject(states) || Object.keys(states).length === 0) {
    throw new GraphDefinitionError(
      `Em ${where}: o campo "States" precisa ser um objeto com ao menos um estado.`,
    );
  }

  const nodeId = (name: string) => `${id}/${name}`;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const missing = new Set<string>();
  const target = (name: unknown): string | undefined => {
    if (typeof name !== "string") return undefined;
    if (!(name in states)) missing.add(name);
    return nodeId(name);
  };
  const startMarker = `${id}#start`;
  const endMarker = `${id}#end`;

  if (markers) {
    nodes.push({ id: startMarker, name: labels.start, type: "Start", kind: "start", children: [] });
    const to = target(startAt);
    if (to) edges.push({ from: startMarker, to, kind: "start" });
  } else {
    target(startAt);
  }

  let terminal = false;
  for (const [name, state] of Object.entries(states)) {
    if (!isObject(state)) throw new GraphDefinitionError(`O estado "${name}" precisa ser um objeto.`);
    const type = typeof state["Type"] === "string" ? state["Type"] : "?";
    const from = nodeId(name);
    const children: SubGraph[] = [];

    if (type === "Parallel") {
      const branches = Array.isArray(state["Branches"]) ? state["Branches"] : [];
      branches.forEach((branch, index) =>
        children.push(
          buildStateList(branch, `${from}[${index}]`, `o ramo ${index + 1} de "${name}"`, labels, false),
        ),
      );
    } else if (type === "Map") {
      const processor = state["ItemProcessor"] ?? state["Iterator"];
      if (processor !== undefined) {
        children.push(
          buildStateList(processor, `${from}[item]`, `o ItemProcessor de "${name}"`, labels, false),
        );
      }
    }
    nodes.push({ id: from, name, type, kind: "state", children });

    if (type === "Choice") {
      const choices = Array.isArray(state["Choices"]) ? state["Choices"] : [];
      choices.forEach((rule, index) => {
        const to = isObject(rule) ? target(rule["Next"]) : undefined;
        if (to) edges.push({ from, to, kind: "choice", label: describeChoiceRule(rule, index + 1, labels) });
      });
      const to = target(state["Default"]);
      if (to) edges.push({ from, to, kind: "default", label: labels.defaultBranch });
    } else {
      const to = target(state["Next"]);
      if (to) edges.push({ from, to, kind: "next" });
    }

    const catchers = Array.isArray(state["Catch"]) ? state["Catch"] : [];
    for (const catcher of catchers) {
      if (!isObject(catcher)) continue;
      const to = target(catcher["Next"]);
      const errors = Array.isArray(catcher["ErrorEquals"]) ? catcher["ErrorEquals"].map(String) : [];
      if (to) edges.push({ from, to, kind: "catch", label: errors.join(", ") });
    }

    const ends = state["End"] === true || type === "Succeed" || type === "Fail";
    if (ends && markers) {
      edges.push({ from, to: endMarker, kind: "end" });
      terminal = true;
    }
  }

  for (const name of missing) {
    nodes.push({ id: nodeId(name), name, type: "?", kind: "missing", children: [] });
  }
  if (markers && terminal)
    nodes.push({ id: endMarker, name: labels.end, type: "End", kind: "end", children: [] });
  return { id, start: markers ? startMarker : nodeId(startAt), nodes, edges };
}

const OPERATORS: Record<string, string> = {
  StringEquals: "==",
  NumericEquals: "==",
  BooleanEquals: "==",
  TimestampEquals: "==",
  StringLessThan: "<",
  NumericLessThan: "<",
  TimestampLessThan: "<",
  StringGreaterThan: ">",
  NumericGreaterThan: ">",
  TimestampGreaterThan: ">",
  StringLessThanEquals: "<=",
  NumericLessThanEquals: "<=",
  TimestampLessThanEquals: "<=",
  StringGreaterThanEquals: ">=",
  NumericGreaterThanEquals: ">=",
  TimestampGreaterThanEquals: ">=",
  StringMatches: "≈",
};

/** A short label for a Choice rule: `$.x > 10` for simple comparisons, the JSONata condition, or "Regra n". */
export function describeChoiceRule(
  rule: unknown,
  index: number,
  labels: GraphLabels = DEFAULT_LABELS,
): string {
  if (!isObject(rule)) return labels.choiceRule(index);
  const condition = rule["Condition"];
  if (typeof condition === "string") return condition.replace(/^\{%\s*|\s*%\}$/g, "");
  const variable = rule["Variable"];
  if (typeof variable !== "string") return labels.choiceRule(index);
  for (const [key, value] of Object.entries(rule)) {
    if (key === "Variable" || key === "Next" || key === "Assign" || key === "Comment") continue;
    const base = key.endsWith("Path") ? key.slice(0, -4) : key;
    const operator = OPERATORS[base];
    if (operator !== undefined) return `${variable} ${operator} ${JSON.stringify(value)}`;
    if (base === "IsPresent" || base === "IsNull" || base.startsWith("Is"))
      return `${variable} ${key}: ${String(value)}`;
  }
  return labels.choiceRule(index);
}

/** Number of states in a definition, nested ones included (what the drawing must show). */
export function countStates(graph: SubGraph): number {
  return listStates(graph).length;
}

/** "Name (Type)" for every state, in definition order, nested states right after their container. */
export function listStates(graph: SubGraph): string[] {
  return graph.nodes.flatMap((node) =>
    node.kind === "state" ? [`${node.name} (${node.type})`, ...node.children.flatMap(listStates)] : [],
  );
}
