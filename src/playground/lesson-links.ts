/**
 * From a validator diagnostic's `lessonSection` (a section slug, accents folded: grader/validator
 * `sections`) to the lesson page that teaches it, through the small generated map (never the lessons' text).
 * Used by the lesson playgrounds and the exercise page's editor.
 */
import { lessonLinkUi } from "../i18n/pt-BR.ts";
import { LESSON_SECTIONS } from "./lesson-sections.generated.ts";

export interface LessonLink {
  /** Site-absolute: `/06-erros-e-retentativas/`, with `#id` when the section is a heading inside a page. */
  readonly href: string;
  /** The section's title as the lesson shows it. */
  readonly title: string;
}

export function lessonLink(section: string | undefined): LessonLink | undefined {
  return section !== undefined && Object.hasOwn(LESSON_SECTIONS, section)
    ? LESSON_SECTIONS[section]
    : undefined;
}

/** `<a href>` "Ver na lição: …" for a section, or null when it has none (or no page teaches it). */
export function lessonLinkElement(section: string | undefined): HTMLAnchorElement | null {
  const link = lessonLink(section);
  if (!link) return null;
  const anchor = document.createElement("a");
  anchor.href = link.href;
  anchor.className = "pg-lesson-link";
  anchor.dataset["lessonSection"] = section;
  anchor.textContent = lessonLinkUi.seeInLesson(link.title);
  return anchor;
}

/**
 * A diagnostic's message followed by its lesson link on a line of its own: for CodeMirror's
 * `renderMessage`, so the lint tooltip and the lint panel show a real, focusable link.
 */
export function messageWithLessonLink(message: string, section: string | undefined): Node {
  const text = document.createElement("span");
  text.append(message);
  const anchor = lessonLinkElement(section);
  if (anchor) text.append(document.createElement("br"), anchor);
  return text;
}
