/**
 * The toolbar over the editor: the definition's format (switching converts the text when it reads),
 * Express, "Baixar", "Copiar link" (with the link shown to copy by hand), and the notice line that says
 * what just happened.
 */
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { ui } from "../../i18n/pt-BR.ts";
import type { Format } from "../diagnostics.ts";
import { h } from "../dom.ts";
import { shareHash } from "../share.ts";
import { editDocument, type PlaygroundStore } from "../state.ts";

const t = ui.playground;

/** The text in the other format, or undefined when it does not read (it then stays as it is). */
function convert(text: string, from: Format, to: Format): string | undefined {
  try {
    const value: unknown = from === "yaml" ? parseYaml(text) : JSON.parse(text);
    return to === "yaml" ? stringifyYaml(value) : `${JSON.stringify(value, null, 2)}\n`;
  } catch {
    return undefined;
  }
}

export interface Toolbar {
  readonly element: HTMLElement;
  readonly notice: HTMLElement;
  readonly shareField: HTMLElement;
}

export function toolbar(
  store: PlaygroundStore,
  id: string,
  domId: (suffix: string) => string,
  extraButtons: readonly HTMLElement[],
): Toolbar {
  const notice = h("p", { class: "pg-notice", role: "status", "data-pg-notice": "" });
  store.select(
    (state) => state.notice,
    (text) => (notice.textContent = text),
  );

  const formatSelect = h(
    "select",
    { id: domId("format"), "data-pg-format": "" },
    h("option", { value: "json" }, "JSON"),
    h("option", { value: "yaml" }, "YAML"),
  );
  formatSelect.addEventListener("change", () => {
    const next: Format = formatSelect.value === "yaml" ? "yaml" : "json";
    const { definition, format } = store.get().document;
    const converted = convert(definition, format, next);
    editDocument(store, { format: next, ...(converted === undefined ? {} : { definition: converted }) });
  });
  const expressBox = h("input", { type: "checkbox", id: domId("express"), "data-pg-express": "" });
  expressBox.addEventListener("change", () => editDocument(store, { express: expressBox.checked }));

  const fileName = () => `${id}.asl.${store.get().document.format === "yaml" ? "yaml" : "json"}`;
  const downloadButton = h(
    "button",
    { type: "button", class: "pg-button", "data-pg-download": "" },
    t.download,
  );
  downloadButton.addEventListener("click", () => {
    const { definition, format } = store.get().document;
    const blob = new Blob([definition], {
      type: format === "yaml" ? "application/yaml" : "application/json",
    });
    const link = h("a", { href: URL.createObjectURL(blob), download: fileName() });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  store.select(
    (state) => [state.document.format, state.document.express],
    ([format, express]) => {
      formatSelect.value = format as Format;
      expressBox.checked = express as boolean;
      downloadButton.setAttribute("aria-label", t.downloadLabel(fileName()));
    },
  );

  const shareField = h("input", {
    type: "text",
    readonly: true,
    class: "pg-share-field",
    "aria-label": t.shareField,
    hidden: true,
    "data-pg-share-url": "",
  });
  const shareButton = h(
    "button",
    { type: "button", class: "pg-button", title: t.shareLabel, "data-pg-share": "" },
    t.share,
  );
  shareButton.addEventListener("click", async () => {
    const url = `${location.origin}${location.pathname}${location.search}${shareHash(id, store.get().document)}`;
    shareField.value = url;
    shareField.hidden = false;
    try {
      await navigator.clipboard.writeText(url);
      store.set({ notice: t.shareReady });
    } catch {
      store.set({ notice: t.shareReadyNoClipboard });
    }
    shareField.select();
  });

  const element = h(
    "div",
    { class: "pg-toolbar" },
    h("label", { for: domId("format"), class: "pg-inline" }, `${t.format} `, formatSelect),
    h(
      "label",
      { for: domId("express"), class: "pg-inline", title: t.expressHint },
      expressBox,
      ` ${t.express}`,
    ),
    h("span", { class: "pg-spacer" }),
    downloadButton,
    shareButton,
    ...extraButtons,
  );
  return { element, notice, shareField };
}
