import { createSearchCluster, detectFlavor } from "@/lib/server/connections/cluster/create-search-cluster";
import type { ClusterConfig } from "@/lib/server/connections/cluster/search-cluster";
import { clusterConfig } from "@/lib/server/connections/cluster-for-connection";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import type { CreateConnectionInput } from "@/lib/server/api/contracts/connections";

type TestInput = { id?: string; urls: string[]; auth: CreateConnectionInput["auth"]; caCert?: string; verifyTls: boolean; indexPatterns: string[] };

/** Asks the cluster who it is and what the patterns hold; any failure comes back as a message, not a 500. */
export async function testConnection(input: TestInput) {
  const started = performance.now();
  const config = await configFor(input);
  const result = { ok: false, flavor: null as string | null, version: null as string | null, clusterName: null as string | null, indices: [] as { pattern: string; indices: string[]; documents: number }[], error: null as string | null };
  try {
    const flavor = await detectFlavor(config);
    const cluster = createSearchCluster(config, flavor);
    try {
      const info = await cluster.info();
      Object.assign(result, { flavor: info.flavor, version: info.version, clusterName: info.clusterName });
      result.indices = await cluster.countDocuments(input.indexPatterns);
      result.ok = true;
    } finally {
      await cluster.close().catch(() => undefined);
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  return { ...result, tookMs: Math.round(performance.now() - started) };
}

async function configFor(input: TestInput): Promise<ClusterConfig> {
  const secret = input.auth.kind === "basic" ? input.auth.password : input.auth.kind === "api_key" ? input.auth.apiKey : undefined;
  const stored = input.id ? await db.connection.findUnique({ where: { id: input.id } }) : null;
  if (input.id && !stored) throw new AppError("not_found", "No such connection");
  const useStored = !secret && stored?.authKind === input.auth.kind && stored.secretCipher;
  if (input.auth.kind !== "none" && !secret && !useStored) throw new AppError("validation_failed", "Enter the password or API key to test");
  const settings = {
    urls: input.urls, authKind: input.auth.kind, username: input.auth.kind === "basic" ? input.auth.username : null,
    secretCipher: useStored ? stored.secretCipher : null, caCert: input.caCert || null, verifyTls: input.verifyTls, flavor: null,
  };
  return clusterConfig(settings, useStored ? null : (secret ?? ""));
}
