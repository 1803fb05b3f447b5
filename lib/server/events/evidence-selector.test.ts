import { describe, expect, it } from "vitest";
import type { EcsEvent } from "@/lib/ecs/event";
import { eventKeys } from "@/lib/server/events/event-keys";
import type { EvidenceScope } from "@/lib/server/events/evidence-scope";
import { EvidenceSelector } from "@/lib/server/events/evidence-selector";

const T = Date.UTC(2025, 0, 1);
const ev = (ms: number, host: string, fields: object = {}): EcsEvent => ({ "@timestamp": new Date(T + ms).toISOString(), host: { name: host }, event: { code: "3", category: ["network"] }, ...fields });
const proc = (ms: number, host: string, id: string, parent: string, name = "x.exe"): EcsEvent =>
  ev(ms, host, { event: { code: "1", category: ["process"] }, process: { entity_id: id, name, parent: { entity_id: parent } } });
const scope = (over: Partial<EvidenceScope>): EvidenceScope => ({ entityIds: [], parentIds: [], sourceShort: null, destinationShorts: [], from: T, to: T, ...over });

function selector() {
  const kept: EcsEvent[] = [];
  const s = new EvidenceSelector(({ event }) => kept.push(event));
  // Pushes as the ingest job does: JSON events come with their source text.
  const push = (event: EcsEvent) => s.push(event, eventKeys(event), JSON.stringify(event));
  return { s, kept, push };
}

describe("EvidenceSelector", () => {
  it("keeps cross-upload kinds at once and holds everything else", () => {
    const { kept, push } = selector();
    push(ev(0, "srv1", { event: { code: "4624", category: ["authentication"] } }));
    push(proc(1, "srv1", "{svc}", "{services}", "PSEXESVC.exe"));
    push(proc(2, "srv1", "{child}", "{svc}", "whoami.exe")); // child of a PSEXESVC seen in this upload
    push(ev(3, "ws1"));
    expect(kept.map((e) => (e.process as { name?: string } | undefined)?.name ?? (e.event as { code: string }).code)).toEqual(["4624", "PSEXESVC.exe", "whoami.exe"]);
  });

  it("a scope registered later finds held events: window on a host, DNS on the source, children, parent chain", () => {
    const { s, kept, push } = selector();
    push(proc(-50_000, "ws1", "{grand}", "{root}"));
    push(proc(-40_000, "ws1", "{parent}", "{grand}"));
    push(ev(-30_000, "ws1", { event: { code: "22", category: ["network"] } }));
    push(ev(-20_000, "ws1")); // not DNS: not evidence on the source host
    push(ev(-10_000, "srv9.corp.local"));
    push(ev(-5_000, "other"));
    s.addScope(scope({ entityIds: ["{psexec}"], parentIds: ["{parent}"], sourceShort: "ws1", destinationShorts: ["srv9"], from: T - 60_000, to: T + 600_000 }));
    push(proc(1_000, "ws1", "{child}", "{psexec}"));
    const codes = kept.map((e) => `${(e.event as { code: string }).code}@${Date.parse(String(e["@timestamp"])) - T}`);
    expect(codes.sort()).toEqual(["1@-40000", "1@-50000", "1@1000", "22@-30000", "3@-10000"].sort());
    expect(s.incomplete).toBe(false);
  });

  it("asks for another pass when an event a new scope needs has already left the held events", () => {
    const { s, kept, push } = selector();
    push(ev(0, "srv9"));
    push(ev(3_600_000, "elsewhere")); // an hour later: the first event leaves (held ~75 s of event time)
    s.addScope(scope({ destinationShorts: ["srv9"], from: T - 60_000, to: T + 600_000 }));
    expect(kept).toEqual([]);
    expect(s.incomplete).toBe(true);

    // The next pass knows the scope from the start and keeps the event as it is read.
    const second = s.nextPass();
    const first = ev(0, "srv9");
    second.push(first, eventKeys(first));
    expect(kept).toEqual([first]);
    expect(second.incomplete).toBe(false);
  });

  it("does not flag a scope whose needs were never read", () => {
    const { s, push } = selector();
    push(ev(0, "srv1"));
    push(ev(3_600_000, "srv1"));
    s.addScope(scope({ entityIds: ["{never-seen}"], parentIds: ["{nor-this}"], destinationShorts: ["srv2"], from: T, to: T + 1_000 }));
    expect(s.incomplete).toBe(false);
  });
});
