import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { applyAlertAction } from "@/lib/server/alerts/apply-alert-action";
import { bulkAlerts } from "@/lib/server/alerts/bulk-alerts";
import { findAlerts } from "@/lib/server/alerts/find-alerts";
import { groupAlerts } from "@/lib/server/alerts/group-alerts";
import { AppError } from "@/lib/server/http/problem";

async function makeActor(): Promise<Actor> {
  const id = randomUUID();
  await db.user.create({ data: { id, email: `${id}@test`, name: "t", role: "analyst" } });
  return { userId: id, email: `${id}@test`, name: "t", role: "analyst", via: "session" };
}

async function seed(host: string, n: number, destination = "SRV1 10.0.0.1") {
  const base = Date.UTC(2025, 0, 1);
  await db.alert.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      dedupeKey: randomUUID(), ruleId: "r", ruleName: "PsExec Network Connection", severity: "low", riskScore: 21,
      priority: (["low", "medium", "high"] as const)[i % 3], priorityReasons: [], sourceHost: host, userName: "bob", userDomain: "CORP",
      destinations: [destination], joinKeys: [], events: [], checklist: {}, firstSeen: new Date(base + i * 1000), lastSeen: new Date(base + i * 1000),
    })),
  });
}

describe("alert queue server functions", () => {
  it("keyset pagination visits every alert exactly once, in order, for each sort", async () => {
    const actor = await makeActor();
    const host = `page-${randomUUID()}`;
    await seed(host, 23);
    for (const sort of ["firstSeen", "lastSeen", "priority"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await findAlerts({ host, sort, order: "desc", cursor, limit: 5, counts: "false" }, actor);
        seen.push(...page.alerts.map((a) => a.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size).toBe(23);
      expect(seen).toHaveLength(23);
    }
    const counted = await findAlerts({ host, priority: ["high"], sort: "firstSeen", order: "desc", limit: 1, counts: "true" }, actor);
    expect(counted.counts).toMatchObject({ total: 7, priority: { low: 8, medium: 8, high: 7 } });
  });

  it("groups similar alerts with counts and the highest priority", async () => {
    const actor = await makeActor();
    const host = `group-${randomUUID()}`;
    await seed(host, 4);
    await seed(host, 2, "SRV2 10.0.0.2");
    const { groups } = await groupAlerts({ host, limit: 10 }, actor);
    expect(groups.map((g) => [g.destinations[0], g.count, g.highest])).toEqual([["SRV1 10.0.0.1", 4, "high"], ["SRV2 10.0.0.2", 2, "medium"]]);
  });

  it("a stale version is a conflict and nothing is written; bulk reports refusals", async () => {
    const actor = await makeActor();
    const host = `conflict-${randomUUID()}`;
    await seed(host, 3);
    const [first] = (await findAlerts({ host, sort: "firstSeen", order: "asc", limit: 3, counts: "false" }, actor)).alerts;
    await applyAlertAction(first.id, { action: "acknowledge" }, first.version, actor);
    const stale = applyAlertAction(first.id, { action: "escalate", escalated: true }, first.version, actor);
    await expect(stale).rejects.toMatchObject({ code: "conflict" } satisfies Partial<AppError>);
    expect((await db.alert.findUniqueOrThrow({ where: { id: first.id } })).escalated).toBe(false);

    const dry = await bulkAlerts({ filter: { host }, action: { action: "acknowledge" }, dryRun: true }, actor);
    expect(dry).toEqual({ matched: 3, changed: 0, failed: [] });
    await applyAlertAction(first.id, { action: "close", classification: "undetermined", comment: "x" }, first.version + 1, actor);
    const result = await bulkAlerts({ filter: { host }, action: { action: "acknowledge" }, dryRun: false }, actor);
    expect(result.matched).toBe(3);
    expect(result.changed).toBe(2);
    expect(result.failed).toEqual([{ id: first.id, code: "validation_failed", message: expect.stringMatching(/closed/) }]);
    const history = await db.alertHistory.findMany({ where: { alertId: first.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => `${h.field}:${h.from}->${h.to}`)).toEqual(["status:open->acknowledged", "status:acknowledged->closed", "classification:null->undetermined"]);
  });
});
