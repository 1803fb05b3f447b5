import { describe, expect, it } from "vitest";
import type { EcsEvent } from "@/lib/ecs/event";
import { computePriority, type PriorityInput, type ReasonCode } from "@/lib/triage/priority";
import { parsePriorityConfig } from "@/lib/triage/priority-config";

// Synthetic events (no public real positive exists, see shared/data/README.md).
const T0 = Date.parse("2026-03-02T10:00:00Z");
const at = (ms: number) => new Date(T0 + ms).toISOString();
const psexecStart = (args: string[], extra: EcsEvent = {}): EcsEvent => ({
  _id: "s1",
  "@timestamp": at(0),
  event: { category: ["process"], type: ["start"] },
  host: { name: "WS01", os: { type: "windows" } },
  user: { name: "alice", domain: "CORP" },
  process: { entity_id: "{P}", name: "PsExec.exe", args },
  ...extra,
});
const network: EcsEvent = {
  _id: "n1",
  "@timestamp": at(1000),
  event: { category: ["network"] },
  process: { entity_id: "{P}", name: "PsExec.exe" },
  destination: { ip: "10.0.0.5" },
};
const child = (name: string, parentId: string, ms = 2000): EcsEvent => ({
  _id: `c-${name}`,
  "@timestamp": at(ms),
  event: { category: ["process"], type: ["start"] },
  host: { name: "WS01" },
  process: { name, parent: { entity_id: parentId, name: "PsExec.exe" } },
});
const serviceChild = (name: string, host: string, ms = 3000, parent = "PSEXESVC.exe"): EcsEvent => ({
  _id: `t-${name}-${host}`,
  "@timestamp": at(ms),
  event: { category: ["process"], type: ["start"] },
  host: { name: host },
  process: { name, parent: { name: parent, entity_id: "{S}" } },
});

const quiet = ["PsExec.exe", "-accepteula", "\\\\srv01", "ipconfig"];
const gap = { dimension: "user" as const, value: "CORP\\alice", text: "user CORP\\alice never approved for PsExec" };

type Row = [label: string, input: PriorityInput, priority: "low" | "medium" | "high", codes: ReasonCode[]];
const rows: Row[] = [
  ["start only → Low", { events: [psexecStart(quiet)] }, "low", ["stage_one_only"]],
  ["start + connection → Medium", { events: [psexecStart(quiet), network] }, "medium", ["network_connection"]],
  ["told to run cmd.exe → High", { events: [psexecStart(["PsExec.exe", "-accepteula", "\\\\srv01", "-s", "cmd.exe", "/c", "dir"]), network] }, "high", ["network_connection", "sensitive_remote_command"]],
  ["told to run `powershell` without extension → High", { events: [psexecStart(["psexec", "\\\\srv01", "-u", "x", "-p", "y", "-accepteula", "powershell", "-nop"])] }, "high", ["stage_one_only", "sensitive_remote_command"]],
  ["`cmd.exe` only as an option value is not the command", { events: [psexecStart(["psexec", "-accepteula", "\\\\srv01", "-w", "cmd.exe", "ipconfig"])] }, "low", ["stage_one_only"]],
  ["full path command", { events: [psexecStart(["psexec", "-accepteula", "\\\\srv01", "C:\\Windows\\System32\\WHOAMI.EXE"])] }, "high", ["stage_one_only", "sensitive_remote_command"]],
  ["local child cmd.exe of PsExec → High", { events: [psexecStart(quiet), network], related: [child("cmd.exe", "{P}")] }, "high", ["network_connection", "sensitive_child_process"]],
  ["child of another process is ignored", { events: [psexecStart(quiet), network], related: [child("cmd.exe", "{OTHER}")] }, "medium", ["network_connection"]],
  ["non-sensitive child is ignored", { events: [psexecStart(quiet), network], related: [child("notepad.exe", "{P}")] }, "medium", ["network_connection"]],
  ["PSEXESVC child on the target → High", { events: [psexecStart(quiet), network], related: [serviceChild("mimikatz.exe", "SRV01.corp.local")] }, "high", ["network_connection", "sensitive_service_child"]],
  ["psexesvc.exe in lower case also counts", { events: [psexecStart(quiet), network], related: [serviceChild("rundll32.exe", "srv01", 3000, "psexesvc.exe")] }, "high", ["network_connection", "sensitive_service_child"]],
  ["PSEXESVC child on another host is ignored", { events: [psexecStart(quiet), network], related: [serviceChild("cmd.exe", "srv02")] }, "medium", ["network_connection"]],
  ["PSEXESVC child after the window is ignored", { events: [psexecStart(quiet), network], related: [serviceChild("cmd.exe", "srv01", 11 * 60_000)] }, "medium", ["network_connection"]],
  ["PSEXESVC child slightly before (clock skew) counts", { events: [psexecStart(quiet), network], related: [serviceChild("cmd.exe", "srv01", -30_000)] }, "high", ["network_connection", "sensitive_service_child"]],
  ["PSEXESVC child with \\\\* target on any other host", { events: [psexecStart(["psexec", "-accepteula", "\\\\*", "ipconfig"])], related: [serviceChild("net.exe", "srv77")] }, "high", ["stage_one_only", "sensitive_service_child"]],
  ["outside baseline → High", { events: [psexecStart(quiet), network], baseline: { hasBaselines: true, gaps: [gap] } }, "high", ["network_connection", "outside_baseline"]],
  ["no baselines: criterion off", { events: [psexecStart(quiet), network], baseline: { hasBaselines: false, gaps: [gap] } }, "medium", ["network_connection"]],
  ["inside baseline", { events: [psexecStart(quiet)], baseline: { hasBaselines: true, gaps: [] } }, "low", ["stage_one_only"]],
];

describe("computePriority", () => {
  it.each(rows)("%s", (_label, input, priority, codes) => {
    const result = computePriority(input);
    expect(result.priority).toBe(priority);
    expect(result.reasons.map((r) => r.code)).toEqual(codes);
  });

  it("points each reason at its events", () => {
    const result = computePriority({ events: [psexecStart(quiet), network], related: [child("cmd.exe", "{P}")] });
    expect(result.reasons.map((r) => r.eventRefs)).toEqual([
      [{ source: "alert", index: 0, id: "s1" }, { source: "alert", index: 1, id: "n1" }],
      [{ source: "related", index: 0, id: "c-cmd.exe" }],
    ]);
  });

  it("uses the configured sensitive list", () => {
    const config = parsePriorityConfig({ sensitiveProcesses: ["ipconfig.exe"] });
    expect(computePriority({ events: [psexecStart(quiet)], config }).priority).toBe("high");
    const noCmd = parsePriorityConfig({ sensitiveProcesses: ["ipconfig.exe"] });
    expect(computePriority({ events: [psexecStart(["p", "\\\\h", "cmd"])], config: noCmd }).priority).toBe("low");
  });

  it("explains in words", () => {
    const result = computePriority({ events: [psexecStart(["p", "-accepteula", "\\\\h", "cmd"]), network], baseline: { hasBaselines: true, gaps: [gap] } });
    expect(result.reasons.map((r) => r.text)).toEqual([
      "PsExec connected to another host",
      "PsExec was told to run cmd",
      "user CORP\\alice never approved for PsExec",
    ]);
  });
});
