import { badRequest } from "@/test/fake-elasticsearch/es-error";
import { fieldValues } from "@/test/fake-elasticsearch/field-values";

export type FakeDoc = { _index: string; _id: string; _source: Record<string, unknown> };
export type DocPredicate = (doc: FakeDoc) => boolean;
export type Params = Record<string, unknown>;

/** A field's values; `_id` and `_index` are the metadata fields. */
export function valuesOf(doc: FakeDoc, field: string): unknown[] {
  if (field === "_id") return [doc._id];
  if (field === "_index") return [doc._index];
  return fieldValues(doc._source, field);
}

export function singleField(kind: string, body: Params): [string, unknown] {
  const fields = Object.keys(body).filter((k) => k !== "boost" && k !== "_name");
  if (fields.length !== 1) throw parsing(`[${kind}] query doesn't support multiple fields, found [${fields.join("] and [")}]`);
  return [fields[0], body[fields[0]]];
}

export const parsing = (reason: string) => badRequest("parsing_exception", reason, { line: 1, col: 1 });
