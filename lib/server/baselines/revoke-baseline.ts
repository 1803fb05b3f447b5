import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import { baselineInclude, toBaselineDto } from "@/lib/server/baselines/baseline-dto";
import { rebaselineOpenAlerts } from "@/lib/server/baselines/rebaseline-open-alerts";
import { writeBaselineAudit } from "@/lib/server/baselines/write-baseline-audit";

/**
 * Ends an approval: new matching alerts are no longer suppressed and the entry leaves the approval
 * history. Alerts it already closed stay closed (revoking reopens nothing by itself).
 */
export async function revokeBaseline(id: string, comment: string | undefined, actor: Actor, now = new Date()) {
  await db.$transaction(async (tx) => {
    const updated = await tx.baseline.updateMany({ where: { id, status: "active" }, data: { status: "revoked", revokedAt: now } });
    if (updated.count === 0) {
      const exists = await tx.baseline.findUnique({ where: { id }, select: { status: true } });
      if (!exists) throw new AppError("not_found", `No baseline ${id}`);
      throw new AppError("conflict", `Only active entries can be revoked; this entry is ${exists.status}`);
    }
    await writeBaselineAudit(tx, await tx.baseline.findUniqueOrThrow({ where: { id } }), actor.userId, "revoked", comment);
  });
  const reprioritised = await rebaselineOpenAlerts(`baseline ${id} revoked`);
  const fresh = await db.baseline.findUniqueOrThrow({ where: { id }, include: baselineInclude });
  return { baseline: toBaselineDto(fresh), closedAlerts: 0, reprioritised };
}
