/**
 * Entry of the playground island: a small module on pages that have a playground; the editor, the engine
 * and the validator load as a separate chunk only when the page has one.
 */
const roots = [...document.querySelectorAll<HTMLElement>("[data-playground]")];
if (roots.length > 0) {
  void import("./mount.ts").then(({ mountPlayground }) => {
    for (const root of roots) {
      try {
        mountPlayground(root);
      } catch (error) {
        root.dataset["error"] = error instanceof Error ? error.message : String(error);
        console.error(error);
      }
    }
  });
}
