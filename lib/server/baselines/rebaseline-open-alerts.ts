import { db } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/client";
import { loadBaselinePolicy } from "@/lib/server/baselines/load-baseline-policy";
import type { EcsEvent } from "@/lib/ecs/event";
import { alertFactsFromEvents } from "@/lib/triage/alert-facts";
import { rebaselinePriority } from "@/lib/triage/baseline-verdict";
import type { Reason } from "@/lib/triage/priority";

const BATCH = 500;

// JSONB reorders object keys, so stored and fresh reasons are compared on what they say.
const sameReasons = (a: readonly Reason[], b: readonly Reason[]) =>
  a.length === b.length && a.every((r, i) => r.code === b[i].code && r.priority === b[i].priority && r.text === b[i].text);

/**
 * After any baseline change, re-judges every open alert's baseline reasons (outside the approved
 * history → High; matching a keep-at-Low entry → Low). Other reasons are kept as stored. An alert
 * someone changed meanwhile (version moved) is left alone.
 */
export async function rebaselineOpenAlerts(change: string, now = Date.now()): Promise<number> {
  const policy = (await loadBaselinePolicy()) ?? { compiled: { entries: [] }, onMatch: new Map() };
  let changed = 0;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.alert.findMany({
      where: { status: { not: "closed" }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, priority: true, priorityReasons: true, events: true, version: true, baselineId: true },
    });
    const updates = rows.flatMap((alert) => {
      const stored = alert.priorityReasons as Reason[];
      const next = rebaselinePriority(stored, alertFactsFromEvents(alert.events as EcsEvent[]), policy, now);
      const baselineId = next.verdict?.onMatch === "low" ? next.verdict.entryId : alert.baselineId;
      if (next.priority === alert.priority && baselineId === alert.baselineId && sameReasons(next.reasons, stored)) return [];
      return [{ alert, next, baselineId }];
    });
    if (updates.length) {
      // One UPDATE per batch (row-by-row updates cost ~6 ms each); the version guard is per row.
      const moved = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
        UPDATE alert AS a
        SET priority = u.priority::"Priority", "priorityReasons" = u.reasons::jsonb, "baselineId" = u.baseline,
            version = a.version + 1, "updatedAt" = now()
        FROM unnest(
          ${updates.map((u) => u.alert.id)}::text[], ${updates.map((u) => u.alert.version)}::int[],
          ${updates.map((u) => u.next.priority)}::text[], ${updates.map((u) => JSON.stringify(u.next.reasons))}::text[],
          ${updates.map((u) => u.baselineId)}::text[]
        ) AS u(id, version, priority, reasons, baseline)
        WHERE a.id = u.id AND a.version = u.version
        RETURNING a.id`);
      const written = new Set(moved.map((m) => m.id));
      const history = updates
        .filter(({ alert, next }) => written.has(alert.id) && next.priority !== alert.priority)
        .map(({ alert, next }) => ({
          alertId: alert.id, field: "priority", from: alert.priority, to: next.priority,
          reason: `${change}: ${next.reasons.map((r) => r.text).join("; ")}`,
        }));
      await db.alertHistory.createMany({ data: history });
      changed += history.length;
    }
    if (rows.length < BATCH) return changed;
    cursor = rows[rows.length - 1].id;
  }
}
