import { describe, expect, it } from "vitest";
import { hostsMatch } from "@/lib/triage/host-name";

const rows: Array<[string, string, boolean]> = [
  ["WS01", "ws01.corp.local", true],
  ["ws01.corp.local", "WS01", true],
  ["WS01", "ws01", true],
  ["ws01.corp.local.", "WS01.CORP.LOCAL", true],
  ["ws01.corp.local", "ws01.lab.local", false],
  ["WS01", "WS02", false],
  ["WS01", "ws010.corp.local", false],
  ["10.0.0.5", "10.0.0.5", true],
  ["10.0.0.5", "10.0.0.6", false],
];

describe("hostsMatch", () => {
  it.each(rows)("%s ~ %s = %s", (a, b, expected) => {
    expect(hostsMatch(a, b)).toBe(expected);
  });
});
