/** Evaluating an indefinite path: each step maps the current matches to the next ones. */
import { passes } from "./filter-evaluation.ts";
import type { Step } from "./syntax.ts";
import { hasOwn, isObject, mergeNames } from "./values.ts";

function pushIndex(node: unknown[], index: number, out: unknown[]): void {
  const i = index < 0 ? node.length + index : index;
  if (i >= 0 && i < node.length) out.push(node[i]);
}

function pushChildren(node: unknown, out: unknown[]): void {
  if (Array.isArray(node)) for (const item of node) out.push(item);
  else if (isObject(node)) for (const key of Object.keys(node)) out.push(node[key]);
}

/** Applies one step to one node, appending what it selects to `out`. */
function applyStep(step: Step, node: unknown, out: unknown[], root: unknown, leaf: boolean): void {
  switch (step.kind) {
    case "name":
      if (isObject(node) && hasOwn.call(node, step.name)) out.push(node[step.name]);
      return;
    case "index":
      if (Array.isArray(node)) pushIndex(node, step.index, out);
      return;
    case "names":
      if (!isObject(node)) return;
      if (leaf) out.push(mergeNames(node, step.names));
      else for (const name of step.names) if (hasOwn.call(node, name)) out.push(node[name]);
      return;
    case "indices":
      if (Array.isArray(node)) for (const index of step.indices) pushIndex(node, index, out);
      return;
    case "wildcard":
      pushChildren(node, out);
      return;
    case "slice": {
      if (!Array.isArray(node)) return;
      const length = node.length;
      const clamp = (value: number): number =>
        Math.min(Math.max(value < 0 ? length + value : value, 0), length);
      const end = step.end === undefined ? length : clamp(step.end);
      for (let i = step.start === undefined ? 0 : clamp(step.start); i < end; i++) out.push(node[i]);
      return;
    }
    case "filter":
      // Jayway: a filter on an array tests its elements; on an object, it tests the object itself.
      if (Array.isArray(node)) {
        for (const item of node) if (passes(step.test, item, root)) out.push(item);
      } else if (passes(step.test, node, root)) {
        out.push(node);
      }
      return;
    case "scan":
      scan(step.target, node, out, root, leaf);
      return;
    case "length":
      // Handled by `select`: it applies to the whole result.
      return;
  }
}

/** `..target`: visits the node and all its descendants in document order (pre-order), without recursion. */
function scan(target: Step, node: unknown, out: unknown[], root: unknown, leaf: boolean): void {
  const stack: unknown[] = [node];
  const children: unknown[] = [];
  while (stack.length > 0) {
    const current = stack.pop();
    if (target.kind === "filter") {
      // Under a scan a filter tests every descendant once (as RFC 9535 does), not its container too.
      children.length = 0;
      pushChildren(current, children);
      for (const child of children) if (passes(target.test, child, root)) out.push(child);
    } else if (target.kind === "names" && leaf) {
      // Jayway merges at the objects that hold every one of the names.
      if (isObject(current) && target.names.every((name) => hasOwn.call(current, name))) {
        out.push(mergeNames(current, target.names));
      }
    } else {
      applyStep(target, current, out, root, false);
    }
    children.length = 0;
    pushChildren(current, children);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== null && typeof child === "object") stack.push(child);
    }
  }
}

export function selectAll(steps: readonly Step[], start: unknown): unknown[] {
  let current: unknown[] = [start];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const next: unknown[] = [];
    const leaf = i === steps.length - 1;
    for (const node of current) applyStep(step, node, next, start, leaf);
    current = next;
  }
  return current;
}
