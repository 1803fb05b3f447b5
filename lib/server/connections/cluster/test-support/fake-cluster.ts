import { createSearchCluster } from "@/lib/server/connections/cluster/create-search-cluster";
import type { ClusterAuth, ClusterConfig, ClusterFlavor, SearchCluster } from "@/lib/server/connections/cluster/search-cluster";
import { startFakeElasticsearch, type FakeElasticsearch, type FakeOptions } from "@/test/fake-elasticsearch/server";

export const USER = "lateral_reader";
export const PASSWORD = "Pw-never-shown-9f3a";
export const BASIC: ClusterAuth = { kind: "basic", username: USER, password: PASSWORD };

export type FakeCluster = { fake: FakeElasticsearch; cluster: SearchCluster; config: ClusterConfig; sleeps: number[] };

/** A fake of the given flavour with basic auth, and a SearchCluster on it whose retries record their delays instead of waiting. */
export async function startFakeCluster(flavor: ClusterFlavor, options: FakeOptions = {}, config: Partial<ClusterConfig> = {}): Promise<FakeCluster> {
  const fake = await startFakeElasticsearch({ flavor, auth: { username: USER, password: PASSWORD }, ...options });
  const sleeps: number[] = [];
  const full: ClusterConfig = { urls: [fake.url], auth: BASIC, verifyTls: true, requestTimeoutMs: 2_000, retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5_000 }, ...config };
  const cluster = createSearchCluster(full, flavor, { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 });
  return { fake, cluster, config: full, sleeps };
}

export async function stopFakeCluster(c: FakeCluster | undefined): Promise<void> {
  await c?.cluster.close();
  await c?.fake.stop();
}

/** `n` process events on one host, `perSecond` sharing each @timestamp (ties for the tiebreaker to split). */
export function processEvents(n: number, perSecond: number, start = Date.UTC(2026, 0, 5, 10, 0, 0)) {
  return Array.from({ length: n }, (_, i) => ({
    _id: `evt-${String(i).padStart(3, "0")}`,
    "@timestamp": new Date(start + Math.floor(i / perSecond) * 1000).toISOString(),
    event: { category: ["process"], type: ["start"] },
    host: { name: "ws-01" },
    process: { name: i % 2 === 0 ? "PsExec.exe" : "cmd.exe", entity_id: `p${i}` },
  }));
}
