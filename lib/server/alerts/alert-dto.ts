import type { Alert } from "@/lib/server/db/generated/client";

export type AlertWithAssignee = Alert & { assignee: { id: string; email: string } | null };

export const withAssignee = { assignee: { select: { id: true, email: true } } } as const;

export function toAlertSummary(alert: AlertWithAssignee) {
  return {
    id: alert.id,
    priority: alert.priority,
    status: alert.status,
    classification: alert.classification,
    ruleId: alert.ruleId,
    ruleName: alert.ruleName,
    severity: alert.severity,
    sourceHost: alert.sourceHost,
    user: alert.userName ? (alert.userDomain ? `${alert.userDomain}\\${alert.userName}` : alert.userName) : null,
    destinations: alert.destinations,
    commandLine: alert.commandLine,
    firstSeen: alert.firstSeen.toISOString(),
    lastSeen: alert.lastSeen.toISOString(),
    assignee: alert.assignee,
    escalated: alert.escalated,
    version: alert.version,
    createdAt: alert.createdAt.toISOString(),
  };
}
