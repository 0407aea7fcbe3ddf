/** Path parsing: one pass, left to right; every error names the character where it was found. */
import { isDigit, isSpace, isVariableChar, isVariableStart } from "./cursor.ts";
import { FilterParser } from "./filter-parser.ts";
import type { ParsedPath, Root, Step } from "./syntax.ts";

class PathParser extends FilterParser {
  parse(): ParsedPath {
    const text = this.text;
    if (text[0] !== "$") this.fail("um caminho deve começar com '$'", 0);
    let root: Root = "data";
    let variable = "";
    this.pos = 1;
    if (text[1] === "$") {
      root = "context";
      this.pos = 2;
    } else if (isVariableStart(text[1])) {
      root = "variable";
      while (isVariableChar(this.peek())) this.pos++;
      variable = text.slice(1, this.pos);
    }
    const steps: Step[] = [];
    while (this.pos < text.length) {
      const ch = text[this.pos];
      if (ch === ".") {
        if (text[this.pos + 1] === ".") {
          this.pos += 2;
          steps.push({ kind: "scan", target: this.parseAfterScan() });
        } else {
          this.pos++;
          steps.push(this.parseAfterDot());
        }
      } else if (ch === "[") {
        steps.push(this.parseBracket());
      } else if (isSpace(ch)) {
        this.fail("espaço em branco fora de colchetes");
      } else {
        this.fail(`caractere inesperado '${ch}'; depois de um passo do caminho vem '.' ou '['`);
      }
    }
    return { root, variable, steps };
  }

  protected parseAfterDot(): Step {
    const ch = this.peek();
    if (ch === undefined) this.fail("o caminho não pode terminar em '.'", this.pos - 1);
    if (ch === "*") {
      this.pos++;
      this.expectStepEnd();
      return { kind: "wildcard" };
    }
    if (ch === "[") return this.parseBracket();
    const start = this.pos;
    const name = this.parseDotName();
    if (this.peek() === "(") return this.parseFunction(name, start);
    return { kind: "name", name };
  }

  protected parseAfterScan(): Step {
    const ch = this.peek();
    if (ch === undefined) this.fail("o caminho não pode terminar em '..'", this.pos - 2);
    if (ch === ".") this.fail("'...' não é válido; use '..' para a busca recursiva");
    if (ch === "*") {
      this.pos++;
      this.expectStepEnd();
      return { kind: "wildcard" };
    }
    if (ch === "[") return this.parseBracket();
    const start = this.pos;
    const name = this.parseDotName();
    if (this.peek() === "(") this.fail(`a função ${name}() não pode seguir '..'`, start);
    return { kind: "name", name };
  }

  protected expectStepEnd(): void {
    const ch = this.peek();
    if (ch !== undefined && ch !== "." && ch !== "[") {
      this.fail(`caractere inesperado '${ch}' depois de '*'`);
    }
  }

  /** A name after `.`: runs to the next unescaped `.` or `[`; `\x` stands for `x` (ASL spec examples). */
  protected parseDotName(): string {
    const start = this.pos;
    let name = "";
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (ch === "." || ch === "[" || ch === "(") break;
      if (ch === "\\") {
        if (this.pos + 1 >= this.text.length) this.fail("barra invertida sem caractere depois dela");
        name += this.text[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (isSpace(ch)) {
        this.fail(
          "espaço em branco em nome de campo; use a notação de colchetes, por exemplo $['meu campo']",
        );
      }
      name += ch;
      this.pos++;
    }
    if (this.pos === start) this.fail("nome de campo vazio", start);
    return name;
  }

  protected parseFunction(name: string, start: number): Step {
    if (name !== "length") this.fail(`a função ${name}() não é suportada; só length() é`, start);
    this.pos++;
    this.skipSpaces();
    this.expect(")", "')' (length() não recebe argumentos)");
    if (this.pos < this.text.length) this.fail("a função length() só pode encerrar o caminho");
    return { kind: "length" };
  }

  protected parseBracket(): Step {
    const open = this.pos;
    this.pos++;
    this.skipSpaces();
    const ch = this.peek();
    let step: Step;
    if (ch === undefined) this.fail("colchete '[' sem o ']' correspondente", open);
    if (ch === "]") this.fail("colchetes vazios");
    if (ch === "*") {
      this.pos++;
      step = { kind: "wildcard" };
    } else if (ch === "?") {
      this.pos++;
      this.skipSpaces();
      this.expect("(", "'(' depois de '?' (a forma do filtro é [?(...)])");
      const test = this.parseOr();
      this.skipSpaces();
      this.expect(")", "')' ou um operador no filtro");
      step = { kind: "filter", test };
    } else if (ch === "'" || ch === '"') {
      const names = [this.parseString()];
      this.skipSpaces();
      while (this.peek() === ",") {
        this.pos++;
        this.skipSpaces();
        const quote = this.peek();
        if (quote !== "'" && quote !== '"') this.fail("uma união de nomes só aceita nomes entre aspas");
        names.push(this.parseString());
        this.skipSpaces();
      }
      step = names.length === 1 ? { kind: "name", name: names[0]! } : { kind: "names", names };
    } else if (isDigit(ch) || ch === "-" || ch === ":") {
      step = this.parseIndexOrSlice();
    } else if (ch === "(") {
      this.fail("expressões de script [(...)] não são suportadas");
    } else {
      this.fail(`seletor inválido dentro de colchetes: '${ch}'`);
    }
    this.skipSpaces();
    if (this.peek() === undefined) this.fail("colchete '[' sem o ']' correspondente", open);
    this.expect("]", "']'");
    return step;
  }

  protected parseIndexOrSlice(): Step {
    const first = this.peek() === ":" ? undefined : this.parseInteger();
    this.skipSpaces();
    if (this.peek() === ":") {
      this.pos++;
      this.skipSpaces();
      const next = this.peek();
      const end = isDigit(next) || next === "-" ? this.parseInteger() : undefined;
      this.skipSpaces();
      if (this.peek() === ":") this.fail("fatias com passo ([início:fim:passo]) não são suportadas");
      return { kind: "slice", start: first, end };
    }
    const indices = [first!];
    while (this.peek() === ",") {
      this.pos++;
      this.skipSpaces();
      indices.push(this.parseInteger());
      this.skipSpaces();
    }
    return indices.length === 1 ? { kind: "index", index: indices[0]! } : { kind: "indices", indices };
  }
}

/** Parses a path's text into its root and steps. Throws `PathSyntaxError`. */
export function parsePath(text: string): ParsedPath {
  return new PathParser(text).parse();
}
