import { describe, expect, it } from "vitest";
import { hitToEvent } from "@/lib/server/connections/hit-to-event";

const hit = (source: unknown, sort?: unknown[]) => ({ _index: "logs-x", _id: "abc", _source: source, ...(sort ? { sort } : {}) });
const ecs = { event: { category: ["process"], code: "1" }, host: { name: "WS01" } };

describe("hitToEvent", () => {
  it("keeps the document, its _index and _id", () => {
    expect(hitToEvent(hit({ ...ecs, "@timestamp": "2026-11-28T08:00:00.123Z" }))).toEqual({ ok: true, event: { ...ecs, "@timestamp": "2026-11-28T08:00:00.123Z", _index: "logs-x", _id: "abc" } });
  });

  it.each([
    ["epoch millis", 1_795_000_000_000, undefined, new Date(1_795_000_000_000).toISOString()],
    ["a format the cluster parsed, taken from the sort value", "28/11/2026 08:00", ["2026-11-28T08:00:00.000000000Z", 7], "2026-11-28T08:00:00.000Z"],
    ["nanoseconds kept as sent", "2026-11-28T08:00:00.123456789Z", undefined, "2026-11-28T08:00:00.123456789Z"],
  ])("normalises @timestamp: %s", (_name, timestamp, sort, expected) => {
    const result = hitToEvent(hit({ ...ecs, "@timestamp": timestamp }, sort));
    expect(result.ok && result.event["@timestamp"]).toBe(expected);
  });

  it.each([
    [{ ...ecs }, "logs-x/abc: no usable @timestamp (missing)"],
    [{ ...ecs, "@timestamp": { nested: true } }, 'logs-x/abc: no usable @timestamp (got {"nested":true})'],
    ["not an object", "logs-x/abc: not a JSON object"],
  ])("rejects %j with a reason naming the document", (source, reason) => {
    expect(hitToEvent(hit(source))).toEqual({ ok: false, reason });
  });

  it("maps raw Winlogbeat documents (no ingest pipeline) to ECS as uploads are", () => {
    const raw = {
      "@timestamp": "2026-11-28T08:00:00.000Z",
      host: { name: "ws01" },
      winlog: { channel: "Microsoft-Windows-Sysmon/Operational", event_id: "1", record_id: "7", event_data: { Image: "C:\\\\Tools\\\\PsExec.exe", ProcessGuid: "{5a1e0000-0001-6001-0100-000000000a01}", CommandLine: "PsExec.exe -accepteula \\\\\\\\srv01 hostname", UtcTime: "2026-11-28 08:00:00.000" } },
    };
    const result = hitToEvent(hit(raw));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event).toMatchObject({ process: { name: "PsExec.exe", entity_id: "{5a1e0000-0001-6001-0100-000000000a01}" }, event: { code: "1" }, _id: "abc" });
  });
});
