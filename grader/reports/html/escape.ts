/** HTML escaping for the class report: every text that came from a student or an exercise goes through it. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** `1234.5` → `1.234,5` (pt-BR), at most two decimals. */
export const formatNumber = (value: number): string =>
  value.toLocaleString("pt-BR", { maximumFractionDigits: 2 });
