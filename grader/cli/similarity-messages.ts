/** What `partitura similarity` says, in Brazilian Portuguese. */
export const similarityMessages = {
  missingSubmissions: "Informe a pasta ou o .zip das submissões: partitura similarity <pasta|arquivo.zip>",
  extraArguments: (extra: readonly string[]) =>
    `Argumentos a mais: ${extra.join(" ")}. Informe uma só pasta ou .zip.`,
  badThreshold: (value: string) =>
    `--threshold aceita um número entre 0 e 1 (por exemplo 0.8), não '${value}'.`,
  badFormat: (value: string) => `--format aceita 'table' ou 'json', não '${value}'.`,
  heading: (submissions: number, skipped: number) =>
    `Semelhança entre ${submissions} submissões` +
    (skipped > 0 ? ` (${skipped} não puderam ser lidas e ficaram de fora)` : ""),
  subtracted: (exercise: string) =>
    `Descontado o que a definição inicial e a solução de referência de '${exercise}' já têm.`,
  nothingSubtracted:
    "Sem --exercise: nada é descontado, então trechos da definição inicial que todos receberam contam como semelhança.",
  threshold: (threshold: number, minShared: number, candidates: number) =>
    `Limiar: ${Math.round(threshold * 100)} % e pelo menos ${minShared} trechos próprios em comum; ${candidates} pares comparados.`,
  none: "Nenhum par acima do limiar.",
  pair: (a: string, b: string, score: number, identical: boolean, sameShape: boolean) =>
    `${a} × ${b}: ${Math.round(score * 100)} %` +
    (identical ? " — mesma definição depois de renomear e reformatar" : sameShape ? " — mesmo grafo" : ""),
  shared: (shared: number, onlyA: number, onlyB: number) =>
    `  ${shared} trechos próprios em comum (só no primeiro: ${onlyA}; só no segundo: ${onlyB}):`,
  evidence: (feature: string, a: string, b: string) => `    ${feature}\n      ${a}  |  ${b}`,
};
