export { buildGraph, countStates, describeChoiceRule, GraphDefinitionError, listStates } from "./model.ts";
export type { EdgeKind, GraphEdge, GraphLabels, GraphNode, SubGraph } from "./model.ts";
export { layoutSubGraph, METRICS, textWidth } from "./layout.ts";
export type { Box, PlacedEdge, PlacedGraph, PlacedNode, Point } from "./layout.ts";
export { edgePath, renderWorkflow } from "./svg.ts";
export type { RenderedWorkflow, RenderOptions } from "./svg.ts";
