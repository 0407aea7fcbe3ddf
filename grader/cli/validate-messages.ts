/** Every sentence `partitura validate` shows a person, in Brazilian Portuguese. */
import type { Severity } from "../validator/index.ts";

export const validateMessages = {
  usage:
    "Uso: partitura validate <arquivos...> [--format text|json] [--severity error|warning|info] [--express]",
  missingFiles:
    "Informe ao menos um arquivo: partitura validate <definição.asl.json|.yaml|serverless.yml|template.yaml>",
  badOption: (detail: string) => `Opção inválida: ${detail}. ${validateMessages.usage}`,
  badFormat: (value: string) => `--format aceita 'text' ou 'json', não '${value}'.`,
  badSeverity: (value: string) => `--severity aceita 'error', 'warning' ou 'info', não '${value}'.`,
  cannotRead: (file: string, reason: string) => `${file}: não foi possível ler o arquivo (${reason}).`,
  fileNotFound: "arquivo não encontrado",
  isDirectory: "é uma pasta, não um arquivo",
  noPermission: "sem permissão de leitura",
  severity: { error: "erro", warning: "aviso", info: "nota" } as Record<Severity, string>,
  where: (machine: string | undefined, location: string) =>
    machine ? `máquina ${machine}, ${location}` : location,
  lesson: (section: string) => `aula: #${section}`,
  summary: (errors: number, warnings: number, notes: number, files: number) =>
    `${count(errors, "erro", "erros")}, ${count(warnings, "aviso", "avisos")}, ${count(notes, "nota", "notas")} ` +
    `em ${count(files, "arquivo", "arquivos")}.`,
  allGood: (files: number) => `Nenhum problema encontrado em ${count(files, "arquivo", "arquivos")}.`,
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
