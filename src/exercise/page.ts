/**
 * The exercise page's island (browser): the attempt editor with autosave, "Avaliar" (the grader's public
 * scenarios, run with the same gradeSubmission the CLI calls, in a Web Worker with a timeout: see
 * grading-client.ts), "Ver solução" (the reference in a second, read-only editor next to the attempt) and
 * the last score for the home page.
 */
import type { EditorView } from "@codemirror/view";
import type { ExerciseFiles, SubmissionResult } from "../../grader/grading/index.ts";
import { exerciseUi as t } from "../i18n/pt-BR-exercicios.ts";
import { createEditor, replaceText, showDiagnostics } from "./editor.ts";
import { GradeTimeoutError, GradingClient } from "./grading-client.ts";
import { failedChecks, renderResult } from "./result-view.ts";
import {
  clearAttempt,
  loadAttempt,
  loadResult,
  saveAttempt,
  saveResult,
  saveScore,
  storage,
} from "./storage.ts";

/** What the page embeds as JSON (hidden scenarios already taken out at build time). */
export interface ExercisePageData {
  readonly slug: string;
  readonly files: ExerciseFiles;
  readonly starterFile: string;
  readonly solutionFile: string;
}

const SAVE_DELAY_MS = 300;

function part<T extends HTMLElement>(root: HTMLElement, name: string): T {
  const found = root.querySelector<T>(`[data-part="${name}"]`);
  if (!found) throw new Error(`elemento ausente: ${name}`);
  return found;
}

/**
 * The grading timeout in ms from the island's `data-grade-timeout-ms` (absent in the built pages: tests set
 * it to make a slow submission time out quickly); undefined means the default, GRADE_TIMEOUT_MS.
 */
function timeoutOverride(root: HTMLElement): number | undefined {
  const value = Number(root.dataset["gradeTimeoutMs"]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export function mountExercise(root: HTMLElement): void {
  const dataNode = root.querySelector("script[data-exercise-files]");
  const data = JSON.parse(dataNode?.textContent ?? "null") as ExercisePageData | null;
  const status = part(root, "save-status");
  if (!data) {
    status.textContent = t.loadFailed(t.dataMissing);
    return;
  }
  const { slug, files, starterFile, solutionFile } = data;
  const starterText = files[starterFile] ?? "";
  const store = storage();
  const saved = loadAttempt(store, slug);
  if (!store) status.textContent = t.storageUnavailable;
  else if (saved !== undefined && saved !== starterText) status.textContent = t.restored;

  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: string | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending === undefined) return;
    if (saveAttempt(store, slug, pending)) status.textContent = t.saved;
    pending = undefined;
  };
  const attempt: EditorView = createEditor({
    parent: part(root, "editor"),
    doc: saved ?? starterText,
    fileName: starterFile,
    ariaLabel: t.editorAriaLabel(starterFile),
    onChange: (text) => {
      pending = text;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, SAVE_DELAY_MS);
    },
  });
  window.addEventListener("pagehide", flush);

  // "Ver solução": a second, read-only editor; the attempt is never touched.
  const solutionButton = part<HTMLButtonElement>(root, "toggle-solution");
  const solutionPane = part(root, "solution-pane");
  const workspace = part(root, "editors");
  let solutionView: EditorView | undefined;
  solutionButton.addEventListener("click", () => {
    const show = solutionPane.hidden !== false;
    if (show && !solutionView) {
      solutionView = createEditor({
        parent: part(root, "solution"),
        doc: files[solutionFile] ?? "",
        fileName: solutionFile,
        ariaLabel: t.solutionAriaLabel(solutionFile),
        readOnly: true,
      });
    }
    solutionPane.hidden = !show;
    workspace.classList.toggle("is-comparing", show);
    solutionButton.setAttribute("aria-expanded", String(show));
    solutionButton.textContent = show ? t.hideSolution : t.showSolution;
  });

  part<HTMLButtonElement>(root, "reset").addEventListener("click", () => {
    if (!window.confirm(t.resetConfirm)) return;
    replaceText(attempt, starterText);
    flush();
    clearAttempt(store, slug);
    status.textContent = t.resetDone;
    attempt.focus();
  });

  // "Avaliar"
  const gradeButton = part<HTMLButtonElement>(root, "grade");
  const output = part(root, "result");
  const live = part(root, "announce");
  // After a reload, the last result comes back if the editor still holds the code it graded.
  const previous = loadResult<SubmissionResult>(store, slug, attempt.state.doc.toString());
  if (previous) {
    const note = document.createElement("p");
    note.className = "px-note";
    note.dataset["restoredResult"] = "";
    note.textContent = t.restoredResult(new Date(previous.gradedAt));
    output.replaceChildren(note, renderResult(previous.result));
    showDiagnostics(attempt, previous.result.diagnostics);
  }
  // Created here, but its worker only starts on the first "Avaliar".
  const grader = new GradingClient();
  let busy = false;
  gradeButton.addEventListener("click", async () => {
    // aria-disabled rather than disabled: the button keeps the keyboard focus while grading.
    if (busy) return;
    busy = true;
    flush();
    gradeButton.setAttribute("aria-disabled", "true");
    gradeButton.textContent = t.grading;
    live.textContent = t.grading;
    output.setAttribute("aria-busy", "true");
    try {
      const text = attempt.state.doc.toString();
      const result = await grader.grade(
        { slug, files, fileName: starterFile, text },
        { timeoutMs: timeoutOverride(root) },
      );
      output.replaceChildren(renderResult(result));
      showDiagnostics(attempt, result.diagnostics);
      saveScore(store, slug, result);
      saveResult(store, slug, text, result);
      live.textContent = t.resultAnnouncement(
        result.points,
        result.maxPoints,
        result.percent,
        failedChecks(result),
      );
    } catch (error) {
      // A timeout leaves the attempt as it is: the student fixes the loop and grades again (fresh worker).
      const timedOut = error instanceof GradeTimeoutError;
      const message = timedOut
        ? error.message
        : t.gradingCrashed(error instanceof Error ? error.message : String(error));
      const paragraph = document.createElement("p");
      paragraph.className = "px-crash";
      paragraph.dataset[timedOut ? "timeout" : "crash"] = "";
      paragraph.textContent = message;
      output.replaceChildren(paragraph);
      live.textContent = message;
    } finally {
      output.removeAttribute("aria-busy");
      busy = false;
      gradeButton.removeAttribute("aria-disabled");
      gradeButton.textContent = t.grade;
    }
  });
  root.dataset["ready"] = "true";
}
