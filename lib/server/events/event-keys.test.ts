import { describe, expect, it } from "vitest";
import { getField, type EcsEvent } from "@/lib/ecs/event";
import { eventKeys } from "@/lib/server/events/event-keys";

describe("eventKeys", () => {
  it("reads the columns as getField does for nested ECS (first element of arrays)", () => {
    const event: EcsEvent = {
      "@timestamp": "2025-01-02T03:04:05.678Z",
      host: { name: "SRV01.corp.local" },
      event: { code: "1", category: ["process"] },
      winlog: { channel: "Microsoft-Windows-Sysmon/Operational" },
      process: { entity_id: ["{a}", "{b}"], name: "PSEXESVC.EXE", parent: { entity_id: "{p}", executable: "C:\\Windows\\services.exe" } },
    };
    const keys = eventKeys(event);
    expect(keys).toMatchObject({
      time: Date.parse("2025-01-02T03:04:05.678Z"),
      host: getField(event, "host.name"),
      short: "srv01",
      entityId: "{a}",
      parentId: "{p}",
      code: "1",
      channel: "Microsoft-Windows-Sysmon/Operational",
      processName: "psexesvc.exe",
      parentName: "services.exe",
      categories: ["process"],
      isProcess: true,
    });
  });

  it("gives nulls (and NaN time) for an event without those fields", () => {
    expect(eventKeys({})).toMatchObject({ time: Number.NaN, host: null, short: null, entityId: null, parentId: null, code: null, processName: null, parentName: null, categories: [], isProcess: false });
  });
});
