import type { Actor } from "@/lib/server/auth/actor";
import type { TrendsQuery, TrendsSection } from "@/lib/server/api/contracts/trends";
import { csvCell } from "@/lib/server/alerts/export-alerts";
import { findBacklog } from "@/lib/server/trends/find-backlog";
import { findOutcomes } from "@/lib/server/trends/find-outcomes";
import { findResponseTimes } from "@/lib/server/trends/find-response-times";
import { findRuleFalsePositives } from "@/lib/server/trends/find-rule-false-positives";
import { findSla } from "@/lib/server/trends/find-sla";
import { findTopEntities } from "@/lib/server/trends/find-top-entities";
import { findVolumeByPriority } from "@/lib/server/trends/find-volume-by-priority";
import { getPeriodSummary } from "@/lib/server/trends/get-period-summary";
import { trendsInputs } from "@/lib/server/trends/get-trends-report";

type Table = { header: string[]; rows: unknown[][] };

/** One chart's data as CSV (RFC 4180, formula-safe cells): runs only that chart's query. */
export async function exportTrendsCsv(section: TrendsSection, query: TrendsQuery, actor: Pick<Actor, "userId" | "role">, now = new Date()): Promise<string> {
  const table = await sectionTable(section, trendsInputs(query, actor, now));
  return [table.header, ...table.rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

async function sectionTable(section: TrendsSection, { range, scope, targets, now }: ReturnType<typeof trendsInputs>): Promise<Table> {
  switch (section) {
    case "kpis": {
      const [current, previous] = await Promise.all([getPeriodSummary(range, scope), getPeriodSummary({ ...range.previous, tz: range.tz }, scope)]);
      const metrics = Object.keys(current) as (keyof typeof current)[];
      return {
        header: ["metric", `${range.from}..${range.to}`, `${range.previous.from}..${range.previous.to}`],
        rows: metrics.map((metric) => [metric, current[metric], previous[metric]]),
      };
    }
    case "volume": {
      const rows = await findVolumeByPriority(range, scope);
      return { header: ["bucket", "low", "medium", "high", "total"], rows: rows.map((r) => [r.bucket, r.low, r.medium, r.high, r.total]) };
    }
    case "response-times": {
      const rows = await findResponseTimes(range, scope);
      return {
        header: ["group", "label", "alerts", "acknowledged", "ack_median_s", "ack_p90_s", "closed", "close_median_s", "close_p90_s"],
        rows: rows.map((r) => [r.group, r.label, r.alerts, r.acknowledged, r.ackMedianSec, r.ackP90Sec, r.closed, r.closeMedianSec, r.closeP90Sec]),
      };
    }
    case "outcomes": {
      const rows = await findOutcomes(range, scope);
      return {
        header: ["bucket", "true_positive", "benign_positive", "false_positive", "duplicate", "undetermined"],
        rows: rows.map((r) => [r.bucket, r.true_positive, r.benign_positive, r.false_positive, r.duplicate, r.undetermined]),
      };
    }
    case "rules": {
      const rows = await findRuleFalsePositives(range, scope);
      return { header: ["rule_id", "rule_name", "alerts", "closed", "false_positives", "rate"], rows: rows.map((r) => [r.ruleId, r.ruleName, r.alerts, r.closed, r.falsePositives, r.rate]) };
    }
    case "backlog": {
      const rows = await findBacklog(scope, now);
      return { header: ["age", "low", "medium", "high", "total"], rows: rows.map((r) => [r.age, r.low, r.medium, r.high, r.total]) };
    }
    case "sla": {
      const rows = await findSla(range, scope, targets, now);
      return {
        header: ["priority", "ack_target_min", "ack_met", "ack_breached", "ack_pending", "ack_share", "close_target_min", "close_met", "close_breached", "close_pending", "close_share"],
        rows: rows.map((r) => [r.priority, r.ackTargetMin, r.ack.met, r.ack.breached, r.ack.pending, r.ack.share, r.closeTargetMin, r.close.met, r.close.breached, r.close.pending, r.close.share]),
      };
    }
    case "top": {
      const top = await findTopEntities(range, scope);
      const rows = (["hosts", "users", "destinations"] as const).flatMap((kind) => top[kind].map((e) => [kind, e.value, e.count]));
      return { header: ["kind", "value", "count"], rows };
    }
  }
}
