import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/server/env";
import { PrismaClient } from "@/lib/server/db/generated/client";

// One client per process; in dev, hot reload would otherwise open a new pool on every edit.
const globalForPrisma = globalThis as unknown as { lateralPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

export const db: PrismaClient = (globalForPrisma.lateralPrisma ??= createPrismaClient(env().DATABASE_URL));
