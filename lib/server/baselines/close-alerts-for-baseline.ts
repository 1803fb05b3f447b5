import { db } from "@/lib/server/db/client";
import type { Baseline } from "@/lib/server/db/generated/client";
import type { CloseMode } from "@/lib/server/api/contracts/baselines";
import { baselineHistoryRows } from "@/lib/server/baselines/baseline-history";
import { findAlertsMatchingScope, type ScopeMatch } from "@/lib/server/baselines/find-alerts-matching-scope";
import { baselineScopeSchema } from "@/lib/triage/baseline-schema";

/**
 * The lead's choice on approval: close the alert it came from, or every open alert the scope matches,
 * as approved admin activity linked to the entry. Each alert is a guarded update, so one that someone
 * else just changed is skipped rather than overwritten.
 */
export async function closeAlertsForBaseline(baseline: Baseline, mode: CloseMode, actorId: string): Promise<number> {
  if (mode === "none") return 0;
  const targets: ScopeMatch[] = [];
  if (mode === "all_matching") {
    const scope = baselineScopeSchema.parse(baseline.scope);
    targets.push(...(await findAlertsMatchingScope(scope, { status: { not: "closed" } })).matches);
  }
  if (baseline.sourceAlertId && !targets.some((t) => t.id === baseline.sourceAlertId)) {
    const source = await db.alert.findUnique({ where: { id: baseline.sourceAlertId }, select: { id: true, status: true, version: true } });
    if (source && source.status !== "closed") targets.push(source);
  }
  let closed = 0;
  for (const alert of targets) {
    const done = await db.$transaction(async (tx) => {
      const updated = await tx.alert.updateMany({
        where: { id: alert.id, version: alert.version, status: { not: "closed" } },
        data: { status: "closed", classification: "benign_positive_approved_admin", baselineId: baseline.id, version: { increment: 1 } },
      });
      if (updated.count === 0) return false;
      await tx.alertHistory.createMany({ data: baselineHistoryRows(alert.id, actorId, alert.status, baseline.id) });
      return true;
    });
    if (done) closed++;
  }
  return closed;
}
