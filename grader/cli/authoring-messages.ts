/** What `partitura new-exercise` and `check-exercises --watch` say, in Brazilian Portuguese. */
export const authoringMessages = {
  watchChanged: (file: string, time: string) => `— ${file} mudou (${time}): verificando de novo…`,
  watchWaiting: "Aguardando mudanças nos arquivos (Ctrl+C para sair).",
  missingSlug:
    "Informe o identificador do exercício: partitura new-exercise <slug> (minúsculas, números e hífens).",
  badSlug: (slug: string) =>
    `'${slug}' não serve de identificador: use minúsculas sem acento, números e hífens (ex.: retry-lambda).`,
  exists: (folder: string) => `${folder} já existe: escolha outro identificador ou apague a pasta.`,
  created: (folder: string, files: readonly string[]) =>
    [
      `Exercício criado em ${folder}:`,
      ...files.map((file) => `  ${file}`),
      "",
      "Próximos passos:",
      `  1. edite exercicio.yaml (enunciado, cenários, verificações), inicial.asl.json e solucao.asl.json;`,
      `  2. partitura check-exercises ${folder.split(/[\\/]/).at(-1)} --watch   (verifica a cada salvamento);`,
      "  3. npm start e abra /exercicios/ — o exercício aparece no site.",
      "Guia completo: exercises/README.md.",
    ].join("\n"),
};
