import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { StatesError } from "../../grader/engine/errors.ts";
import {
  applyResultPath,
  compilePath,
  isReferencePath,
  PathSyntaxError,
  type PathScope,
} from "../../grader/engine/jsonpath.ts";

function scope(data: unknown, context: unknown = {}, variables: Record<string, unknown> = {}): PathScope {
  return { data, context, variables };
}

function select(path: string, data: unknown, context: unknown = {}, variables: Record<string, unknown> = {}) {
  return compilePath(path).select(scope(data, context, variables));
}

function syntaxError(path: string): PathSyntaxError {
  try {
    compilePath(path);
  } catch (error) {
    if (error instanceof PathSyntaxError) return error;
    throw error;
  }
  throw new Error(`esperava PathSyntaxError para ${path}`);
}

function resultPathError(input: unknown, path: string, result: unknown): StatesError {
  try {
    applyResultPath(input, path, result);
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error(`esperava StatesError para ${path}`);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe("caminhos de referência da documentação da AWS", () => {
  // https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
  const input = {
    foo: 123,
    bar: ["a", "b", "c"],
    car: { cdr: true },
    jar: [{ a: 1 }, { a: 5 }, { a: 2 }, { a: 7 }, { a: 3 }],
  };

  it("devolve os valores do exemplo de Reference Paths", () => {
    expect(select("$.foo", input)).toBe(123);
    expect(select("$.bar", input)).toEqual(["a", "b", "c"]);
    expect(select("$.car.cdr", input)).toBe(true);
    for (const path of ["$.foo", "$.bar", "$.car.cdr"]) {
      expect(compilePath(path).isDefinite).toBe(true);
      expect(isReferencePath(path)).toBe(true);
    }
  });

  it("filtra com [?(@.a >= 5)] como no exemplo da AWS", () => {
    const path = compilePath("$.jar[?(@.a >= 5)]");
    expect(path.isDefinite).toBe(false);
    expect(path.select(scope(input))).toEqual([{ a: 5 }, { a: 7 }]);
  });

  it("@ não casa valores escalares, só objetos", () => {
    expect(select("$.bar[?(@ == 'a')]", input)).toEqual([]);
    expect(select("$.jar[?(@)]", input)).toEqual(input.jar);
  });

  it("aceita a notação de colchetes depois do ponto: $.abc.['def ghi']", () => {
    const data = { abc: { "def ghi": 42 } };
    expect(select("$.abc.['def ghi']", data)).toBe(42);
    expect(select("$.abc['def ghi']", data)).toBe(42);
  });

  it("achata um array de arrays com $[*][*] (Flattening an array of arrays)", () => {
    expect(select("$[*][*]", [[1, 2], [3], [4, 5]])).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("exemplos da especificação Amazon States Language", () => {
  // https://states-language.net/spec.html
  it("aceita a sintaxe de Reference Path listada na especificação", () => {
    const accepted = [
      "$.store.book",
      "$.store\\.book",
      "$.\\stor\\e.boo\\k",
      "$.store.book.title",
      "$.foo.\\.bar",
      "$.foo\\@bar.baz\\[\\[.\\?pretty",
      "$.&Ж中.\uD800\uDF46",
      "$.ledgers.branch[0].pending.count",
      "$.ledgers.branch[0]",
      "$.ledgers[0][22][315].foo",
      "$['store']['book']",
      "$['store'][0]['book']",
    ];
    for (const path of accepted) {
      expect(isReferencePath(path), path).toBe(true);
      expect(compilePath(path).isDefinite, path).toBe(true);
    }
    expect(select("$.store\\.book", { "store.book": 1 })).toBe(1);
    expect(select("$.\\stor\\e.boo\\k", { store: { book: 2 } })).toBe(2);
    expect(select("$.foo\\@bar.baz\\[\\[.\\?pretty", { "foo@bar": { "baz[[": { "?pretty": 3 } } })).toBe(3);
    expect(select("$.&Ж中.\uD800\uDF46", { "&Ж中": { "\uD800\uDF46": 4 } })).toBe(4);
  });

  it("um Reference Path não aceita @ , : ? (nem * e ..)", () => {
    for (const path of ["$.a[?(@.b)]", "$.a[0,1]", "$.a[0:1]", "$.a[*]", "$.*", "$..a", "$['a','b']"]) {
      expect(isReferencePath(path), path).toBe(false);
    }
  });

  it("resolve o exemplo de Payload Template: $.vals[0], $.vals[-3:] e $$.DayOfWeek", () => {
    const input = { flagged: 7, vals: [0, 10, 20, 30, 40, 50] };
    const context = { DayOfWeek: "TUESDAY" };
    expect(select("$.vals[0]", input)).toBe(0);
    expect(select("$.vals[-3:]", input)).toEqual([30, 40, 50]);
    expect(select("$$.DayOfWeek", input, context)).toBe("TUESDAY");
  });

  it("$.a[0,1] produz os dois valores reunidos num array", () => {
    expect(select("$.a[0,1]", { a: [1, 2, 3, 4] })).toEqual([1, 2]);
  });

  it("ResultPath $.master.detail sobrescreve o campo existente", () => {
    const input = { master: { detail: [1, 2, 3] } };
    expect(applyResultPath(input, "$.master.detail", 6)).toEqual({ master: { detail: 6 } });
  });

  it("ResultPath $.master.result.sum cria a cadeia de campos", () => {
    const input = { master: { detail: [1, 2, 3] } };
    expect(applyResultPath(input, "$.master.result.sum", 6)).toEqual({
      master: { detail: [1, 2, 3], result: { sum: 6 } },
    });
  });

  it("InputPath $.numbers e ResultPath $.sum do exemplo de soma", () => {
    const input = { title: "Numbers to add", numbers: { val1: 3, val2: 4 } };
    expect(select("$.numbers", input)).toEqual({ val1: 3, val2: 4 });
    expect(applyResultPath(input, "$.sum", 7)).toEqual({
      title: "Numbers to add",
      numbers: { val1: 3, val2: 4 },
      sum: 7,
    });
  });

  it("ResultPath $.b.greeting constrói os níveis que faltam", () => {
    expect(applyResultPath({ a: 1 }, "$.b.greeting", "Hi!")).toEqual({ a: 1, b: { greeting: "Hi!" } });
  });

  it('entrada "foo" com ResultPath $.x falha com States.ResultPathMatchFailure', () => {
    const error = resultPathError("foo", "$.x", "resultado");
    expect(error.error).toBe("States.ResultPathMatchFailure");
  });

  it("ResultPath não pode começar com $$", () => {
    expect(() => applyResultPath({}, "$$.Execution", 1)).toThrow(PathSyntaxError);
  });
});

describe("InputPath e Parameters da documentação da AWS", () => {
  // https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html
  it("InputPath $.dataset2 seleciona o objeto", () => {
    const input = {
      comment: "Example for InputPath.",
      dataset1: { val1: 1, val2: 2, val3: 3 },
      dataset2: { val1: "a", val2: "b", val3: "c" },
    };
    expect(select("$.dataset2", input)).toEqual({ val1: "a", val2: "b", val3: "c" });
  });

  it("um caminho pode devolver uma coleção: $.a[0:2]", () => {
    expect(select("$.a[0:2]", { a: [1, 2, 3, 4] })).toEqual([1, 2]);
  });

  it("Parameters lê $.product.details.size e $.product.availability", () => {
    const input = {
      comment: "Example for Parameters.",
      product: {
        details: { color: "blue", size: "small", material: "cotton" },
        availability: "in stock",
        sku: "2317",
        cost: "$23",
      },
    };
    expect(select("$.product.details.size", input)).toBe("small");
    expect(select("$.product.availability", input)).toBe("in stock");
  });
});

describe("objeto de contexto e variáveis", () => {
  // https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html
  const context = {
    Execution: {
      Id: "arn:aws:states:us-east-1:123456789012:execution:stateMachineName:executionName",
      Input: { key: "value" },
      Name: "executionName",
      StartTime: "2019-03-26T20:14:13.192Z",
    },
    State: { EnteredTime: "2019-03-26T20:14:13.192Z", Name: "Test", RetryCount: 3 },
    Map: { Item: { Index: 1, Value: { who: "meg" } } },
  };

  it("$$.Execution.Id e $$.Map.Item.* leem o objeto de contexto, não os dados", () => {
    expect(select("$$.Execution.Id", { Execution: "não" }, context)).toBe(
      "arn:aws:states:us-east-1:123456789012:execution:stateMachineName:executionName",
    );
    expect(select("$$.Map.Item.Index", {}, context)).toBe(1);
    expect(select("$$.Map.Item.Value", {}, context)).toEqual({ who: "meg" });
    expect(select("$$", {}, context)).toBe(context);
  });

  // https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
  it("$productName lê a variável atribuída por Assign", () => {
    const variables = { productName: "product1", count: 42, available: true, order: { numItems: 2 } };
    expect(select("$productName", {}, {}, variables)).toBe("product1");
    expect(select("$count", {}, {}, variables)).toBe(42);
    expect(select("$order.numItems", {}, {}, variables)).toBe(2);
    expect(select("$missing", {}, {}, variables)).toBeUndefined();
    expect(select("$toString", {}, {}, variables)).toBeUndefined();
    expect(isReferencePath("$order.numItems")).toBe(true);
  });
});

describe("ResultPath da documentação da AWS", () => {
  // https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html
  const input = { comment: "This is a test", details: "Default example", who: "Step Functions" };
  const result = "Hello, Step Functions!";

  it('"ResultPath": "$" substitui a entrada pelo resultado', () => {
    expect(applyResultPath(input, "$", result)).toBe(result);
  });

  it('"ResultPath": "$.taskresult" inclui o resultado na entrada', () => {
    const output = applyResultPath(input, "$.taskresult", result);
    expect(output).toEqual({ ...input, taskresult: result });
    expect(Object.keys(output as object)).toEqual(["comment", "details", "who", "taskresult"]);
  });

  it('"ResultPath": "$.strings.lambdaresult" insere num nó filho', () => {
    const nested = {
      comment: "An input comment.",
      strings: { string1: "foo", string2: "bar", string3: "baz" },
      who: "AWS Step Functions",
    };
    expect(applyResultPath(nested, "$.strings.lambdaresult", "Hello, AWS Step Functions!")).toEqual({
      comment: "An input comment.",
      strings: { string1: "foo", string2: "bar", string3: "baz", lambdaresult: "Hello, AWS Step Functions!" },
      who: "AWS Step Functions",
    });
  });

  it('"ResultPath": "$.comment" sobrescreve o nó existente, na mesma posição', () => {
    const output = applyResultPath(input, "$.comment", result);
    expect(output).toEqual({ comment: result, details: "Default example", who: "Step Functions" });
    expect(Object.keys(output as object)).toEqual(["comment", "details", "who"]);
  });

  it('"ResultPath": "$.error" num Catch guarda o erro junto da entrada', () => {
    expect(applyResultPath({ foo: "bar" }, "$.error", { Error: "Error here" })).toEqual({
      foo: "bar",
      error: { Error: "Error here" },
    });
  });

  it('"ResultPath": null não é um caminho: quem chama devolve a entrada sem chamar applyResultPath', () => {
    // Documentado em applyResultPath: o valor JSON null é tratado pelo chamador.
    expect(() => applyResultPath(input, null as unknown as string, result)).toThrow(PathSyntaxError);
  });
});

describe("applyResultPath: regras finas", () => {
  it("não altera a entrada (congelada) e compartilha o que não mudou", () => {
    const input = deepFreeze({ a: { b: 1 }, keep: { deep: [1, 2] } });
    const output = applyResultPath(input, "$.a.c", 2) as typeof input & { a: { c: number } };
    expect(output).toEqual({ a: { b: 1, c: 2 }, keep: { deep: [1, 2] } });
    expect(input).toEqual({ a: { b: 1 }, keep: { deep: [1, 2] } });
    expect(output.keep).toBe(input.keep);
  });

  it("falha quando um passo cai num valor que não é objeto: $.a.b com {a: 5}", () => {
    const error = resultPathError({ a: 5 }, "$.a.b", 1);
    expect(error.error).toBe("States.ResultPathMatchFailure");
    expect(error.cause).toContain("$.a.b");
  });

  it("falha sobre null, texto ou array alcançado por nome", () => {
    expect(resultPathError({ a: null }, "$.a.b", 1).error).toBe("States.ResultPathMatchFailure");
    expect(resultPathError({ a: "texto" }, "$.a.b", 1).error).toBe("States.ResultPathMatchFailure");
    expect(resultPathError({ a: [1, 2] }, "$.a.b", 1).error).toBe("States.ResultPathMatchFailure");
    expect(resultPathError([1, 2], "$.x", 1).error).toBe("States.ResultPathMatchFailure");
  });

  it("um índice substitui o elemento de um array existente", () => {
    const input = deepFreeze([{ a: 1 }, { id: 7 }, { c: 3 }, 4]);
    expect(applyResultPath(input, "$[1].payload", { ok: 1 })).toEqual([
      { a: 1 },
      { id: 7, payload: { ok: 1 } },
      { c: 3 },
      4,
    ]);
    expect(applyResultPath({ list: [1, 2, 3] }, "$.list[2]", "x")).toEqual({ list: [1, 2, "x"] });
  });

  it("não cria nem aumenta arrays: índice fora do array ou array ausente falham", () => {
    expect(resultPathError({ list: [1] }, "$.list[1]", 0).error).toBe("States.ResultPathMatchFailure");
    expect(resultPathError({}, "$.list[0]", 0).error).toBe("States.ResultPathMatchFailure");
    expect(resultPathError({ list: { 0: 1 } }, "$.list[0]", 0).error).toBe("States.ResultPathMatchFailure");
  });

  it("só aceita caminhos de referência sobre $", () => {
    for (const path of ["$.a[*]", "$..a", "$.a[0,1]", "$.a[?(@.x)]", "$.a[-1]", "$var.x", "$$.x", "a.b"]) {
      expect(() => applyResultPath({}, path, 1), path).toThrow(PathSyntaxError);
    }
  });
});

describe("JSONPath completo (semântica Jayway)", () => {
  const store = {
    store: {
      book: [
        { category: "reference", author: "Nigel Rees", title: "Sayings of the Century", price: 8.95 },
        { category: "fiction", author: "Evelyn Waugh", title: "Sword of Honour", price: 12.99, tags: [] },
        {
          category: "fiction",
          author: "Herman Melville",
          title: "Moby Dick",
          isbn: "0-553-21311-3",
          price: 8.99,
          tags: ["sea", "whale"],
        },
        {
          category: "fiction",
          author: "J. R. R. Tolkien",
          title: "The Lord of the Rings",
          isbn: "0-395-19395-8",
          price: 22.99,
          flag: false,
        },
      ],
      bicycle: { color: "red", price: 19.95 },
    },
  };
  const titles = (value: unknown) => (value as { title: string }[]).map((book) => book.title);

  it("curingas .* e [*]", () => {
    expect(select("$.store.book[*].author", store)).toEqual([
      "Nigel Rees",
      "Evelyn Waugh",
      "Herman Melville",
      "J. R. R. Tolkien",
    ]);
    expect(select("$.store.bicycle.*", store)).toEqual(["red", 19.95]);
    expect(select("$.store.bicycle[*]", store)).toEqual(["red", 19.95]);
    expect(select("$.store.bicycle.color[*]", store)).toEqual([]);
  });

  it("busca recursiva ..", () => {
    expect(select("$..author", store)).toEqual([
      "Nigel Rees",
      "Evelyn Waugh",
      "Herman Melville",
      "J. R. R. Tolkien",
    ]);
    expect(select("$.store..price", store)).toEqual([8.95, 12.99, 8.99, 22.99, 19.95]);
    expect(select("$..book[2].title", store)).toEqual(["Moby Dick"]);
    expect(select("$..tags[*]", store)).toEqual(["sea", "whale"]);
    expect((select("$..*", { a: { b: 1 }, c: [2] }) as unknown[]).length).toBe(4);
    expect(select("$..missing", store)).toEqual([]);
  });

  it("fatias e índices negativos", () => {
    const data = { a: [0, 1, 2, 3, 4] };
    expect(select("$.a[1:3]", data)).toEqual([1, 2]);
    expect(select("$.a[-1:]", data)).toEqual([4]);
    expect(select("$.a[:2]", data)).toEqual([0, 1]);
    expect(select("$.a[3:]", data)).toEqual([3, 4]);
    expect(select("$.a[-2:-1]", data)).toEqual([3]);
    expect(select("$.a[2:99]", data)).toEqual([2, 3, 4]);
    expect(select("$.a[4:1]", data)).toEqual([]);
    expect(select("$.a[-1]", data)).toBe(4);
    expect(select("$.a[9]", data)).toBeUndefined();
    expect(select("$.a[-9]", data)).toBeUndefined();
  });

  it("uniões de índices e de nomes", () => {
    expect(select("$.store.book[0,3].price", store)).toEqual([8.95, 22.99]);
    expect(select("$.store.book[0, -1].price", store)).toEqual([8.95, 22.99]);
    // Jayway: uma união de nomes no fim do caminho produz um único objeto com esses campos.
    const merged = compilePath("$.store.bicycle['color','price','nope']");
    expect(merged.isDefinite).toBe(true);
    expect(merged.select(scope(store))).toEqual({ color: "red", price: 19.95 });
    expect(select("$.store.book[*]['title','price']", store)).toEqual([
      { title: "Sayings of the Century", price: 8.95 },
      { title: "Sword of Honour", price: 12.99 },
      { title: "Moby Dick", price: 8.99 },
      { title: "The Lord of the Rings", price: 22.99 },
    ]);
    expect(select("$['store','nope'].bicycle.color", store)).toEqual(["red"]);
  });

  it("filtros de comparação", () => {
    expect(titles(select("$.store.book[?(@.price > 10)]", store))).toEqual([
      "Sword of Honour",
      "The Lord of the Rings",
    ]);
    expect(titles(select("$.store.book[?(@.price <= 8.99)]", store))).toEqual([
      "Sayings of the Century",
      "Moby Dick",
    ]);
    expect(titles(select("$.store.book[?(@.category == 'reference')]", store))).toEqual([
      "Sayings of the Century",
    ]);
    expect(titles(select('$.store.book[?(@.category != "fiction")]', store))).toEqual([
      "Sayings of the Century",
    ]);
    expect(titles(select("$.store.book[?(@.author < 'I')]", store))).toEqual([
      "Sword of Honour",
      "Moby Dick",
    ]);
    expect(select("$.store.book[?(@.price > 10)].title", store)).toEqual([
      "Sword of Honour",
      "The Lord of the Rings",
    ]);
  });

  it("filtros com && || ! e parênteses", () => {
    expect(titles(select("$.store.book[?(@.category == 'fiction' && @.price < 10)]", store))).toEqual([
      "Moby Dick",
    ]);
    expect(titles(select("$.store.book[?(@.price < 9 || @.price > 20)]", store))).toEqual([
      "Sayings of the Century",
      "Moby Dick",
      "The Lord of the Rings",
    ]);
    expect(titles(select("$.store.book[?(!(@.price < 9 || @.price > 20))]", store))).toEqual([
      "Sword of Honour",
    ]);
    expect(titles(select("$.store.book[?( ( @.isbn ) && !@.tags )]", store))).toEqual([
      "The Lord of the Rings",
    ]);
  });

  it("filtro de existência testa presença, não veracidade (Jayway)", () => {
    expect(titles(select("$.store.book[?(@.isbn)]", store))).toEqual(["Moby Dick", "The Lord of the Rings"]);
    expect(titles(select("$.store.book[?(@.tags)]", store))).toEqual(["Sword of Honour", "Moby Dick"]);
    expect(titles(select("$.store.book[?(@.flag)]", store))).toEqual(["The Lord of the Rings"]);
    expect(titles(select("$.store.book[?(!@.isbn)]", store))).toEqual([
      "Sayings of the Century",
      "Sword of Honour",
    ]);
  });

  it("filtros com ['x'], índices, length(), null, booleanos e $", () => {
    expect(titles(select("$.store.book[?(@['category'] == 'reference')]", store))).toEqual([
      "Sayings of the Century",
    ]);
    expect(titles(select("$.store.book[?(@.tags[1] == 'whale')]", store))).toEqual(["Moby Dick"]);
    expect(titles(select("$.store.book[?(@.tags.length() > 1)]", store))).toEqual(["Moby Dick"]);
    expect(titles(select("$.store.book[?(@.flag == false)]", store))).toEqual(["The Lord of the Rings"]);
    expect(select("$.a[?(@.x == null)]", { a: [{ x: null }, { y: 1 }] })).toEqual([{ x: null }]);
    expect(select("$.a[?(@.x == 1e1)]", { a: [{ x: 10 }, { x: 1 }] })).toEqual([{ x: 10 }]);
    expect(select("$.a[?(@.x == -1.5)]", { a: [{ x: -1.5 }] })).toEqual([{ x: -1.5 }]);
    expect(
      select("$.items[?(@.id == $.wanted)].name", {
        wanted: 2,
        items: [
          { id: 1, name: "a" },
          { id: 2, name: "b" },
        ],
      }),
    ).toEqual(["b"]);
    // Sem conversão de tipos: 1 não é '1'.
    expect(select("$.a[?(@.x == '1')]", { a: [{ x: 1 }] })).toEqual([]);
    expect(select("$.a[?(@.x > '0')]", { a: [{ x: 1 }] })).toEqual([]);
    // Campo ausente: comparações são falsas, '!=' é verdadeiro.
    expect(select("$.a[?(@.x > 0)]", { a: [{}] })).toEqual([]);
    expect(select("$.a[?(@.x != 0)]", { a: [{}] })).toEqual([{}]);
    // Objetos e arrays comparam por valor.
    expect(
      select("$.a[?(@.x == $.ref)]", { ref: { k: [1] }, a: [{ x: { k: [1] } }, { x: { k: [2] } }] }),
    ).toEqual([{ x: { k: [1] } }]);
  });

  it("strings de filtro podem conter )] e aspas escapadas", () => {
    const data = { a: [{ s: "x)]" }, { s: "it's" }, { s: 'say "hi"' }] };
    expect(select("$.a[?(@.s == 'x)]')]", data)).toEqual([{ s: "x)]" }]);
    expect(select("$.a[?(@.s == 'it\\'s')]", data)).toEqual([{ s: "it's" }]);
    expect(select('$.a[?(@.s == "say \\"hi\\"")]', data)).toEqual([{ s: 'say "hi"' }]);
  });

  it("um filtro sobre um objeto testa o próprio objeto (Jayway)", () => {
    expect(select("$.store.bicycle[?(@.color == 'red')]", store)).toEqual([store.store.bicycle]);
    expect(select("$.store.bicycle[?(@.color == 'blue')]", store)).toEqual([]);
    expect(select("$[?(@.store)]", store)).toEqual([store]);
  });

  it("busca recursiva com filtro encontra cada objeto uma vez", () => {
    const data = { a: { id: 1, b: [{ id: 2 }, { c: { id: 3 } }] }, id: 0 };
    expect(select("$..[?(@.id)].id", data)).toEqual([1, 2, 3]);
    expect(select("$..[?(@.id > 1)]", data)).toEqual([{ id: 2 }, { id: 3 }]);
  });

  it("length() conta elementos de arrays e campos de objetos", () => {
    expect(select("$.store.book.length()", store)).toBe(4);
    expect(select("$.store.bicycle.length()", store)).toBe(2);
    expect(select("$.store.book[*].length()", store)).toBe(4);
    expect(select("$.store.bicycle.color.length()", store)).toBeUndefined();
    expect(compilePath("$.store.book.length()").isDefinite).toBe(true);
  });

  it("caminho ausente: undefined quando definido, [] quando indefinido", () => {
    expect(select("$.nope", store)).toBeUndefined();
    expect(select("$.store.nope.deeper", store)).toBeUndefined();
    expect(select("$.store.book.author", store)).toBeUndefined();
    expect(select("$.store.book[0][0]", store)).toBeUndefined();
    expect(select("$.store.book[*].nope", store)).toEqual([]);
    expect(select("$.store.book[?(@.price > 100)]", store)).toEqual([]);
    expect(select("$[*]", "texto")).toEqual([]);
    expect(select("$..x", null)).toEqual([]);
  });

  it("nomes de campo com caracteres especiais em colchetes", () => {
    const data = { "a]b": 1, "a;b": 2, "a^b": 3, "*": 4, "a,b": 5, "a'b": 6, "": 7, "1:2": 8, "?(x)": 9 };
    expect(select("$['a]b']", data)).toBe(1);
    expect(select("$['a;b']", data)).toBe(2);
    expect(select("$['a^b']", data)).toBe(3);
    expect(select("$['*']", data)).toBe(4);
    expect(select("$['a,b']", data)).toBe(5);
    expect(select("$['a\\'b']", data)).toBe(6);
    expect(select('$["a\'b"]', data)).toBe(6);
    expect(select("$['']", data)).toBe(7);
    expect(select("$['1:2']", data)).toBe(8);
    expect(select("$['?(x)']", data)).toBe(9);
    expect(select("$[*]['a]b','a;b']", [data])).toEqual([{ "a]b": 1, "a;b": 2 }]);
  });

  it("um nome nunca lê um array, nem um índice lê um objeto", () => {
    expect(select("$.a.length", { a: [1, 2] })).toBeUndefined();
    expect(select("$.a[0]", { a: { 0: "zero" } })).toBeUndefined();
    expect(select("$.a['0']", { a: { 0: "zero" } })).toBe("zero");
  });
});

describe("compilação e cache", () => {
  it("compila uma vez por texto", () => {
    const first = compilePath("$.cache.me[0]");
    expect(compilePath("$.cache.me[0]")).toBe(first);
    expect(first.text).toBe("$.cache.me[0]");
  });

  it("$ sozinho devolve a raiz", () => {
    const data = { a: 1 };
    expect(select("$", data)).toBe(data);
    expect(select("$", 5)).toBe(5);
  });

  it("classifica caminhos de referência", () => {
    const yes = ["$", "$.a", "$['a b'].c", "$.a[0]", "$[0]", "$$.Execution.Id", "$var", "$var.x[2]"];
    const no = [
      "$.a[-1]",
      "$.a[*]",
      "$.a.length()",
      "$..a",
      "$['a','b']",
      "$.a[1:2]",
      "$[?(@.a)]",
      "a",
      "$.a b",
      "",
    ];
    for (const path of yes) expect(isReferencePath(path), path).toBe(true);
    for (const path of no) expect(isReferencePath(path), path).toBe(false);
  });
});

describe("erros de sintaxe em português, com posição", () => {
  const cases: [path: string, position: number, fragment: string][] = [
    ["a.b", 0, "deve começar com '$'"],
    ["", 0, "deve começar com '$'"],
    ["$.", 1, "não pode terminar em '.'"],
    ["$..", 1, "não pode terminar em '..'"],
    ["$...a", 3, "'...'"],
    ["$.a b", 3, "espaço em branco"],
    ["$a-b", 2, "caractere inesperado '-'"],
    ["$.a[", 3, "sem o ']'"],
    ["$.a[0", 3, "sem o ']'"],
    ["$.a[]", 4, "colchetes vazios"],
    ["$.a['x", 4, "aspas de fechamento"],
    ["$.a[x]", 4, "seletor inválido"],
    ["$.a[0:1:2]", 7, "passo"],
    ["$.a[(@.length-1)]", 4, "expressões de script"],
    ["$.a.b()", 4, "função b()"],
    ["$.a.length().b", 12, "length() só pode encerrar"],
    ["$.*a", 3, "depois de '*'"],
    ["$.a[?@.x]", 5, "'(' depois de '?'"],
    ["$.a[?(@.x =~ /a+/)]", 10, "expressão regular"],
    ["$.a[?(@.x = 1)]", 10, "'=' sozinho"],
    ["$.a[?(@.x === 1)]", 10, "'===' não existe"],
    ["$.a[?(@.x in [1])]", 10, "'in' não é suportado"],
    ["$.a[?(@.x subsetof [1])]", 10, "'subsetof' não é suportado"],
    ["$.a[?(1)]", 6, "literal sozinho"],
    ["$.a[?(@.x == )]", 13, "operando inválido"],
    ["$.a[?(@.x == 1]", 14, "')' ou um operador"],
    ["$.a[?(@..x)]", 8, "'..'"],
    ["$.a[?(@.*)]", 8, "curingas"],
    ["$.a[?(@.b[?(@.c)])]", 10, "filtros aninhados"],
    ["$.a[?(@.x == 'a\\q')]", 15, "escape inválida"],
    ["$.a\\", 3, "barra invertida"],
  ];

  for (const [path, position, fragment] of cases) {
    it(`${JSON.stringify(path)} → posição ${position}`, () => {
      const error = syntaxError(path);
      expect(error.name).toBe("PathSyntaxError");
      expect(error.position).toBe(position);
      expect(error.path).toBe(path);
      expect(error.message).toContain(fragment);
      expect(error.message).toContain(`posição ${position}`);
      expect(error.message).toContain("JSONPath inválido");
    });
  }

  it("$.a* é um nome (Jayway lê '*' no meio de um nome)", () => {
    expect(select("$.a*", { "a*": 1 })).toBe(1);
  });

  it("recusa aninhamento excessivo de filtros em vez de estourar a pilha", () => {
    const deep = `$[?(${"(".repeat(200)}@.a${")".repeat(200)})]`;
    expect(syntaxError(deep).message).toContain("aninhada demais");
    const bangs = `$[?(${"!".repeat(200)}@.a)]`;
    expect(syntaxError(bangs).message).toContain("aninhada demais");
  });
});

describe("segurança: nenhum texto de caminho executa código nem toca protótipos", () => {
  const payloads = [
    "$[?(@.constructor.constructor('return process')())]",
    "$..[?(this.x=1)]",
    "$[?(@property === 'x')]",
    "$[?(@parent)]",
    "$[?(@root.x)]",
    "$[?(@path)]",
    "$[?(process.exit())]",
    "$[?(globalThis.pwned = 1)]",
    "$[?(@.a == 1; globalThis.pwned = 1)]",
    "$[?(@.a == `x`)]",
    "$[?(@.a == 1 + 1)]",
    "$[?(@.a.__proto__.polluted = 1)]",
    "$[?(@.__proto__['polluted'] = 'yes')]",
    "$[?(@.constructor.prototype.polluted = 1)]",
    "$[(@.length-1)]",
    "$[?(eval('1'))]",
    "$[?(Function('return this')())]",
    "$[?(@.a == 1)] ; globalThis.pwned = 1",
    "$.a[?(@.b == 1)]['c'](1)",
    "$..[?(@.x == require('child_process'))]",
    "$[?(@.a.toString())]",
    "$[?(@.a.valueOf() == 1)]",
    "$.constructor('return process')()",
    "$[?(@.a ==~ 1)]",
  ];

  const data = () => ({
    a: [{ b: 1, x: 1, c: 2 }, { __proto__: { polluted: "no" } }],
    b: { c: 1 },
    list: [1, 2, { x: 1 }],
  });

  function snapshot() {
    return {
      objectProto: Object.getOwnPropertyNames(Object.prototype).sort(),
      arrayProto: Object.getOwnPropertyNames(Array.prototype).sort(),
      functionProto: Object.getOwnPropertyNames(Function.prototype).sort(),
      globals: Object.getOwnPropertyNames(globalThis).sort(),
    };
  }

  it("cada payload é PathSyntaxError ou não casa nada, sem efeito colateral", () => {
    const before = snapshot();
    for (const payload of payloads) {
      let selected: unknown;
      try {
        selected = compilePath(payload).select(scope(data()));
      } catch (error) {
        expect(error, payload).toBeInstanceOf(PathSyntaxError);
        continue;
      }
      expect(selected === undefined || (Array.isArray(selected) && selected.length === 0), payload).toBe(
        true,
      );
    }
    expect(snapshot()).toEqual(before);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("payloads de filtro são recusados já na compilação", () => {
    for (const payload of payloads.filter((p) => p.includes("?(") || p.includes("[("))) {
      expect(() => compilePath(payload), payload).toThrow(PathSyntaxError);
    }
  });

  it("não lê propriedades herdadas", () => {
    const plain = { a: 1 };
    for (const path of [
      "$.constructor",
      "$.__proto__",
      "$.toString",
      "$.hasOwnProperty",
      "$['constructor']",
    ]) {
      expect(select(path, plain), path).toBeUndefined();
    }
    expect(select("$.a.constructor", plain)).toBeUndefined();
    expect(select("$.list.length", { list: [1] })).toBeUndefined();
    expect(select("$.list.map", { list: [1] })).toBeUndefined();
    expect(select("$.s.length", { s: "abc" })).toBeUndefined();
    expect(select("$.a[?(@.constructor)]", { a: [{}, { x: 1 }] })).toEqual([]);
    expect(select("$.a[?(@.__proto__)]", { a: [{}, { x: 1 }] })).toEqual([]);
    expect(select("$.a[?(@.toString == @.toString)]", { a: [{}] })).toEqual([]);
    expect(select("$..constructor", { a: [{}, { b: {} }] })).toEqual([]);
    expect(select("$.*", Object.create({ inherited: 1 }))).toEqual([]);
  });

  it("um campo __proto__ vindo de JSON é só um dado", () => {
    const parsed = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "a": [{"__proto__": {"x": 1}}]}',
    ) as unknown;
    expect(select("$.__proto__.polluted", parsed)).toBe("yes");
    expect(select("$['__proto__']", parsed)).toEqual({ polluted: "yes" });
    expect(select("$.a[?(@.__proto__.x == 1)]", parsed)).toHaveLength(1);
    expect(select("$..polluted", parsed)).toEqual(["yes"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("ResultPath em __proto__ cria um campo próprio, sem poluir protótipos", () => {
    const input = { a: 1 };
    const output = applyResultPath(input, "$.__proto__.polluted", "yes") as Record<string, unknown>;
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(output, "__proto__")).toBe(true);
    expect(JSON.parse(JSON.stringify(output))).toEqual(JSON.parse('{"a":1,"__proto__":{"polluted":"yes"}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const replaced = applyResultPath({}, "$['__proto__']", { polluted: "yes" }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(replaced)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const viaConstructor = applyResultPath({}, "$.constructor.prototype.polluted", "yes") as Record<
      string,
      unknown
    >;
    expect(Object.prototype.hasOwnProperty.call(viaConstructor, "constructor")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const parsed = JSON.parse('{"__proto__": {"keep": 1}}') as unknown;
    const merged = applyResultPath(parsed, "$.__proto__.polluted", "yes") as Record<string, unknown>;
    expect(JSON.stringify(merged)).toBe('{"__proto__":{"keep":1,"polluted":"yes"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("avalia caminhos sem eval nem Function (como sob uma CSP estrita)", () => {
    const folder = new URL("../../grader/engine/jsonpath/", import.meta.url);
    const files = readdirSync(folder).map((name) => new URL(name, folder));
    expect(files.length).toBeGreaterThan(0);
    for (const file of [new URL("../../grader/engine/jsonpath.ts", import.meta.url), ...files]) {
      const source = readFileSync(file, "utf8");
      expect(source).not.toMatch(/\beval\s*\(/);
      expect(source).not.toMatch(/\bFunction\s*\(/);
      expect(source).not.toMatch(/from\s+["']jsonpath-plus["']/);
    }

    const globals = globalThis as Record<string, unknown>;
    const realEval = globals.eval;
    const realFunction = globals.Function;
    const trap = () => {
      throw new Error("eval/Function chamado");
    };
    globals.eval = trap;
    globals.Function = trap;
    try {
      const data = { a: [{ b: 1, s: "x" }, { b: 5 }], c: { d: [1, 2, 3] } };
      for (const path of [
        "$.a[0].b",
        "$.a[?(@.b > 2 && !@.s || @.s == 'x')].b",
        "$..b",
        "$.c.d[-2:]",
        "$.a[*]['b','s']",
        "$.c.d.length()",
        "$.fresh.path[?(@.novo == 1)]",
      ]) {
        compilePath(path).select(scope(data));
      }
      applyResultPath(data, "$.c.e.f", 1);
    } finally {
      globals.eval = realEval;
      globals.Function = realFunction;
    }
  });
});
