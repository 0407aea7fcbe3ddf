/**
 * The definition editor: CodeMirror 6 (JSON or YAML) underlining the validator's errors and warnings with
 * the pt-BR message and its lesson link; its style notes (severity `info`) wait collapsed underneath.
 * The text is the store's `document.definition`: typing writes it there, and a new text there (a restored
 * or shared version) is put into the editor.
 */
import { json } from "@codemirror/lang-json";
import {
  forceLinting,
  linter,
  lintGutter,
  lintKeymap,
  type Diagnostic as CmDiagnostic,
} from "@codemirror/lint";
import { Compartment, EditorSelection } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { ui } from "../../i18n/pt-BR.ts";
import { analyze, type EditorDiagnostic } from "../diagnostics.ts";
import { h } from "../dom.ts";
import { editorSetup, loadYamlLanguage } from "../editor-setup.ts";
import { lessonLinkElement, messageWithLessonLink } from "../lesson-links.ts";
import { editDocument, type PlaygroundStore } from "../state.ts";

const t = ui.playground;

export interface DefinitionEditor {
  readonly element: HTMLElement;
  readonly tips: HTMLElement;
  /** A button that selects a place in the editor and focuses it. */
  goTo(label: string, from: number, to: number): HTMLElement;
  /** Checks the text now instead of after the next pause in typing. */
  lint(): void;
}

/**
 * The validator's `info` notes (style advice such as "Task sem Retry") are not underlined: the lesson's
 * examples are correct by design. They wait in this collapsed list, under the editor.
 */
function tipsList(goTo: DefinitionEditor["goTo"]) {
  const summary = h("summary", {});
  const list = h("ul", { class: "pg-tips-list" });
  const element = h(
    "details",
    { class: "pg-tips", hidden: true, "data-pg-tips": "" },
    summary,
    h("p", { class: "pg-muted" }, t.tipsIntro),
    list,
  );
  const show = (tips: readonly EditorDiagnostic[]) => {
    element.hidden = tips.length === 0;
    summary.textContent = t.tips(tips.length);
    list.replaceChildren(
      ...tips.map((tip) =>
        h(
          "li",
          { "data-pg-tip": tip.code },
          goTo(t.problemAt(tip.line, tip.column), tip.from, tip.to),
          `: ${tip.message} `,
          lessonLinkElement(tip.lessonSection),
        ),
      ),
    );
  };
  return { element, show };
}

export function definitionEditor(store: PlaygroundStore): DefinitionEditor {
  const host = h("div", { class: "pg-editor", "data-pg-editor": "" });
  const language = new Compartment();
  const goTo = (label: string, from: number, to: number) => {
    const button = h("button", { type: "button", class: "pg-link" }, label);
    button.addEventListener("click", () => {
      const length = view.state.doc.length;
      view.dispatch({
        selection: EditorSelection.range(Math.min(from, length), Math.min(to, length)),
        scrollIntoView: true,
      });
      view.focus();
    });
    return button;
  };
  const tips = tipsList(goTo);
  const aslLinter = linter(
    (editor): CmDiagnostic[] => {
      const { format, express } = store.get().document;
      const { diagnostics } = analyze(editor.state.doc.toString(), { format, express });
      tips.show(
        diagnostics
          .filter((diagnostic) => diagnostic.severity === "info")
          .sort((a, b) => a.from - b.from || a.to - b.to),
      );
      return diagnostics
        .filter((diagnostic) => diagnostic.severity !== "info")
        .map((diagnostic) => ({
          from: diagnostic.from,
          to: diagnostic.to,
          severity: diagnostic.severity,
          source: diagnostic.code,
          message: diagnostic.message,
          renderMessage: () => messageWithLessonLink(diagnostic.message, diagnostic.lessonSection),
        }));
    },
    { delay: 250 },
  );
  const initial = store.get().document;
  const view = new EditorView({
    parent: host,
    doc: initial.definition,
    extensions: [
      editorSetup(),
      language.of(json()),
      aslLinter,
      lintGutter(),
      // F8: next problem with its message; Ctrl+Shift+M: the list of problems, links reachable with Tab.
      keymap.of(lintKeymap),
      EditorView.contentAttributes.of({ "aria-label": t.editorLabel }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) editDocument(store, { definition: update.state.doc.toString() });
      }),
    ],
  });

  store.select(
    (state) => state.document.definition,
    (text) => {
      if (text !== view.state.doc.toString()) {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      }
    },
    { immediate: false },
  );
  store.select(
    (state) => state.document.format,
    (format) => {
      if (format === "json") return view.dispatch({ effects: language.reconfigure(json()) });
      loadYamlLanguage().then(
        ({ yaml }) => {
          if (store.get().document.format === "yaml")
            view.dispatch({ effects: language.reconfigure(yaml()) });
        },
        () => undefined, // offline: the text stays editable, without YAML's colours
      );
    },
  );
  store.select(
    (state) => [state.document.format, state.document.express],
    () => forceLinting(view),
    { immediate: false },
  );
  return { element: host, tips: tips.element, goTo, lint: () => forceLinting(view) };
}
