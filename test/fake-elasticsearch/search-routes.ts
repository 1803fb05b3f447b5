import { allShardsFailed, badRequest } from "@/test/fake-elasticsearch/es-error";
import type { FakeReply, FakeRequest, FakeState } from "@/test/fake-elasticsearch/fake-types";
import type { ShardView } from "@/test/fake-elasticsearch/index-store";
import { checkParams, indicesOptions, PARAMS } from "@/test/fake-elasticsearch/params";
import { compileDsl } from "@/test/fake-elasticsearch/query-dsl";
import { checkKeys, objectBody } from "@/test/fake-elasticsearch/request-body";
import { searchShards } from "@/test/fake-elasticsearch/shard-search";
import { compareCandidates, keyFromSortValue, parseSort, sortKey, sortValue, type SortSpec } from "@/test/fake-elasticsearch/sorting";

const SEARCH_KEYS = ["query", "size", "from", "sort", "search_after", "pit", "track_total_hits", "_source", "timeout", "version", "seq_no_primary_term"];
const SEARCH_UNSUPPORTED = ["aggs", "aggregations", "highlight", "fields", "docvalue_fields", "stored_fields", "runtime_mappings", "min_score", "post_filter", "track_scores", "explain", "collapse", "indices_boost", "profile", "rescore", "script_fields", "slice", "stats", "suggest", "ext", "knn", "rank", "retriever", "terminate_after", "point_in_time"];

/** `POST /_search` (with `pit`) and `POST /<index>/_search`: query, sort, search_after, size/from. */
export function handleSearch(req: FakeRequest, state: FakeState, [indexExpr]: (string | undefined)[]): FakeReply {
  checkParams(req, PARAMS.search);
  const body = objectBody(req.body);
  checkKeys(body, SEARCH_KEYS, SEARCH_UNSUPPORTED, (key) => `Unknown key for a VALUE_STRING in [${key}].`);
  const pitRef = body.pit as { id?: unknown; keep_alive?: unknown } | undefined;
  let views: ShardView[];
  let pitId: string | undefined;
  if (pitRef) {
    if (indexExpr !== undefined) throw badRequest("action_request_validation_exception", "Validation Failed: 1: [indices] cannot be used with point in time. Do not specify any index with point in time.;");
    const pit = state.pits.use(String(pitRef.id), pitRef.keep_alive === undefined ? undefined : String(pitRef.keep_alive));
    [views, pitId] = [pit.shards, pit.id];
  } else {
    views = state.store.shardViews(state.store.resolve(indexExpr, indicesOptions(req, { ignoreUnavailable: false, allowNoIndices: true })));
  }
  const specs = parseSort(body.sort, { flavor: state.flavor, version: state.version, hasPit: pitRef !== undefined });
  const size = intField(body.size ?? req.query.size, 10, "size");
  const from = intField(body.from ?? req.query.from, 0, "from");
  if (from + size > state.maxResultWindow) {
    throw allShardsFailed(400, {
      type: "illegal_argument_exception",
      reason: `Result window is too large, from + size must be less than or equal to: [${state.maxResultWindow}] but was [${from + size}]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.`,
    });
  }
  const { candidates, shards } = searchShards(views, compileDsl(body.query, state.now()), state.faults.takeShards(req));
  const keyed = candidates.map((c) => ({ c, key: specs.map((s) => sortKey(c, s)) }));
  keyed.sort((a, b) => compareCandidates(a.key, b.key, specs) || a.c.shardOrdinal - b.c.shardOrdinal || a.c.docOrdinal - b.c.docOrdinal);
  const after = searchAfter(body.search_after, specs, from);
  const remaining = after ? keyed.filter(({ key }) => compareCandidates(key.slice(0, after.length), after, specs.slice(0, after.length)) > 0) : keyed;
  const page = remaining.slice(from, from + size);
  const hits = page.map(({ c, key }) => ({
    _index: c.index,
    _id: c.doc._id,
    _score: specs.length > 0 ? null : 1,
    ...(body._source === false ? {} : { _source: c.doc._source }),
    ...(specs.length > 0 ? { sort: key.map((k, i) => sortValue(k, specs[i])) } : {}),
  }));
  return {
    status: 200,
    body: {
      ...(pitId ? { pit_id: pitId } : {}),
      took: 1,
      timed_out: false,
      _shards: shards,
      hits: { ...totalHits(body.track_total_hits, candidates.length), max_score: specs.length > 0 || hits.length === 0 ? null : 1, hits },
    },
  };
}

/** `GET|POST /<index>/_count`. */
export function handleCount(req: FakeRequest, state: FakeState, [indexExpr]: (string | undefined)[]): FakeReply {
  checkParams(req, PARAMS.count);
  const body = objectBody(req.body);
  checkKeys(body, ["query"], [], (key) => `request does not support [${key}]`);
  const views = state.store.shardViews(state.store.resolve(indexExpr, indicesOptions(req, { ignoreUnavailable: false, allowNoIndices: true })));
  const { candidates, shards } = searchShards(views, compileDsl(body.query, state.now()), state.faults.takeShards(req));
  return { status: 200, body: { count: candidates.length, _shards: shards } };
}

function searchAfter(value: unknown, specs: SortSpec[], from: number) {
  if (value === undefined) return null;
  if (!Array.isArray(value)) throw badRequest("parsing_exception", "[search_after] must be an array");
  if (from > 0) throw badRequest("action_request_validation_exception", "Validation Failed: 1: [from] parameter must be set to 0 when [search_after] is used;");
  if (specs.length === 0) throw badRequest("action_request_validation_exception", "Validation Failed: 1: [search_after] requires [sort];");
  // A value list one short of an implicit PIT tiebreaker is accepted (compared on the prefix).
  const implicitTiebreaker = specs.at(-1)?.kind === "shard_doc" && value.length === specs.length - 1;
  if (value.length !== specs.length && !implicitTiebreaker) {
    throw allShardsFailed(400, { type: "illegal_argument_exception", reason: `search_after has ${value.length} value(s) but sort has ${specs.length}.` });
  }
  return value.map((v, i) => keyFromSortValue(v, specs[i]));
}

function totalHits(track: unknown, count: number) {
  if (track === false) return {};
  const limit = track === true ? Infinity : typeof track === "number" ? track : 10_000;
  return { total: { value: Math.min(count, limit), relation: count > limit ? "gte" : "eq" } };
}

function intField(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw badRequest("illegal_argument_exception", `[${name}] parameter cannot be negative, found [${String(value)}]`);
  return n;
}
