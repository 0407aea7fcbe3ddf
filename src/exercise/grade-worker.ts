/**
 * The exercise page's grading worker (a dedicated module Web Worker, bundled by Vite as a same-origin file):
 * receives {@link GradeWorkerRequest}s from src/exercise/grading-client.ts and answers each with the
 * SubmissionResult of the same gradeSubmission call `partitura grade` makes. A submission that never ends
 * (a Choice loop, heavy JSONata) only keeps this thread busy; the client terminates it after its timeout.
 * Anything the grader throws is answered as a message, never lost.
 */
import { gradeSubmission, parseExercise } from "../../grader/grading/index.ts";
import { createGrader, errorMessage, type GradeWorkerReply, type GradeWorkerRequest } from "./grade-core.ts";

/** The part of DedicatedWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  addEventListener(type: "message", listener: (event: MessageEvent<GradeWorkerRequest>) => void): void;
  postMessage(message: GradeWorkerReply): void;
}

const scope = self as unknown as WorkerScope;
const grade = createGrader({ parseExercise, gradeSubmission });

async function answer(request: GradeWorkerRequest): Promise<void> {
  const { id } = request;
  let reply: GradeWorkerReply;
  try {
    reply = { id, ok: true, result: await grade(request) };
  } catch (error) {
    reply = { id, ok: false, message: errorMessage(error) };
  }
  try {
    scope.postMessage(reply);
  } catch (error) {
    // Not structured-cloneable (a SubmissionResult is plain data, so this would be a grader bug): say so.
    scope.postMessage({ id, ok: false, message: errorMessage(error) });
  }
}

scope.addEventListener("message", (event) => void answer(event.data));
