import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import { findAlertEvidence } from "@/lib/server/events/find-alert-evidence";
import { loadBundledRules } from "@/lib/server/rules/load-rules";
import { toAlertSummary, withAssignee } from "@/lib/server/alerts/alert-dto";
import { findAlertNotes } from "@/lib/server/alerts/find-alert-notes";
import { findRelatedAlerts } from "@/lib/server/alerts/find-related-alerts";
import { CHECKLIST_STEPS } from "@/lib/triage/checklist-steps";
import { initialChecklistState, type ChecklistState } from "@/lib/triage/checklist";

/** Everything the alert page shows, in one request. */
export async function getAlertById(id: string) {
  const alert = await db.alert.findUnique({ where: { id }, include: { ...withAssignee, connection: { select: { id: true, name: true } } } });
  if (!alert) throw new AppError("not_found", `No alert ${id}`);
  const [rule, { history, comments }, evidence, related] = await Promise.all([
    loadBundledRules().then((rules) => rules.find((r) => r.id === alert.ruleId)),
    findAlertNotes(id),
    findAlertEvidence({ entityId: alert.entityId, host: alert.sourceHost, destinations: alert.destinations, from: alert.firstSeen, to: alert.lastSeen }),
    findRelatedAlerts(alert),
  ]);
  return {
    alert: toAlertSummary(alert),
    priorityReasons: alert.priorityReasons,
    source: alert.connection
      ? { kind: "connection" as const, connectionId: alert.connection.id, name: alert.connection.name }
      : { kind: "upload" as const, uploadId: alert.uploadId },
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
    relatedAlerts: related,
    comments,
    history: history.map(toHistoryDto),
  };
}

export function toHistoryDto(row: { id: bigint; at: Date; field: string; from: string | null; to: string | null; reason: string | null; actor: { email: string } | null }) {
  return { id: row.id.toString(), at: row.at.toISOString(), actor: row.actor?.email ?? null, field: row.field, from: row.from, to: row.to, reason: row.reason };
}
