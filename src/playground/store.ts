/**
 * A tiny state store: one object, replaced (never mutated) by `set`; components `select` the part they
 * show and re-render only when that part changes. No framework: see the README's "Playground" note.
 */
export type Listener<S> = (state: S, previous: S) => void;

export interface Store<S> {
  get(): S;
  set(patch: Partial<S> | ((state: S) => Partial<S>)): void;
  subscribe(listener: Listener<S>): () => void;
  /**
   * Calls `listener` with `selector(state)` now (unless `immediate` is false) and whenever it changes.
   * A selector returning an array changes when one of its items does (so `[a, b]` selects two fields).
   */
  select<T>(
    selector: (state: S) => T,
    listener: (value: T) => void,
    options?: { immediate?: boolean },
  ): () => void;
}

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((item, index) => Object.is(item, b[index]));
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener<S>>();
  const store: Store<S> = {
    get: () => state,
    set(patch) {
      const previous = state;
      const changes = typeof patch === "function" ? patch(previous) : patch;
      state = { ...previous, ...changes };
      for (const listener of [...listeners]) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    select(selector, listener, { immediate = true } = {}) {
      let current = selector(state);
      if (immediate) listener(current);
      // The latest state, not the one this notification was for: a listener may have set it again since.
      return store.subscribe(() => {
        const value = selector(state);
        if (same(value, current)) return;
        current = value;
        listener(value);
      });
    },
  };
  return store;
}
