import { db } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/client";
import type { SlaTargets } from "@/lib/server/trends/sla-targets";
import type { TrendsRange } from "@/lib/server/trends/trends-range";
import { alertTimes, type TrendsScope } from "@/lib/server/trends/trends-sql";

type Counts = { met: number; breached: number; pending: number; share: number | null };
export type SlaRow = { priority: "high" | "medium" | "low"; ackTargetMin: number; closeTargetMin: number; ack: Counts; close: Counts };
type Raw = { priority: SlaRow["priority"]; ackMet: number; ackBreached: number; ackPending: number; closeMet: number; closeBreached: number; closePending: number };

/**
 * Share of the period's alerts acknowledged / closed within the target for their priority. An alert still
 * waiting counts as breached once its target has passed, and as pending (left out of the share) before.
 */
export async function findSla(range: TrendsRange, scope: TrendsScope, targets: SlaTargets, now: Date): Promise<SlaRow[]> {
  const rows = await db.$queryRaw<Raw[]>(Prisma.sql`WITH targets(priority, ack, close) AS (VALUES
        ('high', ${targets.high.ack}::float8 * 60, ${targets.high.close}::float8 * 60),
        ('medium', ${targets.medium.ack}::float8 * 60, ${targets.medium.close}::float8 * 60),
        ('low', ${targets.low.ack}::float8 * 60, ${targets.low.close}::float8 * 60)),
      t AS (SELECT *, extract(epoch FROM (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - "createdAt") AS waited
        FROM (${alertTimes(range, scope)}) x)
    SELECT targets.priority,
      count(t.id) FILTER (WHERE t.tta <= targets.ack)::int AS "ackMet",
      count(t.id) FILTER (WHERE t.tta > targets.ack OR (t.tta IS NULL AND t.waited > targets.ack))::int AS "ackBreached",
      count(t.id) FILTER (WHERE t.tta IS NULL AND t.waited <= targets.ack)::int AS "ackPending",
      count(t.id) FILTER (WHERE t.ttc <= targets.close)::int AS "closeMet",
      count(t.id) FILTER (WHERE t.ttc > targets.close OR (t.ttc IS NULL AND t.waited > targets.close))::int AS "closeBreached",
      count(t.id) FILTER (WHERE t.ttc IS NULL AND t.waited <= targets.close)::int AS "closePending"
    FROM targets LEFT JOIN t ON t.priority::text = targets.priority
    GROUP BY targets.priority ORDER BY array_position(ARRAY['high', 'medium', 'low'], targets.priority)`);
  const counts = (met: number, breached: number, pending: number): Counts => ({ met, breached, pending, share: met + breached ? met / (met + breached) : null });
  return rows.map((row) => ({
    priority: row.priority,
    ackTargetMin: targets[row.priority].ack,
    closeTargetMin: targets[row.priority].close,
    ack: counts(row.ackMet, row.ackBreached, row.ackPending),
    close: counts(row.closeMet, row.closeBreached, row.closePending),
  }));
}
