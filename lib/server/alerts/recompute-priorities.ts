import { db } from "@/lib/server/db/client";
import { evaluatePriority } from "@/lib/server/alerts/evaluate-priority";
import { loadBaselinePolicy } from "@/lib/server/baselines/load-baseline-policy";
import { DEFAULT_PRIORITY_CONFIG } from "@/lib/triage/priority-config";
import type { EcsEvent } from "@/lib/ecs/event";

/**
 * New evidence (e.g. a later upload with the target-side events) can raise an alert's priority; every
 * change is written to the alert's history with the reasons.
 */
export async function recomputePriorities(range: { from: Date; to: Date } | null): Promise<number> {
  if (!range) return 0;
  const margin = DEFAULT_PRIORITY_CONFIG.stageWindowMs + DEFAULT_PRIORITY_CONFIG.clockSkewMs;
  const candidates = await db.alert.findMany({
    where: {
      status: { not: "closed" },
      firstSeen: { lte: new Date(range.to.getTime() + margin) },
      lastSeen: { gte: new Date(range.from.getTime() - margin) },
    },
    select: { id: true, priority: true, events: true, version: true },
    take: 5_000,
  });
  let changed = 0;
  const policy = await loadBaselinePolicy();
  for (const alert of candidates) {
    const { priority, reasons } = await evaluatePriority(alert.events as EcsEvent[], policy);
    if (priority === alert.priority) continue;
    const updated = await db.alert.updateMany({
      where: { id: alert.id, version: alert.version },
      data: { priority, priorityReasons: reasons, version: { increment: 1 } },
    });
    if (updated.count === 0) continue;
    await db.alertHistory.create({
      data: { alertId: alert.id, field: "priority", from: alert.priority, to: priority, reason: `new evidence: ${reasons.map((r) => r.text).join("; ")}` },
    });
    changed++;
  }
  return changed;
}
