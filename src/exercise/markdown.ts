/**
 * Build time only: an exercise statement (pt-BR CommonMark from exercicio.yaml) → HTML. micromark drops
 * raw HTML by default, so the statement cannot inject markup into the page.
 */
import { micromark } from "micromark";

/** Renders Markdown, moving headings down `shift` levels (the page already has its h1 and section h2). */
export function renderStatement(markdown: string, shift = 1): string {
  return micromark(markdown).replace(
    /<(\/?)h([1-6])>/g,
    (_match, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + shift)}>`,
  );
}
