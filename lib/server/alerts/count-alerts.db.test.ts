import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AlertFilter } from "@/lib/server/api/contracts/alerts";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { alertWhere } from "@/lib/server/alerts/alert-where";
import { applyAlertAction } from "@/lib/server/alerts/apply-alert-action";
import { bulkAlerts } from "@/lib/server/alerts/bulk-alerts";
import { countAlerts, rollupWhere } from "@/lib/server/alerts/count-alerts";
import { findAlerts } from "@/lib/server/alerts/find-alerts";

// alert_count is kept by triggers (migration triage_speed). These checks compare it, after every kind
// of write, with what a live count over `alert` gives — the definition the API had before.

const PRIORITIES = ["low", "medium", "high"] as const;
const STATUSES = ["open", "acknowledged", "closed"] as const;

async function makeActor(): Promise<Actor> {
  const id = randomUUID();
  await db.user.create({ data: { id, email: `${id}@test`, name: "t", role: "analyst" } });
  return { userId: id, email: `${id}@test`, name: "t", role: "analyst", via: "session" };
}

/** Varied alerts: hosts with LIKE wildcards and empty/NULL values, users with NULL parts, two rules. */
async function seed(tag: string, n: number, assignees: (string | null)[]) {
  const hosts = [`${tag}-WS_1`, `${tag}-ws%2`, `${tag}-srv`, "", null];
  const users: [string | null, string | null][] = [["bob", "CORP"], ["alice", null], [null, "LAB"], [null, null], ["", "CORP"]];
  await db.alert.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      dedupeKey: randomUUID(), ruleId: i % 4 === 0 ? `${tag}-renamed` : `${tag}-rule`, ruleName: i % 4 === 0 ? "PsExec (renamed)" : "PsExec Network Connection",
      severity: "low", riskScore: 21, priority: PRIORITIES[i % 3], status: STATUSES[(i >> 1) % 3], priorityReasons: [],
      sourceHost: hosts[i % hosts.length], userName: users[i % users.length][0], userDomain: users[i % users.length][1],
      assigneeId: assignees[i % assignees.length], destinations: [`SRV${i % 2} 10.0.0.${i % 2}`], joinKeys: [], events: [], checklist: {},
      firstSeen: new Date(Date.UTC(2025, 0, 1) + i * 1000), lastSeen: new Date(Date.UTC(2025, 0, 1) + i * 1000),
    })),
  });
}

/** The counts by definition: each chip a live count of the filter with its own dimension set to the chip. */
async function liveCounts(filter: AlertFilter, actor: Actor) {
  const count = (f: AlertFilter) => db.alert.count({ where: alertWhere(f, actor) });
  const priority: Record<string, number> = {};
  const status: Record<string, number> = {};
  for (const p of PRIORITIES) {
    const n = await count({ ...filter, priority: [p] });
    if (n > 0) priority[p] = n;
  }
  for (const s of STATUSES) {
    const n = await count({ ...filter, status: [s] });
    if (n > 0) status[s] = n;
  }
  return { priority, status, total: await count(filter) };
}

/** Every non-zero counter row equals a recount from `alert` (all dimensions, not only the filters tried). */
async function expectNoDrift() {
  const stored = await db.$queryRaw<{ k: string }[]>`
    SELECT concat_ws('|', dimension, key1, key2, priority, status, n) AS k FROM alert_count WHERE n <> 0 ORDER BY 1`;
  const recount = await db.$queryRaw<{ k: string }[]>`
    SELECT concat_ws('|', k.dimension, k.key1, k.key2, a.priority, a.status, count(*)) AS k
    FROM alert a CROSS JOIN LATERAL alert_count_keys(a."sourceHost", a."assigneeId", a."userName", a."userDomain", a."ruleId", a."ruleName") k
    GROUP BY k.dimension, k.key1, k.key2, a.priority, a.status ORDER BY 1`;
  expect(stored.map((r) => r.k)).toEqual(recount.map((r) => r.k));
}

function filtersFor(tag: string, other: string): AlertFilter[] {
  return [
    {}, { priority: ["high"] }, { status: ["open", "closed"] }, { priority: ["low", "medium"], status: ["acknowledged"] },
    { host: tag }, { host: `${tag}-ws_` }, { host: `${tag}-WS%` }, { host: "%" }, { host: "_" }, { host: "no-such-host" }, { host: tag, status: ["open"] },
    { assignee: "me" }, { assignee: "unassigned" }, { assignee: other }, { assignee: "nobody" },
    { user: "BOB" }, { user: "corp" }, { user: "a_" }, { user: "%" }, { user: "%%" },
    { rule: `${tag}-rule` }, { rule: "renamed" }, { rule: "%" },
    { host: tag, assignee: "me" }, { escalated: "true" }, { q: "psexec" },
  ];
}

async function expectExact(filters: AlertFilter[], actor: Actor) {
  for (const filter of filters) {
    expect({ filter, counts: await countAlerts(filter, actor) }).toEqual({ filter, counts: await liveCounts(filter, actor) });
  }
}

describe("alert counts kept by triggers", () => {
  it("the single-dimension filters are read from alert_count; combinations and '%'-only user patterns count live", () => {
    const actor = { userId: "u" };
    const sql = (filter: AlertFilter) => rollupWhere(filter, actor)?.sql ?? null;
    expect(sql({})).toBe("dimension = 'all'");
    expect(sql({ host: "ws" })).toMatch(/^dimension = 'host' AND key1 ILIKE/);
    expect(rollupWhere({ assignee: "unassigned" }, actor)?.values).toEqual([""]);
    expect(sql({ user: "bob" })).toMatch(/^dimension = 'user'/);
    expect(sql({ rule: "r" })).toMatch(/^dimension = 'rule'/);
    expect(sql({ user: "%%" })).toBeNull();
    expect(sql({ host: "ws", user: "bob" })).toBeNull();
    expect(sql({ q: "psexec" })).toBeNull();
  });

  it("stay exact after inserts, workflow actions, bulk actions, concurrent writers, deletes and a user's removal", async () => {
    const actor = await makeActor();
    const other = await makeActor();
    const tag = `cnt-${randomUUID().slice(0, 8)}`;
    const filters = filtersFor(tag, other.userId);
    await seed(tag, 60, [null, actor.userId, other.userId]);
    await expectNoDrift();
    await expectExact(filters, actor);

    // One action at a time, then many at once (each its own transaction, as the API runs them).
    const mine = await db.alert.findMany({ where: { ruleId: { startsWith: tag } }, orderBy: { firstSeen: "asc" }, select: { id: true, version: true, status: true } });
    const open = mine.filter((a) => a.status === "open");
    await applyAlertAction(open[0].id, { action: "assign", assignee: other.userId }, open[0].version, actor);
    await applyAlertAction(open[1].id, { action: "close", classification: "undetermined", comment: "checked" }, open[1].version, actor);
    await Promise.all(open.slice(2).map((a) => applyAlertAction(a.id, { action: "acknowledge" }, a.version, actor)));
    await expectNoDrift();

    const bulk = await bulkAlerts({ filter: { host: `${tag}-srv` }, action: { action: "escalate", escalated: true }, dryRun: false }, actor);
    expect(bulk.changed).toBeGreaterThan(0);
    const closed = await bulkAlerts({ filter: { host: tag, status: ["acknowledged"] }, action: { action: "close", classification: "true_positive_without_impact", comment: "contained" }, dryRun: false }, actor);
    expect(closed).toMatchObject({ changed: closed.matched, failed: [] });
    // A bulk statement touching many rows and keyed columns at once (like the rebaseline's UPDATE … FROM).
    await db.$executeRaw`UPDATE alert SET priority = 'high', "sourceHost" = upper("sourceHost") WHERE "ruleId" = ${`${tag}-renamed`}`;
    // Statements that change nothing counted (checklist, version) write no counter rows.
    await db.alert.updateMany({ where: { ruleId: { startsWith: tag } }, data: { checklist: { touched: true }, version: { increment: 1 } } });
    await expectNoDrift();
    await expectExact(filters, actor);

    await db.alert.deleteMany({ where: { ruleId: `${tag}-rule`, status: "closed" } });
    await db.user.delete({ where: { id: other.userId } }); // assigneeId → NULL through the foreign key
    await expectNoDrift();
    await expectExact(filters, actor);
  });

  it("TRUNCATE empties the counts too", async () => {
    await seed(`trunc-${randomUUID().slice(0, 8)}`, 5, [null]);
    // Rolled back (by throwing), so the other test files' alerts stay.
    class Rollback extends Error {
      constructor(readonly rows: number) { super("rollback"); }
    }
    const inside = await db.$transaction(async (tx) => {
      await tx.$executeRaw`TRUNCATE alert CASCADE`;
      throw new Rollback(await tx.alertCount.count());
    }).catch((error: unknown) => (error instanceof Rollback ? error.rows : Promise.reject(error)));
    expect(inside).toBe(0);
    expect(await db.alertCount.count()).toBeGreaterThan(0);
  });

  it("the queue's host filter, resolved to exact hosts through alert_count, returns what the ILIKE returns", async () => {
    const actor = await makeActor();
    const tag = `hostpage-${randomUUID().slice(0, 8)}`;
    await seed(tag, 40, [null]);
    for (const host of [tag, `${tag}-ws_`, `${tag}-WS%`, "%", "_", "no-such-host"]) {
      for (const sort of ["firstSeen", "priority"] as const) {
        const expected = await db.alert.findMany({
          where: alertWhere({ host }, actor), select: { id: true }, take: 7,
          orderBy: sort === "priority" ? [{ priority: "desc" }, { firstSeen: "desc" }, { id: "desc" }] : [{ firstSeen: "desc" }, { id: "desc" }],
        });
        const page = await findAlerts({ host, sort, order: "desc", limit: 7, counts: "true" }, actor);
        expect({ host, sort, ids: page.alerts.map((a) => a.id) }).toEqual({ host, sort, ids: expected.map((a) => a.id) });
        expect(page.counts).toEqual(await liveCounts({ host }, actor));
      }
    }
  });
});
