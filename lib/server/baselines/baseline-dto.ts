import type { Baseline } from "@/lib/server/db/generated/client";
import type { BaselineState } from "@/lib/server/api/contracts/baselines";
import type { BaselineScope } from "@/lib/triage/baseline-schema";

export const EXPIRING_SOON_MS = 14 * 24 * 3600_000;

type Person = { id: string; email: string; name: string } | null;
export type BaselineRow = Baseline & { author: Person; approver: Person; _count: { alerts: number } };

export const baselineInclude = {
  author: { select: { id: true, email: true, name: true } },
  approver: { select: { id: true, email: true, name: true } },
  _count: { select: { alerts: true } },
} as const;

/** Expiry is a moment, not a stored status: an active entry past `expiresAt` is simply expired. */
export function baselineState(row: Pick<Baseline, "status" | "expiresAt">, now: number): BaselineState {
  switch (row.status) {
    case "proposed":
    case "rejected":
    case "revoked":
      return row.status;
    case "active": {
      const left = row.expiresAt.getTime() - now;
      if (left <= 0) return "expired";
      return left <= EXPIRING_SOON_MS ? "expiring" : "active";
    }
  }
}

export function toBaselineDto(row: BaselineRow, now = Date.now()) {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    state: baselineState(row, now),
    scope: row.scope as BaselineScope,
    justification: row.justification,
    ticket: row.ticket,
    onMatch: row.onMatch,
    closeMode: row.closeMode,
    sourceAlertId: row.sourceAlertId,
    expiresAt: row.expiresAt.toISOString(),
    approvedAt: row.approvedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    reviewComment: row.reviewComment,
    author: row.author,
    approver: row.approver,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    matchedAlerts: row._count.alerts,
  };
}
