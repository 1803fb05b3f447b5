import { describe, expect, it } from "vitest";
import { isIpAddress } from "@/lib/ingest/ecs/is-ip";

const CASES: [string, boolean][] = [
  ["10.0.0.111", true], ["0.0.0.0", true], ["255.255.255.255", true], ["256.1.1.1", false], ["1.2.3", false],
  ["01.2.3.4", false], ["fe80::1", true], ["::", true], ["::1", true], ["::ffff:10.0.2.18", true],
  ["2001:db8:0:0:0:0:2:1", true], ["2001:db8::2::1", false], ["1:2:3:4:5:6:7:8:9", false], ["1:2:3:4:5:6:7", false],
  ["gggg::1", false], ["", false], ["-", false], ["not-an-ip", false], ["fe80::1:2:3:4:5:6:7", false],
];

describe("isIpAddress", () => {
  it.each(CASES)("%s → %s", (v, want) => {
    expect(isIpAddress(v)).toBe(want);
  });
});
