import { describe, expect, it } from "vitest";
import type { AlertFacts } from "@/lib/triage/alert-facts";
import { compileBaseline } from "@/lib/triage/baseline-compile";
import type { BaselineEntry } from "@/lib/triage/baseline-schema";
import { baselineVerdict, rebaselinePriority, type BaselinePolicy, type OnMatch } from "@/lib/triage/baseline-verdict";
import type { Reason } from "@/lib/triage/priority";

const now = Date.UTC(2026, 0, 10);
const facts = (user: string, host: string): AlertFacts => ({
  user: { name: user, domain: "CORP" }, sourceHost: host, sourceIps: [], destinations: [{ host: "SRV01" }],
  unresolvedTargets: [], executable: "C:\\Tools\\PsExec.exe", hashes: [], timestamp: now,
});
const entry = (id: string, user: string, extra: Partial<BaselineEntry> = {}): BaselineEntry => ({
  id, scope: { users: [`CORP\\${user}`], sourceHosts: ["ADM01"] }, approvedAt: new Date(now - 1000), expiresAt: null, revokedAt: null, ...extra,
});
const policy = (entries: [BaselineEntry, OnMatch][]): BaselinePolicy => ({
  compiled: compileBaseline(entries.map(([e]) => e)), onMatch: new Map(entries.map(([e, m]) => [e.id, m])),
});
const medium: Reason = { code: "network_connection", priority: "medium", text: "PsExec connected to another host", eventRefs: [] };
const high: Reason = { code: "sensitive_child_process", priority: "high", text: "PsExec spawned cmd.exe", eventRefs: [] };

describe("baselineVerdict", () => {
  it.each([
    { name: "no entry", entries: [], expected: null },
    { name: "close entry", entries: [[entry("a", "deploy"), "close"]], expected: { entryId: "a", onMatch: "close" } },
    { name: "low entry", entries: [[entry("a", "deploy"), "low"]], expected: { entryId: "a", onMatch: "low" } },
    { name: "close wins over low", entries: [[entry("a", "deploy"), "low"], [entry("b", "deploy"), "close"]], expected: { entryId: "b", onMatch: "close" } },
    { name: "expired entry", entries: [[entry("a", "deploy", { expiresAt: new Date(now - 1) }), "close"]], expected: null },
    { name: "revoked entry", entries: [[entry("a", "deploy", { revokedAt: new Date(now - 1) }), "close"]], expected: null },
    { name: "other user", entries: [[entry("a", "backup"), "close"]], expected: null },
  ] as { name: string; entries: [BaselineEntry, OnMatch][]; expected: unknown }[])("$name", ({ entries, expected }) => {
    expect(baselineVerdict(facts("deploy", "ADM01"), policy(entries), now)).toEqual(expected);
  });
});

describe("rebaselinePriority", () => {
  it("adds High gaps once a baseline exists, and drops them when the user becomes approved", () => {
    const outside = rebaselinePriority([medium], facts("mallory", "WS01"), policy([[entry("a", "deploy"), "close"]]), now);
    expect(outside.priority).toBe("high");
    expect(outside.reasons.map((r) => r.text)).toEqual([medium.text, "user CORP\\mallory never approved for PsExec", "source host WS01 never approved for PsExec"]);
    const covered = rebaselinePriority(outside.reasons, facts("mallory", "WS01"), policy([[{ ...entry("b", "mallory"), scope: { users: ["CORP\\mallory"], sourceHosts: ["WS01"] } }, "close"]]), now);
    expect(covered.priority).toBe("medium");
    expect(covered.reasons.map((r) => r.code)).toEqual(["approved_baseline", "network_connection"]);
  });

  it("keeps other reasons, and a keep-at-Low entry caps even sensitive activity at Low", () => {
    const result = rebaselinePriority([medium, high], facts("deploy", "ADM01"), policy([[entry("a", "deploy"), "low"]]), now);
    expect(result.priority).toBe("low");
    expect(result.reasons[0]).toMatchObject({ code: "approved_baseline", text: expect.stringContaining("kept open at Low") });
  });

  it("with no approved entry left, the criterion is off", () => {
    const result = rebaselinePriority([medium], facts("mallory", "WS01"), policy([[entry("a", "deploy", { revokedAt: new Date(now - 1) }), "close"]]), now);
    expect(result).toMatchObject({ priority: "medium", verdict: null });
  });
});
