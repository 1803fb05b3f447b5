import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { summarySelect, toAlertSummary } from "@/lib/server/alerts/alert-dto";
import { findAlertNotes } from "@/lib/server/alerts/find-alert-notes";
import { findRelatedAlerts } from "@/lib/server/alerts/find-related-alerts";
import { findAlertEvidence } from "@/lib/server/events/find-alert-evidence";
import { getAlertById } from "@/lib/server/alerts/get-alert-by-id";

// The alert page reads history, comments, related alerts and evidence in single joined/combined
// queries (fewer round trips at 1 M alerts, bench/triage.ts). These pin them to what the Prisma
// queries they replaced return.

async function user() {
  const id = randomUUID();
  await db.user.create({ data: { id, email: `${id}@test`, name: "t" } });
  return id;
}

async function alert(tag: string, i: number, fields: { userName?: string | null; sourceHost?: string | null; destinations?: string[]; assigneeId?: string | null }) {
  return db.alert.create({
    data: {
      dedupeKey: randomUUID(), ruleId: "r", ruleName: "PsExec", severity: "low", riskScore: 21, priority: "medium", priorityReasons: [],
      userName: null, sourceHost: null, destinations: [], ...fields, commandLine: `${tag} ${i}`, joinKeys: [], events: [], checklist: {},
      firstSeen: new Date(Date.UTC(2025, 2, 1) + i * 60_000), lastSeen: new Date(Date.UTC(2025, 2, 1) + i * 60_000 + 4_000),
    },
  });
}

describe("alert page queries", () => {
  it("related alerts: same user, host or a shared destination, newest first, with the assignee — as Prisma's OR/hasSome", async () => {
    const tag = randomUUID().slice(0, 8);
    const [a1, a2] = [await user(), await user()];
    const main = await alert(tag, 0, { userName: `u-${tag}`, sourceHost: `h-${tag}`, destinations: [`d1-${tag}`, `d2-${tag}`] });
    await alert(tag, 1, { userName: `u-${tag}`, assigneeId: a1 });
    await alert(tag, 2, { sourceHost: `h-${tag}`, assigneeId: a2 });
    await alert(tag, 3, { destinations: [`x-${tag}`, `d2-${tag}`] });
    await alert(tag, 4, { userName: `other-${tag}`, sourceHost: `other-${tag}`, destinations: [`x-${tag}`] });
    for (let i = 5; i < 30; i++) await alert(tag, i, { sourceHost: `h-${tag}`, assigneeId: i % 2 ? a1 : null });
    const expected = await db.alert.findMany({
      where: { id: { not: main.id }, OR: [{ userName: main.userName! }, { sourceHost: main.sourceHost! }, { destinations: { hasSome: main.destinations } }] },
      orderBy: { firstSeen: "desc" }, take: 20, select: summarySelect,
    });
    const related = await findRelatedAlerts(main);
    expect(related).toEqual(expected.map(toAlertSummary));
    expect(related).toHaveLength(20);
    // Nothing to relate by: no query, no alerts (Prisma's empty OR); an empty user or host is no condition.
    expect(await findRelatedAlerts({ id: main.id, userName: "", sourceHost: null, destinations: [] })).toEqual([]);
    const byDestination = await findRelatedAlerts({ id: main.id, userName: "", sourceHost: "", destinations: [`x-${tag}`] });
    expect(byDestination.map((a) => a.commandLine).sort()).toEqual([`${tag} 3`, `${tag} 4`]);
  });

  it("the alert itself: every column the page shows, the assignee's email and the connection's name — as Prisma's include", async () => {
    const tag = randomUUID().slice(0, 8);
    const assignee = await user();
    const connection = await db.connection.create({ data: { name: `c-${tag}`, urls: ["http://127.0.0.1:1"], indexPatterns: ["logs-*"], ruleIds: [] } });
    const rich = await db.alert.create({
      data: {
        dedupeKey: randomUUID(), ruleId: "r", ruleName: "PsExec", severity: "low", riskScore: 21, priority: "high", status: "acknowledged",
        priorityReasons: [{ code: "sensitive-child", text: "cmd.exe" }], classification: null, escalated: true, assigneeId: assignee, connectionId: connection.id,
        userName: "bob", userDomain: "CORP", sourceHost: `h-${tag}`, destinations: ["\\\\srv 10.0.0.1"], commandLine: "psexec \\\\srv -accepteula cmd",
        entityId: `{${tag}}`, joinKeys: [`{${tag}}`], events: [{ "@timestamp": "2025-03-01T00:00:00.000Z" }], checklist: { "check-source": { state: "done", note: "seen" } },
        firstSeen: new Date(Date.UTC(2025, 2, 1)), lastSeen: new Date(Date.UTC(2025, 2, 1, 0, 0, 4)),
      },
    });
    const plain = await alert(tag, 1, {});
    for (const { id } of [rich, plain]) {
      const expected = await db.alert.findUniqueOrThrow({ where: { id }, include: { assignee: { select: { id: true, email: true } }, connection: { select: { id: true, name: true } } } });
      const page = await getAlertById(id);
      expect(page.alert).toEqual(toAlertSummary(expected));
      expect(page.source).toEqual(expected.connection ? { kind: "connection", connectionId: expected.connection.id, name: expected.connection.name } : { kind: "upload", uploadId: expected.uploadId });
      expect({ reasons: page.priorityReasons, duplicateOf: page.duplicateOf, entityId: page.entityId, joinKeys: page.joinKeys, events: page.events })
        .toEqual({ reasons: expected.priorityReasons, duplicateOf: expected.duplicateOfId, entityId: expected.entityId, joinKeys: expected.joinKeys, events: expected.events });
    }
    expect((await getAlertById(rich.id)).alert.assignee).toEqual({ id: assignee, email: `${assignee}@test` });
    expect((await getAlertById(rich.id)).checklist["check-source"]).toMatchObject({ state: "done", note: "seen" });
    await expect(getAlertById(randomUUID())).rejects.toThrow(/No alert/);
  });

  it("history and comments with their authors' emails, in order, NULL when there is no author", async () => {
    const tag = randomUUID().slice(0, 8);
    const [actor, gone] = [await user(), await user()];
    const { id } = await alert(tag, 0, {});
    const at = (s: number) => new Date(Date.UTC(2025, 2, 1, 10) + s * 1000);
    await db.alertHistory.createMany({
      data: [
        { alertId: id, at: at(5), field: "status", from: "open", to: "acknowledged", actorId: actor },
        { alertId: id, at: at(1), field: "status", from: null, to: "open", reason: "raised" },
        { alertId: id, at: at(5), field: "assignee", from: null, to: gone, actorId: gone },
      ],
    });
    await db.comment.create({ data: { alertId: id, authorId: gone, body: "first", createdAt: at(7) } });
    await db.comment.create({ data: { alertId: id, authorId: actor, body: "second", createdAt: at(9) } });
    await db.user.delete({ where: { id: gone } });
    const history = await db.alertHistory.findMany({ where: { alertId: id }, orderBy: [{ at: "asc" }, { id: "asc" }], include: { actor: { select: { email: true } } } });
    const comments = await db.comment.findMany({ where: { alertId: id }, orderBy: { createdAt: "asc" }, include: { author: { select: { email: true } } } });
    const notes = await findAlertNotes(id);
    expect(notes.history).toEqual(history.map(({ id: hid, at: when, field, from, to, reason, actor: who }) => ({ id: hid, at: when, field, from, to, reason, actor: who })));
    expect(notes.comments).toEqual(comments.map((c) => ({ id: c.id, body: c.body, author: c.author?.email ?? null, createdAt: c.createdAt.toISOString() })));
    expect(notes.comments.map((c) => [c.body, c.author])).toEqual([["first", null], ["second", `${actor}@test`]]);
  });

  it("evidence: own events, children, target-side events by short host name in the window, DNS; nothing for missing keys", async () => {
    const tag = randomUUID().slice(0, 8);
    const t0 = Date.UTC(2025, 3, 1, 12);
    const entity = `{${tag}-psexec}`;
    const event = async (name: string, ms: number, { category = "process", ...fields }: { hostName: string; entityId?: string; parentEntityId?: string; code: string; processName?: string; category?: string }) =>
      db.event.create({
        data: {
          fingerprint: randomUUID(), timestamp: new Date(t0 + ms), category: [category], ...fields,
          doc: { name, "@timestamp": new Date(t0 + ms).toISOString(), event: { category: [category] }, process: { entity_id: fields.entityId ?? null } },
        },
      });
    await event("net", 1_000, { hostName: `ws-${tag}`, entityId: entity, code: "3", category: "network" });
    await event("start", 0, { hostName: `ws-${tag}`, entityId: entity, code: "1" });
    await event("child", 2_000, { hostName: `ws-${tag}`, entityId: `{${tag}-c}`, parentEntityId: entity, code: "1" });
    await event("dns", 500, { hostName: `ws-${tag}`, code: "22", category: "network" });
    await event("svc", 1_500, { hostName: `SRV-${tag}.corp.local`, entityId: `{${tag}-svc}`, code: "1", processName: "psexesvc.exe" });
    await event("svc-child", 1_800, { hostName: `srv-${tag}`, entityId: `{${tag}-w}`, parentEntityId: `{${tag}-svc}`, code: "1", processName: "whoami.exe" });
    await event("install", 1_200, { hostName: `srv-${tag}.CORP`, code: "7045", category: "configuration" });
    await event("too-late", 3_600_000, { hostName: `srv-${tag}`, code: "7045", category: "configuration" });
    await event("other-host", 1_300, { hostName: `srv-${tag}x`, code: "7045", category: "configuration" });
    const names = (list: { event: unknown }[]) => list.map((e) => (e.event as { name: string }).name);
    const evidence = await findAlertEvidence({ entityId: entity, host: `ws-${tag}`, destinations: [`\\\\SRV-${tag}.corp.local 10.1.1.1`], from: new Date(t0), to: new Date(t0 + 4_000) });
    expect({ own: names(evidence.own), parents: names(evidence.parents), children: names(evidence.children), target: names(evidence.target), dns: names(evidence.dns) })
      .toEqual({ own: ["start", "net"], parents: [], children: ["child"], target: ["install", "svc", "svc-child"], dns: ["dns"] });
    const none = await findAlertEvidence({ entityId: null, host: null, destinations: [], from: new Date(t0), to: new Date(t0 + 4_000) });
    expect(none).toEqual({ own: [], parents: [], children: [], target: [], dns: [] });
  });

  it("evidence: the parent chain walks up from the first process event, oldest ancestor first, at most 6, stops on a cycle", async () => {
    const tag = randomUUID().slice(0, 8);
    const t0 = Date.UTC(2025, 3, 2, 12);
    const id = (n: number | string) => `{${tag}-${n}}`;
    const event = (name: string, ms: number, entityId: string, parentEntityId: string | null, category = "process") =>
      db.event.create({
        data: {
          fingerprint: randomUUID(), timestamp: new Date(t0 + ms), category: [category], hostName: `ws-${tag}`, code: category === "process" ? "1" : "3",
          entityId, parentEntityId, doc: { name, event: { category: [category] }, process: { entity_id: entityId, parent: { entity_id: parentEntityId } } },
        },
      });
    const names = (list: { event: unknown }[]) => list.map((e) => (e.event as { name: string }).name);
    const parentsOf = async (entityId: string) =>
      names((await findAlertEvidence({ entityId, host: null, destinations: [], from: new Date(t0), to: new Date(t0 + 1_000) })).parents);

    // psexec ← a1 ← a2 ← … ← a8: the six nearest ancestors, oldest first. The PsExec process's own network
    // event (no parent) and an ancestor's later, second process event do not change the walk.
    await event("net", -1_000, id("psexec"), null, "network");
    await event("start", 0, id("psexec"), id(1));
    for (let n = 1; n <= 8; n++) await event(`a${n}`, -n * 1_000, id(n), id(n + 1));
    await event("a1-again", 5_000, id(1), id("elsewhere"));
    expect(await parentsOf(id("psexec"))).toEqual(["a6", "a5", "a4", "a3", "a2", "a1"]);

    // c1 ← c2 ← c1: each ancestor once, then the walk stops.
    await event("looped", 0, id("loop"), id("c1"));
    await event("c1", -1_000, id("c1"), id("c2"));
    await event("c2", -2_000, id("c2"), id("c1"));
    expect(await parentsOf(id("loop"))).toEqual(["c2", "c1"]);

    // An unknown parent, or a parent with only non-process events, ends the chain.
    await event("orphan", 0, id("orphan"), id("gone"));
    await event("gone-net", -500, id("gone"), null, "network");
    expect(await parentsOf(id("orphan"))).toEqual([]);
  });
});
