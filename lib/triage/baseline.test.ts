import { describe, expect, it } from "vitest";
import type { AlertFacts } from "@/lib/triage/alert-facts";
import { compileBaseline } from "@/lib/triage/baseline-compile";
import { findScopeBreadthProblems, isTooBroad, matchBaseline } from "@/lib/triage/baseline";
import { baselineEntrySchema, type BaselineScope } from "@/lib/triage/baseline-schema";

const NOW = Date.parse("2026-03-02T12:00:00Z");

// 2026-03-02T10:00Z is 11:00 in Paris (UTC+1 in March before the switch) and 05:00 in New York.
const facts: AlertFacts = {
  user: { name: "alice", domain: "CORP" },
  sourceHost: "ws01.corp.local",
  sourceIps: ["10.0.0.10"],
  destinations: [{ host: "srv01", ip: "10.1.0.5" }, { ip: "2001:db8::5" }],
  unresolvedTargets: [],
  executable: "C:\\Tools\\PsExec.exe",
  hashes: ["AABBCCDDEEFF00112233445566778899"],
  commandLine: "C:\\Tools\\PsExec.exe -accepteula \\\\srv01 -s cmd /c ipconfig",
  timestamp: Date.parse("2026-03-02T10:00:00Z"),
};

const entry = (scope: BaselineScope, dates: { expiresAt?: string; revokedAt?: string; approvedAt?: string } = {}) =>
  baselineEntrySchema.parse({
    id: "e",
    scope,
    approvedAt: dates.approvedAt ?? "2026-01-01T00:00:00Z",
    expiresAt: dates.expiresAt ?? null,
    revokedAt: dates.revokedAt ?? null,
  });

const v6 = "2001:db8::/64";
type Row = [label: string, scope: BaselineScope, matches: boolean, dates?: Parameters<typeof entry>[1], f?: Partial<AlertFacts>];
const rows: Row[] = [
  ["bare user + source short name", { users: ["alice"], sourceHosts: ["WS01"] }, true],
  ["NetBIOS domain vs user's domain", { users: ["CORP\\alice"], destinations: ["srv01", v6] }, true],
  ["UPN form in scope", { users: ["alice@corp.local"], destinations: ["10.1.0.0/16", v6] }, true],
  ["other domain", { users: ["LAB\\alice"], sourceHosts: ["ws01"] }, false],
  ["other user", { users: ["bob"], sourceHosts: ["ws01"] }, false],
  ["source FQDN in another domain", { users: ["alice"], sourceHosts: ["ws01.lab.local"] }, false],
  ["source by CIDR", { sourceHosts: ["10.0.0.0/24"], users: ["alice"] }, true],
  ["one destination not covered", { users: ["alice"], destinations: ["srv01"] }, false],
  ["all destinations covered by host + IPv6 CIDR", { users: ["alice"], destinations: ["SRV01.corp.local", v6] }, true],
  ["IPv6 CIDR too narrow", { users: ["alice"], destinations: ["srv01", "2001:db8:1::/48"] }, false],
  ["executable wildcard", { users: ["alice"], executables: ["?:\\tools\\psexec.exe"] }, true],
  ["executable elsewhere", { users: ["alice"], executables: ["C:\\Admin\\*"] }, false],
  ["hash (case-insensitive)", { users: ["alice"], hashes: ["aabbccddeeff00112233445566778899"] }, true],
  ["wrong hash", { users: ["alice"], hashes: ["00000000000000000000000000000000"] }, false],
  ["command-line pattern", { users: ["alice"], commandLines: ["*\\\\srv01 -s cmd /c ipconfig"] }, true],
  ["command-line pattern mismatch", { users: ["alice"], commandLines: ["* -s cmd /c whoami"] }, false],
  ["office hours in Paris", { users: ["alice"], timeWindow: { startMinute: 9 * 60, endMinute: 18 * 60, timeZone: "Europe/Paris" } }, true],
  ["office hours in New York", { users: ["alice"], timeWindow: { startMinute: 9 * 60, endMinute: 18 * 60, timeZone: "America/New_York" } }, false],
  ["night window across midnight in New York", { users: ["alice"], timeWindow: { startMinute: 22 * 60, endMinute: 6 * 60, timeZone: "America/New_York" } }, true],
  ["expired", { users: ["alice"], sourceHosts: ["ws01"] }, false, { expiresAt: "2026-03-01T00:00:00Z" }],
  ["expires later", { users: ["alice"], sourceHosts: ["ws01"] }, true, { expiresAt: "2026-03-03T00:00:00Z" }],
  ["revoked", { users: ["alice"], sourceHosts: ["ws01"] }, false, { revokedAt: "2026-03-02T11:59:59Z" }],
  ["approved in the future", { users: ["alice"], sourceHosts: ["ws01"] }, false, { approvedAt: "2026-03-02T12:00:01Z" }],
  ["user unknown on alert", { users: ["alice"], sourceHosts: ["ws01"] }, false, undefined, { user: undefined }],
  ["\\\\* target never covered by a destination scope", { users: ["alice"], destinations: ["0.0.0.0/0", "::/0"] }, false, undefined, { unresolvedTargets: ["\\\\*"] }],
];

describe("matchBaseline", () => {
  it.each(rows)("%s", (_label, scope, matches, dates, override) => {
    const e = entry(scope, dates);
    expect(matchBaseline({ ...facts, ...override }, [e], NOW)).toEqual(matches ? [e] : []);
    expect(matchBaseline({ ...facts, ...override }, compileBaseline([e]), new Date(NOW))).toHaveLength(matches ? 1 : 0);
  });

  it("returns every matching entry in input order", () => {
    const a = { ...entry({ users: ["alice"], sourceHosts: ["ws01"] }), id: "a" };
    const b = { ...entry({ users: ["bob"], sourceHosts: ["ws01"] }), id: "b" };
    const c = { ...entry({ users: ["CORP\\alice"], executables: ["*psexec.exe"] }), id: "c" };
    expect(matchBaseline(facts, [a, b, c], NOW).map((e) => e.id)).toEqual(["a", "c"]);
  });
});

describe("isTooBroad", () => {
  const scopes: Array<[string, BaselineScope, boolean]> = [
    ["empty", {}, true],
    ["user only", { users: ["alice"] }, true],
    ["destination + executable, no who", { destinations: ["srv01"], executables: ["*\\psexec.exe"] }, true],
    ["user + source host", { users: ["alice"], sourceHosts: ["ws01"] }, false],
    ["source host + destination", { sourceHosts: ["jump01"], destinations: ["10.0.0.0/8"] }, false],
    ["user + match-all executable", { users: ["alice"], executables: ["*"] }, true],
    ["user + any IPv4", { users: ["alice"], destinations: ["0.0.0.0/0"] }, true],
    ["user + any IPv6", { users: ["alice"], destinations: ["::/0"] }, true],
    ["source any address + user", { users: ["alice"], sourceHosts: ["0.0.0.0/0"] }, true],
    ["user + time window", { users: ["alice"], timeWindow: { startMinute: 0, endMinute: 60, timeZone: "UTC" } }, false],
  ];
  it.each(scopes)("%s", (_label, scope, tooBroad) => {
    expect(isTooBroad(scope)).toBe(tooBroad);
    expect(findScopeBreadthProblems(scope).length > 0).toBe(tooBroad);
  });
});

describe("baselineEntrySchema", () => {
  it.each([
    [{ timeWindow: { startMinute: 60, endMinute: 60, timeZone: "UTC" } }],
    [{ timeWindow: { startMinute: 0, endMinute: 60, timeZone: "Nowhere/City" } }],
    [{ timeWindow: { startMinute: 0, endMinute: 1440, timeZone: "UTC" } }],
    [{ hashes: ["xyz"] }],
    [{ users: [] }],
    [{ users: ["  "] }],
  ])("rejects %j", (scope) => {
    expect(baselineEntrySchema.safeParse({ id: "x", scope, approvedAt: "2026-01-01", expiresAt: null, revokedAt: null }).success).toBe(false);
  });
});
