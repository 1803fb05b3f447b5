import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import { historyRows, toWorkflowState } from "@/lib/server/alerts/alert-state";
import { toAlertSummary, withAssignee } from "@/lib/server/alerts/alert-dto";
import { applyWorkflowAction } from "@/lib/triage/workflow";
import type { WorkflowAction } from "@/lib/triage/workflow-schema";

/**
 * One workflow action under optimistic concurrency: the caller sends the version it saw; if someone
 * changed the alert since, nothing is written and the caller gets 409 with the current state.
 */
export async function applyAlertAction(alertId: string, action: WorkflowAction, version: number, actor: Actor) {
  return db.$transaction(async (tx) => {
    const alert = await tx.alert.findUnique({ where: { id: alertId }, include: withAssignee });
    if (!alert) throw new AppError("not_found", `No alert ${alertId}`);
    if (alert.version !== version) throw conflict(alert);
    if (action.action === "assign" && action.assignee && !(await tx.user.findUnique({ where: { id: action.assignee } }))) {
      throw new AppError("validation_failed", `No user ${action.assignee} to assign to`);
    }
    if (action.action === "close" && action.duplicateOf && !(await tx.alert.findUnique({ where: { id: action.duplicateOf } }))) {
      throw new AppError("validation_failed", `No primary alert ${action.duplicateOf}`);
    }
    const result = applyWorkflowAction(toWorkflowState(alert), action);
    if (!result.ok) throw new AppError("validation_failed", result.message, { reason: result.code });
    if (result.changes.length === 0) return { alert: toAlertSummary(alert) };
    const updated = await tx.alert.updateMany({
      where: { id: alertId, version },
      data: {
        status: result.state.status,
        classification: result.state.classification,
        duplicateOfId: result.state.duplicateOf,
        assigneeId: result.state.assignee,
        escalated: result.state.escalated,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw conflict(alert);
    await tx.alertHistory.createMany({ data: historyRows(alertId, actor.userId, result.changes) });
    if (action.action === "close" && action.comment?.trim()) {
      await tx.comment.create({ data: { alertId, authorId: actor.userId, body: action.comment.trim() } });
    }
    const fresh = await tx.alert.findUniqueOrThrow({ where: { id: alertId }, include: withAssignee });
    return { alert: toAlertSummary(fresh) };
  });
}

export function conflict(current: Parameters<typeof toAlertSummary>[0]): AppError {
  return new AppError("conflict", "Someone else changed this alert; review the current state and try again", {
    current: toAlertSummary(current),
  });
}
