import { describe, expect, it } from "vitest";
import { getField } from "@/lib/ecs/event";
import { classifyJsonRecord, type JsonRecordKind } from "@/lib/ingest/json/classify-json-record";
import { NxlogClock } from "@/lib/ingest/json/from-nxlog";
import { jsonToEcs } from "@/lib/ingest/json/json-to-ecs";

const winlogbeatRaw = {
  "@timestamp": "2019-02-05T15:16:29.384Z",
  agent: { type: "winlogbeat" },
  host: { name: "atc-win-7", os: { type: "windows", family: "windows" } },
  event: { code: "3", provider: "Microsoft-Windows-Sysmon", kind: "event" },
  winlog: {
    channel: "Microsoft-Windows-Sysmon/Operational", event_id: 3, provider_name: "Microsoft-Windows-Sysmon",
    computer_name: "ATC-WIN-7.atc.local", record_id: 16000, opcode: "Info", user: { identifier: "S-1-5-18" },
    event_data: {
      RuleName: "", UtcTime: "2019-02-05 15:16:17.411", ProcessGuid: "{A96EFBF1-A8C9-5C59-0000-0010D274D300}", ProcessId: "3900",
      Image: "C:\\Users\\user1\\Desktop\\SysinternalsSuite\\PsExec.exe", User: "ATC-WIN-7\\user1", Initiated: "true",
      DestinationIp: "10.0.0.103", DestinationPort: "135",
    },
  },
};

const nxlog = {
  EventTime: "2020-09-20 12:16:06", EventReceivedTime: "2020-09-20 12:16:09", "@timestamp": "2020-09-20T16:16:09.362Z",
  Hostname: "WORKSTATION5.theshire.local", EventID: 1, Channel: "Microsoft-Windows-Sysmon/Operational",
  SourceName: "Microsoft-Windows-Sysmon", RecordNumber: 2120060, EventType: "INFO", AccountName: "SYSTEM", Domain: "NT AUTHORITY",
  UtcTime: "2020-09-20 16:16:06.120", ProcessGuid: "{39e4a257-40a6-5f8d-a005-000000000700}", ProcessId: "7256",
  Image: "C:\\Users\\wardog\\Downloads\\PSTools\\PsExec.exe", CommandLine: "PsExec.exe  -accepteula -s reg save",
  User: "THESHIRE\\wardog", ParentImage: "C:\\Windows\\System32\\cmd.exe",
};

const ecs = { "@timestamp": "2020-01-01T00:00:00.000Z", event: { category: ["process"], type: ["start"] }, process: { entity_id: "x", name: "PsExec.exe" } };

const CLASSIFY: [string, unknown, JsonRecordKind][] = [
  ["Winlogbeat without pipeline", winlogbeatRaw, "winlogbeat-raw"],
  ["Winlogbeat with dotted keys", { "winlog.event_id": 1, "winlog.event_data.Image": "a" }, "winlogbeat-raw"],
  ["NXLog flat", nxlog, "nxlog"],
  ["ECS", ecs, "ecs"],
  ["ECS as an Elasticsearch hit", { _id: "1", _index: "logs", _source: ecs }, "ecs"],
  ["ECS with dotted keys", { "event.category": "process", "process.entity_id": "x" }, "ecs"],
  ["array", [1, 2], "unknown"],
  ["string", "x", "unknown"],
  ["unrelated object", { foo: 1 }, "unknown"],
];

describe("classifyJsonRecord", () => {
  it.each(CLASSIFY)("%s → %s", (_name, value, kind) => {
    expect(classifyJsonRecord(value)).toBe(kind);
  });
});

describe("jsonToEcs", () => {
  it("Winlogbeat raw: runs the Sysmon pipeline port, keeps shipper fields", () => {
    const r = jsonToEcs(winlogbeatRaw);
    expect(r.ok).toBe(true);
    const e = r.ok ? r.event : {};
    const want: Record<string, unknown> = {
      "@timestamp": "2019-02-05T15:16:17.411Z", "event.category": ["network"], "process.entity_id": "{A96EFBF1-A8C9-5C59-0000-0010D274D300}",
      "process.name": "PsExec.exe", "destination.port": 135, "network.direction": "egress", "user.name": "user1",
      "agent.type": "winlogbeat", "host.name": "ATC-WIN-7.atc.local", "host.os.family": "windows", "host.os.type": "windows",
      "winlog.opcode": "Info", "winlog.record_id": "16000", "winlog.event_data.RuleName": undefined,
    };
    for (const [k, v] of Object.entries(want)) expect(getField(e, k), k).toEqual(v);
  });

  it("Winlogbeat raw: host.os.type from the shipper wins (forwarded events may carry another)", () => {
    const r = jsonToEcs({ ...winlogbeatRaw, host: { os: { type: "linux" } } });
    expect(r.ok && getField(r.event, "host.os.type")).toBe("linux");
  });

  it("NXLog: Sysmon fields mapped, NXLog metadata kept out of event_data, UtcTime is @timestamp", () => {
    const r = jsonToEcs(nxlog, new NxlogClock());
    const e = r.ok ? r.event : {};
    const want: Record<string, unknown> = {
      "@timestamp": "2020-09-20T16:16:06.120Z", "event.code": "1", "event.type": ["start"],
      "process.entity_id": "{39e4a257-40a6-5f8d-a005-000000000700}", "process.name": "PsExec.exe",
      "process.args": ["PsExec.exe", "-accepteula", "-s", "reg", "save"], "process.parent.name": "cmd.exe",
      "host.name": "WORKSTATION5.theshire.local", "host.os.type": "windows", "user.name": "wardog", "user.domain": "THESHIRE",
      "winlog.record_id": "2120060", "winlog.event_data.EventType": undefined, "winlog.event_data.AccountName": undefined,
      "winlog.event_data.Image": "C:\\Users\\wardog\\Downloads\\PSTools\\PsExec.exe",
    };
    for (const [k, v] of Object.entries(want)) expect(getField(e, k), k).toEqual(v);
  });

  it("NXLog: a non-Sysmon record's local time is shifted by the offset learned from @timestamp vs EventReceivedTime", () => {
    const sec = { ...nxlog, EventID: 4688, Channel: "Security", SourceName: "Microsoft-Windows-Security-Auditing", UtcTime: undefined };
    const r = jsonToEcs(sec, new NxlogClock());
    // 12:16:09 local received ≈ 16:16:09Z → UTC−4 → EventTime 12:16:06 local = 16:16:06Z.
    expect(r.ok && getField(r.event, "@timestamp")).toBe("2020-09-20T16:16:06.000Z");
  });

  it("NXLog: Sysmon's own EventType survives as EventTypeOrignal", () => {
    const r = jsonToEcs({ ...nxlog, EventID: 13, EventTypeOrignal: "SetValue" });
    expect(r.ok && getField(r.event, "winlog.event_data.EventType")).toBe("SetValue");
  });

  it("ECS passes through unchanged (hits unwrapped)", () => {
    const r = jsonToEcs({ _id: "abc", _source: ecs });
    expect(r.ok && getField(r.event, "process.entity_id")).toBe("x");
    expect(r.ok && r.event._id).toBe("abc");
  });

  it("unknown shapes are rejected with a reason", () => {
    expect(jsonToEcs({ foo: 1 })).toMatchObject({ ok: false, kind: "unknown" });
  });
});
