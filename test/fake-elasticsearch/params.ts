import { badRequest, unrecognizedParameter } from "@/test/fake-elasticsearch/es-error";
import type { FakeRequest } from "@/test/fake-elasticsearch/fake-types";
import type { IndicesOptions } from "@/test/fake-elasticsearch/index-store";

const COMMON = ["pretty", "human", "error_trace", "filter_path", "source", "source_content_type"];
const INDICES = ["ignore_unavailable", "allow_no_indices", "expand_wildcards"];

/** Query parameters each endpoint accepts (from the REST specs); anything else is rejected as Elasticsearch does. */
export const PARAMS = {
  info: [],
  openPit: ["keep_alive", "ignore_unavailable", "preference", "routing", "expand_wildcards", "allow_partial_search_results", "max_concurrent_shard_requests"],
  closePit: [],
  createPitOpenSearch: ["keep_alive", "preference", "routing", "allow_partial_pit_creation", "ignore_throttled", ...INDICES],
  deletePitOpenSearch: [],
  search: [
    ...INDICES, "allow_partial_search_results", "analyzer", "analyze_wildcard", "batched_reduce_size", "ccs_minimize_roundtrips", "default_operator", "df",
    "docvalue_fields", "explain", "ignore_throttled", "include_named_queries_score", "lenient", "max_concurrent_shard_requests", "pre_filter_shard_size",
    "preference", "q", "request_cache", "rest_total_hits_as_int", "routing", "scroll", "search_type", "seq_no_primary_term", "size", "from", "sort",
    "_source", "_source_excludes", "_source_includes", "stats", "stored_fields", "suggest_field", "suggest_mode", "suggest_size", "suggest_text",
    "terminate_after", "timeout", "track_scores", "track_total_hits", "typed_keys", "version", "force_synthetic_source",
  ],
  count: [...INDICES, "analyzer", "analyze_wildcard", "default_operator", "df", "ignore_throttled", "lenient", "min_score", "preference", "q", "routing", "terminate_after"],
  resolveIndex: ["expand_wildcards", "ignore_unavailable", "allow_no_indices"],
  catIndices: ["format", "h", "s", "v", "help", "bytes", "health", "pri", "time", "include_unloaded_segments", "expand_wildcards", "master_timeout", "local"],
  bulk: ["refresh", "routing", "pipeline", "timeout", "wait_for_active_shards", "require_alias", "require_data_stream", "list_executed_pipelines", "include_source_on_error", "_source", "_source_excludes", "_source_includes"],
  eql: [...INDICES, "keep_alive", "keep_on_completion", "wait_for_completion_timeout", "ccs_minimize_roundtrips"],
  eqlPartial: ["allow_partial_search_results", "allow_partial_sequence_results"],
} as const;

export function checkParams(req: FakeRequest, allowed: readonly string[]): void {
  const unknown = Object.keys(req.query).filter((name) => !allowed.includes(name) && !COMMON.includes(name));
  if (unknown.length > 0) throw unrecognizedParameter(req.path, unknown);
}

export function boolParam(req: FakeRequest, name: string, fallback: boolean): boolean {
  const value = req.query[name];
  if (value === undefined) return fallback;
  if (value === "" || value === "true") return true;
  if (value === "false") return false;
  throw badRequest("illegal_argument_exception", `Failed to parse value [${value}] as only [true] or [false] are allowed.`);
}

export function indicesOptions(req: FakeRequest, defaults: IndicesOptions): IndicesOptions {
  return { ignoreUnavailable: boolParam(req, "ignore_unavailable", defaults.ignoreUnavailable), allowNoIndices: boolParam(req, "allow_no_indices", defaults.allowNoIndices) };
}
