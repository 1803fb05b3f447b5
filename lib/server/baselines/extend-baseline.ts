import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import { baselineInclude, toBaselineDto } from "@/lib/server/baselines/baseline-dto";
import { assertExpiry } from "@/lib/server/baselines/check-baseline-input";
import { rebaselineOpenAlerts } from "@/lib/server/baselines/rebaseline-open-alerts";
import { writeBaselineAudit } from "@/lib/server/baselines/write-baseline-audit";

/** Moves an active entry's expiry (an expired one too: extending renews the approval from now on). */
export async function extendBaseline(id: string, input: { expiresAt: Date; comment?: string }, actor: Actor, now = new Date()) {
  assertExpiry(input.expiresAt, now);
  await db.$transaction(async (tx) => {
    const current = await tx.baseline.findUnique({ where: { id } });
    if (!current) throw new AppError("not_found", `No baseline ${id}`);
    const updated = await tx.baseline.updateMany({ where: { id, status: "active" }, data: { expiresAt: input.expiresAt } });
    if (updated.count === 0) throw new AppError("conflict", `Only active entries can be extended; this entry is ${current.status}`);
    const comment = `expiry ${current.expiresAt.toISOString()} → ${input.expiresAt.toISOString()}${input.comment ? `: ${input.comment}` : ""}`;
    await writeBaselineAudit(tx, await tx.baseline.findUniqueOrThrow({ where: { id } }), actor.userId, "extended", comment);
  });
  const reprioritised = await rebaselineOpenAlerts(`baseline ${id} extended`);
  const fresh = await db.baseline.findUniqueOrThrow({ where: { id }, include: baselineInclude });
  return { baseline: toBaselineDto(fresh), closedAlerts: 0, reprioritised };
}
