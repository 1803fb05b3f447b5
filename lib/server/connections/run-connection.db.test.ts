import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { runConnection } from "@/lib/server/connections/run-connection";
import { createConnection } from "@/lib/server/connections/save-connection";
import { fetchMissingContext } from "@/lib/server/connections/fetch-missing-context";
import { scheduleConnectionRuns } from "@/lib/server/connections/schedule-connection-runs";
import { checkHealth } from "@/lib/server/health/check-health";
import { jsonToEcs } from "@/lib/ingest/json/json-to-ecs";
import { toWinlogbeatRawLines } from "@/lib/sample/render-formats";
import { syntheticScenario } from "@/lib/sample/synthetic-scenario";
import { startFakeElasticsearch, type FakeElasticsearch } from "@/test/fake-elasticsearch/server";

// A SYNTHETIC scenario (one Low, one Medium, one High PsExec run) indexed in a fake Elasticsearch as
// the Sysmon integration would store it, plus 2 500 filler documents sharing one @timestamp so the
// PIT pages (1 000 each) split ties. Runs are driven with an injected clock through several windows.
const T0 = Date.parse("2026-11-20T08:00:00Z");
const at = (minutes: number) => () => new Date(T0 + minutes * 60_000);
const INDEX = "logs-windows.sysmon_operational-default";
const PASSWORD = "s3cret-fake-password";

let fake: FakeElasticsearch;
let scenarioDocs: Record<string, unknown>[];

beforeAll(async () => {
  await db.baseline.deleteMany();
  // Three shards per index, so one failing shard is a partial result (all failing would be a 503).
  fake = await startFakeElasticsearch({ auth: { username: "lateral", password: PASSWORD }, shardsPerIndex: 3 });
  scenarioDocs = toWinlogbeatRawLines(syntheticScenario({ start: new Date(T0), noise: 60 }))
    .trim().split("\n").map((line) => { const r = jsonToEcs(JSON.parse(line)); if (!r.ok) throw new Error(r.reason); return r.event; });
  const filler = Array.from({ length: 2_500 }, (_, i) => ({
    "@timestamp": new Date(T0 + 100_000).toISOString(), host: { name: "FILL01", os: { type: "windows" } },
    event: { category: ["file"], type: ["creation"], code: "11" }, file: { path: `C:\\Temp\\f${i}.tmp` },
  }));
  fake.addDocuments(INDEX, [...scenarioDocs, ...filler]);
});

afterAll(async () => {
  await db.connection.deleteMany({ where: { name: { startsWith: "run-test-" } } });
  await fake?.stop();
});

// Alerts are keyed by their events: every case starts from no cluster alerts, or the second
// connection reading the same documents would (rightly) raise nothing new.
beforeEach(async () => {
  fake.clearFaults();
  await clearClusterEvidence();
});

async function clearClusterEvidence() {
  await db.alert.deleteMany({ where: { connectionId: { not: null } } });
  await db.event.deleteMany({ where: { connectionId: { not: null } } });
}

async function newConnection(name: string, mode: "pull" | "push_down" = "pull") {
  const dto = await createConnection({
    name: `run-test-${name}`, urls: [fake.url], auth: { kind: "basic", username: "lateral", password: PASSWORD },
    verifyTls: true, indexPatterns: ["logs-windows.sysmon_operational-*", "winlogbeat-*"], intervalSeconds: 300, lookbackSeconds: 540,
    mode, ruleIds: [], enabled: true,
  });
  return dto.id;
}

/** The alerts of a connection as comparable facts: rule, kind, priority, and the events' _ids. */
async function alertsOf(connectionId: string) {
  const alerts = await db.alert.findMany({ where: { connectionId }, orderBy: { firstSeen: "asc" } });
  return alerts.map((alert) => ({
    host: alert.sourceHost?.split(".")[0].toUpperCase(),
    priority: alert.priority,
    events: (alert.events as { _id: string }[]).map((event) => event._id),
  }));
}

async function runThrough(connectionId: string, minutes: number[]) {
  const outcomes = [];
  for (const minute of minutes) outcomes.push((await runConnection(connectionId, { now: at(minute) })).outcome);
  return outcomes;
}

describe("pull mode", () => {
  it("finds the scenario's alerts across several windows, each once, and keeps their context", async () => {
    const id = await newConnection("pull");
    expect(await runThrough(id, [4, 9, 14, 19])).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    const alerts = await alertsOf(id);
    expect(alerts.map((a) => [a.host, a.priority])).toEqual([["WS01", "medium"], ["WS02", "high"], ["WS03", "low"]]);
    const runs = await db.connectionRun.findMany({ where: { connectionId: id }, orderBy: { startedAt: "asc" } });
    expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    expect(runs[0].eventsRead).toBeGreaterThan(2_500); // the filler's tie crosses page boundaries
    expect(runs.map((run) => run.alertsFound)).toEqual([2, 0, 1, 0]); // Low only once its 9 min have been read
    // The High alert's target-side evidence (PSEXESVC and its shell on SRV02) came from the cluster.
    const target = await db.event.count({ where: { connectionId: id, hostName: { startsWith: "srv02", mode: "insensitive" } } });
    expect(target).toBeGreaterThan(0);
    const connection = await db.connection.findUniqueOrThrow({ where: { id } });
    expect(connection).toMatchObject({ checkpoint: at(19)(), consecutiveFailures: 0, flavor: "elasticsearch" });
  });

  it("never duplicates: the same windows read again (a restart before the checkpoint moved) add nothing", async () => {
    const id = await newConnection("restart");
    await runThrough(id, [4, 9, 14]);
    const before = { alerts: await alertsOf(id), events: await db.event.count({ where: { connectionId: id } }) };
    await db.connection.update({ where: { id }, data: { checkpoint: null } });
    // A worker that died mid-run left its run 'running': the next read takes over and reads it again.
    await db.connectionRun.create({ data: { connectionId: id, mode: "pull", windowStart: at(-5)(), windowEnd: at(4)(), heartbeatAt: new Date(Date.now() - 10 * 60_000) } });
    expect(await runThrough(id, [4, 9, 14, 19])).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    expect({ alerts: await alertsOf(id), events: await db.event.count({ where: { connectionId: id } }) }).toEqual(before);
    const takenOver = await db.connectionRun.findFirstOrThrow({ where: { connectionId: id, windowEnd: at(4)(), status: "failed" } });
    expect(takenOver.error).toMatch(/worker stopped/);
  });

  it("one read per connection at a time: a second concurrent read backs off", async () => {
    const id = await newConnection("lock");
    fake.failNext({ path: /_pit$/, delayMs: 600 });
    const [first, second] = await Promise.all([runConnection(id, { now: at(4) }), new Promise((r) => setTimeout(r, 150)).then(() => runConnection(id, { now: at(4) }))]);
    expect([first.outcome, second.outcome]).toEqual(["succeeded", "busy"]);
  });
});

describe("context on demand", () => {
  it("the alert page can ask the cluster again for evidence that is not stored", async () => {
    const id = await newConnection("context");
    await runThrough(id, [4]);
    const high = await db.alert.findFirstOrThrow({ where: { connectionId: id, sourceHost: { startsWith: "ws02", mode: "insensitive" } } });
    const targetSide = { connectionId: id, hostName: { startsWith: "srv02", mode: "insensitive" as const } };
    const kept = await db.event.count({ where: targetSide });
    expect(kept).toBeGreaterThan(0);
    await db.event.deleteMany({ where: targetSide });
    const result = await fetchMissingContext(high.id);
    expect(result.stored).toBe(kept);
    expect(await db.event.count({ where: targetSide })).toBe(kept);
    // Asking again finds the same events and keeps nothing twice.
    expect((await fetchMissingContext(high.id)).stored).toBe(0);
    const uploaded = await db.alert.create({ data: { dedupeKey: `ctx-${id}`, ruleId: "r", ruleName: "r", severity: "medium", riskScore: 47, priority: "low", priorityReasons: [], joinKeys: [], events: [], checklist: {}, destinations: [], firstSeen: new Date(), lastSeen: new Date() } });
    await expect(fetchMissingContext(uploaded.id)).rejects.toMatchObject({ code: "conflict" });
    await db.alert.delete({ where: { id: uploaded.id } });
  });
});

describe("push-down mode", () => {
  it.each(["8.19.2", "7.17.20"])("gives the same alerts as pull mode on the same data (Elasticsearch %s)", async (version) => {
    fake.setFlavor("elasticsearch", version);
    try {
      const pull = await newConnection(`compare-pull-${version}`);
      expect(await runThrough(pull, [4, 9, 14, 19])).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
      const pulled = await alertsOf(pull);
      await clearClusterEvidence();
      const push = await newConnection(`compare-push-${version}`, "push_down");
      expect(await runThrough(push, [4, 9, 14, 19])).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
      expect(await alertsOf(push)).toEqual(pulled);
      expect(pulled).toHaveLength(3);
      expect(fake.requests.some((request) => request.path.endsWith("/_eql/search"))).toBe(true);
    } finally {
      fake.setFlavor("elasticsearch");
    }
  });

  it("a full answer (as many matches as asked) means some may be missing: the window is read in pull mode, same alerts", async () => {
    const pull = await newConnection("full-pull");
    await runThrough(pull, [4, 9, 14, 19]);
    const pulled = await alertsOf(pull);
    await clearClusterEvidence();
    const push = await newConnection("full-push", "push_down");
    const pitsBefore = fake.requests.filter((request) => request.path.endsWith("/_pit")).length;
    // One sequence per answer: the window holding the Medium and High runs' sequences is full.
    const outcomes = [];
    for (const minute of [4, 9, 14, 19]) outcomes.push((await runConnection(push, { now: at(minute), pushDownLimits: { sequences: 1, stageEvents: 10_000 } })).outcome);
    expect(outcomes).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    expect(await alertsOf(push)).toEqual(pulled);
    const runs = await db.connectionRun.findMany({ where: { connectionId: push }, orderBy: { windowStart: "asc" } });
    const fellBack = runs.filter((run) => run.warnings.some((warning) => /returned its maximum of 1 matches; this window was read in pull mode/.test(warning)));
    expect(fellBack.length).toBeGreaterThan(0);
    expect(fake.requests.filter((request) => request.path.endsWith("/_pit")).length).toBeGreaterThan(pitsBefore);

    // A full stage answer (the Low alerts' start events) falls back the same way.
    await clearClusterEvidence();
    const stages = await newConnection("full-stage", "push_down");
    for (const minute of [4, 9, 14, 19]) await runConnection(stages, { now: at(minute), pushDownLimits: { sequences: 1_000, stageEvents: 1 } });
    expect(await alertsOf(stages)).toEqual(pulled);
    const stageRuns = await db.connectionRun.findMany({ where: { connectionId: stages } });
    expect(stageRuns.some((run) => run.warnings.some((warning) => /maximum of 1 events for a stage; this window was read in pull mode/.test(warning)))).toBe(true);
  });
});

describe("OpenSearch", () => {
  it("pull mode works through the OpenSearch client; push-down fails with a clear message (no EQL there)", async () => {
    const opensearch = await startFakeElasticsearch({ flavor: "opensearch", auth: { username: "lateral", password: PASSWORD }, shardsPerIndex: 2 });
    try {
      opensearch.addDocuments(INDEX, scenarioDocs);
      const create = async (name: string, mode: "pull" | "push_down") => (await createConnection({
        name: `run-test-${name}`, urls: [opensearch.url], auth: { kind: "basic", username: "lateral", password: PASSWORD },
        verifyTls: true, indexPatterns: ["logs-windows.sysmon_operational-*"], intervalSeconds: 300, lookbackSeconds: 540, mode, ruleIds: [], enabled: true,
      })).id;
      const pull = await create("opensearch-pull", "pull");
      expect(await runThrough(pull, [4, 9, 14])).toEqual(["succeeded", "succeeded", "succeeded"]);
      expect((await alertsOf(pull)).map((a) => [a.host, a.priority])).toEqual([["WS01", "medium"], ["WS02", "high"], ["WS03", "low"]]);
      expect((await db.connection.findUniqueOrThrow({ where: { id: pull } })).flavor).toBe("opensearch");
      const push = await create("opensearch-push", "push_down");
      const failed = await runConnection(push, { now: at(4) });
      expect(failed.outcome).toBe("failed");
      expect(failed.error).toMatch(/OpenSearch has no EQL/);
    } finally {
      await opensearch.stop();
    }
  });
});

describe("faults", () => {
  it("401: the run fails at once with the cluster's reason (no secret), the badge is failing, the window is read again", async () => {
    const id = await newConnection("auth");
    fake.setAuth({ username: "lateral", password: "rotated" });
    try {
      const failed = await runConnection(id, { now: at(4) });
      expect(failed.outcome).toBe("failed");
      expect(failed.error).toMatch(/401|credentials|authenticate/i);
      expect(failed.error).not.toContain(PASSWORD);
      const connection = await db.connection.findUniqueOrThrow({ where: { id } });
      expect(connection).toMatchObject({ checkpoint: null, consecutiveFailures: 1 });
      expect((await checkHealth()).connections).toContainEqual({ name: "run-test-auth", health: "failing" });
    } finally {
      fake.setAuth({ username: "lateral", password: PASSWORD });
    }
    expect((await runConnection(id, { now: at(4) })).outcome).toBe("succeeded");
    expect((await db.connection.findUniqueOrThrow({ where: { id } })).consecutiveFailures).toBe(0);
    // No longer failing; its checkpoint (the injected clock, days ago) is behind real time: lagging.
    expect((await checkHealth()).connections).toContainEqual({ name: "run-test-auth", health: "lagging" });
  });

  it("429 with Retry-After and 503 are retried within the run", async () => {
    const id = await newConnection("retry");
    fake.failNext({ path: /_search$/, status: 429, retryAfter: 1 });
    fake.failNext({ path: /_search$/, status: 503 });
    const started = Date.now();
    expect((await runConnection(id, { now: at(4) })).outcome).toBe("succeeded");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(await db.alert.count({ where: { connectionId: id } })).toBe(2);
  });

  it("partial shard failures fail the window; it is read again by the next run", async () => {
    const id = await newConnection("shards");
    fake.failShards({ path: /_search$/, failed: 1 });
    const failed = await runConnection(id, { now: at(4) });
    expect(failed).toMatchObject({ outcome: "failed" });
    expect(failed.error).toMatch(/shard/i);
    expect((await db.connection.findUniqueOrThrow({ where: { id } })).checkpoint).toBeNull();
    expect((await runConnection(id, { now: at(9) })).outcome).toBe("succeeded");
    expect(await db.alert.count({ where: { connectionId: id } })).toBe(2);
  });

  it("mapping surprises (scalars for arrays, epoch-millis dates, numbers for keywords) still match", async () => {
    const entity = "{0dd00000-0000-6000-0000-000000000001}";
    const base = { host: { name: "ODD01", os: { type: "windows" } }, user: { name: "carol", domain: "CORP" } };
    fake.addDocuments("winlogbeat-odd", [
      // Scalars where ECS has arrays, and epoch millis: Elasticsearch indexes these without complaint.
      { _id: "start", ...base, "@timestamp": T0 + 30_000, event: { category: "process", type: "start", code: 1 },
        process: { entity_id: entity, name: "PsExec.exe", executable: "C:\\Tools\\PsExec.exe", args: "-accepteula", command_line: "PsExec.exe -accepteula \\\\srv01 hostname" } },
      { _id: "connect", ...base, "@timestamp": new Date(T0 + 31_000).toISOString(), event: { category: "network", type: "connection", code: "3" },
        process: { entity_id: entity, name: "psexec.exe" }, destination: { ip: "10.10.5.11", port: 445 } },
    ]);
    // A date the cluster cannot parse never gets in: it refuses the document, as Elasticsearch does.
    expect(fake.addDocuments("winlogbeat-odd", [{ _id: "garbage-time", ...base, "@timestamp": "sometime", process: { entity_id: entity } }]).rejected).toHaveLength(1);
    const id = await newConnection("odd");
    const outcome = await runConnection(id, { now: at(4) });
    expect(outcome.outcome).toBe("succeeded");
    const run = await db.connectionRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run.alertsFound).toBe(3);
    expect((await alertsOf(id)).find((alert) => alert.host === "ODD01")?.events).toEqual(["start", "connect"]);
    expect(run.rejected).toBe(0);
    const stored = await db.event.findFirstOrThrow({ where: { connectionId: id, entityId: entity, code: "1" } });
    expect(stored.timestamp.toISOString()).toBe(new Date(T0 + 30_000).toISOString());
  });

  it("documents stamped in the future are reported, and read once their time comes", async () => {
    fake.addDocuments("winlogbeat-future", [{ _id: "ahead", "@timestamp": new Date(T0 + 30 * 60_000).toISOString(), host: { name: "FUT01" }, event: { category: ["file"], code: "11" } }]);
    const id = await newConnection("future");
    const outcome = await runConnection(id, { now: at(4) });
    const run = await db.connectionRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run.warnings.join("\n")).toMatch(/1 document\(s\) are stamped more than 5 minutes in the future/);
  });

  it("a connection deleted while its read runs: the read stops quietly, nothing half-written stays", async () => {
    const id = await newConnection("deleted");
    fake.failNext({ path: /_search$/, delayMs: 800 });
    const running = runConnection(id, { now: at(4) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await db.connection.delete({ where: { id } });
    expect((await running).outcome).toBe("gone");
    expect(await db.connectionRun.count({ where: { connectionId: id } })).toBe(0);
    expect(await db.alert.count({ where: { connectionId: id } })).toBe(0);
  });
});

describe("scheduling", () => {
  it("enqueues one read per due connection, never a second while one is queued", async () => {
    const id = await newConnection("schedule");
    await db.connection.update({ where: { id }, data: { nextRunAt: new Date(Date.now() - 1_000) } });
    await scheduleConnectionRuns();
    await db.connection.update({ where: { id }, data: { nextRunAt: new Date(Date.now() - 1_000) } });
    await scheduleConnectionRuns();
    const jobs = await db.job.findMany({ where: { kind: "pull-connection", payload: { path: ["connectionId"], equals: id } } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0].status).toBe("queued");
    await db.job.deleteMany({ where: { id: jobs[0].id } });
  });

  it("stores the secret encrypted only", async () => {
    const id = await newConnection("secret");
    const row = await db.connection.findUniqueOrThrow({ where: { id } });
    expect(row.secretCipher).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
  });
});
