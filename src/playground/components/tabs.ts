/** The views as ARIA tabs (Grafo, Tabela, Eventos, Dados): arrow keys, Home and End move between them. */
import { ui } from "../../i18n/pt-BR.ts";
import { h } from "../dom.ts";
import type { PlaygroundStore, TabName } from "../state.ts";

const t = ui.playground;

const TABS: readonly [TabName, string][] = [
  ["graph", t.tabGraph],
  ["table", t.tabTable],
  ["events", t.tabEvents],
  ["data", t.tabData],
];

export interface Tabs {
  readonly tablist: HTMLElement;
  readonly panels: ReadonlyMap<TabName, HTMLElement>;
}

export function tabs(store: PlaygroundStore, domId: (suffix: string) => string): Tabs {
  const tablist = h("div", { role: "tablist", "aria-label": t.tabs, class: "pg-tablist" });
  const panels = new Map<TabName, HTMLElement>();
  const buttons = new Map<TabName, HTMLButtonElement>();
  for (const [name, label] of TABS) {
    const tab = h(
      "button",
      {
        type: "button",
        role: "tab",
        id: domId(`tab-${name}`),
        "aria-controls": domId(`panel-${name}`),
        "aria-selected": "false",
        tabindex: "-1",
        "data-pg-tab": name,
      },
      label,
    );
    const panel = h("div", {
      role: "tabpanel",
      id: domId(`panel-${name}`),
      "aria-labelledby": domId(`tab-${name}`),
      tabindex: "0",
      hidden: true,
      class: "pg-panel",
      "data-pg-panel": name,
    });
    buttons.set(name, tab);
    panels.set(name, panel);
    tablist.append(tab);
  }
  store.select(
    (state) => state.tab,
    (selected) => {
      for (const [name, tab] of buttons) {
        tab.setAttribute("aria-selected", String(name === selected));
        tab.tabIndex = name === selected ? 0 : -1;
        panels.get(name)!.hidden = name !== selected;
      }
    },
  );
  tablist.addEventListener("click", (event) => {
    const name = (event.target as HTMLElement).closest<HTMLElement>("[data-pg-tab]")?.dataset["pgTab"];
    if (name) store.set({ tab: name as TabName });
  });
  tablist.addEventListener("keydown", (event) => {
    const names = TABS.map(([name]) => name);
    const current = names.indexOf(store.get().tab);
    let next = -1;
    if (event.key === "ArrowRight") next = (current + 1) % names.length;
    else if (event.key === "ArrowLeft") next = (current - 1 + names.length) % names.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = names.length - 1;
    if (next < 0) return;
    event.preventDefault();
    store.set({ tab: names[next]! });
    buttons.get(names[next]!)!.focus();
  });
  return { tablist, panels };
}
