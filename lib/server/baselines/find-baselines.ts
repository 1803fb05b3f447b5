import { db } from "@/lib/server/db/client";
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

export async function findBaselines(query: { state: BaselineState | "all"; alertId?: string }, now = new Date()) {
  const where: Prisma.BaselineWhereInput = {
    ...(query.state === "all" ? {} : stateWhere(query.state, now)),
    ...(query.alertId ? { alerts: { some: { id: query.alertId } } } : {}),
  };
  const [rows, ...counts] = await Promise.all([
    db.baseline.findMany({ where, include: baselineInclude, orderBy: [{ expiresAt: "asc" }, { id: "asc" }], take: 500 }),
    ...baselineStates.map((state) => db.baseline.count({ where: stateWhere(state, now) })),
  ]);
  return {
    baselines: rows.map((row) => toBaselineDto(row, now.getTime())),
    counts: Object.fromEntries(baselineStates.map((state, i) => [state, counts[i]])),
  };
}
