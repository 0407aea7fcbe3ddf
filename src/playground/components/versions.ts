/**
 * Work is never lost: the version the playground opens with (saved, shared by link, or the lesson's),
 * autosave to localStorage, "Restaurar versão da lição", "Desfazer" (the version replaced last), and share
 * links opened over a different saved version, which ask first.
 */
import { ui } from "../../i18n/pt-BR.ts";
import { h } from "../dom.ts";
import { parseShareHash, type PlaygroundState } from "../share.ts";
import type { PlaygroundStore } from "../state.ts";
import * as storage from "../storage.ts";

const t = ui.playground;

/** Where the playground's content comes from when the page opens. */
export interface Opening {
  readonly id: string;
  /** The lesson's version. */
  readonly seed: PlaygroundState;
  readonly canStore: boolean;
  readonly saved: storage.SavedState | undefined;
  /** A version shared by link for this playground, in the page's address. */
  readonly shared: PlaygroundState | undefined;
  /** The address names this playground but its payload cannot be read. */
  readonly sharedBroken: boolean;
  /** The content to show first. */
  readonly initial: PlaygroundState;
  /** A shared version that differs from the saved one: offered, not applied. */
  readonly conflict: PlaygroundState | undefined;
}

export function opening(id: string, seed: PlaygroundState): Opening {
  const canStore = storage.storageAvailable();
  const saved = canStore ? storage.loadSaved(id) : undefined;
  const link = parseShareHash(location.hash);
  const shared = link && link.id === id ? link.state : undefined;
  const sharedBroken = location.hash.startsWith(`#playground=${encodeURIComponent(id)}~`) && !shared;
  let initial: PlaygroundState = saved ?? seed;
  let conflict: PlaygroundState | undefined;
  if (shared) {
    if (!saved || storage.sameState(saved, shared)) initial = shared;
    else conflict = shared;
  }
  return { id, seed, canStore, saved, shared, sharedBroken, initial: storage.pick(initial), conflict };
}

export interface Versions {
  readonly toolbarButtons: readonly HTMLElement[];
  readonly banner: HTMLElement;
  readonly savedNote: HTMLElement;
}

/** `apply` puts a whole version into the playground (editor, fields) and clears the shown result. */
export function versions(
  store: PlaygroundStore,
  root: HTMLElement,
  open: Opening,
  apply: (state: PlaygroundState) => void,
): Versions {
  const { id, seed, canStore, saved, shared, sharedBroken, conflict } = open;
  const savedNote = h("p", { class: "pg-saved pg-muted", "data-pg-saved": "" });
  const banner = h("div", { class: "pg-banner", hidden: true, "data-pg-conflict": "" });
  const restoreButton = h("button", { type: "button", class: "pg-button", "data-pg-restore": "" }, t.restore);
  const undoButton = h(
    "button",
    { type: "button", class: "pg-button", hidden: true, "data-pg-undo": "" },
    t.undo,
  );
  const say = (notice: string) => store.set({ notice });

  // ----- autosave ---------------------------------------------------------------------------------
  const showSaved = (iso: string | undefined) => {
    if (iso) savedNote.textContent = t.savedAt(new Date(iso).toLocaleTimeString("pt-BR"));
  };
  let saveTimer: number | undefined;
  const saveNow = () => {
    saveTimer = undefined;
    const state = store.get().document;
    // Nothing to save while the text is the lesson's and nothing was saved before.
    if (!storage.loadSaved(id) && storage.sameState(state, seed)) return;
    showSaved(storage.save(id, state));
  };
  store.select(
    (state) => state.document,
    () => {
      if (!canStore) return;
      window.clearTimeout(saveTimer);
      saveTimer = window.setTimeout(saveNow, 400);
    },
    { immediate: false },
  );
  // Leaving the page (a "Ver na lição" link, say) right after typing keeps the last keystrokes.
  window.addEventListener("pagehide", () => {
    if (saveTimer === undefined) return;
    window.clearTimeout(saveTimer);
    saveNow();
  });
  if (!canStore) savedNote.textContent = t.storageOff;
  else if (saved && !shared) {
    say(t.restoredSaved);
    showSaved(saved.savedAt);
  }

  // ----- restore and undo -------------------------------------------------------------------------
  /** Replaces the playground's content, keeping the replaced version for "Desfazer". */
  const replaceWith = (state: PlaygroundState, message: string) => {
    if (canStore) storage.saveBackup(id, store.get().document);
    apply(state);
    if (canStore) showSaved(storage.save(id, state));
    say(message);
    undoButton.hidden = !canStore;
  };
  undoButton.addEventListener("click", () => {
    const backup = storage.loadBackup(id);
    if (!backup) return;
    replaceWith(backup, t.undone);
    undoButton.hidden = true;
  });
  restoreButton.addEventListener("click", () => replaceWith(seed, t.restored));

  // ----- share links ------------------------------------------------------------------------------
  /** Offers a shared version that differs from the saved one: nothing is replaced until the student says so. */
  const offerShared = (version: PlaygroundState) => {
    const openButton = h(
      "button",
      { type: "button", class: "pg-button pg-primary", "data-pg-conflict-open": "" },
      t.sharedOpen,
    );
    const keep = h(
      "button",
      { type: "button", class: "pg-button", "data-pg-conflict-keep": "" },
      t.sharedKeep,
    );
    banner.replaceChildren(h("p", {}, t.sharedConflict, " ", t.sharedOpenHint), openButton, keep);
    banner.hidden = false;
    openButton.addEventListener("click", () => {
      banner.hidden = true;
      replaceWith(version, t.sharedLoaded);
    });
    keep.addEventListener("click", () => {
      banner.hidden = true;
      say(t.sharedKept);
    });
  };
  if (conflict) offerShared(conflict);
  else if (shared) {
    say(t.sharedLoaded);
    if (canStore && !saved) showSaved(storage.save(id, shared));
  } else if (sharedBroken) {
    say(t.sharedInvalid);
  }
  if (shared || sharedBroken) queueMicrotask(() => root.scrollIntoView({ block: "start" }));
  // A share link opened on a page that is already open only changes the hash.
  window.addEventListener("hashchange", () => {
    const next = parseShareHash(location.hash);
    if (!next || next.id !== id) {
      if (location.hash.startsWith(`#playground=${encodeURIComponent(id)}~`)) say(t.sharedInvalid);
      return;
    }
    if (storage.sameState(store.get().document, next.state)) return;
    const stored = canStore ? storage.loadSaved(id) : undefined;
    if (stored && !storage.sameState(stored, next.state)) offerShared(next.state);
    else replaceWith(next.state, t.sharedLoaded);
    root.scrollIntoView({ block: "start" });
  });

  return { toolbarButtons: [restoreButton, undoButton], banner, savedNote };
}
