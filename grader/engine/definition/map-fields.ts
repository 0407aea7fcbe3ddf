/**
 * Map fields: the item processor, ItemsPath/Items, ItemSelector, concurrency, tolerated failures, and the
 * Distributed Map's ItemReader, ItemBatcher and ResultWriter.
 */
import { DefinitionError } from "../errors.ts";
import type { Compiler } from "./compiler.ts";
import {
  isObject,
  jsonataValue,
  nonNegativeInteger,
  optionalPath,
  percentage,
  positiveInteger,
  queryLanguageOf,
  referencePath,
  template,
  type Json,
} from "./fields.ts";
import type { ItemBatcher, ItemReader, MapState, ResultWriter, StateBase } from "./model.ts";

export function compileMap(
  compiler: Compiler,
  raw: Json,
  base: Omit<StateBase, "type">,
  location: string,
): MapState {
  const processorField = raw.ItemProcessor !== undefined ? "ItemProcessor" : "Iterator";
  const processorRaw = raw[processorField];
  if (!isObject(processorRaw)) {
    throw new DefinitionError("Um estado Map precisa de ItemProcessor (ou do antigo Iterator)", location);
  }
  const config = isObject(processorRaw.ProcessorConfig) ? processorRaw.ProcessorConfig : {};
  const selectorField =
    base.queryLanguage === "JSONata" ? "" : raw.ItemSelector !== undefined ? "ItemSelector" : "Parameters";
  const { parameters: _ignored, ...withResult } = compiler.withResult(raw, location, false);
  return {
    ...base,
    ...withResult,
    type: "Map",
    processor: compiler.scope(processorRaw, `${location}/${processorField}`),
    itemsPath: optionalPath(raw, "ItemsPath", location),
    items: raw.Items,
    itemSelector: selectorField ? template(raw, selectorField, location) : undefined,
    maxConcurrency: base.jsonata?.maxConcurrency
      ? 0
      : (nonNegativeInteger(raw, "MaxConcurrency", location) ?? 0),
    maxConcurrencyPath: referencePath(raw, "MaxConcurrencyPath", location),
    toleratedFailureCount: base.jsonata?.toleratedFailureCount
      ? undefined
      : nonNegativeInteger(raw, "ToleratedFailureCount", location),
    toleratedFailureCountPath: referencePath(raw, "ToleratedFailureCountPath", location),
    toleratedFailurePercentage: base.jsonata?.toleratedFailurePercentage
      ? undefined
      : percentage(raw, location),
    toleratedFailurePercentagePath: referencePath(raw, "ToleratedFailurePercentagePath", location),
    label: typeof raw.Label === "string" ? raw.Label : undefined,
    mode: config.Mode === "DISTRIBUTED" ? "DISTRIBUTED" : "INLINE",
    itemReader: itemReader(raw, location),
    itemBatcher: itemBatcher(compiler, raw, location),
    resultWriter: resultWriter(raw, location),
  };
}

export function itemReader(raw: Json, location: string): ItemReader | undefined {
  const reader = raw.ItemReader;
  if (reader === undefined) return undefined;
  const at = `${location}/ItemReader`;
  if (!isObject(reader) || typeof reader.Resource !== "string") {
    throw new DefinitionError(
      "ItemReader precisa de Resource, por exemplo arn:aws:states:::s3:getObject",
      at,
    );
  }
  const config = isObject(reader.ReaderConfig) ? reader.ReaderConfig : {};
  const listing = reader.Resource.includes("s3:listObjectsV2");
  const inputType = listing ? "LIST" : (config.InputType ?? "JSON");
  if (!["JSON", "JSONL", "CSV", "MANIFEST", "LIST"].includes(inputType as string)) {
    throw new DefinitionError(
      "ReaderConfig.InputType deve ser JSON, JSONL, CSV ou MANIFEST",
      `${at}/ReaderConfig/InputType`,
    );
  }
  const headers = config.CSVHeaders;
  if (headers !== undefined && (!Array.isArray(headers) || !headers.every((h) => typeof h === "string"))) {
    throw new DefinitionError("CSVHeaders deve ser uma lista de textos", `${at}/ReaderConfig/CSVHeaders`);
  }
  const delimiters: Record<string, string> = {
    COMMA: ",",
    PIPE: "|",
    SEMICOLON: ";",
    SPACE: " ",
    TAB: "\t",
  };
  return {
    resource: reader.Resource,
    inputType: inputType as ItemReader["inputType"],
    csvHeaderLocation: config.CSVHeaderLocation === "GIVEN" ? "GIVEN" : "FIRST_ROW",
    csvHeaders: headers as string[] | undefined,
    csvDelimiter: delimiters[String(config.CSVDelimiter ?? "COMMA")] ?? ",",
    maxItems: nonNegativeInteger(config, "MaxItems", `${at}/ReaderConfig`),
    maxItemsPath: referencePath(config, "MaxItemsPath", `${at}/ReaderConfig`),
    parameters: template(reader, "Parameters", at),
    arguments: jsonataValue(reader, "Arguments", at, "ItemReader/"),
  };
}

export function itemBatcher(compiler: Compiler, raw: Json, location: string): ItemBatcher | undefined {
  const batcher = raw.ItemBatcher;
  if (batcher === undefined) return undefined;
  const at = `${location}/ItemBatcher`;
  if (!isObject(batcher)) throw new DefinitionError("ItemBatcher deve ser um objeto", at);
  const jsonataBatchInput = queryLanguageOf(raw, compiler.machineLanguage, location) === "JSONata";
  return {
    maxItemsPerBatch: positiveInteger(batcher, "MaxItemsPerBatch", at),
    maxItemsPerBatchPath: referencePath(batcher, "MaxItemsPerBatchPath", at),
    maxInputBytesPerBatch: positiveInteger(batcher, "MaxInputBytesPerBatch", at),
    maxInputBytesPerBatchPath: referencePath(batcher, "MaxInputBytesPerBatchPath", at),
    batchInput: jsonataBatchInput ? undefined : template(batcher, "BatchInput", at),
    batchInputJsonata: jsonataBatchInput
      ? jsonataValue(batcher, "BatchInput", at, "ItemBatcher/")
      : undefined,
  };
}

export function resultWriter(raw: Json, location: string): ResultWriter | undefined {
  const writer = raw.ResultWriter;
  if (writer === undefined) return undefined;
  const at = `${location}/ResultWriter`;
  if (!isObject(writer)) throw new DefinitionError("ResultWriter deve ser um objeto", at);
  return {
    resource: typeof writer.Resource === "string" ? writer.Resource : undefined,
    parameters: template(writer, "Parameters", at),
    arguments: jsonataValue(writer, "Arguments", at, "ResultWriter/"),
  };
}
