/** Every rule the validator runs, AWS's first, then our teaching advice. */
import { pathsAndTemplates, passResultIsStatic } from "./data-flow.ts";
import { expressIntegrations } from "./express.ts";
import { resourceArns } from "./resources.ts";
import { statesAllPlacement } from "./retry-catch.ts";
import type { AnyRule } from "./rule.ts";
import { choiceRules, failFields, mapFields, stateSchema, taskFields, waitFields } from "./state-fields.ts";
import {
  emptyStates,
  endState,
  machineShape,
  nestingDepth,
  nextOrEnd,
  stateNames,
  stateShape,
  transitionTargets,
} from "./structure.ts";
import {
  errorNames,
  intrinsicOpenEscapes,
  jsonataDollarKeys,
  placeholderArns,
  resultPathDiscardsInput,
  variableReads,
  taskWithoutRetry,
  unreachableStates,
} from "./teaching.ts";
import { jsonataExpressions, variableNames, variableShadowing } from "./variables-jsonata.ts";

/** What AWS checks when it validates a definition: errors reject it, warnings are AWS's own. */
export const AWS_RULES: readonly AnyRule[] = [
  // Structure and transitions
  machineShape,
  nestingDepth,
  emptyStates,
  stateNames,
  stateShape,
  nextOrEnd,
  transitionTargets,
  endState,
  // Each state type's fields
  stateSchema,
  taskFields,
  waitFields,
  failFields,
  choiceRules,
  mapFields,
  // Retry and Catch
  statesAllPlacement,
  // Data-flow fields
  pathsAndTemplates,
  passResultIsStatic,
  // Variables and JSONata
  variableNames,
  variableShadowing,
  jsonataExpressions,
  // Resources and integrations
  resourceArns,
  // Express limits
  expressIntegrations,
];

/** Our teaching advice: AWS accepts every definition these flag. */
export const ADVICE_RULES: readonly AnyRule[] = [
  unreachableStates,
  taskWithoutRetry,
  resultPathDiscardsInput,
  errorNames,
  placeholderArns,
  variableReads,
  jsonataDollarKeys,
  intrinsicOpenEscapes,
];

export const RULES: readonly AnyRule[] = [...AWS_RULES, ...ADVICE_RULES];
