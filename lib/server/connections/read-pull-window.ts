import type { ClusterHit, QueryDsl, SearchCluster } from "@/lib/server/connections/cluster/search-cluster";

export const PAGE_SIZE = 1_000;
const KEEP_ALIVE = "2m";

export function timeRangeFilter(start: Date, end: Date): QueryDsl {
  return { range: { "@timestamp": { gte: start.toISOString(), lte: end.toISOString(), format: "strict_date_optional_time" } } };
}

/**
 * Every document of the window, page by page, through a point-in-time so pages are a consistent
 * snapshot even while the cluster indexes; sorted by @timestamp then the PIT tiebreaker, resumed with
 * search_after. The PIT is always closed, also when the caller stops early or a page fails.
 */
export async function* readPullWindow(cluster: SearchCluster, indexPatterns: string[], start: Date, end: Date): AsyncGenerator<ClusterHit[]> {
  let pitId = await cluster.openPointInTime(indexPatterns, KEEP_ALIVE);
  try {
    let searchAfter: unknown[] | undefined;
    for (;;) {
      const page = await cluster.searchPage({ pitId, keepAlive: KEEP_ALIVE, query: { bool: { filter: [timeRangeFilter(start, end)] } }, size: PAGE_SIZE, searchAfter });
      pitId = page.pitId;
      if (page.hits.length > 0) yield page.hits;
      if (page.hits.length < PAGE_SIZE) return;
      searchAfter = page.hits[page.hits.length - 1].sort;
    }
  } finally {
    await cluster.closePointInTime(pitId).catch(() => undefined);
  }
}
