import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";
import type { Prisma } from "@/lib/server/db/generated/client";
import { baselineStates, type BaselineState } from "@/lib/server/api/contracts/baselines";
import { baselineInclude, EXPIRING_SOON_MS, toBaselineDto } from "@/lib/server/baselines/baseline-dto";

/** The tabs of the Baselines page; "active" means in force, so it includes the expiring ones. */
export function stateWhere(state: BaselineState, now: Date): Prisma.BaselineWhereInput {
  const soon = new Date(now.getTime() + EXPIRING_SOON_MS);
  switch (state) {
    case "active":
      return { status: "active", expiresAt: { gt: now } };
    case "expiring":
      return { status: "active", expiresAt: { gt: now, lte: soon } };
    case "expired":
      return { status: "active", expiresAt: { lte: now } };
    case "revoked":
    case "proposed":
    case "rejected":
      return { status: state };
  }
}

type ListQuery = { state: BaselineState | "all"; alertId?: string; cursor?: string; limit?: number };

/** A page of entries, soonest expiry first; the keyset cursor (expiry, id) stays exact while entries change. */
export async function findBaselines(query: ListQuery, now = new Date()) {
  const limit = query.limit ?? 100;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.BaselineWhereInput = {
    AND: [
      query.state === "all" ? {} : stateWhere(query.state, now),
      query.alertId ? { alerts: { some: { id: query.alertId } } } : {},
      after ? { OR: [{ expiresAt: { gt: after.expiresAt } }, { expiresAt: after.expiresAt, id: { gt: after.id } }] } : {},
    ],
  };
  const [rows, ...counts] = await Promise.all([
    db.baseline.findMany({ where, include: baselineInclude, orderBy: [{ expiresAt: "asc" }, { id: "asc" }], take: limit + 1 }),
    ...baselineStates.map((state) => db.baseline.count({ where: stateWhere(state, now) })),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    baselines: page.map((row) => toBaselineDto(row, now.getTime())),
    counts: Object.fromEntries(baselineStates.map((state, i) => [state, counts[i]])),
    nextCursor: rows.length > limit && last ? encodeCursor(last.expiresAt, last.id) : null,
  };
}

function encodeCursor(expiresAt: Date, id: string): string {
  return Buffer.from(`${expiresAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { expiresAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const expiresAt = new Date(iso ?? "");
  if (!id || Number.isNaN(expiresAt.getTime())) throw new AppError("validation_failed", "cursor is not one this API returned");
  return { expiresAt, id };
}
