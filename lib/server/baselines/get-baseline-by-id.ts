import { db } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/client";
import { AppError } from "@/lib/server/http/problem";
import { baselineInclude, toBaselineDto } from "@/lib/server/baselines/baseline-dto";

/** One entry with its audit trail, the alerts it handled, and how many per day (the "counts over time"). */
export async function getBaselineById(id: string) {
  const row = await db.baseline.findUnique({ where: { id }, include: baselineInclude });
  if (!row) throw new AppError("not_found", `No baseline ${id}`);
  const [audit, alerts, perDay] = await Promise.all([
    db.baselineAudit.findMany({ where: { baselineId: id }, orderBy: [{ at: "asc" }, { id: "asc" }], include: { actor: { select: { email: true } } } }),
    db.alert.findMany({
      where: { baselineId: id },
      orderBy: { firstSeen: "desc" },
      take: 50,
      select: { id: true, status: true, priority: true, sourceHost: true, userName: true, userDomain: true, destinations: true, firstSeen: true },
    }),
    db.$queryRaw<{ day: Date; count: bigint }[]>(Prisma.sql`
      SELECT date_trunc('day', "firstSeen") AS day, count(*) AS count
      FROM alert WHERE "baselineId" = ${id}
      GROUP BY 1 ORDER BY 1`),
  ]);
  return {
    baseline: toBaselineDto(row),
    audit: audit.map((a) => ({
      id: a.id.toString(), version: a.version, at: a.at.toISOString(), actor: a.actor?.email ?? null, action: a.action, comment: a.comment, snapshot: a.snapshot,
    })),
    alerts: alerts.map((a) => ({
      id: a.id, status: a.status, priority: a.priority, sourceHost: a.sourceHost,
      user: a.userName ? (a.userDomain ? `${a.userDomain}\\${a.userName}` : a.userName) : null,
      destinations: a.destinations, firstSeen: a.firstSeen.toISOString(),
    })),
    matchesPerDay: perDay.map((d) => ({ day: d.day.toISOString().slice(0, 10), count: Number(d.count) })),
  };
}
