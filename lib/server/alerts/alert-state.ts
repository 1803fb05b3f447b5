import type { Alert } from "@/lib/server/db/generated/client";
import type { AlertWorkflowState, Classification, HistoryChange } from "@/lib/triage/workflow-schema";

export function toWorkflowState(alert: Alert): AlertWorkflowState {
  return {
    id: alert.id,
    status: alert.status,
    classification: (alert.classification as Classification | null) ?? null,
    duplicateOf: alert.duplicateOfId,
    assignee: alert.assigneeId,
    escalated: alert.escalated,
  };
}

export function historyRows(alertId: string, actorId: string | null, changes: HistoryChange[]) {
  const text = (value: string | boolean | null) => (value === null ? null : String(value));
  return changes.map((change) => ({ alertId, actorId, field: change.field, from: text(change.from), to: text(change.to), reason: change.reason ?? null }));
}
