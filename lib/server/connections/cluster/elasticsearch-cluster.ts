import { Client, type estypes } from "@elastic/elasticsearch";
import { checkedShards, timestampSort, toClusterHit } from "@/lib/server/connections/cluster/cluster-hits";
import { clusterCall, DEFAULT_REQUEST_TIMEOUT_MS, type ClusterCall, type ClusterDeps } from "@/lib/server/connections/cluster/cluster-call";
import { countByPattern } from "@/lib/server/connections/cluster/count-by-pattern";
import { runEqlSearch } from "@/lib/server/connections/cluster/elasticsearch-eql";
import {
  ClusterError,
  type ClusterConfig,
  type ClusterInfo,
  type EqlInput,
  type QueryDsl,
  type SearchCluster,
  type SearchPageInput,
} from "@/lib/server/connections/cluster/search-cluster";

// `_shard_doc` is the PIT tiebreaker: unique per document and stable within one point in time.
const PIT_SORT = [timestampSort(true), { _shard_doc: "asc" }] as estypes.Sort;
const PLAIN_SORT = [timestampSort(true)] as estypes.Sort;
const LENIENT_INDICES = { ignore_unavailable: true, allow_no_indices: true } as const;

export function createElasticsearchCluster(config: ClusterConfig, deps: ClusterDeps = {}): SearchCluster {
  const client = new Client({
    nodes: config.urls,
    auth: config.auth.kind === "basic" ? { username: config.auth.username, password: config.auth.password } : config.auth.kind === "api_key" ? { apiKey: config.auth.apiKey } : undefined,
    tls: { ca: config.caCert ?? undefined, rejectUnauthorized: config.verifyTls },
    // Retries belong to with-retries.ts, which honours Retry-After and knows our error kinds.
    maxRetries: 0,
    requestTimeout: config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    // Plain JSON instead of the client's `compatible-with=8` media types: Elasticsearch 7.17 refuses
    // those (media_type_header_exception), and 8.x and later answer plain JSON in their own format,
    // which is all this connector reads.
    headers: { accept: "application/json", "content-type": "application/json" },
  });
  return new ElasticsearchCluster(client, clusterCall(config, "Elasticsearch", deps));
}

class ElasticsearchCluster implements SearchCluster {
  readonly flavor = "elasticsearch" as const;
  private version: string | null | undefined;

  constructor(
    private readonly client: Client,
    private readonly call: ClusterCall,
  ) {}

  info(): Promise<ClusterInfo> {
    return this.call(async () => {
      const info = await this.client.info();
      return { flavor: "elasticsearch", version: info.version.number, clusterName: info.cluster_name };
    });
  }

  countDocuments(indexPatterns: string[], range?: { gte: string; lte: string }) {
    const list = (pattern: string) =>
      this.call(async () => {
        const resolved = await this.client.indices.resolveIndex({ name: pattern, expand_wildcards: "open" });
        return [...resolved.indices.map((i) => i.name), ...resolved.data_streams.map((d) => d.name)];
      });
    const count = (pattern: string, query: QueryDsl) =>
      this.call(async () => {
        const answer = await this.client.count({ index: pattern, ...LENIENT_INDICES, query: query as estypes.QueryDslQueryContainer });
        checkedShards(answer._shards);
        return answer.count;
      });
    return countByPattern(indexPatterns, range, list, count);
  }

  openPointInTime(indexPatterns: string[], keepAlive: string): Promise<string> {
    return this.call(async () => (await this.client.openPointInTime({ index: indexPatterns, keep_alive: keepAlive, ignore_unavailable: true })).id);
  }

  async closePointInTime(pitId: string): Promise<void> {
    // Closing a PIT that already expired answers 404; it is gone either way.
    await this.call(() => this.client.closePointInTime({ id: pitId })).catch(ignoreNotFound);
  }

  searchPage({ pitId, keepAlive, query, size, searchAfter }: SearchPageInput) {
    return this.call(async () => {
      const answer = await this.client.search({
        pit: { id: pitId, keep_alive: keepAlive },
        query: query as estypes.QueryDslQueryContainer,
        size,
        sort: PIT_SORT,
        track_total_hits: false,
        ...(searchAfter ? { search_after: searchAfter as estypes.SortResults } : {}),
      });
      const shards = checkedShards(answer._shards);
      return { hits: answer.hits.hits.map(toClusterHit), pitId: answer.pit_id ?? pitId, shards };
    });
  }

  search(indexPatterns: string[], query: QueryDsl, size: number) {
    return this.call(async () => {
      const answer = await this.client.search({
        index: indexPatterns,
        ...LENIENT_INDICES,
        query: query as estypes.QueryDslQueryContainer,
        size,
        sort: PLAIN_SORT,
        track_total_hits: false,
      });
      return { hits: answer.hits.hits.map(toClusterHit), shards: checkedShards(answer._shards) };
    });
  }

  async eqlSearch(input: EqlInput) {
    const version = await this.knownVersion();
    return this.call(() => runEqlSearch(this.client, input, version));
  }

  close(): Promise<void> {
    return this.client.close();
  }

  /** Cached; null when GET / is refused (a key without the monitor privilege), in which case EQL sends no version-gated options. */
  private async knownVersion(): Promise<string | null> {
    if (this.version !== undefined) return this.version;
    try {
      this.version = (await this.info()).version;
    } catch (error) {
      if (!(error instanceof ClusterError) || error.kind !== "auth") throw error;
      this.version = null;
    }
    return this.version;
  }
}

function ignoreNotFound(error: unknown): void {
  if (error instanceof ClusterError && error.kind === "not_found") return;
  throw error;
}
