import { describe, expect, it } from "vitest";
import type { AlertFacts } from "@/lib/triage/alert-facts";
import { compileBaseline } from "@/lib/triage/baseline-compile";
import { findBaselineGaps } from "@/lib/triage/baseline-coverage";
import { baselineEntrySchema, type BaselineScope } from "@/lib/triage/baseline-schema";

const NOW = Date.parse("2026-03-02T12:00:00Z");
const facts: AlertFacts = {
  user: { name: "bob", domain: "CORP" },
  sourceHost: "WS09",
  sourceIps: [],
  destinations: [{ host: "srv01" }, { ip: "10.9.9.9" }],
  unresolvedTargets: [],
  hashes: [],
  timestamp: Date.parse("2026-03-02T10:00:00Z"),
};

const entry = (scope: BaselineScope, extra: { expiresAt?: string; revokedAt?: string; approvedAt?: string } = {}) =>
  baselineEntrySchema.parse({ id: "e", scope, approvedAt: extra.approvedAt ?? "2026-01-01", expiresAt: extra.expiresAt ?? null, revokedAt: extra.revokedAt ?? null });

type Row = [label: string, entries: ReturnType<typeof entry>[], hasBaselines: boolean, texts: string[], f?: Partial<AlertFacts>];
const rows: Row[] = [
  ["no baselines: criterion off", [], false, []],
  ["only revoked approvals: criterion off", [entry({ users: ["bob"], sourceHosts: ["ws09"] }, { revokedAt: "2026-02-01" })], false, []],
  ["approval in the future is not history", [entry({ users: ["bob"], sourceHosts: ["ws09"] }, { approvedAt: "2026-04-01" })], false, []],
  [
    "everything unknown",
    [entry({ users: ["CORP\\alice"], sourceHosts: ["ws01"], destinations: ["srv02"] })],
    true,
    ["user CORP\\bob never approved for PsExec", "source host WS09 never approved for PsExec", "destination srv01 never approved for PsExec", "destination 10.9.9.9 never approved for PsExec"],
  ],
  [
    "expired approvals still count as history; dimensions judged separately",
    [
      entry({ users: ["bob"], sourceHosts: ["ws01"], destinations: ["srv01"] }, { expiresAt: "2026-02-01" }),
      entry({ users: ["alice"], sourceHosts: ["ws09.corp.local"], destinations: ["10.9.0.0/16"] }),
    ],
    true,
    [],
  ],
  [
    "an approval without destination limits covers every destination",
    [entry({ users: ["bob"], sourceHosts: ["ws09"] })],
    true,
    [],
    { unresolvedTargets: ["\\\\*"] },
  ],
  [
    "unresolved target with only limited approvals",
    [entry({ users: ["bob"], sourceHosts: ["ws09"], destinations: ["srv01", "10.9.9.9"] })],
    true,
    ["destination \\\\* never approved for PsExec"],
    { unresolvedTargets: ["\\\\*"] },
  ],
  [
    "unknown user is never covered by a user-limited approval",
    [entry({ users: ["bob"], sourceHosts: ["ws09"] })],
    true,
    ["user (unknown) never approved for PsExec"],
    { user: undefined },
  ],
];

describe("findBaselineGaps", () => {
  it.each(rows)("%s", (_label, entries, hasBaselines, texts, override) => {
    const result = findBaselineGaps({ ...facts, ...override }, compileBaseline(entries), NOW);
    expect(result.hasBaselines).toBe(hasBaselines);
    expect(result.gaps.map((g) => g.text)).toEqual(texts);
  });
});
