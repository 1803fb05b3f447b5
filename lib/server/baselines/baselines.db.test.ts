import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, test } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import type { BaselineInput } from "@/lib/server/api/contracts/baselines";
import type { RaisedAlert } from "@/lib/server/alerts/raise-alerts";

// Server modules read DATABASE_URL at import time, so everything is imported after the env is set.
// eslint-disable-next-line no-restricted-syntax -- point the server modules at the throwaway database
process.env.DATABASE_URL = inject("testDatabaseUrl");
// eslint-disable-next-line no-restricted-syntax -- auth needs a secret to load
process.env.BETTER_AUTH_SECRET ??= "x".repeat(40);
const { db } = await import("@/lib/server/db/client");
const { raiseAlerts } = await import("@/lib/server/alerts/raise-alerts");
const { createBaseline } = await import("@/lib/server/baselines/create-baseline");
const { approveBaseline } = await import("@/lib/server/baselines/approve-baseline");
const { rejectBaseline } = await import("@/lib/server/baselines/reject-baseline");
const { revokeBaseline } = await import("@/lib/server/baselines/revoke-baseline");
const { updateBaseline } = await import("@/lib/server/baselines/update-baseline");
const { extendBaseline } = await import("@/lib/server/baselines/extend-baseline");
const { previewBaselineScope } = await import("@/lib/server/baselines/preview-baseline-scope");
const { findBaselines } = await import("@/lib/server/baselines/find-baselines");
const { getBaselineById } = await import("@/lib/server/baselines/get-baseline-by-id");
const { createApiToken } = await import("@/lib/server/auth/api-tokens");

const rule = { id: "psexec-test-rule", name: "PsExec test", severity: "medium", riskScore: 47 } as RaisedAlert["rule"];
const DAY = 24 * 3600_000;
const run = randomUUID().slice(0, 8);
let clock = Date.UTC(2025, 5, 1, 9);

/** A PsExec start + its SMB connection, like the detection rule's sequence. */
function psexec(user: string, host: string, target: string, commandLine = `PsExec.exe -accepteula \\\\${target} hostname`): RaisedAlert {
  clock += 60_000;
  const entity = randomUUID();
  const base = { host: { name: host }, user: { name: user, domain: "CORP" } };
  return {
    rule,
    kind: "sequence",
    joinKeys: [entity],
    events: [
      { ...base, "@timestamp": new Date(clock).toISOString(), event: { category: ["process"], type: ["start"], code: "1" },
        process: { entity_id: entity, name: "PsExec.exe", executable: "C:\\Tools\\PsExec.exe", command_line: commandLine, args: ["C:\\Tools\\PsExec.exe", "-accepteula", `\\\\${target}`, "hostname"] } },
      { ...base, "@timestamp": new Date(clock + 500).toISOString(), event: { category: ["network"], type: ["connection"], code: "3" },
        process: { entity_id: entity, name: "PsExec.exe", executable: "C:\\Tools\\PsExec.exe" }, destination: { ip: "10.20.0.9", port: 445 } },
    ],
  };
}

async function raise(alert: RaisedAlert) {
  await raiseAlerts(null, [alert]);
  const entity = alert.joinKeys[0] as string;
  return db.alert.findFirstOrThrow({ where: { joinKeys: { equals: [entity] } } });
}

async function user(role: Actor["role"]): Promise<Actor> {
  const u = await db.user.create({ data: { id: randomUUID(), email: `${role}-${randomUUID()}@db.test`, name: role, role } });
  return { userId: u.id, email: u.email, name: u.name, role, via: "token" };
}

const in90Days = () => new Date(Date.now() + 90 * DAY);
function input(userName: string, host: string, extra: Partial<BaselineInput> = {}): BaselineInput {
  return {
    scope: { users: [`CORP\\${userName}`], sourceHosts: [host], executables: ["C:\\Tools\\PsExec.exe"] },
    justification: "software deployment", expiresAt: in90Days(), onMatch: "close", close: "none", ...extra,
  };
}

let lead: Actor;
let analyst: Actor;
beforeAll(async () => {
  lead = await user("lead");
  analyst = await user("analyst");
});

describe("baselines", () => {
  test("a lead's entry closes every matching open alert with the classification, link and history reason", async () => {
    const [a1, a2] = [await raise(psexec(`deploy-${run}`, `ADM-${run}`, "SRV01")), await raise(psexec(`deploy-${run}`, `ADM-${run}`, "SRV02"))];
    const other = await raise(psexec(`mallory-${run}`, `WS-${run}`, "SRV01"));
    const preview = await previewBaselineScope(input(`deploy-${run}`, `ADM-${run}`).scope);
    expect(preview).toMatchObject({ openAlerts: 2, pastAlerts: 0 });

    const result = await createBaseline(input(`deploy-${run}`, `ADM-${run}`, { sourceAlertId: a1.id, close: "all_matching" }), lead, "active");
    expect(result.closedAlerts).toBe(2);
    expect(result.baseline).toMatchObject({ status: "active", state: "active", matchedAlerts: 2 });
    for (const id of [a1.id, a2.id]) {
      const alert = await db.alert.findUniqueOrThrow({ where: { id }, include: { history: true } });
      expect(alert).toMatchObject({ status: "closed", classification: "benign_positive_approved_admin", baselineId: result.baseline.id });
      expect(alert.history.filter((h) => h.reason === `approved admin activity: ${result.baseline.id}`).map((h) => h.field).sort()).toEqual(["baseline", "classification", "status"]);
    }
    // Outside the approved history now: the other user's alert is re-prioritised High with the reason.
    const outside = await db.alert.findUniqueOrThrow({ where: { id: other.id }, include: { history: true } });
    expect(outside.priority).toBe("high");
    expect(JSON.stringify(outside.priorityReasons)).toContain(`user CORP\\\\mallory-${run} never approved for PsExec`);
    expect(outside.history.some((h) => h.field === "priority" && h.to === "high" && h.reason?.startsWith(`baseline ${result.baseline.id} approved`))).toBe(true);

    const audit = await db.baselineAudit.findMany({ where: { baselineId: result.baseline.id } });
    expect(audit.map((a) => a.action)).toEqual(["created"]);
  });

  test("new alerts: matching an active entry → closed automatically; outside → High; keep-at-Low entries → open at Low", async () => {
    const auto = await raise(psexec(`deploy-${run}`, `ADM-${run}`, "SRV03"));
    expect(auto).toMatchObject({ status: "closed", classification: "benign_positive_approved_admin" });
    expect(auto.baselineId).not.toBeNull();

    const outside = await raise(psexec(`eve-${run}`, `WS-${run}`, "SRV03"));
    expect(outside).toMatchObject({ status: "open", priority: "high", baselineId: null });
    expect(JSON.stringify(outside.priorityReasons)).toContain(`user CORP\\\\eve-${run} never approved for PsExec`);

    const low = await createBaseline(input(`backup-${run}`, `BKP-${run}`, { onMatch: "low" }), lead, "active");
    const kept = await raise(psexec(`backup-${run}`, `BKP-${run}`, "SRV04"));
    expect(kept).toMatchObject({ status: "open", priority: "low", baselineId: low.baseline.id });
  });

  test("expired or revoked entries no longer suppress: a new matching alert is open again", async () => {
    const entry = await createBaseline(input(`patch-${run}`, `PAT-${run}`), lead, "active");
    expect((await raise(psexec(`patch-${run}`, `PAT-${run}`, "SRV05"))).status).toBe("closed");
    await db.baseline.update({ where: { id: entry.baseline.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const afterExpiry = await raise(psexec(`patch-${run}`, `PAT-${run}`, "SRV05"));
    expect(afterExpiry).toMatchObject({ status: "open", baselineId: null });
    // Expired entries still count as approved history: no "never approved" reason.
    expect(JSON.stringify(afterExpiry.priorityReasons)).not.toContain("never approved");
    expect((await findBaselines({ state: "expired" })).baselines.map((b) => b.id)).toContain(entry.baseline.id);

    const revoked = await createBaseline(input(`ops-${run}`, `OPS-${run}`), lead, "active");
    await revokeBaseline(revoked.baseline.id, "no longer approved", lead);
    const afterRevoke = await raise(psexec(`ops-${run}`, `OPS-${run}`, "SRV06"));
    expect(afterRevoke).toMatchObject({ status: "open", priority: "high" });
    expect(JSON.stringify(afterRevoke.priorityReasons)).toContain("never approved");
  });

  test("an analyst's proposal suppresses nothing until a lead approves it; rejection needs a comment", async () => {
    const source = await raise(psexec(`sccm-${run}`, `SCCM-${run}`, "SRV07"));
    const proposal = await createBaseline(input(`sccm-${run}`, `SCCM-${run}`, { sourceAlertId: source.id, close: "source" }), analyst, "proposed");
    expect(proposal).toMatchObject({ closedAlerts: 0, baseline: { status: "proposed", state: "proposed" } });
    expect((await raise(psexec(`sccm-${run}`, `SCCM-${run}`, "SRV07"))).status).toBe("open");

    const approved = await approveBaseline(proposal.baseline.id, { comment: "ok" }, lead);
    expect(approved).toMatchObject({ closedAlerts: 1, baseline: { status: "active", approver: { id: lead.userId }, reviewComment: "ok" } });
    expect((await db.alert.findUniqueOrThrow({ where: { id: source.id } })).status).toBe("closed");
    await expect(approveBaseline(proposal.baseline.id, {}, lead)).rejects.toMatchObject({ code: "conflict" });

    const other = await createBaseline(input(`x-${run}`, `X-${run}`), analyst, "proposed");
    const rejected = await rejectBaseline(other.baseline.id, "too wide", lead);
    expect(rejected.baseline).toMatchObject({ status: "rejected", reviewComment: "too wide" });
    const audit = await db.baselineAudit.findMany({ where: { baselineId: proposal.baseline.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["proposed", "approved"]);
  });

  test("edits make a new version and keep the old one in the audit; extend and stale versions", async () => {
    const entry = await createBaseline(input(`ver-${run}`, `VER-${run}`), lead, "active");
    const edited = await updateBaseline(entry.baseline.id, { ...input(`ver-${run}`, `VER2-${run}`), version: 1, comment: "host renamed" }, lead);
    expect(edited.baseline).toMatchObject({ version: 2, scope: { sourceHosts: [`VER2-${run}`] } });
    await expect(updateBaseline(entry.baseline.id, { ...input(`ver-${run}`, `VER3-${run}`), version: 1 }, lead)).rejects.toMatchObject({ code: "conflict" });
    const later = new Date(Date.now() + 300 * DAY);
    expect((await extendBaseline(entry.baseline.id, { expiresAt: later }, lead)).baseline.expiresAt).toBe(later.toISOString());
    const detail = await getBaselineById(entry.baseline.id);
    expect(detail.audit.map((a) => [a.action, a.version])).toEqual([["created", 1], ["edited", 2], ["extended", 2]]);
    expect((detail.audit[0].snapshot as { scope: { sourceHosts: string[] } }).scope.sourceHosts).toEqual([`VER-${run}`]);
  });

  test("an edited entry's earlier scope stays approved history: its user is not 'never approved'", async () => {
    const entry = await createBaseline(input(`old-${run}`, `OLD-${run}`), lead, "active");
    await updateBaseline(entry.baseline.id, { ...input(`new-${run}`, `NEW-${run}`), version: 1, comment: "handed over" }, lead);
    // The old user on the old host: no longer matched (so open), but covered by version 1 in the past.
    const formerly = await raise(psexec(`old-${run}`, `OLD-${run}`, "SRV09"));
    expect(formerly).toMatchObject({ status: "open", baselineId: null });
    expect(JSON.stringify(formerly.priorityReasons)).not.toContain("never approved");
    const stranger = await raise(psexec(`stranger-${run}`, `OLD-${run}`, "SRV09"));
    expect(JSON.stringify(stranger.priorityReasons)).toContain(`user CORP\\\\stranger-${run} never approved for PsExec`);
    expect((await raise(psexec(`new-${run}`, `NEW-${run}`, "SRV09"))).status).toBe("closed");
  });

  test("hostile names from logs reach the batched UPDATE as bound parameters", async () => {
    const hostile = `o'brien"); DROP TABLE alert; --${run}`;
    const alert = await raise(psexec(hostile, `EVIL-${run}`, "SRV08"));
    expect(JSON.stringify(alert.priorityReasons)).toContain("never approved");
    // Approving the user (not the host) rewrites the alert's reasons through the raw batched UPDATE.
    await createBaseline({ ...input(hostile, `ELSEWHERE-${run}`) }, lead, "active");
    const stored = await db.alert.findUniqueOrThrow({ where: { id: alert.id } });
    const texts = (stored.priorityReasons as { text: string }[]).map((r) => r.text);
    expect(texts).toContain(`source host EVIL-${run} never approved for PsExec`);
    expect(texts.some((t) => t.startsWith("user "))).toBe(false);
    expect(stored.version).toBe(alert.version + 1);
  });

  test("too broad scopes and expiries beyond a year are refused", async () => {
    await expect(previewBaselineScope({ users: ["*"] as never })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(previewBaselineScope({ executables: ["C:\\Tools\\PsExec.exe"] })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(createBaseline(input(`y-${run}`, `Y-${run}`, { expiresAt: new Date(Date.now() + 400 * DAY) }), lead, "active")).rejects.toMatchObject({ code: "validation_failed" });
    await expect(createBaseline(input(`y-${run}`, `Y-${run}`, { expiresAt: new Date(Date.now() - DAY) }), lead, "active")).rejects.toMatchObject({ code: "validation_failed" });
  });
});

describe("baseline routes enforce roles", () => {
  type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const routes: Record<string, () => Promise<Record<string, unknown>>> = {
    "/api/baselines": () => import("@/app/api/baselines/route"),
    "/api/baselines/proposals": () => import("@/app/api/baselines/proposals/route"),
    "/api/baselines/[id]": () => import("@/app/api/baselines/[id]/route"),
    "/api/baselines/[id]/approve": () => import("@/app/api/baselines/[id]/approve/route"),
    "/api/baselines/[id]/revoke": () => import("@/app/api/baselines/[id]/revoke/route"),
  };

  /** Calls the real route handler (auth, role check, validation) with an API token. */
  async function call(method: string, url: string, token: string, body?: unknown, params: Record<string, string> = {}) {
    const request = new Request(`http://localhost${url}`, {
      method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const route = await routes[url.replace(/\/[0-9a-f-]{36}/, "/[id]")]();
    return (route[method] as Handler)(request, { params: Promise.resolve(params) });
  }

  test("analysts get 403 creating, approving or revoking, but may propose; managers may only read", async () => {
    const analystToken = (await createApiToken({ userId: analyst.userId, name: "t" })).token;
    const manager = await user("manager");
    const managerToken = (await createApiToken({ userId: manager.userId, name: "t" })).token;
    const leadToken = (await createApiToken({ userId: lead.userId, name: "t" })).token;
    const body = { ...input(`api-${run}`, `API-${run}`), expiresAt: in90Days().toISOString() };

    expect((await call("POST", "/api/baselines", analystToken, body)).status).toBe(403);
    expect((await call("POST", "/api/baselines", managerToken, body)).status).toBe(403);
    expect((await call("POST", "/api/baselines/proposals", managerToken, body)).status).toBe(403);
    const proposed = await call("POST", "/api/baselines/proposals", analystToken, body);
    expect(proposed.status).toBe(201);
    const id = ((await proposed.json()) as { baseline: { id: string } }).baseline.id;
    expect((await call("POST", `/api/baselines/${id}/approve`, analystToken, {}, { id })).status).toBe(403);
    expect((await call("GET", "/api/baselines", managerToken)).status).toBe(200);
    const approved = await call("POST", `/api/baselines/${id}/approve`, leadToken, {}, { id });
    expect(approved.status).toBe(200);
    expect((await call("POST", `/api/baselines/${id}/revoke`, analystToken, {}, { id })).status).toBe(403);
    expect((await call("PATCH", `/api/baselines/${id}`, analystToken, { ...body, version: 1 }, { id })).status).toBe(403);
  });
});

describe("the baselines list", () => {
  test("pages by soonest expiry with an exact keyset cursor; a forged cursor is refused", async () => {
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push((await createBaseline(input(`page${i}-${run}`, `PG${i}-${run}`, { expiresAt: new Date(Date.now() + (300 + (i % 2)) * DAY) }), lead, "active")).baseline.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await findBaselines({ state: "all", cursor, limit: 2 });
      expect(page.baselines.length).toBeLessThanOrEqual(2);
      seen.push(...page.baselines.map((b) => b.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    const all = await db.baseline.findMany({ orderBy: [{ expiresAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(seen).toEqual(all.map((b) => b.id));
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(seen).toEqual(expect.arrayContaining(created));
    await expect(findBaselines({ state: "all", cursor: "bm9wZQ" })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
