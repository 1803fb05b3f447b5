import type { Actor } from "@/lib/server/auth/actor";
import { hasRole } from "@/lib/roles";
import { findBacklog } from "@/lib/server/trends/find-backlog";
import { findOutcomes } from "@/lib/server/trends/find-outcomes";
import { findResponseTimes } from "@/lib/server/trends/find-response-times";
import { findRuleFalsePositives } from "@/lib/server/trends/find-rule-false-positives";
import { findSla } from "@/lib/server/trends/find-sla";
import { findTopEntities } from "@/lib/server/trends/find-top-entities";
import { findVolumeByPriority } from "@/lib/server/trends/find-volume-by-priority";
import { getPeriodSummary } from "@/lib/server/trends/get-period-summary";
import { slaTargets } from "@/lib/server/trends/sla-targets";
import { resolveRange } from "@/lib/server/trends/trends-range";
import type { TrendsScope } from "@/lib/server/trends/trends-sql";
import type { TrendsQuery } from "@/lib/server/api/contracts/trends";

// Seeing the whole team's figures is a management view; analysts get theirs only, decided here, not by the client.
export const SEES_EVERYONE = ["manager", "lead", "admin"] as const;

export function trendsScope(actor: Pick<Actor, "userId" | "role">): TrendsScope {
  return { assigneeId: hasRole(actor.role, SEES_EVERYONE) ? null : actor.userId };
}

export function trendsInputs(query: TrendsQuery, actor: Pick<Actor, "userId" | "role">, now: Date) {
  return { range: resolveRange(query, now), scope: trendsScope(actor), targets: slaTargets(query), now };
}

/** Everything the Trends page shows, for one period and (KPIs) the period of equal length before it. */
export async function getTrendsReport(query: TrendsQuery, actor: Pick<Actor, "userId" | "role">, now = new Date()) {
  const { range, scope, targets } = trendsInputs(query, actor, now);
  const [current, previous, volume, responseTimes, outcomes, rules, backlog, sla, top] = await Promise.all([
    getPeriodSummary(range, scope),
    getPeriodSummary({ ...range.previous, tz: range.tz }, scope),
    findVolumeByPriority(range, scope),
    findResponseTimes(range, scope),
    findOutcomes(range, scope),
    findRuleFalsePositives(range, scope),
    findBacklog(scope, now),
    findSla(range, scope, targets, now),
    findTopEntities(range, scope),
  ]);
  return {
    scope: scope.assigneeId === null ? ("all" as const) : ("own" as const),
    range,
    kpis: { current, previous },
    volume,
    responseTimes,
    outcomes,
    rules,
    backlog,
    sla,
    top,
  };
}

export type TrendsReport = Awaited<ReturnType<typeof getTrendsReport>>;
