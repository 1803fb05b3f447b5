import { Prisma } from "@/lib/server/db/generated/client";
import { queryTrends } from "@/lib/server/trends/query-trends";
import type { SlaTargets } from "@/lib/server/trends/sla-targets";
import type { TrendsRange } from "@/lib/server/trends/trends-range";
import { alertTimes, type TrendsScope } from "@/lib/server/trends/trends-sql";

type Counts = { met: number; breached: number; pending: number; share: number | null };
export type SlaRow = { priority: "high" | "medium" | "low"; ackTargetMin: number; closeTargetMin: number; ack: Counts; close: Counts };

const PRIORITIES = ["high", "medium", "low"] as const;

/**
 * Share of the period's alerts acknowledged / closed within the target for their priority. An alert still
 * waiting counts as breached once its target has passed, and as pending (left out of the share) before.
 */
export async function findSla(range: TrendsRange, scope: TrendsScope, targets: SlaTargets, now: Date): Promise<SlaRow[]> {
  // One pass, no grouping: per priority and measure, met / breached / pending as filtered counts (a
  // GROUP BY priority here sorted every row of the period, spilling to disk).
  const counts = PRIORITIES.flatMap((priority) =>
    (["ack", "close"] as const).flatMap((measure) => {
      const took = measure === "ack" ? Prisma.sql`t.tta` : Prisma.sql`t.ttc`;
      const target = Prisma.sql`${targets[priority][measure]}::float8 * 60`;
      const of = Prisma.sql`t.priority = ${priority}::"Priority"`;
      return [
        Prisma.sql`count(*) FILTER (WHERE ${of} AND ${took} <= ${target})::int`,
        Prisma.sql`count(*) FILTER (WHERE ${of} AND (${took} > ${target} OR (${took} IS NULL AND t.waited > ${target})))::int`,
        Prisma.sql`count(*) FILTER (WHERE ${of} AND ${took} IS NULL AND t.waited <= ${target})::int`,
      ];
    }),
  );
  // How long an alert has waited: only worked out for those not acknowledged / closed yet.
  const waited = Prisma.sql`extract(epoch FROM (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - x."createdAt")`;
  const [row] = await queryTrends<{ counts: number[] }>(Prisma.sql`SELECT ARRAY[${Prisma.join(counts)}] AS counts
    FROM (SELECT x.*, ${waited} AS waited FROM (${alertTimes(range, scope)}) x) t`);
  const share = (met: number, breached: number, pending: number): Counts => ({ met, breached, pending, share: met + breached ? met / (met + breached) : null });
  return PRIORITIES.map((priority, i) => {
    const [ackMet, ackBreached, ackPending, closeMet, closeBreached, closePending] = row.counts.slice(i * 6, i * 6 + 6);
    return {
      priority,
      ackTargetMin: targets[priority].ack,
      closeTargetMin: targets[priority].close,
      ack: share(ackMet, ackBreached, ackPending),
      close: share(closeMet, closeBreached, closePending),
    };
  });
}
