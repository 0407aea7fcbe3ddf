/**
 * Wide content scrolls sideways on a phone: Markdown tables (Starlight makes them `overflow: auto` blocks)
 * and code blocks. A region that scrolls must be reachable from the keyboard and, when Expressive Code makes
 * a code block a `role="region"`, carry a name of its own so every landmark on a page is told apart.
 */
import type { SatteriProcessorOptions } from "@astrojs/markdown-satteri";
import type { ExpressiveCodePlugin } from "@astrojs/starlight/expressive-code";
import { select } from "@astrojs/starlight/expressive-code/hast";
import { ui } from "../i18n/pt-BR.ts";

type HastPlugin = NonNullable<SatteriProcessorOptions["hastPlugins"]>[number];

/** Markdown plugin (Sätteri, Astro's processor): every table of a lesson takes the focus, to scroll from the keyboard. */
export const focusableTables: HastPlugin = {
  name: "partitura-focusable-tables",
  element: [
    {
      filter: ["table"],
      visit(node, context) {
        context.setProperty(node, "tabindex", "0");
      },
    },
  ],
};

/**
 * Expressive Code gives a code block that overflows `tabindex="0"` and `role="region"` in the browser (and
 * takes both away when it fits), without a name: two scrolling blocks on one page are then two regions that
 * cannot be told apart. The block's name is written at build time in `data-region-label` ("Bloco de código
 * 2 de 5 (yaml)") and becomes its `aria-label` while it is a region (on a plain `<pre>` a label is not allowed).
 */
const LABEL_WHILE_REGION = `(() => {
  const sync = (pre) => {
    if (pre.getAttribute("role") === "region") pre.setAttribute("aria-label", pre.dataset.regionLabel);
    else pre.removeAttribute("aria-label");
  };
  document.querySelectorAll("pre[data-region-label][role='region']").forEach(sync);
  new MutationObserver((changes) =>
    changes.forEach((change) => change.target.matches?.("pre[data-region-label]") && sync(change.target)),
  ).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["role"] });
})();
`;

export function codeRegionLabels(): ExpressiveCodePlugin {
  return {
    name: "partitura-code-region-labels",
    jsModules: [LABEL_WHILE_REGION],
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const pre = select("pre", renderData.blockAst);
        if (!pre) return;
        const position = codeBlock.parentDocument?.positionInDocument;
        pre.properties["dataRegionLabel"] = ui.codeBlockRegion(
          position ? position.groupIndex + 1 : undefined,
          position?.totalGroups,
          codeBlock.language,
        );
      },
    },
  };
}
