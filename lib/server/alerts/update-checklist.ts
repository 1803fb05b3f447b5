import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import { conflict } from "@/lib/server/alerts/apply-alert-action";
import { historyRows } from "@/lib/server/alerts/alert-state";
import { toAlertSummary, withAssignee } from "@/lib/server/alerts/alert-dto";
import { applyChecklistUpdate, initialChecklistState, type ChecklistState, type ChecklistUpdate } from "@/lib/triage/checklist";

export async function updateChecklist(alertId: string, update: ChecklistUpdate, version: number, actor: Actor) {
  return db.$transaction(async (tx) => {
    const alert = await tx.alert.findUnique({ where: { id: alertId }, include: withAssignee });
    if (!alert) throw new AppError("not_found", `No alert ${alertId}`);
    if (alert.version !== version) throw conflict(alert);
    if (alert.status === "closed") throw new AppError("validation_failed", "The alert is closed; reopen it to change the checklist");
    const state = { ...initialChecklistState(), ...(alert.checklist as Partial<ChecklistState>) };
    const result = applyChecklistUpdate(state, update, actor.email, new Date());
    if (!result.ok) throw new AppError("validation_failed", result.message, { reason: result.code });
    if (result.changes.length === 0) return { alert: toAlertSummary(alert) };
    const updated = await tx.alert.updateMany({ where: { id: alertId, version }, data: { checklist: result.state, version: { increment: 1 } } });
    if (updated.count === 0) throw conflict(alert);
    await tx.alertHistory.createMany({ data: historyRows(alertId, actor.userId, result.changes) });
    return { alert: toAlertSummary(await tx.alert.findUniqueOrThrow({ where: { id: alertId }, include: withAssignee })) };
  });
}
