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
 * coverage history keeps expired ones. Earlier versions of edited entries join the history as entries
 * that expired when they were superseded: what they covered was approved at the time. Loaded once per
 * batch of alerts, compiled once.
 */
export async function loadBaselinePolicy(): Promise<BaselinePolicy | undefined> {
  const rows = await db.baseline.findMany({
    where: { status: { in: ["active", "revoked"] }, approvedAt: { not: null } },
    select: { id: true, scope: true, approvedAt: true, expiresAt: true, revokedAt: true, onMatch: true, status: true, version: true },
  });
  if (rows.length === 0) return undefined;
  const edited = rows.filter((row) => row.status === "active" && row.version > 1).map((row) => row.id);
  const past = edited.length ? supersededVersions(await db.baselineAudit.findMany({
    where: { baselineId: { in: edited } },
    orderBy: [{ baselineId: "asc" }, { version: "asc" }, { id: "asc" }],
    select: { baselineId: true, version: true, at: true, snapshot: true },
  })) : [];
  return {
    compiled: compileBaseline([...rows.map(toBaselineEntry), ...past]),
    onMatch: new Map(rows.map((r) => [r.id, r.onMatch])),
  };
}

type AuditRow = { baselineId: string; version: number; at: Date; snapshot: unknown };
type Snapshot = { status?: string; scope?: unknown; approvedAt?: string | null; expiresAt?: string };

/** Each approved version but the newest, ending when the next version was written (or at its own expiry). */
function supersededVersions(audit: AuditRow[]): BaselineEntry[] {
  const entries: BaselineEntry[] = [];
  for (let i = 0; i < audit.length; i++) {
    const row = audit[i];
    const next = audit[i + 1];
    if (!next || next.baselineId !== row.baselineId || next.version === row.version) continue;
    const snapshot = row.snapshot as Snapshot;
    const scope = baselineScopeSchema.safeParse(snapshot.scope);
    if (snapshot.status !== "active" || !snapshot.approvedAt || !snapshot.expiresAt || !scope.success) continue;
    entries.push({
      id: `${row.baselineId}@v${row.version}`,
      scope: scope.data,
      approvedAt: new Date(snapshot.approvedAt),
      expiresAt: new Date(Math.min(Date.parse(snapshot.expiresAt), next.at.getTime())),
      revokedAt: null,
    });
  }
  return entries;
}
