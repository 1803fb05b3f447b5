import { BlockList, isIP } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cidrContains, parseCidr, parseIp } from "@/lib/triage/ip-address";

// Node's own address parser and BlockList are the independent oracle for our IP/CIDR code.
const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join("."));
const hextet = fc.nat(0xffff).map((n) => n.toString(16));
const v6full = fc.array(hextet, { minLength: 8, maxLength: 8 }).map((g) => g.join(":"));
// Compress a random run of groups with `::` so the shorthand forms are exercised too.
const v6 = fc.tuple(v6full, fc.nat(7), fc.nat(7)).map(([full, a, b]) => {
  const g = full.split(":");
  const [from, to] = a <= b ? [a, b] : [b, a];
  return `${g.slice(0, from).join(":")}::${g.slice(to + 1).join(":")}`;
});

describe("ip-address against node:net", () => {
  it("parses exactly what node:net accepts (v4, v6, shorthand)", () => {
    fc.assert(
      fc.property(fc.oneof(v4, v6full, v6, fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9]{1,4}(\.[0-9]{1,4}){2,4}$/)), (text) => {
        expect(parseIp(text) !== undefined).toBe(isIP(text) !== 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("IPv4 CIDR containment agrees with BlockList", () => {
    fc.assert(
      fc.property(v4, fc.nat(32), v4, (network, prefix, ip) => {
        const list = new BlockList();
        list.addSubnet(network, prefix, "ipv4");
        expect(cidrContains(parseCidr(`${network}/${prefix}`)!, parseIp(ip)!)).toBe(list.check(ip, "ipv4"));
      }),
      { numRuns: 2000 },
    );
  });

  it("IPv6 CIDR containment agrees with BlockList", () => {
    // Share a random-length prefix so containment is true often enough to matter.
    fc.assert(
      fc.property(v6full, fc.nat(128), v6full, fc.nat(8), (network, prefix, other, shared) => {
        const ip = [...network.split(":").slice(0, shared), ...other.split(":").slice(shared)].join(":");
        const list = new BlockList();
        list.addSubnet(network, prefix, "ipv6");
        expect(cidrContains(parseCidr(`${network}/${prefix}`)!, parseIp(ip)!)).toBe(list.check(ip, "ipv6"));
      }),
      { numRuns: 2000 },
    );
  });
});
