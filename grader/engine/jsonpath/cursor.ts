/** The parser's cursor over a path's text: position, located errors, and the tokens every part reads. */
import { PathSyntaxError } from "./syntax.ts";

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

export function isVariableStart(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || ch === "_");
}

export function isVariableChar(ch: string | undefined): boolean {
  return isVariableStart(ch) || isDigit(ch);
}

export function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

/** Characters allowed in a dotted name inside a filter (`@.a_b-1`); anything else needs `['...']`. */
export function isFilterNameChar(ch: string | undefined): boolean {
  return (
    ch !== undefined &&
    ((ch >= "a" && ch <= "z") ||
      (ch >= "A" && ch <= "Z") ||
      isDigit(ch) ||
      ch === "_" ||
      ch === "-" ||
      ch.charCodeAt(0) >= 0x80)
  );
}

export class Cursor {
  protected pos = 0;

  protected readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  protected fail(detail: string, at: number = this.pos): never {
    throw new PathSyntaxError(this.text, detail, at);
  }

  protected peek(offset = 0): string | undefined {
    return this.text[this.pos + offset];
  }

  protected describe(at: number = this.pos): string {
    const ch = this.text[at];
    return ch === undefined ? "o fim do caminho" : `'${ch}'`;
  }

  protected skipSpaces(): void {
    while (isSpace(this.peek())) this.pos++;
  }

  protected expect(ch: string, what: string): void {
    if (this.peek() !== ch) this.fail(`esperava ${what}, encontrou ${this.describe()}`);
    this.pos++;
  }

  protected parseInteger(): number {
    const start = this.pos;
    if (this.peek() === "-") this.pos++;
    if (!isDigit(this.peek())) this.fail(`esperava um número inteiro, encontrou ${this.describe()}`);
    while (isDigit(this.peek())) this.pos++;
    const value = Number(this.text.slice(start, this.pos));
    if (!Number.isSafeInteger(value)) this.fail("índice grande demais", start);
    return value;
  }

  /** A quoted string, `'...'` or `"..."`, with JSON-style escapes (and `\'`). */
  protected parseString(): string {
    const start = this.pos;
    const quote = this.text[this.pos]!;
    this.pos++;
    let value = "";
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.fail("texto sem as aspas de fechamento", start);
      if (ch === quote) {
        this.pos++;
        return value;
      }
      if (ch !== "\\") {
        value += ch;
        this.pos++;
        continue;
      }
      const escaped = this.peek(1);
      switch (escaped) {
        case "'":
        case '"':
        case "\\":
        case "/":
          value += escaped;
          break;
        case "b":
          value += "\b";
          break;
        case "f":
          value += "\f";
          break;
        case "n":
          value += "\n";
          break;
        case "r":
          value += "\r";
          break;
        case "t":
          value += "\t";
          break;
        case "u": {
          const hex = this.text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("escape \\u precisa de 4 dígitos hexadecimais");
          value += String.fromCharCode(parseInt(hex, 16));
          this.pos += 4;
          break;
        }
        default:
          this.fail(`sequência de escape inválida '\\${escaped ?? ""}'`);
      }
      this.pos += 2;
    }
  }

  protected parseNumber(): number {
    const start = this.pos;
    if (this.peek() === "-") this.pos++;
    if (!isDigit(this.peek())) this.fail(`esperava um número, encontrou ${this.describe()}`);
    while (isDigit(this.peek())) this.pos++;
    if (this.peek() === "." && isDigit(this.peek(1))) {
      this.pos++;
      while (isDigit(this.peek())) this.pos++;
    }
    if (this.peek() === "e" || this.peek() === "E") {
      this.pos++;
      if (this.peek() === "+" || this.peek() === "-") this.pos++;
      if (!isDigit(this.peek())) this.fail("expoente sem dígitos");
      while (isDigit(this.peek())) this.pos++;
    }
    return Number(this.text.slice(start, this.pos));
  }
}
