/**
 * The exercise page's CodeMirror 6 editors (browser): the student's attempt and the read-only reference
 * solution (the same CodeMirror setup as the lesson playgrounds). Tab is left to the page, so keyboard users can leave the editor.
 */
import { json } from "@codemirror/lang-json";
import { setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { editorSetup, loadYamlLanguage } from "../playground/editor-setup.ts";
import { messageWithLessonLink } from "../playground/lesson-links.ts";

export interface EditorOptions {
  readonly parent: HTMLElement;
  readonly doc: string;
  /** The file the text is, by its extension (JSON or YAML). */
  readonly fileName: string;
  readonly ariaLabel: string;
  readonly readOnly?: boolean;
  readonly onChange?: (text: string) => void;
}

export const isYamlFile = (fileName: string): boolean => /\.ya?ml$/i.test(fileName);

export function createEditor(options: EditorOptions): EditorView {
  const yamlFile = isYamlFile(options.fileName);
  const language = new Compartment();
  const extensions: Extension[] = [
    editorSetup(),
    language.of(yamlFile ? [] : json()),
    EditorView.contentAttributes.of({ "aria-label": options.ariaLabel }),
    EditorView.theme({
      "&": { fontSize: "0.875rem", border: "1px solid var(--sl-color-gray-5)", borderRadius: "0.25rem" },
      ".cm-scroller": {
        fontFamily: "var(--__sl-font-mono, monospace)",
        minHeight: "16rem",
        maxHeight: "36rem",
      },
    }),
  ];
  if (options.readOnly) extensions.push(EditorState.readOnly.of(true), EditorView.editable.of(false));
  const onChange = options.onChange;
  if (onChange) {
    extensions.push(
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.doc.toString());
      }),
    );
  }
  const view = new EditorView({ parent: options.parent, doc: options.doc, extensions });
  if (yamlFile) {
    loadYamlLanguage().then(
      ({ yaml }) => view.dispatch({ effects: language.reconfigure(yaml()) }),
      () => undefined, // offline: editable, uncoloured
    );
  }
  return view;
}

export function replaceText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/**
 * Marks the grader's located diagnostics (1-based line and column) in the editor; a validator diagnostic's
 * message ends with a link to the lesson section that explains it ("Ver na lição: …").
 */
export function showDiagnostics(
  view: EditorView,
  found: readonly {
    line?: number;
    column?: number;
    severity: "error" | "warning" | "info";
    message: string;
    lessonSection?: string;
  }[],
): void {
  const doc = view.state.doc;
  const diagnostics: Diagnostic[] = [];
  for (const item of found) {
    if (item.line === undefined || item.line < 1 || item.line > doc.lines) continue;
    const line = doc.line(item.line);
    const from = Math.min(line.to, line.from + Math.max(0, (item.column ?? 1) - 1));
    const to = from < line.to ? line.to : Math.min(doc.length, from + 1);
    const { message, lessonSection } = item;
    diagnostics.push({
      from,
      to: Math.max(from, to),
      severity: item.severity,
      message,
      ...(lessonSection ? { renderMessage: () => messageWithLessonLink(message, lessonSection) } : {}),
    });
  }
  view.dispatch(setDiagnostics(view.state, diagnostics));
}
