import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import { baselineInclude, toBaselineDto } from "@/lib/server/baselines/baseline-dto";
import { writeBaselineAudit } from "@/lib/server/baselines/write-baseline-audit";

/** A lead turns a proposal down; the comment tells the analyst why. Nothing else changes. */
export async function rejectBaseline(id: string, comment: string, actor: Actor) {
  return db.$transaction(async (tx) => {
    const updated = await tx.baseline.updateMany({
      where: { id, status: "proposed" },
      data: { status: "rejected", approverId: actor.userId, reviewComment: comment },
    });
    if (updated.count === 0) {
      const exists = await tx.baseline.findUnique({ where: { id }, select: { status: true } });
      if (!exists) throw new AppError("not_found", `No baseline ${id}`);
      throw new AppError("conflict", `Only proposals can be rejected; this entry is ${exists.status}`);
    }
    const row = await tx.baseline.findUniqueOrThrow({ where: { id }, include: baselineInclude });
    await writeBaselineAudit(tx, row, actor.userId, "rejected", comment);
    return { baseline: toBaselineDto(row), closedAlerts: 0, reprioritised: 0 };
  });
}
