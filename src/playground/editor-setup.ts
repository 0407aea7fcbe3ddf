/**
 * The playground editor's CodeMirror 6 setup, smaller than `basicSetup`: CodeMirror's `minimalSetup`
 * (history with Ctrl+Z / Ctrl+Y, the default keymap — Enter keeps the indentation —, selection drawing,
 * special characters) plus line numbers, the active line, indentation on input and bracket matching; no
 * autocompletion, search panel, folding or multiple cursors. Tab is left to the page (no indentWithTab), so
 * keyboard users can leave the editor. The `codemirror` package must stay pinned at 6.0.2: its later 6.x
 * tags hold CodeMirror 5 code, without `minimalSetup`.
 *
 * Colours follow the site's theme (Starlight's "Claro" / "Escuro"): the syntax colours are CSS custom
 * properties (`--pt-code-*`, light and dark values in src/styles/custom.css, every one ≥ 4.5:1 on the
 * editor's background and active line), the editor's chrome uses Starlight's `--sl-color-*` variables.
 * CodeMirror's own screen-reader texts ("Diagnostics", "close"…) come in pt-BR through `EditorState.phrases`.
 */
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, highlightActiveLine, highlightActiveLineGutter, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { minimalSetup } from "codemirror";
import { editorPhrases } from "../i18n/pt-BR.ts";

const code = (name: string) => `var(--pt-code-${name})`;

/** CodeMirror's default highlight style's tags, with the site's colours (JSON and YAML use a few of them). */
export const courseHighlightStyle = HighlightStyle.define([
  { tag: tags.meta, color: code("meta") },
  { tag: tags.link, textDecoration: "underline" },
  { tag: tags.heading, textDecoration: "underline", fontWeight: "bold" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strong, fontWeight: "bold" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: tags.keyword, color: code("keyword") },
  {
    tag: [tags.atom, tags.bool, tags.null, tags.url, tags.contentSeparator, tags.labelName],
    color: code("atom"),
  },
  { tag: [tags.number, tags.literal, tags.inserted], color: code("number") },
  { tag: [tags.string, tags.deleted], color: code("string") },
  { tag: [tags.regexp, tags.escape, tags.special(tags.string)], color: code("special") },
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: code("property") },
  { tag: [tags.typeName, tags.namespace, tags.className], color: code("type") },
  { tag: tags.attributeValue, color: code("string") },
  { tag: tags.comment, color: code("comment"), fontStyle: "italic" },
  { tag: tags.invalid, color: code("invalid") },
]);

/** Editor chrome in the site's colours, in both themes. */
const courseTheme = EditorView.theme({
  "&": { color: "var(--sl-color-white)", backgroundColor: "var(--sl-color-bg)" },
  ".cm-content": { caretColor: "var(--sl-color-white)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--sl-color-white)" },
  ".cm-gutters": {
    backgroundColor: "var(--sl-color-gray-6)",
    color: code("gutter"),
    borderRight: "1px solid var(--sl-color-gray-5)",
  },
  ".cm-activeLine": { backgroundColor: code("active-line") },
  ".cm-activeLineGutter": { backgroundColor: "var(--sl-color-gray-5)", color: "var(--sl-color-white)" },
  ".cm-selectionBackground": { background: code("selection") },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground": {
    background: code("selection-focused"),
  },
  ".cm-content ::selection": { backgroundColor: code("selection-focused") },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: code("bracket") },
  ".cm-specialChar": { color: code("invalid") },
  ".cm-tooltip": {
    backgroundColor: "var(--sl-color-gray-6)",
    color: "var(--sl-color-white)",
    border: "1px solid var(--sl-color-gray-5)",
  },
  ".cm-panels": { backgroundColor: "var(--sl-color-gray-6)", color: "var(--sl-color-white)" },
  ".cm-panels-bottom": { borderTop: "1px solid var(--sl-color-gray-5)" },
  ".cm-panel.cm-panel-lint ul [aria-selected]": {
    backgroundColor: "var(--sl-color-gray-5)",
    color: "var(--sl-color-white)",
  },
  ".cm-panel.cm-panel-lint ul:focus [aria-selected]": {
    backgroundColor: "var(--sl-color-accent-low)",
    color: "var(--sl-color-accent-high)",
  },
  ".cm-panel.cm-panel-lint [name=close]": { color: "var(--sl-color-white)" },
  ".cm-lintRange-active": { backgroundColor: code("lint-active") },
});

export function editorSetup(): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    minimalSetup,
    // Not a fallback: it replaces minimalSetup's default (light-only) highlight style.
    syntaxHighlighting(courseHighlightStyle),
    courseTheme,
    EditorState.phrases.of(editorPhrases),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    // The text area is focusable anyway (contenteditable); saying so lets checkers see the scrolling
    // region is reachable from the keyboard (axe: scrollable-region-focusable).
    EditorView.contentAttributes.of({ tabindex: "0" }),
  ];
}

let yamlLanguage: Promise<typeof import("@codemirror/lang-yaml")> | undefined;
/**
 * YAML's highlighting, loaded when an editor shows YAML (most definitions are JSON), so it is not part of a
 * page's first load. Retried after a failed load (offline): the text stays editable meanwhile, uncoloured.
 */
export const loadYamlLanguage = (): Promise<typeof import("@codemirror/lang-yaml")> =>
  (yamlLanguage ??= import("@codemirror/lang-yaml").catch((error: unknown) => {
    yamlLanguage = undefined;
    throw error;
  }));
