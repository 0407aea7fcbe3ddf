/**
 * The self-assessment quiz (`exercises/quiz/*.json`) and its scoring. Browser-safe: the CLI
 * (`partitura quiz`) and the site's quiz page read the same file through these types.
 */

export interface QuizOption {
  readonly letter: string;
  readonly text: string;
  /** pt-BR: why this option is right or wrong. */
  readonly explanation: string;
}

export interface MultipleChoiceQuestion {
  readonly number: number;
  readonly type: "multiple-choice";
  readonly prompt: string;
  readonly points: number;
  readonly answer: string;
  readonly options: readonly QuizOption[];
}

export interface RubricCriterion {
  readonly id: string;
  readonly criterion: string;
  readonly points: number;
}

export interface EssayQuestion {
  readonly number: number;
  readonly type: "essay";
  readonly prompt: string;
  readonly points: number;
  readonly rubric: readonly RubricCriterion[];
}

export type QuizQuestion = MultipleChoiceQuestion | EssayQuestion;

export interface Quiz {
  readonly id: string;
  readonly title: string;
  readonly lessonSection?: string;
  readonly questions: readonly QuizQuestion[];
}

/** One student's answers as read from a file: question number (as text) → letter or essay text. */
export type QuizAnswers = Readonly<Record<string, unknown>>;

/** A problem with one student's answer file; `question` lets the CLI point at the line. */
export interface QuizAnswerProblem {
  readonly question?: string;
  readonly message: string;
}

export type ChoiceStatus = "correct" | "wrong" | "blank";

export interface ChoiceResult {
  readonly number: number;
  readonly type: "multiple-choice";
  /** The letter the student chose (upper case), or null when left blank. */
  readonly given: string | null;
  readonly expected: string;
  readonly status: ChoiceStatus;
  readonly points: number;
  readonly maxPoints: number;
  /** pt-BR explanation of the chosen option (or of the right one when blank). */
  readonly explanation: string;
}

export interface EssayResult {
  readonly number: number;
  readonly type: "essay";
  readonly text: string;
  /** Essays are never scored automatically: the instructor applies the rubric. */
  readonly status: "needs-review" | "blank";
  readonly maxPoints: number;
  readonly rubric: readonly RubricCriterion[];
}

export type QuestionResult = ChoiceResult | EssayResult;

export interface QuizStudentResult {
  readonly student: string;
  /** The answer file (or `file:line` of the CSV row). */
  readonly source: string;
  readonly status: "scored" | "invalid";
  /** pt-BR, located: why the file could not be scored. */
  readonly problems: readonly string[];
  /** Points from the multiple-choice questions. */
  readonly points: number;
  /** Maximum points of the multiple-choice questions. */
  readonly maxPoints: number;
  /** Maximum points awaiting the instructor's review (essays). */
  readonly pendingPoints: number;
  readonly questions: readonly QuestionResult[];
}

export interface QuizReport {
  readonly quiz: string;
  readonly title: string;
  /** Sorted by student. */
  readonly students: readonly QuizStudentResult[];
}
