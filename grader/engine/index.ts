/** Partitura's ASL engine: compile a definition once, run executions of it. Runs in Node and browsers. */
export { compileStateMachine, type CompiledStateMachine } from "./definition.ts";
export {
  Execution,
  runExecution,
  DEFAULT_START_TIME,
  type ExecutionOptions,
  type ExecutionResult,
  type SavedExecution,
} from "./execution.ts";
export type {
  AttemptInspection,
  ExecutionRecord,
  ExecutionStatus,
  HistoryEvent,
  StateInspection,
} from "./record/types.ts";
export { DefinitionError, StatesError, StatesErrors } from "./errors.ts";
export type { TaskOutcome, TaskRequest, TaskResolver } from "./task-resolver.ts";
export {
  parseMockConfig,
  createMockResolver,
  listTestCases,
  MockConfigError,
  MissingMockError,
} from "./mocks.ts";
export {
  testState,
  TestStateError,
  REQUEST_FIELDS as TEST_STATE_REQUEST_FIELDS,
  type TestStateRequest,
  type TestStateResponse,
  type InspectionData,
  type TestStateException,
} from "./test-state/index.ts";
