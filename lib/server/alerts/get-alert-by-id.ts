import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import { findAlertEvidence } from "@/lib/server/events/find-alert-evidence";
import { loadBundledRules } from "@/lib/server/rules/load-rules";
import { summarySelect, toAlertSummary, withAssignee } from "@/lib/server/alerts/alert-dto";
import { CHECKLIST_STEPS } from "@/lib/triage/checklist-steps";
import { initialChecklistState, type ChecklistState } from "@/lib/triage/checklist";

/** Everything the alert page shows, in one request. */
export async function getAlertById(id: string) {
  const alert = await db.alert.findUnique({ where: { id }, include: withAssignee });
  if (!alert) throw new AppError("not_found", `No alert ${id}`);
  const [rule, history, comments, evidence, related] = await Promise.all([
    loadBundledRules().then((rules) => rules.find((r) => r.id === alert.ruleId)),
    db.alertHistory.findMany({ where: { alertId: id }, orderBy: [{ at: "asc" }, { id: "asc" }], include: { actor: { select: { email: true } } } }),
    db.comment.findMany({ where: { alertId: id }, orderBy: { createdAt: "asc" }, include: { author: { select: { email: true } } } }),
    findAlertEvidence({ entityId: alert.entityId, host: alert.sourceHost, destinations: alert.destinations, from: alert.firstSeen, to: alert.lastSeen }),
    db.alert.findMany({
      where: {
        id: { not: id },
        OR: [
          ...(alert.userName ? [{ userName: alert.userName }] : []),
          ...(alert.sourceHost ? [{ sourceHost: alert.sourceHost }] : []),
          ...(alert.destinations.length ? [{ destinations: { hasSome: alert.destinations } }] : []),
        ],
      },
      orderBy: { firstSeen: "desc" },
      take: 20,
      select: summarySelect,
    }),
  ]);
  return {
    alert: toAlertSummary(alert),
    priorityReasons: alert.priorityReasons,
    duplicateOf: alert.duplicateOfId,
    entityId: alert.entityId,
    joinKeys: alert.joinKeys,
    events: alert.events,
    checklist: { ...initialChecklistState(), ...(alert.checklist as Partial<ChecklistState>) },
    checklistSteps: CHECKLIST_STEPS,
    rule: rule
      ? { id: rule.id, name: rule.name, description: rule.description, severity: rule.severity, riskScore: rule.riskScore, note: rule.note, threat: rule.threat, query: rule.queryText }
      : { id: alert.ruleId, name: alert.ruleName, severity: alert.severity, riskScore: alert.riskScore },
    evidence,
    relatedAlerts: related.map(toAlertSummary),
    comments: comments.map((c) => ({ id: c.id, body: c.body, author: c.author?.email ?? null, createdAt: c.createdAt.toISOString() })),
    history: history.map(toHistoryDto),
  };
}

export function toHistoryDto(row: { id: bigint; at: Date; field: string; from: string | null; to: string | null; reason: string | null; actor: { email: string } | null }) {
  return { id: row.id.toString(), at: row.at.toISOString(), actor: row.actor?.email ?? null, field: row.field, from: row.from, to: row.to, reason: row.reason };
}
