import { esError } from "@/test/fake-elasticsearch/es-error";
import type { ShardView } from "@/test/fake-elasticsearch/index-store";
import type { DocPredicate } from "@/test/fake-elasticsearch/dsl-helpers";
import type { Candidate } from "@/test/fake-elasticsearch/sorting";
import type { ShardFault } from "@/test/fake-elasticsearch/faults";

export type ShardFailure = { shard: number; index: string; node: string; reason: { type: string; reason: string } };
export type ShardsInfo = { total: number; successful: number; skipped: number; failed: number; failures?: ShardFailure[] };

/**
 * Runs a predicate over shards the way a search fans out: failed shards (injected) contribute
 * nothing and are reported in `_shards`; if every shard fails the whole search fails.
 */
export function searchShards(views: ShardView[], matches: DocPredicate, fault: ShardFault | null): { candidates: Candidate[]; shards: ShardsInfo } {
  const failedCount = fault ? Math.min(fault.failed, views.length) : 0;
  const failures: ShardFailure[] = views.slice(0, failedCount).map((v) => ({ shard: v.shard, index: v.index, node: "fake-node-0", reason: fault!.reason }));
  if (views.length > 0 && failedCount === views.length) {
    throw esError(503, fault!.reason, { type: "search_phase_execution_exception", reason: "all shards failed", extra: { phase: "query", grouped: true, failed_shards: failures } });
  }
  const candidates: Candidate[] = [];
  views.forEach((view, shardOrdinal) => {
    if (shardOrdinal < failedCount) return;
    view.docs.forEach((doc, docOrdinal) => {
      if (matches({ _index: view.index, _id: doc._id, _source: doc._source })) candidates.push({ doc, index: view.index, shardOrdinal, docOrdinal });
    });
  });
  const shards: ShardsInfo = { total: views.length, successful: views.length - failedCount, skipped: 0, failed: failedCount };
  if (failedCount > 0) shards.failures = failures;
  return { candidates, shards };
}
