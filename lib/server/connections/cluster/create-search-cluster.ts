import { errorContext, type ClusterDeps } from "@/lib/server/connections/cluster/cluster-call";
import { createElasticsearchCluster } from "@/lib/server/connections/cluster/elasticsearch-cluster";
import { isObject } from "@/lib/server/connections/cluster/error-reason";
import { fetchRoot } from "@/lib/server/connections/cluster/fetch-root";
import { createOpenSearchCluster } from "@/lib/server/connections/cluster/opensearch-cluster";
import { ClusterError, type ClusterConfig, type ClusterFlavor, type SearchCluster } from "@/lib/server/connections/cluster/search-cluster";
import { toClusterError } from "@/lib/server/connections/cluster/to-cluster-error";
import { versionAtLeast } from "@/lib/server/connections/cluster/version-at-least";
import { DEFAULT_RETRY, withRetries } from "@/lib/server/connections/cluster/with-retries";

/**
 * 7.17, the last 7.x, is still widely run: it has everything the connector uses (PIT with the
 * `_shard_doc` tiebreaker, `_resolve/index`, EQL with `result_position`), and the client talks plain
 * JSON to it (elasticsearch-cluster.ts). Earlier 7.x lack some of those, or the product header.
 */
const MIN_ELASTICSEARCH = "7.17.0";

/**
 * Which product answers at the URL, from a plain `GET /`: OpenSearch says so in
 * `version.distribution`; Elasticsearch (7.14+) in the `x-elastic-product` header.
 */
export async function detectFlavor(config: ClusterConfig, deps: ClusterDeps = {}): Promise<ClusterFlavor> {
  const ctx = errorContext(config, "The cluster");
  const root = await withRetries(() => fetchRoot(config, ctx), { policy: config.retry ?? DEFAULT_RETRY, toError: (e) => toClusterError(e, ctx), ...deps });
  const version = isObject(root.body) && isObject(root.body.version) ? root.body.version : {};
  const number = typeof version.number === "string" ? version.number : null;
  if (version.distribution === "opensearch") return "opensearch";
  if (root.headers["x-elastic-product"] === "Elasticsearch") {
    if (number && !versionAtLeast(number, MIN_ELASTICSEARCH)) {
      throw new ClusterError("unsupported", `Elasticsearch ${number} is not supported; Lateral needs Elasticsearch 7.17 or later`);
    }
    return "elasticsearch";
  }
  const seen = number ? `it reports version ${number}` : "it did not report a version";
  throw new ClusterError("unsupported", `The server answered but is neither Elasticsearch 7.17+ nor OpenSearch (${seen}, no x-elastic-product header)`);
}

export function createSearchCluster(config: ClusterConfig, flavor: ClusterFlavor, deps: ClusterDeps = {}): SearchCluster {
  return flavor === "opensearch" ? createOpenSearchCluster(config, deps) : createElasticsearchCluster(config, deps);
}
