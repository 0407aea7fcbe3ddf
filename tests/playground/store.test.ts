/** The playground's state store: components re-render only when what they select changes. */
import { describe, expect, it } from "vitest";
import { createStore } from "../../src/playground/store.ts";

describe("playground store", () => {
  it("select calls back now and then only when the selected value changes", () => {
    const store = createStore({ count: 0, other: "a" });
    const seen: number[] = [];
    store.select(
      (state) => state.count,
      (count) => seen.push(count),
    );
    store.set({ other: "b" });
    store.set({ count: 1 });
    store.set((state) => ({ count: state.count + 1 }));
    expect(seen).toEqual([0, 1, 2]);
  });

  it("a selected array changes when one of its items does; immediate: false waits for a change", () => {
    const store = createStore({ a: 1, b: 2, c: 3 });
    const seen: number[][] = [];
    store.select(
      (state) => [state.a, state.b],
      (pair) => seen.push(pair),
      { immediate: false },
    );
    store.set({ c: 4 });
    store.set({ b: 5 });
    expect(seen).toEqual([[1, 5]]);
  });

  it("a listener that sets the state again leaves every other listener on the latest state", () => {
    const store = createStore({ text: "", derived: "" });
    // The first listener reacts to text by setting derived; the second, notified afterwards for the
    // first change, must not go back to the older state.
    store.select(
      (state) => state.text,
      (text) => store.set({ derived: text.toUpperCase() }),
      { immediate: false },
    );
    const derived: string[] = [];
    store.select(
      (state) => state.derived,
      (value) => derived.push(value),
      { immediate: false },
    );
    store.set({ text: "oi" });
    expect(store.get()).toEqual({ text: "oi", derived: "OI" });
    expect(derived).toEqual(["OI"]);
  });

  it("unsubscribing stops the calls", () => {
    const store = createStore({ n: 0 });
    const seen: number[] = [];
    const stop = store.select(
      (state) => state.n,
      (n) => seen.push(n),
    );
    stop();
    store.set({ n: 1 });
    expect(seen).toEqual([0]);
  });
});
