import type { Actor } from "@/lib/server/auth/actor";
import type { CloseMode } from "@/lib/server/api/contracts/baselines";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import { baselineInclude, toBaselineDto } from "@/lib/server/baselines/baseline-dto";
import { assertExpiry } from "@/lib/server/baselines/check-baseline-input";
import { closeAlertsForBaseline } from "@/lib/server/baselines/close-alerts-for-baseline";
import { rebaselineOpenAlerts } from "@/lib/server/baselines/rebaseline-open-alerts";
import { writeBaselineAudit } from "@/lib/server/baselines/write-baseline-audit";

const CLOSE_MODES: readonly CloseMode[] = ["none", "source", "all_matching"];

/** A lead accepts a proposal: it becomes active now and closes what the proposal (or the lead) asked for. */
export async function approveBaseline(id: string, input: { comment?: string; close?: CloseMode }, actor: Actor, now = new Date()) {
  const row = await db.$transaction(async (tx) => {
    const current = await tx.baseline.findUnique({ where: { id } });
    if (!current) throw new AppError("not_found", `No baseline ${id}`);
    if (current.status !== "proposed") throw new AppError("conflict", `Only proposals can be approved; this entry is ${current.status}`);
    assertExpiry(current.expiresAt, now);
    const updated = await tx.baseline.updateMany({
      where: { id, status: "proposed" },
      data: { status: "active", approverId: actor.userId, approvedAt: now, reviewComment: input.comment || null },
    });
    if (updated.count === 0) throw new AppError("conflict", "Someone else reviewed this proposal first");
    const approved = await tx.baseline.findUniqueOrThrow({ where: { id } });
    await writeBaselineAudit(tx, approved, actor.userId, "approved", input.comment);
    return approved;
  });
  const stored = CLOSE_MODES.find((m) => m === row.closeMode) ?? "none";
  const closedAlerts = await closeAlertsForBaseline(row, input.close ?? stored, actor.userId);
  const reprioritised = await rebaselineOpenAlerts(`baseline ${id} approved`);
  const fresh = await db.baseline.findUniqueOrThrow({ where: { id }, include: baselineInclude });
  return { baseline: toBaselineDto(fresh), closedAlerts, reprioritised };
}
