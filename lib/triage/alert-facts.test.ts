import { describe, expect, it } from "vitest";
import type { EcsEvent } from "@/lib/ecs/event";
import { alertFactsFromEvents } from "@/lib/triage/alert-facts";

// Synthetic events shaped like the winlogbeat Sysmon mapping (shared/docs/detection.md §4.1).
const start = (extra: EcsEvent = {}): EcsEvent => ({
  "@timestamp": "2026-03-02T10:00:00.000Z",
  event: { category: ["process"], type: ["start"] },
  host: { name: "WS01", ip: ["10.0.0.10", "fe80::1"] },
  user: { name: "alice", domain: "CORP" },
  process: {
    entity_id: "{A}",
    executable: "C:\\Tools\\PsExec.exe",
    command_line: 'C:\\Tools\\PsExec.exe -accepteula \\\\srv01 -u "CORP\\svc admin" cmd.exe /c whoami',
    hash: { sha256: "AB12", md5: "CD34" },
  },
  ...extra,
});
const net = (destination: EcsEvent): EcsEvent => ({
  "@timestamp": "2026-03-02T10:00:01.000Z",
  event: { category: ["network"], type: ["start", "connection"] },
  process: { entity_id: "{A}", name: "PsExec.exe" },
  destination,
});

describe("alertFactsFromEvents", () => {
  it("reads user, hosts, binary, hashes and time from the PsExec start", () => {
    const facts = alertFactsFromEvents([start()]);
    expect(facts).toMatchObject({
      user: { name: "alice", domain: "CORP" },
      sourceHost: "WS01",
      sourceIps: ["10.0.0.10", "fe80::1"],
      destinations: [{ host: "srv01" }],
      unresolvedTargets: [],
      executable: "C:\\Tools\\PsExec.exe",
      commandLine: 'C:\\Tools\\PsExec.exe -accepteula \\\\srv01 -u "CORP\\svc admin" cmd.exe /c whoami',
      timestamp: Date.UTC(2026, 2, 2, 10, 0, 0),
    });
    expect([...facts.hashes].sort()).toEqual(["AB12", "CD34"]);
  });

  const rows: Array<[string, EcsEvent[], object[]]> = [
    ["single named target absorbs the unnamed IP", [start(), net({ ip: "10.0.0.5", port: 445 })], [{ ip: "10.0.0.5", host: "srv01" }]],
    ["duplicate connections collapse", [start(), net({ ip: "10.0.0.5" }), net({ ip: "10.0.0.5" })], [{ ip: "10.0.0.5", host: "srv01" }]],
    ["named destination keeps its own name", [start(), net({ ip: "10.0.0.7", domain: "srv01.corp.local" })], [{ ip: "10.0.0.7", host: "srv01.corp.local" }]],
    [
      "two targets: IPs stay unnamed",
      [start({ process: { command_line: "psexec -accepteula \\\\a,b cmd" } }), net({ ip: "10.0.0.5" })],
      [{ ip: "10.0.0.5" }, { host: "a" }, { host: "b" }],
    ],
    ["IP target", [start({ process: { args: ["psexec", "\\\\10.1.1.1", "cmd"] } })], [{ ip: "10.1.1.1" }]],
  ];
  it.each(rows)("%s", (_label, events, destinations) => {
    expect(alertFactsFromEvents(events).destinations).toEqual(destinations);
  });

  it("keeps \\\\* and @file as unresolved targets", () => {
    const facts = alertFactsFromEvents([start({ process: { args: ["psexec", "@list.txt", "cmd"] } })]);
    expect(facts.unresolvedTargets).toEqual(["@list.txt"]);
    const all = alertFactsFromEvents([start({ process: { args: ["psexec", "\\\\*", "cmd"] } })]);
    expect(all.unresolvedTargets).toEqual(["\\\\*"]);
  });

  it("reads UPN-style and dotted-key users", () => {
    const facts = alertFactsFromEvents([start({ "user.name": "bob@corp.local", user: undefined })]);
    expect(facts.user).toEqual({ name: "bob", domain: "corp.local" });
    expect(alertFactsFromEvents([start({ user: undefined })]).user).toBeUndefined();
  });
});
