// The queries bench/trends.ts times, imported after DATABASE_URL points at the bench database.
import { findBacklog } from "@/lib/server/trends/find-backlog";
import { findOutcomes } from "@/lib/server/trends/find-outcomes";
import { findResponseTimes } from "@/lib/server/trends/find-response-times";
import { findRuleFalsePositives } from "@/lib/server/trends/find-rule-false-positives";
import { findSla } from "@/lib/server/trends/find-sla";
import { findTopEntities } from "@/lib/server/trends/find-top-entities";
import { findVolumeByPriority } from "@/lib/server/trends/find-volume-by-priority";
import { getPeriodSummary } from "@/lib/server/trends/get-period-summary";
import { getTrendsReport } from "@/lib/server/trends/get-trends-report";
import { slaTargets } from "@/lib/server/trends/sla-targets";
import { resolveRange } from "@/lib/server/trends/trends-range";

export function benchQueries(now: Date): Record<string, () => Promise<unknown>> {
  const range = resolveRange({ tz: "Europe/Berlin", bucket: "day" }, now);
  const all = { assigneeId: null };
  const own = { assigneeId: "u3" };
  const targets = slaTargets({});
  return {
    "kpis (current period)": () => getPeriodSummary(range, all),
    "kpis (previous period)": () => getPeriodSummary({ ...range.previous, tz: range.tz }, all),
    "volume by priority (day)": () => findVolumeByPriority(range, all),
    "volume by priority (week, 90 d)": () => findVolumeByPriority(resolveRange({ tz: "Europe/Berlin", bucket: "week" }, now, 90), all),
    "response times": () => findResponseTimes(range, all),
    outcomes: () => findOutcomes(range, all),
    "false positives per rule": () => findRuleFalsePositives(range, all),
    backlog: () => findBacklog(all, now),
    sla: () => findSla(range, all, targets, now),
    "top entities": () => findTopEntities(range, all),
    "analyst: response times": () => findResponseTimes(range, own),
    "analyst: kpis": () => getPeriodSummary(range, own),
    "whole report, manager (parallel)": () => getTrendsReport({ tz: "Europe/Berlin", bucket: "day" }, { userId: "u0", role: "manager" }, now),
    "whole report, analyst (parallel)": () => getTrendsReport({ tz: "Europe/Berlin", bucket: "day" }, { userId: "u3", role: "analyst" }, now),
  };
}
