import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import { findAlertEvidence } from "@/lib/server/events/find-alert-evidence";
import { loadBundledRules } from "@/lib/server/rules/load-rules";
import { toAlertSummary } from "@/lib/server/alerts/alert-dto";
import type { Alert } from "@/lib/server/db/generated/client";
import { findAlertNotes } from "@/lib/server/alerts/find-alert-notes";
import { findRelatedAlerts } from "@/lib/server/alerts/find-related-alerts";
import { CHECKLIST_STEPS } from "@/lib/triage/checklist-steps";
import { initialChecklistState, type ChecklistState } from "@/lib/triage/checklist";

type AlertRow = Pick<Alert, PageColumn> & { assigneeEmail: string | null; connectionName: string | null };
type PageColumn =
  | "id" | "priority" | "status" | "classification" | "ruleId" | "ruleName" | "severity" | "riskScore" | "sourceHost" | "userName"
  | "userDomain" | "destinations" | "commandLine" | "firstSeen" | "lastSeen" | "escalated" | "version" | "createdAt" | "assigneeId"
  | "priorityReasons" | "duplicateOfId" | "entityId" | "joinKeys" | "events" | "checklist" | "uploadId" | "connectionId";

/**
 * The alert with its assignee's email and its connection's name in one query: Prisma's `include` is a
 * round trip per relation, and the alert page's queries are most of its cost (bench/triage.ts).
 */
async function findAlert(id: string) {
  const [row] = await db.$queryRaw<AlertRow[]>`
    SELECT a.id, a.priority::text AS priority, a.status::text AS status, a.classification, a."ruleId", a."ruleName", a.severity,
      a."riskScore", a."sourceHost", a."userName", a."userDomain", a.destinations, a."commandLine", a."firstSeen", a."lastSeen",
      a.escalated, a.version, a."createdAt", a."assigneeId", a."priorityReasons", a."duplicateOfId", a."entityId", a."joinKeys",
      a.events, a.checklist, a."uploadId", a."connectionId", u.email AS "assigneeEmail", c.name AS "connectionName"
    FROM alert a LEFT JOIN "user" u ON u.id = a."assigneeId" LEFT JOIN connection c ON c.id = a."connectionId"
    WHERE a.id = ${id}`;
  if (!row) return null;
  const { assigneeEmail, connectionName, ...alert } = row;
  return {
    ...alert,
    assignee: alert.assigneeId && assigneeEmail !== null ? { id: alert.assigneeId, email: assigneeEmail } : null,
    connection: alert.connectionId && connectionName !== null ? { id: alert.connectionId, name: connectionName } : null,
  };
}

/** Everything the alert page shows, in one request. */
export async function getAlertById(id: string) {
  const alert = await findAlert(id);
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
