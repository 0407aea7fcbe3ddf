/** The graph drawing's pt-BR strings (the site's `ui.graph` re-exports them). */
export const graphMessages = {
  title: (name: string) => `Grafo do workflow ${name}`,
  untitled: "sem comentário",
  description: (states: readonly string[]) =>
    `Diagrama gerado com ${states.length === 1 ? "1 estado" : `${states.length} estados`}: ${states.join(", ")}.`,
  start: "Início",
  end: "Fim",
  defaultBranch: "Default",
  choiceRule: (index: number) => `Regra ${index}`,
};
