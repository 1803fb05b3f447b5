import type { Baseline, Prisma } from "@/lib/server/db/generated/client";

export type BaselineAuditAction = "proposed" | "created" | "approved" | "rejected" | "edited" | "extended" | "revoked";

/** Appends one audit row holding the whole entry after the change, so every version can be read back. */
export async function writeBaselineAudit(
  tx: Prisma.TransactionClient,
  row: Baseline,
  actorId: string | null,
  action: BaselineAuditAction,
  comment?: string | null,
) {
  const snapshot = {
    status: row.status,
    scope: row.scope,
    justification: row.justification,
    ticket: row.ticket,
    onMatch: row.onMatch,
    expiresAt: row.expiresAt.toISOString(),
    approvedAt: row.approvedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  } satisfies Prisma.InputJsonObject;
  await tx.baselineAudit.create({
    data: { baselineId: row.id, version: row.version, actorId, action, comment: comment || null, snapshot },
  });
}
