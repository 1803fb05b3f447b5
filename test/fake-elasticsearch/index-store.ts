import { randomBytes } from "node:crypto";
import { DynamicMapping } from "@/test/fake-elasticsearch/dynamic-mapping";
import { esError, indexNotFound } from "@/test/fake-elasticsearch/es-error";

export type StoredDoc = { _id: string; _source: Record<string, unknown>; version: number; seqNo: number };
export type FakeIndex = { name: string; uuid: string; shards: StoredDoc[][]; seqNo: number; mapping: DynamicMapping };
/** The documents of one shard as a search sees them; a doc's position is its Lucene doc id. */
export type ShardView = { index: string; shard: number; docs: StoredDoc[] };
export type IndicesOptions = { ignoreUnavailable: boolean; allowNoIndices: boolean };
export type PutResult = { index: string; doc: StoredDoc; shard: number; result: "created" | "updated" };

const INVALID_NAME_CHARS = /[\\/*?"<>| ,#:]/;

/** Indices of documents as stored (`_source` verbatim; no mapping), each split into shards by `_id`. */
export class IndexStore {
  private readonly indices = new Map<string, FakeIndex>();

  constructor(private readonly defaultShards: number) {}

  createIndex(name: string, shards = this.defaultShards): FakeIndex {
    checkIndexName(name);
    const existing = this.indices.get(name);
    if (existing) return existing;
    const index: FakeIndex = { name, uuid: randomBytes(16).toString("base64url").slice(0, 22), shards: Array.from({ length: Math.max(1, shards) }, () => []), seqNo: 0, mapping: new DynamicMapping() };
    this.indices.set(name, index);
    return index;
  }

  /** `op` "create" refuses an existing `_id` (409), as `_bulk` create and `_create` do. */
  put(name: string, id: string | undefined, source: Record<string, unknown>, op: "index" | "create" = "index"): PutResult {
    const index = this.createIndex(name);
    const _id = id ?? randomBytes(15).toString("base64url");
    const shard = shardFor(_id, index.shards.length);
    const docs = index.shards[shard];
    const at = docs.findIndex((d) => d._id === _id);
    if (at >= 0 && op === "create") {
      throw esError(409, { type: "version_conflict_engine_exception", reason: `[${_id}]: version conflict, document already exists (current version [${docs[at].version}])`, index: name, shard: String(shard), index_uuid: index.uuid });
    }
    const unfit = index.mapping.apply(source, _id);
    if (unfit) throw esError(400, { type: "document_parsing_exception", reason: `[1:1] ${unfit}` });
    // An update is a delete plus an append in Lucene: the new version gets a new doc id.
    const version = at >= 0 ? docs[at].version + 1 : 1;
    if (at >= 0) docs.splice(at, 1);
    const doc: StoredDoc = { _id, _source: structuredClone(source), version, seqNo: index.seqNo++ };
    docs.push(doc);
    return { index: name, doc, shard, result: at >= 0 ? "updated" : "created" };
  }

  delete(name: string, id: string): boolean {
    const index = this.indices.get(name);
    if (!index) return false;
    const docs = index.shards[shardFor(id, index.shards.length)];
    const at = docs.findIndex((d) => d._id === id);
    if (at >= 0) docs.splice(at, 1);
    return at >= 0;
  }

  get(name: string): FakeIndex | undefined {
    return this.indices.get(name);
  }

  clear(): void {
    this.indices.clear();
  }

  /** Comma lists, `*` wildcards (hidden `.` indices only when asked for), `-exclusions`, `_all`. */
  resolve(expression: string | undefined, options: IndicesOptions): string[] {
    const visible = [...this.indices.keys()].filter((n) => !n.startsWith(".")).sort();
    const parts = (expression ?? "").split(",").map((p) => p.trim()).filter(Boolean);
    if (parts.length === 0 || (parts.length === 1 && parts[0] === "_all")) return visible;
    const out = new Set<string>();
    let sawWildcard = false;
    for (const part of parts) {
      if (part.startsWith("-") && sawWildcard) {
        const re = wildcardRegExp(part.slice(1));
        for (const name of out) if (re.test(name)) out.delete(name);
      } else if (part.includes("*") || part === "_all") {
        sawWildcard = true;
        const re = wildcardRegExp(part === "_all" ? "*" : part);
        const pool = part.startsWith(".") ? [...this.indices.keys()] : visible;
        const matches = pool.filter((n) => re.test(n));
        if (matches.length === 0 && !options.allowNoIndices) throw indexNotFound(part);
        matches.forEach((n) => out.add(n));
      } else if (this.indices.has(part)) {
        out.add(part);
      } else if (!options.ignoreUnavailable) {
        throw indexNotFound(part);
      }
    }
    if (out.size === 0 && !options.allowNoIndices) throw indexNotFound(parts.join(","));
    return [...out].sort();
  }

  /** Every shard of the indices, in a stable order; `frozen` copies the doc lists (a point in time). */
  shardViews(names: string[], frozen = false): ShardView[] {
    return names.flatMap((name) => {
      const index = this.indices.get(name);
      return index ? index.shards.map((docs, shard) => ({ index: name, shard, docs: frozen ? [...docs] : docs })) : [];
    });
  }

  docCount(name: string): number {
    return this.indices.get(name)?.shards.reduce((n, docs) => n + docs.length, 0) ?? 0;
  }
}

export function wildcardRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
}

function shardFor(id: string, shards: number): number {
  let hash = 5381;
  for (let i = 0; i < id.length; i++) hash = ((hash * 33) ^ id.charCodeAt(i)) >>> 0;
  return hash % shards;
}

function checkIndexName(name: string): void {
  const problem =
    name !== name.toLowerCase() ? "must be lowercase"
    : INVALID_NAME_CHARS.test(name) ? 'must not contain the following characters [ , ", *, \\, <, |, ,, >, /, ?, #, :]'
    : /^[-_+]/.test(name) ? "must not start with '_', '-', or '+'"
    : name === "." || name === ".." || name === "" ? "must not be '.' or '..'"
    : null;
  if (problem) throw esError(400, { type: "invalid_index_name_exception", reason: `Invalid index name [${name}], ${problem}`, index_uuid: "_na_", index: name });
}
