import { db } from "@/lib/server/db/client";
import type { Prisma } from "@/lib/server/db/generated/client";
import type { EcsEvent } from "@/lib/ecs/event";
import { alertFactsFromEvents } from "@/lib/triage/alert-facts";
import { matchBaseline } from "@/lib/triage/baseline";
import { compileBaseline } from "@/lib/triage/baseline-compile";
import type { BaselineScope } from "@/lib/triage/baseline-schema";
import { parseUserName } from "@/lib/triage/user-name";

const BATCH = 500;
export const SCAN_LIMIT = 50_000;

export type ScopeMatch = { id: string; status: "open" | "acknowledged" | "closed"; version: number };

/**
 * Alerts whose evidence the scope matches, judged by the same matcher as new alerts. Users narrow the
 * scan in SQL (names are stored bare); everything else is matched on the stored events in batches.
 */
export async function findAlertsMatchingScope(scope: BaselineScope, where: Prisma.AlertWhereInput = {}) {
  const compiled = compileBaseline([{ id: "scope", scope, approvedAt: new Date(0), expiresAt: null, revokedAt: null }]);
  const names = [...new Set(scope.users?.map((u) => parseUserName(u).name) ?? [])];
  const narrowed: Prisma.AlertWhereInput = names.length
    ? { AND: [where, { OR: names.map((name) => ({ userName: { equals: name, mode: "insensitive" as const } })) }] }
    : where;
  const matches: ScopeMatch[] = [];
  let scanned = 0;
  let cursor: string | undefined;
  const now = Date.now();
  while (scanned < SCAN_LIMIT) {
    const rows = await db.alert.findMany({
      where: cursor ? { AND: [narrowed, { id: { gt: cursor } }] } : narrowed,
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, status: true, version: true, events: true },
    });
    for (const row of rows) {
      if (matchBaseline(alertFactsFromEvents(row.events as EcsEvent[]), compiled, now).length) {
        matches.push({ id: row.id, status: row.status, version: row.version });
      }
    }
    scanned += rows.length;
    if (rows.length < BATCH) return { matches, scanned, truncated: false };
    cursor = rows[rows.length - 1].id;
  }
  return { matches, scanned, truncated: true };
}
