import { describe, expect, it } from "vitest";
import { formatUser, parseUserName, userMatches } from "@/lib/triage/user-name";

describe("parseUserName", () => {
  const rows: Array<[string, string | undefined, { name: string; domain?: string }]> = [
    ["CORP\\alice", undefined, { domain: "CORP", name: "alice" }],
    ["alice@corp.local", undefined, { name: "alice", domain: "corp.local" }],
    ["alice", "CORP", { name: "alice", domain: "CORP" }],
    ["alice", undefined, { name: "alice" }],
    ["CORP\\alice", "OTHER", { domain: "CORP", name: "alice" }],
    ["NT AUTHORITY\\SYSTEM", undefined, { domain: "NT AUTHORITY", name: "SYSTEM" }],
  ];
  it.each(rows)("%s (domain %s)", (text, domain, expected) => {
    expect(parseUserName(text, domain)).toEqual(expected);
  });
});

describe("userMatches", () => {
  const rows: Array<[scope: string, actual: string, expected: boolean]> = [
    ["alice", "CORP\\alice", true],
    ["alice", "alice@lab.local", true],
    ["ALICE", "corp\\alice", true],
    ["CORP\\alice", "CORP\\alice", true],
    ["CORP\\alice", "alice@corp.local", true],
    ["alice@corp.local", "CORP\\Alice", true],
    ["CORP\\alice", "LAB\\alice", false],
    ["CORP\\alice", "alice", false],
    ["corp.local\\alice", "alice@corp.lab", false],
    ["CORP\\alice", "CORP\\bob", false],
    ["alice", "alice2", false],
  ];
  it.each(rows)("scope %s vs %s = %s", (scope, actual, expected) => {
    expect(userMatches(parseUserName(scope), parseUserName(actual))).toBe(expected);
  });

  it("formats with a backslash", () => {
    expect(formatUser({ domain: "CORP", name: "bob" })).toBe("CORP\\bob");
    expect(formatUser({ name: "bob" })).toBe("bob");
  });
});
