/**
 * The code editors follow the site's theme (Starlight's "Claro" / "Escuro"): in a lesson playground and on an
 * exercise page, a string, a number, a keyword (`true`) and the active line's number are at least 4.5:1
 * (WCAG AA) against what is behind them, as the browser computes it, in both themes.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "./harness.ts";

const site = useBuiltSite();

const SAMPLE = '{\n  "chave": "um texto",\n  "numero": 42,\n  "ativo": true\n}\n';

const EDITORS = [
  { name: "playground", path: "/06-erros-e-retentativas/", ready: '[data-playground][data-ready="true"]' },
  { name: "exercício", path: "/exercicios/falha-pagamento/", ready: '[data-exercise][data-ready="true"]' },
] as const;

interface Contrast {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/**
 * Contrast of the first element of `root` whose text is `text` (or of `selector`'s element): its colour
 * against its background, composed from every ancestor's background colour (translucent ones included),
 * as the browser computes them. Colours are read back through a canvas, so any CSS colour syntax works.
 */
async function contrasts(
  page: Page,
  root: string,
  targets: { text?: string; selector?: string }[],
): Promise<Contrast[]> {
  return page.evaluate(
    ({ root, targets }) => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 1;
      const context = canvas.getContext("2d", { willReadFrequently: true })!;
      const rgba = (css: string): [number, number, number, number] => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = "#000";
        context.fillStyle = css;
        context.fillRect(0, 0, 1, 1);
        const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
        return [r!, g!, b!, a! / 255];
      };
      const over = (top: number[], bottom: number[]) =>
        [0, 1, 2].map((i) => top[i]! * top[3]! + bottom[i]! * (1 - top[3]!));
      const luminance = (rgb: number[]) => {
        const [r, g, b] = rgb.map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const container = document.querySelector(root)!;
      return targets.map(({ text, selector }) => {
        const element = selector
          ? container.querySelector<HTMLElement>(selector)
          : [...container.querySelectorAll<HTMLElement>(".cm-line span")].find(
              (span) => span.textContent === text,
            );
        if (!element) return { text: text ?? selector ?? "", ratio: 0, color: "", background: "missing" };
        const chain: Element[] = [];
        for (let node: Element | null = element; node; node = node.parentElement) chain.unshift(node);
        let background = [255, 255, 255];
        for (const node of chain) background = over(rgba(getComputedStyle(node).backgroundColor), background);
        const color = over(rgba(getComputedStyle(element).color), background);
        const [light, dark] = [luminance(color), luminance(background)].sort((a, b) => b - a);
        return {
          text: text ?? element.textContent ?? "",
          ratio: (light! + 0.05) / (dark! + 0.05),
          color: color.map(Math.round).join(","),
          background: background.map(Math.round).join(","),
        };
      });
    },
    { root, targets },
  );
}

describe("code editors follow the site's theme", () => {
  for (const theme of ["dark", "light"] as const) {
    for (const editor of EDITORS) {
      it(`${editor.name}, tema ${theme === "dark" ? "escuro" : "claro"}: token colours and the active line number are ≥ 4.5:1`, async () => {
        const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addInitScript((value) => localStorage.setItem("starlight-theme", value), theme);
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (error) => errors.push(error.message));
        await page.goto(site.baseUrl + editor.path);
        await page.waitForSelector(editor.ready);
        expect(await page.getAttribute("html", "data-theme")).toBe(theme);
        const root = editor.name === "playground" ? "[data-pg-editor]" : '[data-part="editor"]';
        await page.click(`${root} .cm-content`);
        await page.keyboard.press("ControlOrMeta+a");
        await page.keyboard.insertText(SAMPLE);
        // The cursor on the tokens' line: they sit on the active line's background, the harder case.
        await page.keyboard.press("ControlOrMeta+Home");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        await page.waitForSelector(`${root} .cm-activeLineGutter`);
        const results = await contrasts(page, root, [
          { text: '"um texto"' },
          { text: "42" },
          { text: "true" },
          { selector: ".cm-activeLineGutter" },
        ]);
        for (const result of results) {
          expect(result.ratio, `${editor.name} ${theme}: ${JSON.stringify(result)}`).toBeGreaterThanOrEqual(
            4.5,
          );
        }
        // The tokens are coloured (not the plain text colour), and the background is the theme's.
        const [string, number, bool] = results;
        expect(new Set([string!.color, number!.color, bool!.color]).size).toBe(3);
        const background = string!.background.split(",").map(Number);
        const brightness = background.reduce((sum, value) => sum + value, 0) / 3;
        if (theme === "dark") expect(brightness).toBeLessThan(80);
        else expect(brightness).toBeGreaterThan(200);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});

describe("the editors and the run button look the part", () => {
  for (const theme of ["dark", "light"] as const) {
    it(`tema ${theme === "dark" ? "escuro" : "claro"}: "Executar" (playground) and "Avaliar" (exercício) are ≥ 4.5:1`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript((value) => localStorage.setItem("starlight-theme", value), theme);
      const page = await context.newPage();
      for (const [editor, button] of [
        [EDITORS[0], "[data-pg-run]"],
        [EDITORS[1], '[data-part="grade"]'],
      ] as const) {
        await page.goto(site.baseUrl + editor.path);
        await page.waitForSelector(editor.ready);
        expect(await page.getAttribute("html", "data-theme")).toBe(theme);
        const [result] = await contrasts(page, "main", [{ selector: button }]);
        expect(result!.ratio, `${editor.name} ${theme}: ${JSON.stringify(result)}`).toBeGreaterThanOrEqual(
          4.5,
        );
      }
      await context.close();
    });
  }

  it("the playground's editor and the exercise's editor write code in the same monospace font", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const fonts: string[] = [];
    for (const editor of EDITORS) {
      await page.goto(site.baseUrl + editor.path);
      await page.waitForSelector(editor.ready);
      const root = editor.name === "playground" ? "[data-pg-editor]" : '[data-part="editor"]';
      const { family, narrow, wide } = await page.$eval(`${root} .cm-line`, (line) => {
        const style = getComputedStyle(line);
        const context = document.createElement("canvas").getContext("2d")!;
        context.font = style.font;
        return {
          family: style.fontFamily,
          narrow: context.measureText("iiiiiiiiii").width,
          wide: context.measureText("MMMMMMMMMM").width,
        };
      });
      // In a monospace font an "i" is as wide as an "M".
      expect(narrow, `${editor.name}: ${family}`).toBe(wide);
      fonts.push(family);
    }
    expect(fonts[0]).toBe(fonts[1]);
    await page.close();
  });
});
