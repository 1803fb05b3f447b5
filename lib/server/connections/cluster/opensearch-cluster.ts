import { Client, type API } from "@opensearch-project/opensearch";
import { checkedShards, timestampSort, toClusterHit } from "@/lib/server/connections/cluster/cluster-hits";
import { clusterCall, DEFAULT_REQUEST_TIMEOUT_MS, type ClusterCall, type ClusterDeps } from "@/lib/server/connections/cluster/cluster-call";
import { countByPattern } from "@/lib/server/connections/cluster/count-by-pattern";
import {
  ClusterError,
  type ClusterConfig,
  type ClusterInfo,
  type EqlResult,
  type QueryDsl,
  type SearchCluster,
  type SearchPageInput,
} from "@/lib/server/connections/cluster/search-cluster";
import { versionAtLeast } from "@/lib/server/connections/cluster/version-at-least";

/** OpenSearch gained the `_shard_doc` PIT tiebreaker in 3.3; before that `_id` (fielddata, deprecated but on) is the unique key. */
const SHARD_DOC_SINCE = "3.3.0";
const LENIENT_INDICES = { ignore_unavailable: true, allow_no_indices: true } as const;

export function createOpenSearchCluster(config: ClusterConfig, deps: ClusterDeps = {}): SearchCluster {
  const client = new Client({
    nodes: config.urls,
    auth: config.auth.kind === "basic" ? { username: config.auth.username, password: config.auth.password } : undefined,
    // The client has no API-key option; OpenSearch deployments that accept keys read this header.
    headers: config.auth.kind === "api_key" ? { authorization: `ApiKey ${config.auth.apiKey}` } : {},
    ssl: { ca: config.caCert ?? undefined, rejectUnauthorized: config.verifyTls },
    maxRetries: 0,
    requestTimeout: config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  });
  return new OpenSearchCluster(client, clusterCall(config, "OpenSearch", deps));
}

class OpenSearchCluster implements SearchCluster {
  readonly flavor = "opensearch" as const;
  private tiebreaker: Record<string, string> | undefined;

  constructor(
    private readonly client: Client,
    private readonly call: ClusterCall,
  ) {}

  info(): Promise<ClusterInfo> {
    return this.call(async () => {
      const { body } = await this.client.info();
      return { flavor: "opensearch", version: body.version.number, clusterName: body.cluster_name };
    });
  }

  countDocuments(indexPatterns: string[], range?: { gte: string; lte: string }) {
    const list = (pattern: string) =>
      this.call(async () => {
        const { body } = await this.client.cat.indices({ index: [pattern], format: "json", h: ["index"], expand_wildcards: "open" });
        return (body as { index?: string }[]).flatMap((row) => (row.index ? [row.index] : []));
      });
    const count = (pattern: string, query: QueryDsl) =>
      this.call(async () => {
        const { body } = await this.client.count({ index: [pattern], ...LENIENT_INDICES, body: { query } as API.Count_RequestBody });
        checkedShards(body._shards);
        return body.count;
      });
    return countByPattern(indexPatterns, range, list, count);
  }

  openPointInTime(indexPatterns: string[], keepAlive: string): Promise<string> {
    return this.call(async () => {
      // OpenSearch creates partial PITs by default; a PIT missing shards would silently lose events.
      const { body } = await this.client.createPit({ index: indexPatterns, keep_alive: keepAlive, ...LENIENT_INDICES, allow_partial_pit_creation: false });
      checkedShards(body._shards);
      return body.pit_id;
    });
  }

  async closePointInTime(pitId: string): Promise<void> {
    await this.call(() => this.client.deletePit({ body: { pit_id: [pitId] } })).catch((error: unknown) => {
      if (!(error instanceof ClusterError && error.kind === "not_found")) throw error;
    });
  }

  async searchPage({ pitId, keepAlive, query, size, searchAfter }: SearchPageInput) {
    const sort = [timestampSort(false), await this.pitTiebreaker()];
    return this.call(async () => {
      const body = { pit: { id: pitId, keep_alive: keepAlive }, query, size, sort, track_total_hits: false, ...(searchAfter ? { search_after: searchAfter } : {}) };
      const { body: answer } = await this.client.search({ body: body as API.Search_RequestBody });
      const shards = checkedShards(answer._shards);
      return { hits: answer.hits.hits.map(toClusterHit), pitId: answer.pit_id ?? pitId, shards };
    });
  }

  search(indexPatterns: string[], query: QueryDsl, size: number) {
    return this.call(async () => {
      const body = { query, size, sort: [timestampSort(false)], track_total_hits: false };
      const { body: answer } = await this.client.search({ index: indexPatterns, ...LENIENT_INDICES, body: body as API.Search_RequestBody });
      return { hits: answer.hits.hits.map(toClusterHit), shards: checkedShards(answer._shards) };
    });
  }

  eqlSearch(): Promise<EqlResult> {
    return Promise.reject(new ClusterError("unsupported", "OpenSearch has no EQL endpoint; use pull mode"));
  }

  close(): Promise<void> {
    return this.client.close();
  }

  /** Decided once per cluster from its version; `_id` when the version cannot be read. */
  private async pitTiebreaker(): Promise<Record<string, string>> {
    if (!this.tiebreaker) {
      const version = await this.info().then(
        (info) => info.version,
        (error: unknown) => {
          if (error instanceof ClusterError && error.kind === "auth") return "0";
          throw error;
        },
      );
      this.tiebreaker = versionAtLeast(version, SHARD_DOC_SINCE) ? { _shard_doc: "asc" } : { _id: "asc" };
    }
    return this.tiebreaker;
  }
}
