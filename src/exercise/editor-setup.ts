/**
 * The exercise editor's CodeMirror 6 setup, built from the `@codemirror/*` packages only. The npm
 * `codemirror` package installed here is CodeMirror 5 code published as 6.65.7 (it has no `basicSetup`), and
 * `@codemirror/commands` is not installed, so undo/redo, select-all and Enter-with-indentation are small
 * commands below. Tab is left to the page (no indentWithTab), so keyboard users can leave the editor.
 */
import {
  bracketMatching,
  getIndentation,
  HighlightStyle,
  indentOnInput,
  indentString,
  syntaxHighlighting,
} from "@codemirror/language";
import {
  EditorSelection,
  StateEffect,
  StateField,
  Transaction,
  type ChangeSet,
  type Extension,
  type StateCommand,
} from "@codemirror/state";
import {
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  EditorView,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";

interface HistoryEntry {
  /** Applying these changes takes the document back (undo stack) or forward again (redo stack). */
  readonly changes: ChangeSet;
  readonly selection: EditorSelection;
  readonly time: number;
  readonly event: string | undefined;
}

interface History {
  readonly done: readonly HistoryEntry[];
  readonly undone: readonly HistoryEntry[];
}

const DEPTH = 200;
/** Keystrokes of one kind (typing, deleting) closer than this are undone together. */
const GROUP_MS = 600;

const replaceHistory = StateEffect.define<History>();

const historyField = StateField.define<History>({
  create: () => ({ done: [], undone: [] }),
  update(history, tr) {
    for (const effect of tr.effects) if (effect.is(replaceHistory)) return effect.value;
    if (!tr.docChanged || tr.annotation(Transaction.addToHistory) === false) return history;
    // Only runs of the same kind of keystroke group ("input.type", "delete.backward"); a paste stands alone.
    const event = tr.annotation(Transaction.userEvent);
    const inverse = tr.changes.invert(tr.startState.doc);
    const time = Date.now();
    const last = history.done.at(-1);
    const groups = event !== undefined && /^(input\.type|delete\.(backward|forward))$/.test(event);
    if (last && groups && event === last.event && time - last.time < GROUP_MS) {
      const merged = { changes: inverse.compose(last.changes), selection: last.selection, time, event };
      return { done: [...history.done.slice(0, -1), merged], undone: [] };
    }
    const entry = { changes: inverse, selection: tr.startState.selection, time, event };
    return { done: [...history.done.slice(-(DEPTH - 1)), entry], undone: [] };
  },
});

/** Undo (from "done") or redo (from "undone"): applies the entry and pushes its inverse on the other stack. */
function travel(from: "done" | "undone"): StateCommand {
  const to = from === "done" ? "undone" : "done";
  return ({ state, dispatch }) => {
    const history = state.field(historyField, false);
    const entry = history?.[from].at(-1);
    if (!history || !entry) return false;
    const back: HistoryEntry = {
      changes: entry.changes.invert(state.doc),
      selection: state.selection,
      time: 0,
      event: undefined,
    };
    dispatch(
      state.update({
        changes: entry.changes,
        selection: entry.selection,
        scrollIntoView: true,
        annotations: [
          Transaction.addToHistory.of(false),
          Transaction.userEvent.of(from === "done" ? "undo" : "redo"),
        ],
        effects: replaceHistory.of({
          ...history,
          [from]: history[from].slice(0, -1),
          [to]: [...history[to], back],
        } as History),
      }),
    );
    return true;
  };
}

export const undo = travel("done");
export const redo = travel("undone");

/** Selects the whole document (the browser's own select-all only reaches the lines CodeMirror drew). */
const selectAll: StateCommand = ({ state, dispatch }) => {
  dispatch(state.update({ selection: { anchor: 0, head: state.doc.length }, userEvent: "select" }));
  return true;
};

/** Enter: a new line indented as the language says (JSON and YAML know their indentation). */
const newlineAndIndent: StateCommand = ({ state, dispatch }) => {
  if (state.readOnly) return false;
  const changes = state.changeByRange((range) => {
    const line = state.doc.lineAt(range.from);
    const fallback = /^\s*/.exec(line.text)?.[0].length ?? 0;
    const columns = getIndentation(state, range.from) ?? fallback;
    const insert = "\n" + indentString(state, columns);
    return {
      changes: { from: range.from, to: range.to, insert },
      range: EditorSelection.cursor(range.from + insert.length),
    };
  });
  dispatch(state.update(changes, { scrollIntoView: true, userEvent: "input" }));
  return true;
};

/**
 * Token colours from Starlight's palette: its "-high" shades are dark on the light theme and light on the
 * dark one, so the code stays readable in both (CodeMirror's default style is for light backgrounds only).
 */
const highlightStyle = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: "var(--sl-color-blue-high)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--sl-color-green-high)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--sl-color-orange-high)" },
  { tag: [tags.keyword, tags.meta, tags.labelName], color: "var(--sl-color-purple-high)" },
  {
    tag: [tags.comment, tags.lineComment, tags.blockComment],
    color: "var(--sl-color-gray-3)",
    fontStyle: "italic",
  },
  { tag: tags.invalid, color: "var(--sl-color-red-high)" },
]);

const theme = EditorView.theme({
  "&": { backgroundColor: "var(--sl-color-bg)", color: "var(--sl-color-white)" },
  ".cm-content": { caretColor: "var(--sl-color-white)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--sl-color-white)" },
  ".cm-gutters": {
    backgroundColor: "var(--sl-color-gray-6)",
    color: "var(--sl-color-gray-3)",
    borderRight: "1px solid var(--sl-color-gray-5)",
  },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--sl-color-gray-5) 35%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--sl-color-gray-5)", color: "var(--sl-color-white)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground": {
    backgroundColor: "color-mix(in srgb, var(--sl-color-accent) 35%, transparent)",
  },
  "&.cm-focused .cm-matchingBracket": {
    backgroundColor: "var(--sl-color-gray-5)",
    outline: "1px solid var(--sl-color-gray-3)",
  },
});

export function exerciseEditorSetup(): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    historyField,
    drawSelection(),
    indentOnInput(),
    syntaxHighlighting(highlightStyle),
    theme,
    bracketMatching(),
    highlightActiveLine(),
    keymap.of([
      { key: "Mod-z", run: undo, preventDefault: true },
      { key: "Mod-y", run: redo, preventDefault: true },
      { key: "Mod-Shift-z", run: redo, preventDefault: true },
      { key: "Mod-a", run: selectAll },
      { key: "Enter", run: newlineAndIndent },
    ]),
  ];
}
