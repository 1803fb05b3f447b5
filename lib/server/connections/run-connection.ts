import type { LoadedRule } from "@/lib/detection/rules/load-rule";
import type { EcsEvent } from "@/lib/ecs/event";
import { DetectionSession } from "@/lib/server/alerts/detection-session";
import { raiseAlerts, type RaisedAlert } from "@/lib/server/alerts/raise-alerts";
import { recomputePriorities } from "@/lib/server/alerts/recompute-priorities";
import type { SearchCluster } from "@/lib/server/connections/cluster/search-cluster";
import { clusterForConnection } from "@/lib/server/connections/cluster-for-connection";
import { nextWindow, retryDelayMs } from "@/lib/server/connections/connection-window";
import { fetchAlertContext } from "@/lib/server/connections/fetch-alert-context";
import { hitToEvent } from "@/lib/server/connections/hit-to-event";
import { readPullWindow } from "@/lib/server/connections/read-pull-window";
import { readPushDownWindow, type PushDownLimits } from "@/lib/server/connections/read-push-down-window";
import { storeClusterEvents } from "@/lib/server/connections/store-cluster-events";
import { db } from "@/lib/server/db/client";
import type { Connection, ConnectionRun } from "@/lib/server/db/generated/client";
import { loadBundledRules } from "@/lib/server/rules/load-rules";
import { DEFAULT_PRIORITY_CONFIG } from "@/lib/triage/priority-config";

export type RunOptions = {
  now?: () => Date;
  openCluster?: (connection: Connection) => Promise<SearchCluster>;
  /** Smaller push-down answer sizes, for tests of the saturated case. */
  pushDownLimits?: PushDownLimits;
};
export type RunOutcome = { outcome: "succeeded" | "failed" | "busy" | "gone"; runId?: string; error?: string };

const HEARTBEAT_MS = 15_000;
/** A running row whose worker stopped heart-beating this long ago is taken over (its window is read again). */
const STALE_RUN_MS = 2 * 60_000;
const FUTURE_SLACK_MS = 5 * 60_000;
const MAX_REJECTS_LISTED = 20;

class ConnectionGone extends Error {}

/**
 * One read of a connection's next window: pull (PIT + search_after, Lateral's engine) or push-down
 * (the cluster's EQL), then the alerts' context from the cluster, evidence and alerts stored. The
 * checkpoint only moves when the whole window succeeded, so a failed window is read again, never
 * skipped; overlapping reads never duplicate (events and alerts are keyed by the events' identities).
 */
export async function runConnection(connectionId: string, options: RunOptions = {}): Promise<RunOutcome> {
  const now = options.now?.() ?? new Date();
  const connection = await db.connection.findUnique({ where: { id: connectionId } });
  if (!connection) return { outcome: "gone" };
  const window = nextWindow(connection.checkpoint, now, {
    intervalSeconds: connection.intervalSeconds,
    lookbackSeconds: connection.lookbackSeconds,
    minRewindMs: DEFAULT_PRIORITY_CONFIG.stageWindowMs,
  });
  const run = await acquireRun(connection, window);
  if (!run) return { outcome: "busy" };
  const started = performance.now();
  const progress = { eventsRead: 0 };
  const heartbeat = setInterval(() => void beat(run.id, progress.eventsRead).catch(() => undefined), HEARTBEAT_MS);
  let cluster: SearchCluster | undefined;
  try {
    cluster = await (options.openCluster ?? clusterForConnection)(connection);
    const rules = await rulesFor(connection);
    const read = connection.mode === "pull"
      ? await pull(cluster, connection, rules, window, run.id, progress)
      : await pushDown(cluster, connection, rules, window, run.id, progress, options.pushDownLimits);
    const warnings = [...read.warnings, ...(await futureWarning(cluster, connection.indexPatterns, now))];
    const stored = await storeEvidence(cluster, connection, read.raised, read.rejected);
    await assertStillRunning(run.id);
    const alerts = await raiseAlerts(null, read.raised, { connectionId: connection.id, connectionName: connection.name });
    await recomputePriorities({ from: window.start, to: window.end });
    await db.$transaction([
      db.connectionRun.update({
        where: { id: run.id },
        data: {
          status: "succeeded", finishedAt: new Date(), durationMs: Math.round(performance.now() - started),
          eventsRead: read.eventsRead, eventsStored: stored, rejected: read.rejected.length, alertsFound: alerts,
          warnings: [...warnings, ...read.rejected.slice(0, MAX_REJECTS_LISTED).map((reason) => `rejected ${reason}`)],
        },
      }),
      db.connection.update({
        where: { id: connection.id },
        data: {
          checkpoint: window.end, consecutiveFailures: 0, lastError: null, lastRunAt: now, flavor: cluster.flavor,
          ...(window.catchingUp ? { nextRunAt: new Date() } : {}),
        },
      }),
    ]);
    return { outcome: "succeeded", runId: run.id };
  } catch (error) {
    if (error instanceof ConnectionGone || !(await db.connection.count({ where: { id: connection.id } }))) return { outcome: "gone", runId: run.id };
    const message = error instanceof Error ? error.message : String(error);
    await failRun(run, connection, message, Math.round(performance.now() - started), progress.eventsRead, now);
    return { outcome: "failed", runId: run.id, error: message };
  } finally {
    clearInterval(heartbeat);
    await cluster?.close().catch(() => undefined);
  }
}

type Window = { start: Date; end: Date };
type ReadResult = { raised: RaisedAlert[]; eventsRead: number; rejected: string[]; warnings: string[] };

async function pull(cluster: SearchCluster, connection: Connection, rules: LoadedRule[], window: Window, runId: string, progress: { eventsRead: number }): Promise<ReadResult> {
  const session = new DetectionSession(rules);
  const rejected: string[] = [];
  for await (const hits of readPullWindow(cluster, connection.indexPatterns, window.start, window.end)) {
    for (const hit of hits) {
      const converted = hitToEvent(hit);
      if (converted.ok) session.push(converted.event);
      else rejected.push(converted.reason);
    }
    progress.eventsRead += hits.length;
    await beat(runId, progress.eventsRead);
  }
  return { raised: session.finish({ until: window.end.getTime() }), eventsRead: progress.eventsRead, rejected, warnings: [] };
}

/**
 * The cluster's EQL answers are capped and have no cursor: when one comes back full, matches may be
 * missing, so the window is read again in pull mode (every document, Lateral's engine), which is exact.
 */
async function pushDown(
  cluster: SearchCluster, connection: Connection, rules: LoadedRule[], window: Window, runId: string,
  progress: { eventsRead: number }, limits?: PushDownLimits,
): Promise<ReadResult> {
  const read = await readPushDownWindow(cluster, connection.indexPatterns, rules, window.start, window.end, limits);
  if (!read.saturated) return read;
  const pulled = await pull(cluster, connection, rules, window, runId, progress);
  const why = `${read.warnings.join("; ")}; this window was read in pull mode instead, so no match is missed`;
  return { ...pulled, warnings: [why, ...pulled.warnings] };
}

/** The alerts' own events and their context, kept locally so the alert page works without the cluster. */
async function storeEvidence(cluster: SearchCluster, connection: Connection, raised: RaisedAlert[], rejected: string[]): Promise<number> {
  let stored = 0;
  for (const alert of raised) {
    const context = await fetchAlertContext(cluster, connection.indexPatterns, alert.events);
    rejected.push(...context.rejected);
    stored += await storeClusterEvents(connection.id, dedupe([...alert.events, ...context.events])).catch(rethrowIfGone);
  }
  return stored;
}

async function acquireRun(connection: Connection, window: Window): Promise<ConnectionRun | null> {
  await db.connectionRun.updateMany({
    where: { connectionId: connection.id, status: "running", heartbeatAt: { lt: new Date(Date.now() - STALE_RUN_MS) } },
    data: { status: "failed", finishedAt: new Date(), error: "the worker stopped during this run; its window is read again" },
  });
  try {
    return await db.connectionRun.create({ data: { connectionId: connection.id, mode: connection.mode, windowStart: window.start, windowEnd: window.end } });
  } catch (error) {
    if (hasCode(error, "P2002") || hasCode(error, "P2003")) return null;
    throw error;
  }
}

async function beat(runId: string, eventsRead: number): Promise<void> {
  const { count } = await db.connectionRun.updateMany({ where: { id: runId, status: "running" }, data: { heartbeatAt: new Date(), eventsRead } });
  if (count === 0) throw new ConnectionGone();
}

async function assertStillRunning(runId: string): Promise<void> {
  if (!(await db.connectionRun.count({ where: { id: runId, status: "running" } }))) throw new ConnectionGone();
}

async function failRun(run: ConnectionRun, connection: Connection, message: string, durationMs: number, eventsRead: number, now: Date): Promise<void> {
  const failures = connection.consecutiveFailures + 1;
  await db.$transaction([
    db.connectionRun.update({ where: { id: run.id }, data: { status: "failed", finishedAt: new Date(), durationMs, eventsRead, error: message.slice(0, 2_000) } }),
    db.connection.update({
      where: { id: connection.id },
      data: { consecutiveFailures: failures, lastError: message.slice(0, 2_000), lastRunAt: now, nextRunAt: new Date(Date.now() + retryDelayMs(failures, connection.intervalSeconds)) },
    }),
  ]).catch(rethrowIfGone);
}

async function rulesFor(connection: Connection): Promise<LoadedRule[]> {
  const rules = await loadBundledRules();
  return connection.ruleIds.length ? rules.filter((rule) => connection.ruleIds.includes(rule.id)) : rules.filter((rule) => rule.enabled);
}

/** Documents stamped in the future are not lost (a later window reads them) but the admin should know. */
async function futureWarning(cluster: SearchCluster, indexPatterns: string[], now: Date): Promise<string[]> {
  const from = new Date(now.getTime() + FUTURE_SLACK_MS).toISOString();
  const counts = await cluster.countDocuments(indexPatterns, { gte: from, lte: new Date(now.getTime() + 10 * 365 * 86_400_000).toISOString() });
  const ahead = counts.reduce((sum, count) => sum + count.documents, 0);
  return ahead ? [`${ahead} document(s) are stamped more than 5 minutes in the future (a clock ahead?); they are read when Lateral's clock reaches them`] : [];
}

function dedupe(events: EcsEvent[]): EcsEvent[] {
  const byId = new Map(events.map((event) => [`${String(event._index)}/${String(event._id)}`, event]));
  return [...byId.values()];
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

function rethrowIfGone(error: unknown): never {
  if (hasCode(error, "P2003") || hasCode(error, "P2025")) throw new ConnectionGone();
  throw error;
}
