import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getField, type EcsEvent } from "@/lib/ecs/event";
import { getAlertById } from "@/lib/server/alerts/get-alert-by-id";
import { db } from "@/lib/server/db/client";
import { createUploadFromBytes } from "@/lib/server/uploads/receive-upload";
import { processUpload } from "@/lib/server/uploads/process-upload";

// SYNTHETIC ECS events for one PsExec run, split the way analysts upload them: the source host's
// Sysmon log in one file, the target host's Security/System/Sysmon events in another. Only the
// evidence around alerts is stored, so these checks pin what the alert page and the priority see.

type Scenario = { source: object[]; target: object[]; sourceHost: string; targetHost: string };

function scenario(t0: number): Scenario {
  const id = randomUUID().slice(0, 8);
  const sourceHost = `ws-${id}`;
  const targetHost = `srv-${id}.corp.local`;
  const at = (ms: number) => new Date(t0 + ms).toISOString();
  const src = (ms: number, code: string, category: string, fields: object) => ({
    "@timestamp": at(ms), host: { name: sourceHost, os: { type: "windows" } }, user: { name: "bob", domain: "CORP" },
    winlog: { channel: "Microsoft-Windows-Sysmon/Operational" }, event: { category: [category], type: ["start"], code }, ...fields,
  });
  const dst = (ms: number, code: string, channel: string, category: string, fields: object) => ({
    "@timestamp": at(ms), host: { name: targetHost, os: { type: "windows" } },
    winlog: { channel }, event: { category: [category], type: ["start"], code }, ...fields,
  });
  const psexec = `{${id}-psexec}`;
  const svc = `{${id}-psexesvc}`;
  const source = [
    // Ancestors of PsExec, an hour and half a minute before it: the parent chain on the alert page.
    src(-3_600_000, "1", "process", { process: { entity_id: `{${id}-explorer}`, name: "explorer.exe", parent: { entity_id: `{${id}-userinit}`, name: "userinit.exe" } } }),
    src(-30_000, "1", "process", { process: { entity_id: `{${id}-cmd}`, name: "cmd.exe", parent: { entity_id: `{${id}-explorer}`, name: "explorer.exe" } } }),
    src(-120_000, "22", "network", { process: { entity_id: `{${id}-chrome}`, name: "chrome.exe" }, dns: { question: { name: "early.example.com" } } }),
    src(-20_000, "22", "network", { process: { entity_id: `{${id}-chrome}`, name: "chrome.exe" }, dns: { question: { name: `srv-${id}.corp.local` } } }),
    src(0, "1", "process", {
      process: {
        entity_id: psexec, name: "PsExec.exe", executable: "C:\\Tools\\PsExec.exe",
        args: ["PsExec.exe", "-accepteula", `\\\\srv-${id}`, "hostname"], command_line: `PsExec.exe -accepteula \\\\srv-${id} hostname`,
        parent: { entity_id: `{${id}-cmd}`, name: "cmd.exe" },
      },
    }),
    src(1_000, "3", "network", { process: { entity_id: psexec, name: "PsExec.exe" }, destination: { ip: "10.77.0.9", port: 445 } }),
    src(2_200, "1", "process", { process: { entity_id: `{${id}-conhost}`, name: "conhost.exe", parent: { entity_id: psexec, name: "PsExec.exe" } } }),
    src(5_000, "1", "process", { process: { entity_id: `{${id}-noise}`, name: "notepad.exe", parent: { entity_id: `{${id}-explorer}`, name: "explorer.exe" } } }),
  ];
  const target = [
    dst(1_500, "4624", "Security", "authentication", { winlog: { channel: "Security", event_data: { LogonType: "3" } }, source: { ip: "10.77.0.1" }, user: { name: "bob", domain: "CORP" } }),
    dst(1_600, "5145", "Security", "network", { file: { name: "PSEXESVC-stdin" }, source: { ip: "10.77.0.1" } }),
    dst(1_700, "1", "Microsoft-Windows-Sysmon/Operational", "process", { process: { entity_id: `{${id}-svchost}`, name: "svchost.exe", parent: { entity_id: `{${id}-services}`, name: "services.exe" } } }),
    dst(2_000, "7045", "System", "configuration", { service: { name: "PSEXESVC" } }),
    dst(2_500, "1", "Microsoft-Windows-Sysmon/Operational", "process", { process: { entity_id: svc, name: "PSEXESVC.exe", parent: { entity_id: `{${id}-services}`, name: "services.exe" } } }),
    dst(2_600, "17", "Microsoft-Windows-Sysmon/Operational", "file", { process: { entity_id: svc, name: "PSEXESVC.exe" }, file: { name: "\\PSEXESVC-stdin" } }),
    dst(3_000, "1", "Microsoft-Windows-Sysmon/Operational", "process", { process: { entity_id: `{${id}-whoami}`, name: "whoami.exe", parent: { entity_id: svc, name: "PSEXESVC.exe" } } }),
    dst(4_000, "4634", "Security", "authentication", { user: { name: "bob", domain: "CORP" } }),
    dst(3_600_000, "4624", "Security", "authentication", { winlog: { channel: "Security", event_data: { LogonType: "3" } } }),
  ];
  return { source, target, sourceHost, targetHost };
}

const ndjson = (lines: object[]) => new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join("\n") + "\n");

async function ingest(name: string, lines: object[]) {
  const upload = await createUploadFromBytes(name, ndjson(lines), null);
  await processUpload(upload.id);
  return db.upload.findUniqueOrThrow({ where: { id: upload.id } });
}

/** Events compared by what they are and when, relative to the PsExec start (ids differ between runs). */
const label = (event: EcsEvent, t0: number) =>
  `${String(getField(event, "event.code"))} ${String(getField(event, "process.name") ?? "-")} ${Date.parse(String(getField(event, "@timestamp"))) - t0}`;

async function alertView(sourceHost: string, t0: number) {
  const alert = await db.alert.findFirstOrThrow({ where: { sourceHost } });
  const page = await getAlertById(alert.id);
  const evidence = Object.fromEntries(Object.entries(page.evidence).map(([key, list]) => [key, list.map((e) => label(e.event, t0))]));
  const history = await db.alertHistory.findMany({ where: { alertId: alert.id, field: "priority" }, orderBy: { id: "asc" } });
  return { priority: alert.priority, reasons: alert.priorityReasons, evidence, priorityHistory: history.map((h) => `${h.from}→${h.to}`) };
}

const T0 = (offsetMinutes: number) => Date.UTC(2025, 6, 1, 9) + offsetMinutes * 60_000;

const sourceSide = {
  own: ["1 PsExec.exe 0", "3 PsExec.exe 1000"],
  parents: ["1 explorer.exe -3600000", "1 cmd.exe -30000"],
  children: ["1 conhost.exe 2200"],
  dns: ["22 chrome.exe -20000"],
};
const targetSide = ["4624 - 1500", "5145 - 1600", "7045 - 2000", "1 PSEXESVC.exe 2500", "17 PSEXESVC.exe 2600", "1 whoami.exe 3000"];

describe("evidence across uploads (source host and target host uploaded separately)", () => {
  beforeAll(async () => {
    await db.baseline.deleteMany();
  });

  it("source first: the target's upload completes the alert page and raises the priority to High", async () => {
    const t0 = T0(0);
    const s = scenario(t0);
    const first = await ingest("source.ndjson", s.source);
    // Kept: the parent chain, DNS in the window, PsExec's events and child; not the early DNS or notepad.
    expect(first).toMatchObject({ status: "done", eventsParsed: s.source.length, eventsStored: 6, alertsFound: 1 });
    expect(await alertView(s.sourceHost, t0)).toMatchObject({ priority: "medium", evidence: { ...sourceSide, target: [] } });

    const second = await ingest("target.ndjson", s.target);
    // The stored alert's window on the target host keeps all of it (the late 4624 as a logon).
    expect(second).toMatchObject({ status: "done", eventsParsed: s.target.length, eventsStored: s.target.length, alertsFound: 0 });
    const view = await alertView(s.sourceHost, t0);
    expect(view.evidence).toEqual({ ...sourceSide, target: targetSide });
    expect(view.priority).toBe("high");
    expect(view.priorityHistory).toEqual(["null→medium", "medium→high"]);
    // "related" indexes count PsExec's children and every target-host event in the window, in time
    // order: 4624, 5145, svchost, 7045, conhost, PSEXESVC, pipe, whoami (7).
    expect(view.reasons).toEqual([
      { code: "network_connection", priority: "medium", text: "PsExec connected to another host", eventRefs: [{ source: "alert", index: 0 }, { source: "alert", index: 1 }] },
      { code: "sensitive_service_child", priority: "high", text: "PSEXESVC spawned whoami.exe on the destination", eventRefs: [{ source: "related", index: 7 }] },
    ]);
  });

  it("target first: the alert raised from the source's upload sees the stored target-side events", async () => {
    const t0 = T0(30);
    const s = scenario(t0);
    const first = await ingest("target.ndjson", s.target);
    // No alert yet: only the kinds another upload's alert reads (logons, share access, service
    // install, PSEXESVC and its child) are kept; svchost.exe and the 4634 logoff are not.
    expect(first).toMatchObject({ status: "done", eventsParsed: s.target.length, eventsStored: 7, alertsFound: 0 });
    await ingest("source.ndjson", s.source);
    const view = await alertView(s.sourceHost, t0);
    expect(view.evidence).toEqual({ ...sourceSide, target: targetSide });
    expect(view.priority).toBe("high");
    expect(view.priorityHistory).toEqual(["null→high"]);
    // Same reasons; only the "related event N" number can differ (svchost.exe was not kept).
    expect((view.reasons as { code: string }[]).map((r) => r.code)).toEqual(["network_connection", "sensitive_service_child"]);
  });

  it("both hosts in one upload: same evidence and priority; the report still counts every event", async () => {
    const t0 = T0(60);
    const s = scenario(t0);
    const done = await ingest("both.ndjson", [...s.source, ...s.target]);
    expect(done).toMatchObject({ status: "done", eventsParsed: s.source.length + s.target.length, eventsStored: 6 + s.target.length, rejected: 0, alertsFound: 1 });
    const report = done.report as { byChannelAndEventId: Record<string, number>; hosts: string[] };
    expect(Object.values(report.byChannelAndEventId).reduce((a, b) => a + b, 0)).toBe(s.source.length + s.target.length);
    expect(report.hosts).toEqual([s.sourceHost, s.targetHost].sort());
    const view = await alertView(s.sourceHost, t0);
    expect(view.evidence).toEqual({ ...sourceSide, target: targetSide });
    expect(view.priority).toBe("high");
    expect(view.reasons).toEqual([
      { code: "network_connection", priority: "medium", text: "PsExec connected to another host", eventRefs: [{ source: "alert", index: 0 }, { source: "alert", index: 1 }] },
      { code: "sensitive_service_child", priority: "high", text: "PSEXESVC spawned whoami.exe on the destination", eventRefs: [{ source: "related", index: 7 }] },
    ]);
  });

  it("an unsorted file (target events first, then a later event, then the PsExec run) gets its evidence from a second pass", async () => {
    const t0 = T0(90);
    const s = scenario(t0);
    const later = { "@timestamp": new Date(t0 + 7_200_000).toISOString(), host: { name: "ws-elsewhere" }, event: { category: ["process"], code: "1" }, process: { entity_id: "{later}", name: "x.exe" } };
    // The jump of two hours lets the held target-side events go before the PsExec start is read.
    const done = await ingest("unsorted.ndjson", [...s.target, later, ...s.source]);
    expect(done).toMatchObject({ status: "done", eventsStored: 6 + s.target.length, alertsFound: 1 });
    const view = await alertView(s.sourceHost, t0);
    expect(view.evidence).toEqual({ ...sourceSide, target: targetSide });
    expect(view.reasons).toEqual([
      { code: "network_connection", priority: "medium", text: "PsExec connected to another host", eventRefs: [{ source: "alert", index: 0 }, { source: "alert", index: 1 }] },
      { code: "sensitive_service_child", priority: "high", text: "PSEXESVC spawned whoami.exe on the destination", eventRefs: [{ source: "related", index: 7 }] },
    ]);
  });
});
