import type { Client, estypes } from "@elastic/elasticsearch";
import { toClusterHit } from "@/lib/server/connections/cluster/cluster-hits";
import { shardFailureReason } from "@/lib/server/connections/cluster/error-reason";
import { ClusterError, type EqlInput, type EqlResult } from "@/lib/server/connections/cluster/search-cluster";
import { versionAtLeast } from "@/lib/server/connections/cluster/version-at-least";

/** Elasticsearch 8.18 added these; older versions reject unknown body fields, so they are only sent when known to exist. */
const STRICT_SHARDS_SINCE = "8.18.0";

/**
 * `_eql/search` with the fields Kibana's EQL rules send. Partial answers are refused twice: by asking
 * the cluster to fail instead (8.18+), and by checking the answer, since older versions and
 * unknown-version clusters might still return them.
 */
export async function runEqlSearch(client: Client, input: EqlInput, version: string | null): Promise<EqlResult> {
  const strict = version !== null && versionAtLeast(version, STRICT_SHARDS_SINCE);
  const answer = await client.eql.search({
    index: input.indexPatterns,
    ignore_unavailable: true,
    allow_no_indices: true,
    query: input.query,
    filter: input.filter as estypes.QueryDslQueryContainer,
    size: input.size,
    // The earliest matches first (the default, tail, keeps the latest), so a saturated answer is a
    // prefix of the window and the warning can say which part was not read.
    result_position: "head",
    timestamp_field: "@timestamp",
    event_category_field: "event.category",
    ...(input.tiebreakerField ? { tiebreaker_field: input.tiebreakerField } : {}),
    ...(strict ? { allow_partial_search_results: false, allow_partial_sequence_results: false } : {}),
  });
  const failures = answer.shard_failures ?? [];
  if (answer.is_partial || failures.length > 0) {
    throw new ClusterError("partial", `EQL search returned partial results (${failures.length} shard failures: ${shardFailureReason(failures)})`);
  }
  return {
    sequences: (answer.hits.sequences ?? []).map((s) => ({ joinKeys: s.join_keys ?? [], events: s.events.map(toClusterHit) })),
    events: (answer.hits.events ?? []).map(toClusterHit),
    isPartial: false,
    timedOut: answer.timed_out ?? false,
  };
}
