import type { Actor } from "@/lib/server/auth/actor";
import type { AlertFilter } from "@/lib/server/api/contracts/alerts";
import { db } from "@/lib/server/db/client";
import { alertWhere } from "@/lib/server/alerts/alert-where";

const RANK = { low: 0, medium: 1, high: 2 } as const;

/** Groups of similar alerts (same source host + user + destinations), largest first. */
export async function groupAlerts(filter: AlertFilter & { limit: number }, actor: Actor) {
  const where = alertWhere(filter, actor);
  const keys = ["sourceHost", "userName", "userDomain", "destinations"] as const;
  const [all, byPriority, open] = await Promise.all([
    db.alert.groupBy({ by: [...keys], where, _count: { _all: true }, _max: { lastSeen: true }, orderBy: { _count: { id: "desc" } }, take: filter.limit }),
    db.alert.groupBy({ by: [...keys, "priority"], where, _count: { _all: true } }),
    db.alert.groupBy({ by: [...keys], where: { AND: [where, { status: { not: "closed" } }] }, _count: { _all: true } }),
  ]);
  const key = (g: { sourceHost: string | null; userName: string | null; userDomain: string | null; destinations: string[] }) =>
    JSON.stringify([g.sourceHost, g.userName, g.userDomain, g.destinations]);
  const highest = new Map<string, keyof typeof RANK>();
  for (const row of byPriority) {
    const current = highest.get(key(row));
    if (!current || RANK[row.priority] > RANK[current]) highest.set(key(row), row.priority);
  }
  const openCount = new Map(open.map((row) => [key(row), row._count._all]));
  return {
    groups: all.map((g) => ({
      sourceHost: g.sourceHost,
      user: g.userName ? (g.userDomain ? `${g.userDomain}\\${g.userName}` : g.userName) : null,
      userName: g.userName,
      destinations: g.destinations,
      count: g._count._all,
      open: openCount.get(key(g)) ?? 0,
      highest: highest.get(key(g)) ?? "low",
      lastSeen: (g._max.lastSeen ?? new Date(0)).toISOString(),
    })),
  };
}
