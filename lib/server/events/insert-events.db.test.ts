import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { EcsEvent } from "@/lib/ecs/event";
import { db } from "@/lib/server/db/client";
import { eventFingerprint } from "@/lib/server/events/event-fingerprint";
import { eventKeys } from "@/lib/server/events/event-keys";
import { insertEvents } from "@/lib/server/events/insert-events";

describe("insertEvents", () => {
  it("stores full and partial chunks with their columns, and skips events already stored", async () => {
    const upload = await db.upload.create({ data: { fileName: "insert-test", status: "processing" } });
    const host = `ws-${randomUUID().slice(0, 8)}`;
    const events: EcsEvent[] = Array.from({ length: 1_201 }, (_, i) => ({
      "@timestamp": new Date(Date.UTC(2025, 10, 1) + i).toISOString(),
      host: { name: `${host}.corp.local` },
      event: { code: "1", category: ["process", "start"] },
      winlog: { channel: "Microsoft-Windows-Sysmon/Operational", record_id: String(i + 1) },
      process: { entity_id: `{${host}-${i}}`, name: "CMD.EXE", parent: { entity_id: `{${host}-parent}` } },
      note: "quote ' and backslash \\ and unicode é",
    }));
    const kept = events.map((event) => ({ event, keys: eventKeys(event) }));
    expect(await insertEvents({ uploadId: upload.id }, kept)).toBe(1_201);
    expect(await insertEvents({ uploadId: upload.id }, kept.slice(0, 700))).toBe(0);

    const row = await db.event.findUniqueOrThrow({ where: { fingerprint: eventFingerprint(events[600]) } });
    expect(row).toMatchObject({
      uploadId: upload.id,
      timestamp: new Date(String(events[600]["@timestamp"])),
      hostName: `${host}.corp.local`,
      entityId: `{${host}-600}`,
      parentEntityId: `{${host}-parent}`,
      category: ["process", "start"],
      code: "1",
      channel: "Microsoft-Windows-Sysmon/Operational",
      recordId: 601n,
      processName: "cmd.exe",
      doc: events[600],
    });
    expect(await db.event.count({ where: { uploadId: upload.id } })).toBe(1_201);
  });
});
