import type { Actor } from "@/lib/server/auth/actor";
import type { BaselineInput } from "@/lib/server/api/contracts/baselines";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import { baselineInclude, toBaselineDto } from "@/lib/server/baselines/baseline-dto";
import { assertExpiry, assertNotTooBroad } from "@/lib/server/baselines/check-baseline-input";
import { closeAlertsForBaseline } from "@/lib/server/baselines/close-alerts-for-baseline";
import { rebaselineOpenAlerts } from "@/lib/server/baselines/rebaseline-open-alerts";
import { writeBaselineAudit } from "@/lib/server/baselines/write-baseline-audit";

/**
 * A lead's approval (`active`) or an analyst's proposal (`proposed`, suppressing nothing until a lead
 * approves it). Who may call which is decided by the route contracts; this only records the status.
 */
export async function createBaseline(input: BaselineInput, actor: Actor, status: "active" | "proposed", now = new Date()) {
  assertNotTooBroad(input.scope);
  assertExpiry(input.expiresAt, now);
  if (input.close === "source" && !input.sourceAlertId) {
    throw new AppError("validation_failed", "Closing 'this alert' needs the alert the entry comes from", { errors: [{ path: "sourceAlertId", message: "required" }] });
  }
  if (input.sourceAlertId && !(await db.alert.findUnique({ where: { id: input.sourceAlertId }, select: { id: true } }))) {
    throw new AppError("validation_failed", `No alert ${input.sourceAlertId}`);
  }
  const active = status === "active";
  const row = await db.$transaction(async (tx) => {
    const created = await tx.baseline.create({
      data: {
        status,
        scope: input.scope,
        justification: input.justification,
        ticket: input.ticket || null,
        onMatch: input.onMatch,
        expiresAt: input.expiresAt,
        closeMode: input.close,
        sourceAlertId: input.sourceAlertId ?? null,
        authorId: actor.userId,
        approverId: active ? actor.userId : null,
        approvedAt: active ? now : null,
      },
    });
    await writeBaselineAudit(tx, created, actor.userId, active ? "created" : "proposed");
    return created;
  });
  const closedAlerts = active ? await closeAlertsForBaseline(row, input.close, actor.userId) : 0;
  const reprioritised = active ? await rebaselineOpenAlerts(`baseline ${row.id} approved`) : 0;
  const fresh = await db.baseline.findUniqueOrThrow({ where: { id: row.id }, include: baselineInclude });
  return { baseline: toBaselineDto(fresh), closedAlerts, reprioritised };
}
