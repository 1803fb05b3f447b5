import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { createUploadFromBytes } from "@/lib/server/uploads/receive-upload";
import { processUpload } from "@/lib/server/uploads/process-upload";

// SYNTHETIC ECS events: a PsExec start with -accepteula and, optionally, its network connection.
function run(entity: string, host: string, at: number, opts: { connect: boolean; command?: string }) {
  const base = { host: { name: host, os: { type: "windows" } }, user: { name: "bob", domain: "CORP" } };
  const lines: object[] = [
    {
      ...base,
      "@timestamp": new Date(at).toISOString(),
      event: { category: ["process"], type: ["start"], code: "1" },
      process: { entity_id: entity, name: "PsExec.exe", executable: "C:\\Tools\\PsExec.exe", args: ["PsExec.exe", "-accepteula", "\\\\srv9", opts.command ?? "hostname"], command_line: `PsExec.exe -accepteula \\\\srv9 ${opts.command ?? "hostname"}` },
    },
  ];
  if (opts.connect) {
    lines.push({ ...base, "@timestamp": new Date(at + 1000).toISOString(), event: { category: ["network"], type: ["start"], code: "3" }, process: { entity_id: entity, name: "PsExec.exe" }, destination: { ip: "10.9.9.9", port: 445 } });
  }
  return lines;
}

const ndjson = (lines: object[], extra = "") => new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join("\n") + "\n" + extra);

describe("processUpload", () => {
  // The playbook's "outside the baseline → High" only applies once a baseline exists; these cases
  // check the priorities without one (db test files share a database and run one after another).
  beforeAll(async () => {
    await db.baseline.deleteMany();
  });

  it("stores evidence and raises Low, Medium and High alerts with reasons; a re-upload adds nothing", async () => {
    const host = `ws-${randomUUID().slice(0, 8)}`;
    const t = Date.UTC(2025, 4, 1, 10);
    const lines = [
      ...run(`{${host}-low}`, host, t, { connect: false }),
      ...run(`{${host}-medium}`, host, t + 60_000, { connect: true }),
      ...run(`{${host}-high}`, host, t + 120_000, { connect: true, command: "cmd.exe" }),
    ];
    const upload = await createUploadFromBytes("synthetic.ndjson", ndjson(lines, "not json\n"), null);
    await processUpload(upload.id);

    const stored = await db.upload.findUniqueOrThrow({ where: { id: upload.id } });
    expect(stored).toMatchObject({ status: "done", eventsParsed: 5, eventsStored: 5, rejected: 1, alertsFound: 3 });
    expect((stored.report as { rejections: { position: { line: number } }[] }).rejections[0].position.line).toBe(6);
    const alerts = await db.alert.findMany({ where: { sourceHost: host }, orderBy: { firstSeen: "asc" } });
    expect(alerts.map((a) => a.priority)).toEqual(["low", "medium", "high"]);
    const reasons = alerts.map((a) => (a.priorityReasons as { code: string }[]).map((r) => r.code));
    expect(reasons[0]).toEqual(["stage_one_only"]);
    expect(reasons[1]).toEqual(["network_connection"]);
    expect(reasons[2]).toContain("sensitive_remote_command");
    const history = await db.alertHistory.findMany({ where: { alertId: alerts[2].id } });
    expect(history.map((h) => `${h.field}:${h.to}`).sort()).toEqual(["priority:high", "status:open"]);

    const again = await createUploadFromBytes("renamed.ndjson", ndjson(lines, "not json\n"), null);
    expect(again.duplicateOf).toBe(upload.id);
    const overlapping = await createUploadFromBytes("overlap.ndjson", ndjson(lines), null);
    await processUpload(overlapping.id);
    expect(await db.alert.count({ where: { sourceHost: host } })).toBe(3);
    expect(await db.event.count({ where: { hostName: host } })).toBe(5);
  });

  it("an upload nothing could be read from fails with the first reason and where; one with a good record is done", async () => {
    const garbage = await createUploadFromBytes("garbage.bin", new Uint8Array([0x00, 0xff, 0x13, 0x37, 0x80, 0x81, 0x00, 0x02]), null);
    await processUpload(garbage.id);
    expect(await db.upload.findUniqueOrThrow({ where: { id: garbage.id } })).toMatchObject({
      status: "failed", format: "unknown", eventsParsed: 0, rejected: 1,
      error: "No event could be read: unrecognised content (not EVTX, XML, JSON, gzip or zip) (offset 0)",
    });

    const bad = await createUploadFromBytes("bad.ndjson", new TextEncoder().encode('{"a":\n[1,2]\n{"no":"kind"}\n'), null);
    await processUpload(bad.id);
    const failed = await db.upload.findUniqueOrThrow({ where: { id: bad.id } });
    expect(failed).toMatchObject({ status: "failed", eventsParsed: 0, rejected: 3 });
    expect(failed.error).toMatch(/^No event could be read: invalid JSON: .* \(line 1, record 0\); 2 more rejected$/);

    const host = `ws-${randomUUID().slice(0, 8)}`;
    const mixed = await createUploadFromBytes("mixed.ndjson", ndjson(run(`{${host}-m}`, host, Date.UTC(2025, 4, 3), { connect: false }), "{oops\n"), null);
    await processUpload(mixed.id);
    expect(await db.upload.findUniqueOrThrow({ where: { id: mixed.id } })).toMatchObject({ status: "done", error: null, eventsParsed: 1, rejected: 1 });
  });

  it("a failing upload leaves no events behind and a retry is idempotent", async () => {
    const host = `ws-${randomUUID().slice(0, 8)}`;
    const upload = await createUploadFromBytes("synthetic.ndjson", ndjson(run(`{${host}-x}`, host, Date.UTC(2025, 4, 2), { connect: true })), null);
    await processUpload(upload.id);
    await db.upload.update({ where: { id: upload.id }, data: { status: "processing" } });
    await processUpload(upload.id).catch(() => undefined); // file already removed: the retry fails
    const { markUploadFailed } = await import("@/lib/server/uploads/process-upload");
    await markUploadFailed(upload.id, new Error("boom"));
    expect(await db.event.count({ where: { uploadId: upload.id } })).toBe(0);
    expect((await db.upload.findUniqueOrThrow({ where: { id: upload.id } })).status).toBe("failed");
  });
});
