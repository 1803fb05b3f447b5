import { shardFailureReason } from "@/lib/server/connections/cluster/error-reason";
import { ClusterError, type ClusterHit, type ShardsInfo } from "@/lib/server/connections/cluster/search-cluster";

type RawHit = { _index?: string; _id?: string | null; _source?: unknown; sort?: unknown[] };

export function toClusterHit(hit: RawHit): ClusterHit {
  const out: ClusterHit = { _index: hit._index ?? "", _id: hit._id ?? "", _source: hit._source };
  if (hit.sort) out.sort = hit.sort;
  return out;
}

/**
 * A 200 answer may still come from only some shards; using it would silently drop events, so it
 * fails the call ("partial") and the caller retries the window instead.
 */
export function checkedShards(shards: ShardsInfo | undefined): ShardsInfo {
  const info = shards ?? { total: 0, successful: 0, failed: 0 };
  if (info.failed > 0) {
    throw new ClusterError("partial", `${info.failed} of ${info.total} shards failed: ${shardFailureReason(info.failures)}`);
  }
  return info;
}

/** Every search sorts on `@timestamp` ascending; indices where it is unmapped sort as empty dates, not errors. */
export function timestampSort(withFormat: boolean): Record<string, unknown> {
  const options: Record<string, unknown> = { order: "asc", unmapped_type: "date" };
  // Sort values as strings keep date_nanos precision for search_after; OpenSearch has no `format` here.
  if (withFormat) options.format = "strict_date_optional_time_nanos";
  return { "@timestamp": options };
}

export function rangeQuery(range: { gte: string; lte: string } | undefined): Record<string, unknown> {
  if (!range) return { match_all: {} };
  return { range: { "@timestamp": { gte: range.gte, lte: range.lte, format: "strict_date_optional_time" } } };
}
