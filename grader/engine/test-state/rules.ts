/**
 * TestState's rules about which requests fit which state, from
 * https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html and
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html:
 * Pass, Succeed and Fail take no mock; Map and Parallel need one (it stands for the whole state's result:
 * an array, one item per iteration or branch, or an object for a Map with a ResultWriter); a Task without a
 * mock needs a role (AWS would call the service — offline, Partitura cannot); `stateConfiguration` fields
 * apply only to the state types they describe.
 */
import type { CompiledState } from "../definition.ts";
import { nestedStateNames, type LocatedState } from "./locate.ts";
import { aws, awsGeneric, explain } from "./messages.ts";
import { validateMockResult } from "./mock-shapes.ts";
import type { ParsedRequest } from "./request.ts";
import { TestStateError } from "./types.ts";

const invalid = (message: string, explanation: string) =>
  new TestStateError("ValidationException", message, explanation);

function checkMockedResult(request: ParsedRequest, located: LocatedState, compiled: CompiledState): void {
  const mock = request.mock;
  if (mock?.kind !== "result") return;
  const state = located.state;
  if (compiled.type === "Map") {
    const writes = state.ResultWriter !== undefined;
    if (writes && (mock.value === null || typeof mock.value !== "object" || Array.isArray(mock.value))) {
      throw invalid(aws.mockResultNotObject, explain.mockResultNotObject);
    }
    if (!writes && !Array.isArray(mock.value))
      throw invalid(aws.mockResultNotArray, explain.mockResultNotArray);
  } else if (compiled.type === "Parallel") {
    if (!Array.isArray(mock.value)) throw invalid(aws.mockResultNotArray, explain.mockResultNotArray);
    if (mock.value.length !== compiled.branches.length) {
      throw invalid(aws.parallelBranchCount, explain.parallelBranchCount(compiled.branches.length));
    }
  } else if (compiled.type === "Task") {
    validateMockResult(compiled.resource.arn, mock.value, mock.fieldValidationMode);
  }
}

function checkConfiguration(request: ParsedRequest, located: LocatedState, compiled: CompiledState): void {
  if (request.errorCausedByState !== undefined) {
    if ((compiled.type !== "Map" && compiled.type !== "Parallel") || request.mock?.kind !== "error") {
      throw invalid(awsGeneric.ValidationException, explain.errorCausedByStateNotMapOrParallel);
    }
    if (!nestedStateNames(located.state).has(request.errorCausedByState)) {
      throw invalid(
        awsGeneric.ValidationException,
        explain.errorCausedByStateUnknown(request.errorCausedByState),
      );
    }
  }
  if (request.mapIterationFailureCount !== undefined && compiled.type !== "Map") {
    throw invalid(awsGeneric.ValidationException, explain.mapOnlyConfiguration("mapIterationFailureCount"));
  }
  if (request.mapItemReaderData !== undefined) {
    if (compiled.type !== "Map") {
      throw invalid(awsGeneric.ValidationException, explain.mapOnlyConfiguration("mapItemReaderData"));
    }
    if (compiled.itemReader === undefined) {
      throw invalid(awsGeneric.ValidationException, explain.itemReaderDataWithoutReader);
    }
  }
}

export function checkRequestAgainstState(
  request: ParsedRequest,
  located: LocatedState,
  compiled: CompiledState,
): void {
  const type = compiled.type;
  if (request.mock && (type === "Pass" || type === "Succeed" || type === "Fail")) {
    throw invalid(aws.notSupportedWithMock(type), explain.notSupportedWithMock(type));
  }
  if (!request.mock && (type === "Map" || type === "Parallel")) {
    throw new TestStateError(
      "InvalidDefinition",
      aws.mapOrParallelWithoutMock,
      explain.mapOrParallelWithoutMock,
    );
  }
  if (!request.mock && type === "Task") {
    if (request.roleArn === undefined) throw invalid(aws.roleArnRequired, explain.roleArnRequired);
    throw new TestStateError(null, explain.offlineTaskNeedsMock, explain.offlineTaskNeedsMock);
  }
  checkMockedResult(request, located, compiled);
  checkConfiguration(request, located, compiled);
}
