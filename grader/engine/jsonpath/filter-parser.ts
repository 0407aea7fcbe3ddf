/**
 * Filter expressions (`[?(...)]`), parsed by precedence:
 * or := and ('||' and)* ; and := unary ('&&' unary)* ; unary := '!' unary | primary.
 */
import { Cursor, isDigit, isSpace, isVariableChar, isVariableStart, isFilterNameChar } from "./cursor.ts";
import type { Comparison, FilterExpr, FilterPath, Operand } from "./syntax.ts";

const MAX_FILTER_DEPTH = 32;
const UNSUPPORTED_WORD_OPERATORS = new Set([
  "in",
  "nin",
  "subsetof",
  "anyof",
  "noneof",
  "size",
  "empty",
  "contains",
]);

export class FilterParser extends Cursor {
  private depth = 0;

  private enter(): void {
    if (++this.depth > MAX_FILTER_DEPTH) this.fail("expressão de filtro aninhada demais");
  }

  protected parseOr(): FilterExpr {
    this.enter();
    let left = this.parseAnd();
    for (;;) {
      this.skipSpaces();
      if (this.peek() !== "|" || this.peek(1) !== "|") break;
      this.pos += 2;
      left = { kind: "or", left, right: this.parseAnd() };
    }
    this.depth--;
    return left;
  }

  protected parseAnd(): FilterExpr {
    let left = this.parseUnary();
    for (;;) {
      this.skipSpaces();
      if (this.peek() !== "&" || this.peek(1) !== "&") break;
      this.pos += 2;
      left = { kind: "and", left, right: this.parseUnary() };
    }
    return left;
  }

  protected parseUnary(): FilterExpr {
    this.skipSpaces();
    if (this.peek() === "!" && this.peek(1) !== "=") {
      this.pos++;
      this.enter();
      const operand = this.parseUnary();
      this.depth--;
      return { kind: "not", operand };
    }
    return this.parsePrimary();
  }

  protected parsePrimary(): FilterExpr {
    this.skipSpaces();
    if (this.peek() === "(") {
      this.pos++;
      const inner = this.parseOr();
      this.skipSpaces();
      this.expect(")", "')' ou um operador no filtro");
      return inner;
    }
    const leftAt = this.pos;
    const left = this.parseOperand();
    this.skipSpaces();
    const op = this.parseComparison();
    if (op === undefined) {
      if (left.kind === "path") return { kind: "exists", path: left };
      this.fail("um valor literal sozinho não é uma condição; compare-o com algo (==, !=, <, ...)", leftAt);
    }
    return { kind: "compare", op, left, right: this.parseOperand() };
  }

  protected parseComparison(): Comparison | undefined {
    const at = this.pos;
    const a = this.peek();
    const b = this.peek(1);
    let op: Comparison | undefined;
    if (a === "=" && b === "=") op = "==";
    else if (a === "!" && b === "=") op = "!=";
    else if (a === "<" && b === "=") op = "<=";
    else if (a === ">" && b === "=") op = ">=";
    else if (a === "<") op = "<";
    else if (a === ">") op = ">";
    else if (a === "=" && b === "~") {
      this.fail("filtros por expressão regular (=~) não são suportados");
    } else if (a === "=") {
      this.fail("'=' sozinho não é um operador; para comparar use '=='");
    } else if (isVariableStart(a)) {
      let end = at;
      while (isVariableChar(this.text[end])) end++;
      const word = this.text.slice(at, end);
      if (UNSUPPORTED_WORD_OPERATORS.has(word)) this.fail(`o operador '${word}' não é suportado`);
      this.fail(`esperava um operador de comparação, encontrou '${word}'`);
    }
    if (op === undefined) return undefined;
    this.pos += op.length;
    if (this.peek() === "=") this.fail(`'${op}=' não existe em JSONPath; use '${op}'`, at);
    return op;
  }

  protected parseOperand(): Operand {
    this.skipSpaces();
    const at = this.pos;
    const ch = this.peek();
    if (ch === "@" || ch === "$") {
      this.pos++;
      const next = this.peek();
      if (next !== undefined && next !== "." && next !== "[" && !isSpace(next) && !")=!<>&|".includes(next)) {
        this.fail(
          ch === "@"
            ? `depois de '@' vem '.', '[' ou o fim do operando; '@${next}…' não existe`
            : "dentro de um filtro, '$' é a raiz dos dados e não pode ser seguido de um nome",
        );
      }
      return this.parseFilterPath(ch);
    }
    if (ch === "'" || ch === '"') return { kind: "literal", value: this.parseString() };
    if (isDigit(ch) || ch === "-") return { kind: "literal", value: this.parseNumber() };
    if (isVariableStart(ch)) {
      while (isVariableChar(this.peek())) this.pos++;
      const word = this.text.slice(at, this.pos);
      if (word === "true") return { kind: "literal", value: true };
      if (word === "false") return { kind: "literal", value: false };
      if (word === "null") return { kind: "literal", value: null };
      this.fail(`identificador '${word}' não é permitido no filtro; use @ para o item atual`, at);
    }
    this.fail(
      ch === undefined
        ? "filtro incompleto: esperava um operando"
        : `operando inválido no filtro: '${ch}' (use @, @.campo, um texto, um número, true, false ou null)`,
    );
  }

  protected parseFilterPath(from: "@" | "$"): FilterPath {
    const keys: (string | number)[] = [];
    for (;;) {
      const ch = this.peek();
      if (ch === ".") {
        this.pos++;
        const next = this.peek();
        if (next === ".") this.fail("a busca recursiva '..' não é suportada dentro de filtros");
        if (next === "*") this.fail("curingas não são suportados dentro de filtros");
        if (next === "[") continue;
        const start = this.pos;
        while (isFilterNameChar(this.peek())) this.pos++;
        if (this.pos === start) this.fail(`nome de campo inválido no filtro: ${this.describe()}`);
        const name = this.text.slice(start, this.pos);
        if (this.peek() === "(") {
          if (name !== "length") this.fail(`a função ${name}() não é suportada; só length() é`, start);
          this.pos++;
          this.skipSpaces();
          this.expect(")", "')' (length() não recebe argumentos)");
          if (this.peek() === "." || this.peek() === "[") this.fail("length() só pode encerrar o caminho");
          return { kind: "path", from, keys, length: true };
        }
        keys.push(name);
      } else if (ch === "[") {
        this.pos++;
        this.skipSpaces();
        const inner = this.peek();
        if (inner === "'" || inner === '"') keys.push(this.parseString());
        else if (isDigit(inner) || inner === "-") keys.push(this.parseInteger());
        else if (inner === "?") this.fail("filtros aninhados não são suportados");
        else if (inner === "*") this.fail("curingas não são suportados dentro de filtros");
        else this.fail(`seletor inválido dentro de colchetes: ${this.describe()}`);
        this.skipSpaces();
        this.expect("]", "']'");
      } else {
        return { kind: "path", from, keys, length: false };
      }
    }
  }
}
