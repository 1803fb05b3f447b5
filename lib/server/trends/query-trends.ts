import { db } from "@/lib/server/db/client";
import type { Prisma } from "@/lib/server/db/generated/client";

/**
 * Runs one Trends query with JIT compilation off, in its own short transaction (SET LOCAL). Its row
 * estimates are pessimistic (a year's range, the recount of hours cut by a +05:30 midnight), and past
 * jit_above_cost PostgreSQL spends 0.2–1 s compiling what then runs in tens of milliseconds.
 */
export async function queryTrends<T>(sql: Prisma.Sql): Promise<T[]> {
  const [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL jit = off`, db.$queryRaw<T[]>(sql)]);
  return rows;
}
