import type { Actor } from "@/lib/server/auth/actor";
import type { BaselineInput } from "@/lib/server/api/contracts/baselines";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import { baselineInclude, toBaselineDto } from "@/lib/server/baselines/baseline-dto";
import { assertExpiry, assertNotTooBroad } from "@/lib/server/baselines/check-baseline-input";
import { rebaselineOpenAlerts } from "@/lib/server/baselines/rebaseline-open-alerts";
import { writeBaselineAudit } from "@/lib/server/baselines/write-baseline-audit";

type Edit = Omit<BaselineInput, "sourceAlertId" | "close"> & { version: number; comment?: string };

/** A new version of an active or proposed entry; the audit snapshot keeps every earlier one. */
export async function updateBaseline(id: string, edit: Edit, actor: Actor, now = new Date()) {
  assertNotTooBroad(edit.scope);
  assertExpiry(edit.expiresAt, now);
  await db.$transaction(async (tx) => {
    const current = await tx.baseline.findUnique({ where: { id } });
    if (!current) throw new AppError("not_found", `No baseline ${id}`);
    if (current.status !== "active" && current.status !== "proposed") {
      throw new AppError("conflict", `A ${current.status} entry cannot be edited`);
    }
    const updated = await tx.baseline.updateMany({
      where: { id, version: edit.version, status: current.status },
      data: {
        scope: edit.scope,
        justification: edit.justification,
        ticket: edit.ticket || null,
        onMatch: edit.onMatch,
        expiresAt: edit.expiresAt,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new AppError("conflict", "Someone else changed this entry; reload and try again", { currentVersion: current.version });
    await writeBaselineAudit(tx, await tx.baseline.findUniqueOrThrow({ where: { id } }), actor.userId, "edited", edit.comment);
  });
  const reprioritised = await rebaselineOpenAlerts(`baseline ${id} edited`);
  const fresh = await db.baseline.findUniqueOrThrow({ where: { id }, include: baselineInclude });
  return { baseline: toBaselineDto(fresh), closedAlerts: 0, reprioritised };
}
