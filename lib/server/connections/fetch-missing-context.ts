import type { EcsEvent } from "@/lib/ecs/event";
import { recomputePriorities } from "@/lib/server/alerts/recompute-priorities";
import { clusterForConnection } from "@/lib/server/connections/cluster-for-connection";
import { fetchAlertContext } from "@/lib/server/connections/fetch-alert-context";
import { storeClusterEvents } from "@/lib/server/connections/store-cluster-events";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";

/**
 * The alert page's "fetch context": asks the alert's cluster again for its children, DNS and
 * target-side events (e.g. indexed after the alert was raised, or older than what was kept), stores
 * what is new and re-evaluates the priority with it.
 */
export async function fetchMissingContext(alertId: string) {
  const alert = await db.alert.findUnique({ where: { id: alertId }, select: { events: true, firstSeen: true, lastSeen: true, connection: true } });
  if (!alert) throw new AppError("not_found", `No alert ${alertId}`);
  if (!alert.connection) throw new AppError("conflict", "This alert did not come from a cluster connection (or its connection was deleted): its evidence is what was uploaded");
  const cluster = await clusterForConnection(alert.connection);
  try {
    const context = await fetchAlertContext(cluster, alert.connection.indexPatterns, alert.events as EcsEvent[]).catch((error: unknown) => {
      throw new AppError("unavailable", `The cluster did not answer: ${error instanceof Error ? error.message : String(error)}`);
    });
    const stored = await storeClusterEvents(alert.connection.id, context.events);
    const reprioritised = await recomputePriorities({ from: alert.firstSeen, to: alert.lastSeen });
    return { fetched: context.events.length, stored, rejected: context.rejected.length, reprioritised };
  } finally {
    await cluster.close().catch(() => undefined);
  }
}
