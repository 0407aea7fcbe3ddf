/**
 * The quiz island (browser): saves every answer, scores with grader/quiz's scoreAnswers (what
 * `partitura quiz` runs), shows each option's explanation after "Verificar", announces the result through
 * a live region, and "Tentar de novo" starts the objective questions over.
 */
import {
  checkAnswers,
  parseQuiz,
  scoreAnswers,
  type ChoiceResult,
  type EssayQuestion,
  type Quiz,
  type QuizStudentResult,
} from "../../grader/quiz/index.ts";
import { quizUi as t } from "../i18n/pt-BR-exercicios.ts";
import { loadQuizState, quizStorage, saveQuizState, type StoredQuiz } from "./storage.ts";

function part<T extends HTMLElement>(root: ParentNode, name: string): T {
  const found = root.querySelector<T>(`[data-part="${name}"]`);
  if (!found) throw new Error(`elemento ausente: ${name}`);
  return found;
}

/** The answers as `partitura quiz` reads them: every question number → letter or essay text ("" = blank). */
export function collectAnswers(quiz: Quiz, form: HTMLFormElement): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const question of quiz.questions) {
    const fieldset = form.querySelector<HTMLFieldSetElement>(`fieldset[data-question="${question.number}"]`);
    if (question.type === "essay") {
      answers[String(question.number)] = fieldset?.querySelector("textarea")?.value ?? "";
    } else {
      const checked = fieldset?.querySelector<HTMLInputElement>('input[type="radio"]:checked');
      answers[String(question.number)] = checked?.value ?? "";
    }
  }
  return answers;
}

export function mountQuiz(root: HTMLElement): void {
  const result = part(root, "result");
  let quiz: Quiz;
  try {
    quiz = parseQuiz(JSON.parse(root.querySelector("script[data-quiz-data]")?.textContent ?? "null"));
  } catch (error) {
    result.textContent = t.loadFailed(error instanceof Error ? error.message : String(error));
    return;
  }
  const form = part<HTMLFormElement>(root, "form");
  const stale = part(root, "stale");
  const essay = quiz.questions.find((question): question is EssayQuestion => question.type === "essay");
  const store = quizStorage();
  if (!store) part(root, "storage-note").hidden = false;
  let verified = false;

  const fieldsetOf = (number: number) =>
    form.querySelector<HTMLFieldSetElement>(`fieldset[data-question="${number}"]`);
  const rubricBoxes = () => [...form.querySelectorAll<HTMLInputElement>('input[data-part="rubric"]')];

  const state = (): StoredQuiz => ({
    answers: collectAnswers(quiz, form),
    rubric: rubricBoxes()
      .filter((box) => box.checked)
      .map((box) => box.value),
    verified,
  });
  const save = () => saveQuizState(store, state());

  /** Hides every explanation and verdict (answers stay). */
  const clearFeedback = () => {
    for (const question of quiz.questions) {
      const fieldset = fieldsetOf(question.number);
      if (!fieldset) continue;
      fieldset.classList.remove("is-correct", "is-wrong", "is-blank");
      part(fieldset, "feedback").textContent = "";
      for (const option of fieldset.querySelectorAll<HTMLElement>(".qz-option")) {
        option.classList.remove("is-correct", "is-chosen-wrong");
        const explanation = option.querySelector<HTMLElement>(".qz-explanation");
        if (explanation) explanation.hidden = true;
        const tag = part(option, "tag");
        tag.hidden = true;
        tag.textContent = "";
        option.querySelector("input")?.removeAttribute("aria-describedby");
      }
    }
  };

  const showChoice = (choice: ChoiceResult) => {
    const fieldset = fieldsetOf(choice.number);
    if (!fieldset) return;
    fieldset.classList.add(`is-${choice.status}`);
    part(fieldset, "feedback").textContent =
      choice.status === "correct"
        ? t.questionCorrect
        : choice.status === "wrong"
          ? t.questionWrong(choice.expected)
          : t.questionBlank(choice.expected);
    for (const option of fieldset.querySelectorAll<HTMLElement>(".qz-option")) {
      const letter = option.dataset["letter"];
      const isAnswer = letter === choice.expected;
      const isChosen = letter === choice.given;
      option.classList.toggle("is-correct", isAnswer);
      option.classList.toggle("is-chosen-wrong", isChosen && !isAnswer);
      const tag = part(option, "tag");
      const labels = [isChosen ? t.chosen : "", isAnswer ? t.correctAnswer : ""].filter(Boolean);
      tag.textContent = labels.join(" · ");
      tag.hidden = labels.length === 0;
      const explanation = option.querySelector<HTMLElement>(".qz-explanation");
      if (explanation) {
        explanation.hidden = false;
        option.querySelector("input")?.setAttribute("aria-describedby", explanation.id);
      }
    }
  };

  const summary = (scored: QuizStudentResult): string => {
    const choices = scored.questions.filter((q): q is ChoiceResult => q.type === "multiple-choice");
    const correct = choices.filter((choice) => choice.status === "correct").length;
    const parts = [t.resultSummary(scored.points, scored.maxPoints, correct, choices.length)];
    if (essay) {
      const essayResult = scored.questions.find((question) => question.type === "essay");
      const checked = rubricBoxes().filter((box) => box.checked).length;
      parts.push(
        t.resultEssay(essay.points, checked, essay.rubric.length, essayResult?.status !== "needs-review"),
      );
    }
    return parts.join(" ");
  };

  const verify = () => {
    const answers = collectAnswers(quiz, form);
    const problems = checkAnswers(quiz, answers).map((problem) => problem.message);
    const scored = scoreAnswers(quiz, "voce", "navegador", answers, problems);
    clearFeedback();
    for (const question of scored.questions) if (question.type === "multiple-choice") showChoice(question);
    verified = true;
    stale.hidden = true;
    result.textContent = problems.length > 0 ? problems.join(" ") : summary(scored);
    root.dataset["points"] = String(scored.points);
    root.dataset["maxPoints"] = String(scored.maxPoints);
    save();
  };

  // Restore what was saved.
  const saved = loadQuizState(store);
  if (saved) {
    for (const question of quiz.questions) {
      const answer = saved.answers[String(question.number)] ?? "";
      const fieldset = fieldsetOf(question.number);
      if (!fieldset) continue;
      if (question.type === "essay") {
        const textarea = fieldset.querySelector("textarea");
        if (textarea) textarea.value = answer;
      } else {
        for (const radio of fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
          radio.checked = radio.value === answer;
        }
      }
    }
    for (const box of rubricBoxes()) box.checked = saved.rubric.includes(box.value);
    if (saved.verified) verify();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    verify();
  });
  form.addEventListener("change", (event) => {
    const target = event.target as HTMLInputElement;
    if (verified && target.type === "radio") {
      // The shown result no longer matches the answers: hide it until "Verificar" again.
      verified = false;
      clearFeedback();
      result.textContent = "";
      stale.hidden = false;
      delete root.dataset["points"];
    }
    save();
  });
  form.addEventListener("input", (event) => {
    if ((event.target as HTMLElement).tagName === "TEXTAREA") save();
  });
  part(root, "retry").addEventListener("click", () => {
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[type="radio"]')) radio.checked = false;
    for (const box of rubricBoxes()) box.checked = false;
    verified = false;
    clearFeedback();
    stale.hidden = true;
    delete root.dataset["points"];
    result.textContent = t.retryDone;
    save();
    form.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  });
  root.dataset["ready"] = "true";
}
