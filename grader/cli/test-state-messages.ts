/** Every sentence `partitura test-state` shows a person, in Brazilian Portuguese (AWS's own error names and messages stay AWS's). */
export const testStateMessages = {
  stdinIsTerminal:
    "Informe o pedido: partitura test-state PEDIDO.json (ou envie o JSON pela entrada padrão, com '-').",
  requestNotObject: (file: string) =>
    `${file}: o pedido deve ser um objeto JSON com os campos do TestState (definition, input, mock…).`,
  badLevel: (value: string) => `--inspection-level aceita 'INFO', 'DEBUG' ou 'TRACE', não '${value}'.`,
  unknownField: (field: string) =>
    `Aviso: o pedido tem o campo '${field}', que o TestState não conhece (a AWS o ignora). Confira o nome.`,
  /** An AWS exception: its name and AWS's message, then what it means, in Portuguese. */
  awsError: (exception: string, message: string, explanation: string) =>
    `${exception}: ${message}\n  ${explanation}`,
  offline: (explanation: string) => `Não foi possível testar o estado: ${explanation}`,
};
