import { db } from "@/lib/server/db/client";
import type { Baseline } from "@/lib/server/db/generated/client";
import { compileBaseline } from "@/lib/triage/baseline-compile";
import { baselineScopeSchema, type BaselineEntry } from "@/lib/triage/baseline-schema";
import type { BaselinePolicy } from "@/lib/triage/baseline-verdict";

/** A stored entry as the matcher sees it; proposals and rejections never reach it. */
export function toBaselineEntry(row: Pick<Baseline, "id" | "scope" | "approvedAt" | "expiresAt" | "revokedAt">): BaselineEntry {
  return {
    id: row.id,
    scope: baselineScopeSchema.parse(row.scope),
    approvedAt: row.approvedAt ?? new Date(0),
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
  };
}

/**
 * Every approved entry, expired and revoked included: matching skips those not in force, and the
 * coverage history keeps expired ones. Loaded once per batch of alerts, compiled once.
 */
export async function loadBaselinePolicy(): Promise<BaselinePolicy | undefined> {
  const rows = await db.baseline.findMany({
    where: { status: { in: ["active", "revoked"] }, approvedAt: { not: null } },
    select: { id: true, scope: true, approvedAt: true, expiresAt: true, revokedAt: true, onMatch: true },
  });
  if (rows.length === 0) return undefined;
  return {
    compiled: compileBaseline(rows.map(toBaselineEntry)),
    onMatch: new Map(rows.map((r) => [r.id, r.onMatch])),
  };
}
