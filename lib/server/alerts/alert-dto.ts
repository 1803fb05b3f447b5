import type { Alert } from "@/lib/server/db/generated/client";

export type AlertWithAssignee = Pick<Alert, keyof typeof summaryColumns> & { assignee: { id: string; email: string } | null };

export const withAssignee = { assignee: { select: { id: true, email: true } } } as const;

/** The columns a queue row needs: lists never load the events, reasons or checklist JSON. */
const summaryColumns = {
  id: true, priority: true, status: true, classification: true, ruleId: true, ruleName: true, severity: true,
  sourceHost: true, userName: true, userDomain: true, destinations: true, commandLine: true, firstSeen: true,
  lastSeen: true, escalated: true, version: true, createdAt: true,
} as const;

export const summarySelect = { ...summaryColumns, ...withAssignee } as const;

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
