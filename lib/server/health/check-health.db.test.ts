import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { checkHealth } from "@/lib/server/health/check-health";

describe("checkHealth", () => {
  it("is ok when every migration folder is applied, and unavailable with a reason when one is not", async () => {
    expect(await checkHealth()).toMatchObject({ status: "ok", reason: undefined, database: { reachable: true, pendingMigrations: [] } });
    const [last] = await db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${last.migration_name}`;
    try {
      const health = await checkHealth();
      expect(health.status).toBe("unavailable");
      expect(health.database.pendingMigrations).toEqual([last.migration_name]);
      expect(health.reason).toMatch(/1 migration\(s\) not applied; run 'lateral migrate'/);
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${last.migration_name}`;
    }
  });
});
