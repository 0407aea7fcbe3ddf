/**
 * Intrinsic expressions' syntax tree and its parser (hand-written, linear, no regular expressions).
 */
import { DefinitionError } from "../errors.ts";
import { FUNCTIONS, type FunctionName, isFunctionName } from "../intrinsics.ts";
import type { FunctionSpec } from "./evaluate.ts";
import { compilePath, type CompiledPath } from "../jsonpath.ts";

/** AWS: "You can nest up to 10 intrinsic functions within a field" (its 9-call example counts every call). */
export const MAX_CALLS = 10;

export const PREFIX = "States.";

// ---------------------------------------------------------------------------------------------
// Syntax tree

export interface ValueNode {
  readonly kind: "value";
  readonly value: number | boolean | null;
}

export interface StringNode {
  readonly kind: "string";
  /** The literal with its escapes resolved. */
  readonly value: string;
  /** The literal cut at its unescaped `{}` placeholders (used when it is a Format template). */
  readonly pieces: readonly string[];
  /** A backslash not followed by `'`, `{`, `}` or `\`: AWS fails the call at run time. */
  readonly openEscape: boolean;
}

export interface PathNode {
  readonly kind: "path";
  readonly text: string;
  readonly path: CompiledPath;
}

export interface CallNode {
  readonly kind: "call";
  readonly name: FunctionName;
  readonly args: readonly Node[];
}

export type Node = ValueNode | StringNode | PathNode | CallNode;

// ---------------------------------------------------------------------------------------------
// Parser (hand-written, linear, no regular expressions)

export class Parser {
  private readonly text: string;
  private readonly location: string;
  private pos = 0;
  private calls = 0;

  constructor(text: string, location: string) {
    this.text = text;
    this.location = location;
  }

  parse(): CallNode {
    if (!this.text.startsWith(PREFIX)) this.fail("uma chamada intrínseca deve começar com 'States.'");
    const root = this.parseCall();
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      this.fail(
        `conteúdo inesperado após o fim da chamada, na posição ${this.pos}: '${this.text.slice(this.pos)}'`,
      );
    }
    return root;
  }

  private fail(detail: string): never {
    throw new DefinitionError(`Função intrínseca inválida '${this.text}': ${detail}`, this.location);
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length && isWhitespace(this.text[this.pos])) this.pos++;
  }

  private parseCall(): CallNode {
    const start = this.pos;
    this.pos += PREFIX.length;
    while (this.pos < this.text.length && isAlphaNumeric(this.text.charCodeAt(this.pos))) this.pos++;
    const name = this.text.slice(start, this.pos);
    if (name === PREFIX) this.fail(`nome de função ausente na posição ${start}`);
    if (!isFunctionName(name)) {
      this.fail(`função desconhecida '${name}'; as funções válidas são ${Object.keys(FUNCTIONS).join(", ")}`);
    }
    this.calls++;
    if (this.calls > MAX_CALLS) {
      this.fail(`mais de ${MAX_CALLS} chamadas de funções intrínsecas aninhadas num mesmo campo`);
    }
    this.skipWhitespace();
    if (this.text[this.pos] !== "(") this.fail(`esperado '(' depois de '${name}', na posição ${this.pos}`);
    this.pos++;

    const args: Node[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ")") {
      this.pos++;
    } else {
      for (;;) {
        args.push(this.parseArgument());
        this.skipWhitespace();
        const ch = this.text[this.pos];
        if (ch === ",") {
          this.pos++;
          continue;
        }
        if (ch === ")") {
          this.pos++;
          break;
        }
        if (ch === undefined) this.fail(`parênteses desbalanceados: falta ')' para fechar '${name}('`);
        this.fail(`esperado ',' ou ')' na posição ${this.pos}, encontrado '${ch}'`);
      }
    }

    const spec: FunctionSpec = FUNCTIONS[name];
    if (args.length < spec.min || args.length > spec.max) {
      this.fail(`'${name}' espera ${describeArity(spec)}, mas recebeu ${args.length}`);
    }
    return { kind: "call", name, args };
  }

  private parseArgument(): Node {
    this.skipWhitespace();
    const ch = this.text[this.pos];
    if (ch === undefined) this.fail("parênteses desbalanceados: a expressão terminou no meio dos argumentos");
    if (ch === "'") return this.parseString();
    if (ch === "$") return this.parsePath();
    if (ch === "-" || isDigit(ch)) return this.parseNumber();
    if (this.text.startsWith(PREFIX, this.pos)) return this.parseCall();
    if (isAlphaNumeric(ch.charCodeAt(0))) return this.parseKeyword();
    if (ch === "," || ch === ")") this.fail(`argumento vazio na posição ${this.pos}`);
    this.fail(`argumento inesperado na posição ${this.pos}: '${ch}'`);
  }

  private parseString(): StringNode {
    const start = this.pos;
    this.pos++; // opening quote
    let value = "";
    let piece = "";
    const pieces: string[] = [];
    let openEscape = false;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined)
        this.fail(`texto iniciado na posição ${start} não tem o apóstrofo (') de fechamento`);
      if (ch === "'") {
        this.pos++;
        break;
      }
      if (ch === "\\") {
        const next = this.text[this.pos + 1];
        if (next === "'" || next === "{" || next === "}" || next === "\\") {
          value += next;
          piece += next;
          this.pos += 2;
        } else {
          // AWS: "If an open escape backslash \ is found … the interpreter will return a runtime error."
          openEscape = true;
          value += ch;
          piece += ch;
          this.pos++;
        }
        continue;
      }
      if (ch === "{" && this.text[this.pos + 1] === "}") {
        value += "{}";
        pieces.push(piece);
        piece = "";
        this.pos += 2;
        continue;
      }
      value += ch;
      piece += ch;
      this.pos++;
    }
    pieces.push(piece);
    return { kind: "string", value, pieces, openEscape };
  }

  private parsePath(): PathNode {
    const start = this.pos;
    let brackets = 0;
    let parens = 0;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (brackets > 0 && (ch === "'" || ch === '"')) {
        this.skipQuoted(ch);
        continue;
      }
      if (ch === "[") brackets++;
      else if (ch === "]") brackets = Math.max(0, brackets - 1);
      else if (ch === "(") parens++;
      else if (ch === ")") {
        if (parens === 0 && brackets === 0) break;
        parens = Math.max(0, parens - 1);
      } else if (brackets === 0 && parens === 0 && (ch === "," || isWhitespace(ch))) break;
      this.pos++;
    }
    const text = this.text.slice(start, this.pos);
    let path: CompiledPath;
    try {
      path = compilePath(text);
    } catch (error) {
      this.fail(`caminho inválido '${text}': ${error instanceof Error ? error.message : String(error)}`);
    }
    return { kind: "path", text, path };
  }

  private skipQuoted(quote: string): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === "\\") {
        this.pos += 2;
        continue;
      }
      this.pos++;
      if (ch === quote) return;
    }
    this.fail(`aspas abertas na posição ${start} dentro de um caminho não foram fechadas`);
  }

  private parseNumber(): ValueNode {
    const start = this.pos;
    if (this.text[this.pos] === "-") this.pos++;
    if (!this.readDigits()) this.fail(`número inválido na posição ${start}`);
    if (this.text[this.pos] === ".") {
      this.pos++;
      if (!this.readDigits()) this.fail(`número inválido na posição ${start}: faltam dígitos depois do '.'`);
    }
    const e = this.text[this.pos];
    if (e === "e" || e === "E") {
      this.pos++;
      const sign = this.text[this.pos];
      if (sign === "+" || sign === "-") this.pos++;
      if (!this.readDigits()) this.fail(`número inválido na posição ${start}: expoente sem dígitos`);
    }
    const raw = this.text.slice(start, this.pos);
    this.expectArgumentEnd(raw);
    const value = Number(raw);
    if (!Number.isFinite(value)) this.fail(`número fora do intervalo representável: ${raw}`);
    return { kind: "value", value: value + 0 };
  }

  private readDigits(): boolean {
    const start = this.pos;
    while (this.pos < this.text.length && isDigit(this.text[this.pos])) this.pos++;
    return this.pos > start;
  }

  private parseKeyword(): ValueNode {
    const start = this.pos;
    while (this.pos < this.text.length && isAlphaNumeric(this.text.charCodeAt(this.pos))) this.pos++;
    const word = this.text.slice(start, this.pos);
    this.expectArgumentEnd(word);
    if (word === "true") return { kind: "value", value: true };
    if (word === "false") return { kind: "value", value: false };
    if (word === "null") return { kind: "value", value: null };
    this.fail(
      `argumento inválido '${word}' na posição ${start}: use um texto entre apóstrofos, um número, true, false, null, um caminho ou outra função`,
    );
  }

  private expectArgumentEnd(token: string): void {
    const ch = this.text[this.pos];
    if (ch === undefined || ch === "," || ch === ")" || isWhitespace(ch)) return;
    this.fail(`argumento inválido '${token}${ch}…' na posição ${this.pos - token.length}`);
  }
}

export function describeArity(spec: FunctionSpec): string {
  const plural = (n: number) => (n === 1 ? "argumento" : "argumentos");
  if (spec.max === Infinity) return `pelo menos ${spec.min} ${plural(spec.min)}`;
  if (spec.min === spec.max) return `exatamente ${spec.min} ${plural(spec.min)}`;
  return `de ${spec.min} a ${spec.max} argumentos`;
}

export function isWhitespace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

export function isAlphaNumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
