import { rangeQuery } from "@/lib/server/connections/cluster/cluster-hits";
import { ClusterError, type IndexCount, type QueryDsl } from "@/lib/server/connections/cluster/search-cluster";

export type ListIndices = (pattern: string) => Promise<string[]>;
export type CountMatching = (pattern: string, query: QueryDsl) => Promise<number>;

/**
 * What "Test connection" shows per pattern. Listing index names needs metadata privileges a
 * read-only key may lack, so a 403 (or a missing index) there degrades to counts only; the count
 * itself must succeed.
 */
export async function countByPattern(
  patterns: string[],
  range: { gte: string; lte: string } | undefined,
  listIndices: ListIndices,
  countMatching: CountMatching,
): Promise<IndexCount[]> {
  const query = rangeQuery(range);
  const counts: IndexCount[] = [];
  for (const pattern of patterns) {
    const indices = await listIndices(pattern).catch(toleratedListingError);
    counts.push({ pattern, indices, documents: await countMatching(pattern, query) });
  }
  return counts;
}

function toleratedListingError(error: unknown): string[] {
  if (error instanceof ClusterError && (error.kind === "not_found" || (error.kind === "auth" && error.status === 403))) return [];
  throw error;
}
