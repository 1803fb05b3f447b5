import { describe, expect, it } from "vitest";
import type { EcsEvent } from "@/lib/ecs/event";
import { findStageOneOnly } from "@/lib/triage/stage-one-only";
import { DEFAULT_STAGE_WINDOW_MS } from "@/lib/triage/priority-config";

const T0 = Date.parse("2026-03-02T10:00:00Z");
const MIN = 60_000;
const start = (id: string | undefined, at: number): EcsEvent => ({ "@timestamp": new Date(at).toISOString(), process: { entity_id: id } });
const net = (id: string, at: number): EcsEvent => ({ "@timestamp": new Date(at).toISOString(), process: { entity_id: id } });

type Row = [label: string, network: EcsEvent[], now: number, endOfInput: boolean, expected: "low" | "pending" | "none", id?: string];
// Playbook: Low = -accepteula start with no network connection from it within the window (9 min default).
const rows: Row[] = [
  ["connection 1 min later: not Low", [net("{A}", T0 + MIN)], T0 + 20 * MIN, false, "none"],
  ["connection exactly at the window edge: not Low", [net("{A}", T0 + 9 * MIN)], T0 + 20 * MIN, false, "none"],
  ["connection in the same ms: not Low", [net("{A}", T0)], T0 + 20 * MIN, false, "none"],
  ["connection after the window: Low", [net("{A}", T0 + 9 * MIN + 1)], T0 + 20 * MIN, false, "low"],
  ["connection before the start does not count", [net("{A}", T0 - 1)], T0 + 20 * MIN, false, "low"],
  ["connection of another process does not count", [net("{B}", T0 + MIN)], T0 + 20 * MIN, false, "low"],
  ["entity ids are exact (case-sensitive)", [net("{a}", T0 + MIN)], T0 + 20 * MIN, false, "low"],
  ["window still open: pending", [], T0 + 8 * MIN, false, "pending"],
  ["window just elapsed: Low", [], T0 + 9 * MIN, false, "low"],
  ["window open but input ended: Low", [], T0 + MIN, true, "low"],
  ["no entity id: Low once the window closes", [net("{A}", T0 + MIN)], T0 + 10 * MIN, false, "low", undefined],
];

describe("findStageOneOnly", () => {
  it.each(rows)("%s", (_label, network, now, endOfInput, expected, ...rest) => {
    const id = rest.length > 0 ? rest[0] : "{A}";
    const s1 = start(id, T0);
    const result = findStageOneOnly({ stage1Events: [s1], networkEvents: network, windowMs: DEFAULT_STAGE_WINDOW_MS, now, endOfInput });
    expect(result.low).toEqual(expected === "low" ? [s1] : []);
    expect(result.pending).toEqual(expected === "pending" ? [s1] : []);
  });

  it("uses the configured window", () => {
    const s1 = start("{A}", T0);
    const later = net("{A}", T0 + 3 * MIN);
    expect(findStageOneOnly({ stage1Events: [s1], networkEvents: [later], windowMs: 2 * MIN, now: T0 + 5 * MIN, endOfInput: false }).low).toEqual([s1]);
    expect(findStageOneOnly({ stage1Events: [s1], networkEvents: [later], windowMs: 4 * MIN, now: T0 + 5 * MIN, endOfInput: false }).low).toEqual([]);
  });
});
