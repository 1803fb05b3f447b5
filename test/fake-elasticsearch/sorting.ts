import { dateMs, formatDate, MISSING_LAST, sortDateMs } from "@/test/fake-elasticsearch/dates";
import { allShardsFailed, badRequest, notImplemented } from "@/test/fake-elasticsearch/es-error";
import { fieldValues } from "@/test/fake-elasticsearch/field-values";
import type { StoredDoc } from "@/test/fake-elasticsearch/index-store";
import { versionAtLeast } from "@/lib/server/connections/cluster/version-at-least";

export type SortKind = "date" | "value" | "shard_doc" | "id" | "doc";
export type SortSpec = { kind: SortKind; field: string; order: "asc" | "desc"; formatted: boolean };
/** A matching document with its position: shard ordinal within the search (or PIT) and Lucene doc id. */
export type Candidate = { doc: StoredDoc; index: string; shardOrdinal: number; docOrdinal: number };
export type SortContext = { flavor: "elasticsearch" | "opensearch"; version: string; hasPit: boolean };
type Key = number | string | null;

const FIELD_SORT_OPTIONS = ["order", "missing", "mode", "unmapped_type", "numeric_type", "format", "nested", "nested_path", "nested_filter"];
// Long.MAX_VALUE, which a JavaScript client reads as 2^63 anyway.
const LONG_MAX = 2 ** 63;

export function parseSort(sort: unknown, ctx: SortContext): SortSpec[] {
  if (sort === undefined) return [];
  const specs = (Array.isArray(sort) ? sort : [sort]).map((clause) => parseClause(clause, ctx));
  // Elasticsearch appends the PIT tiebreaker itself (and returns its value in `sort`).
  if (ctx.flavor === "elasticsearch" && ctx.hasPit && specs.length > 0 && !specs.some((s) => s.kind === "shard_doc")) {
    specs.push({ kind: "shard_doc", field: "_shard_doc", order: "asc", formatted: false });
  }
  return specs;
}

function parseClause(clause: unknown, ctx: SortContext): SortSpec {
  if (typeof clause === "string") return spec(clause, clause === "_score" ? "desc" : "asc", {}, ctx);
  if (typeof clause !== "object" || clause === null || Object.keys(clause).length !== 1) throw badRequest("parsing_exception", "malformed sort format, within the sort array, an object, or an actual string are allowed");
  const [field, options] = Object.entries(clause)[0];
  if (typeof options === "string") return spec(field, options, {}, ctx);
  if (typeof options !== "object" || options === null) throw badRequest("parsing_exception", `malformed sort for [${field}]`);
  const opts = options as Record<string, unknown>;
  for (const key of Object.keys(opts)) {
    const known = FIELD_SORT_OPTIONS.includes(key) && !(key === "format" && ctx.flavor === "opensearch");
    if (!known) throw badRequest("x_content_parse_exception", `[1:1] [field_sort] unknown field [${key}]`);
  }
  if (opts.missing !== undefined && opts.missing !== "_last") throw notImplemented(`sort missing [${String(opts.missing)}]`);
  return spec(field, String(opts.order ?? "asc"), opts, ctx);
}

function spec(field: string, order: string, opts: Record<string, unknown>, ctx: SortContext): SortSpec {
  if (order !== "asc" && order !== "desc") throw badRequest("illegal_argument_exception", `Unknown SortOrder [${order}]`);
  const base = { field, order, formatted: typeof opts.format === "string" } as const;
  if (field === "_score") throw notImplemented("sorting on _score");
  if (field === "_doc") return { ...base, kind: "doc" };
  if (field === "_id") {
    if (ctx.flavor === "elasticsearch") {
      throw allShardsFailed(400, { type: "illegal_argument_exception", reason: "Fielddata access on the _id field is disallowed, you can re-enable it by updating the dynamic cluster setting: indices.id_field_data.enabled" });
    }
    return { ...base, kind: "id" };
  }
  if (field === "_shard_doc") {
    if (ctx.flavor === "opensearch" && !versionAtLeast(ctx.version, "3.3.0")) {
      throw allShardsFailed(400, { type: "query_shard_exception", reason: "No mapping found for [_shard_doc] in order to sort on" });
    }
    if (!ctx.hasPit) throw badRequest("action_request_validation_exception", "Validation Failed: 1: [_shard_doc] sort field cannot be used without [point in time];");
    return { ...base, kind: "shard_doc" };
  }
  const isDate = field === "@timestamp" || opts.unmapped_type === "date" || opts.numeric_type === "date" || base.formatted;
  return { ...base, kind: isDate ? "date" : "value" };
}

export function sortKey(c: Candidate, s: SortSpec): Key {
  switch (s.kind) {
    case "shard_doc":
      return c.shardOrdinal * 2 ** 32 + c.docOrdinal;
    case "doc":
      return c.docOrdinal;
    case "id":
      return c.doc._id;
    case "date": {
      const values = fieldValues(c.doc._source, s.field).map(dateMs).filter((v): v is number => v !== null);
      return values.length === 0 ? null : s.order === "asc" ? Math.min(...values) : Math.max(...values);
    }
    case "value": {
      const values = fieldValues(c.doc._source, s.field).filter((v): v is number | string => typeof v === "number" || typeof v === "string");
      if (values.length === 0) return null;
      return values.reduce((best, v) => (compareKey(v, best) < 0 === (s.order === "asc") ? v : best));
    }
  }
}

/** The `sort` array value Elasticsearch returns for a key. */
export function sortValue(key: Key, s: SortSpec): unknown {
  if (s.kind !== "date") return key;
  if (key === null) return s.formatted ? MISSING_LAST[s.order] : s.order === "asc" ? LONG_MAX : -LONG_MAX;
  return s.formatted ? formatDate(key as number, s.order) : key;
}

/** A `search_after` value back to a key. */
export function keyFromSortValue(value: unknown, s: SortSpec): Key {
  if (value === null) return null;
  if (s.kind === "date") {
    const ms = sortDateMs(value, s.order);
    return Number.isFinite(ms) ? ms : null;
  }
  if (s.kind === "shard_doc" || s.kind === "doc") return Number(value);
  return value as Key;
}

export function compareCandidates(a: Key[], b: Key[], specs: SortSpec[]): number {
  for (let i = 0; i < specs.length; i++) {
    const c = compareMissingLast(a[i], b[i], specs[i].order);
    if (c !== 0) return c;
  }
  return 0;
}

function compareMissingLast(a: Key, b: Key, order: "asc" | "desc"): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const c = compareKey(a, b);
  return order === "asc" ? c : -c;
}

function compareKey(a: number | string, b: number | string): number {
  if (typeof a !== typeof b) return typeof a === "number" ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
