import { secretsOf } from "@/lib/server/connections/cluster/redact-secrets";
import type { ClusterConfig } from "@/lib/server/connections/cluster/search-cluster";
import { toClusterError, type ErrorContext } from "@/lib/server/connections/cluster/to-cluster-error";
import { DEFAULT_RETRY, withRetries, type Sleep } from "@/lib/server/connections/cluster/with-retries";

/** Test seams: tests inject `sleep` to see the delays without waiting, and `random` to pin the jitter. */
export type ClusterDeps = { sleep?: Sleep; random?: () => number };

export type ClusterCall = <T>(call: () => Promise<T>) => Promise<T>;

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export function errorContext(config: ClusterConfig, vendor: string): ErrorContext {
  return { vendor, secrets: secretsOf(config.auth), timeoutMs: config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS };
}

/** Every request of a cluster goes through this: one retry policy, one error vocabulary. */
export function clusterCall(config: ClusterConfig, vendor: string, deps: ClusterDeps = {}): ClusterCall {
  const ctx = errorContext(config, vendor);
  const options = { policy: config.retry ?? DEFAULT_RETRY, toError: (e: unknown) => toClusterError(e, ctx), sleep: deps.sleep, random: deps.random };
  return (call) => withRetries(call, options);
}
