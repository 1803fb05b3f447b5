import { describe, expect, it } from "vitest";
import { cidrContains, parseCidr, parseIp } from "@/lib/triage/ip-address";

// Expected integers are written out by hand from the RFC 4291 / RFC 791 text forms.
const ips: Array<[string, { family: 4 | 6; value: bigint } | undefined]> = [
  ["10.0.0.5", { family: 4, value: 0x0a000005n }],
  ["255.255.255.255", { family: 4, value: 0xffffffffn }],
  ["256.1.1.1", undefined],
  ["1.2.3", undefined],
  ["::1", { family: 6, value: 1n }],
  ["::", { family: 6, value: 0n }],
  ["fe80::1%eth0", { family: 6, value: (0xfe80n << 112n) | 1n }],
  ["2001:db8::", { family: 6, value: (0x2001n << 112n) | (0xdb8n << 96n) }],
  ["2001:DB8:0:0:0:0:0:1", { family: 6, value: (0x2001n << 112n) | (0xdb8n << 96n) | 1n }],
  ["::ffff:192.168.1.10", { family: 4, value: 0xc0a8010an }],
  ["[::1]", { family: 6, value: 1n }],
  ["1:2:3:4:5:6:7:8:9", undefined],
  ["1::2::3", undefined],
  ["12345::", undefined],
  ["srv01", undefined],
  ["01.2.3.4", undefined],
  ["1::2:3:4:5:6:7:8", undefined],
  ["1:2:3:4:5:6:1.2.3.4", { family: 6, value: (1n << 112n) | (2n << 96n) | (3n << 80n) | (4n << 64n) | (5n << 48n) | (6n << 32n) | 0x01020304n }],
];

describe("parseIp", () => {
  it.each(ips)("%s", (text, expected) => {
    expect(parseIp(text)).toEqual(expected);
  });
});

const contains: Array<[cidr: string, ip: string, inside: boolean]> = [
  ["10.0.0.0/8", "10.200.1.1", true],
  ["10.0.0.0/8", "11.0.0.1", false],
  ["192.168.1.128/25", "192.168.1.127", false],
  ["192.168.1.128/25", "192.168.1.200", true],
  ["192.168.1.77/24", "192.168.1.1", true],
  ["10.1.2.3", "10.1.2.3", true],
  ["10.1.2.3", "10.1.2.4", false],
  ["0.0.0.0/0", "8.8.8.8", true],
  ["0.0.0.0/0", "::1", false],
  ["2001:db8::/32", "2001:db8:ffff::1", true],
  ["2001:db8::/32", "2001:db9::1", false],
  ["fe80::/10", "febf::1", true],
  ["fe80::/10", "fec0::1", false],
  ["10.0.0.0/8", "::ffff:10.9.9.9", true],
];

describe("cidrContains", () => {
  it.each(contains)("%s contains %s = %s", (cidrText, ipText, inside) => {
    const cidr = parseCidr(cidrText);
    const ip = parseIp(ipText);
    expect(cidr && ip && cidrContains(cidr, ip)).toBe(inside);
  });

  it.each(["10.0.0.0/33", "::/129", "10.0.0.0/8/1", "x/8", "10.0.0.0/-1"])("rejects %s", (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});
