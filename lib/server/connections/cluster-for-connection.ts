import type { Connection } from "@/lib/server/db/generated/client";
import { createSearchCluster, detectFlavor } from "@/lib/server/connections/cluster/create-search-cluster";
import type { ClusterAuth, ClusterConfig, ClusterFlavor, SearchCluster } from "@/lib/server/connections/cluster/search-cluster";
import { decryptSecret } from "@/lib/server/connections/secret-box";

type ConnectionSettings = Pick<Connection, "urls" | "authKind" | "username" | "secretCipher" | "caCert" | "verifyTls" | "flavor">;

export function clusterConfig(connection: ConnectionSettings, secret?: string | null): ClusterConfig {
  const plain = secret ?? (connection.secretCipher ? decryptSecret(connection.secretCipher) : "");
  const auth: ClusterAuth =
    connection.authKind === "basic" ? { kind: "basic", username: connection.username ?? "", password: plain }
    : connection.authKind === "api_key" ? { kind: "api_key", apiKey: plain }
    : { kind: "none" };
  return { urls: connection.urls, auth, caCert: connection.caCert, verifyTls: connection.verifyTls };
}

/** The client for a stored connection; the flavour is asked of the cluster when not yet known. */
export async function clusterForConnection(connection: ConnectionSettings): Promise<SearchCluster> {
  const config = clusterConfig(connection);
  const flavor = (connection.flavor as ClusterFlavor | null) ?? (await detectFlavor(config));
  return createSearchCluster(config, flavor);
}
