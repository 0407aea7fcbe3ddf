/**
 * Per-page additions to the site's Content Security Policy (security.csp in astro.config.mjs).
 */
import type { AstroGlobal } from "astro";

/**
 * CodeMirror (the playground's and the exercise page's editor) themes itself with <style> elements it
 * writes while running (style-mod); their text depends on the extensions mounted so far, so no hash can
 * allow them. A component that mounts an editor calls this from its frontmatter: its page's policy then
 * allows inline <style> elements (`style-src-elem 'self' 'unsafe-inline'`). Scripts stay hash-only, and
 * pages without an editor keep <style> elements hash-only.
 */
export function allowEditorStyles(astro: Pick<AstroGlobal, "csp">): void {
  astro.csp?.insertStyleResource({ resource: "'self'", kind: "element" });
  astro.csp?.insertStyleResource({ resource: "'unsafe-inline'", kind: "element" });
}
