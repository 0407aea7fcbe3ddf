/**
 * The playground editor's CodeMirror 6 setup, smaller than `basicSetup`: CodeMirror's `minimalSetup`
 * (history with Ctrl+Z / Ctrl+Y, the default keymap — Enter keeps the indentation —, selection drawing,
 * special characters, fallback highlighting) plus line numbers, the active line, indentation on input and
 * bracket matching; no autocompletion, search panel, folding or multiple cursors. Tab is left to the page
 * (no indentWithTab), so keyboard users can leave the editor. The `codemirror` package must stay pinned at
 * 6.0.2: its later 6.x tags hold CodeMirror 5 code, without `minimalSetup`.
 */
import { bracketMatching, indentOnInput } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { EditorView, highlightActiveLine, highlightActiveLineGutter, lineNumbers } from "@codemirror/view";
import { minimalSetup } from "codemirror";

export function editorSetup(): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    minimalSetup,
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    // The text area is focusable anyway (contenteditable); saying so lets checkers see the scrolling
    // region is reachable from the keyboard (axe: scrollable-region-focusable).
    EditorView.contentAttributes.of({ tabindex: "0" }),
  ];
}
