/**
 * What Lateral needs from an Elasticsearch or OpenSearch cluster, behind one small interface so the
 * connection runs never touch a vendor client. Implementations: elasticsearch-cluster.ts (official
 * @elastic/elasticsearch client), opensearch-cluster.ts (@opensearch-project/opensearch).
 */
export type ClusterFlavor = "elasticsearch" | "opensearch";

export type ClusterAuth =
  | { kind: "none" }
  | { kind: "basic"; username: string; password: string }
  | { kind: "api_key"; apiKey: string };

export type ClusterConfig = {
  urls: string[];
  auth: ClusterAuth;
  /** PEM of a custom CA; TLS verification stays on unless verifyTls is false. */
  caCert?: string | null;
  verifyTls: boolean;
  requestTimeoutMs?: number;
  retry?: RetryPolicy;
};

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };

export type ClusterInfo = { flavor: ClusterFlavor; version: string; clusterName: string };
export type ShardsInfo = { total: number; successful: number; skipped?: number; failed: number; failures?: unknown[] };
export type ClusterHit = { _index: string; _id: string; _source: unknown; sort?: unknown[] };
export type IndexCount = { pattern: string; indices: string[]; documents: number };

/** Query DSL as sent to the cluster (bool/range/term/terms/prefix/exists/match_all are what Lateral uses). */
export type QueryDsl = Record<string, unknown>;

export type SearchPageInput = { pitId: string; keepAlive: string; query: QueryDsl; size: number; searchAfter?: unknown[] };
export type SearchPage = { hits: ClusterHit[]; pitId: string; shards: ShardsInfo };

export type EqlInput = {
  indexPatterns: string[];
  query: string;
  /** Query DSL filter applied before matching (Kibana sends the rule's time range here). */
  filter: QueryDsl;
  size: number;
  tiebreakerField?: string;
};
export type EqlResult = {
  sequences: { joinKeys: unknown[]; events: ClusterHit[] }[];
  events: ClusterHit[];
  isPartial: boolean;
  timedOut: boolean;
  shards?: ShardsInfo;
};

export interface SearchCluster {
  readonly flavor: ClusterFlavor;
  info(): Promise<ClusterInfo>;
  /** Indices and documents behind each pattern (optionally within a time range). */
  countDocuments(indexPatterns: string[], range?: { gte: string; lte: string }): Promise<IndexCount[]>;
  openPointInTime(indexPatterns: string[], keepAlive: string): Promise<string>;
  closePointInTime(pitId: string): Promise<void>;
  /** One page sorted by @timestamp then the PIT tiebreaker; pass the last hit's `sort` as searchAfter. */
  searchPage(input: SearchPageInput): Promise<SearchPage>;
  /** A bounded search without a PIT (context lookups), sorted by @timestamp ascending. */
  search(indexPatterns: string[], query: QueryDsl, size: number): Promise<{ hits: ClusterHit[]; shards: ShardsInfo }>;
  eqlSearch(input: EqlInput): Promise<EqlResult>;
  close(): Promise<void>;
}

export type ClusterErrorKind = "auth" | "unavailable" | "rate_limited" | "timeout" | "network" | "partial" | "not_found" | "bad_request" | "unsupported" | "tls";

/** Every failure a cluster call can end in, with a message an admin can act on. */
export class ClusterError extends Error {
  constructor(
    readonly kind: ClusterErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ClusterError";
  }

  get isRetryable(): boolean {
    return this.kind === "unavailable" || this.kind === "rate_limited" || this.kind === "timeout" || this.kind === "network";
  }
}
