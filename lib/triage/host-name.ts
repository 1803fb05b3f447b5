import { parseIp } from "@/lib/triage/ip-address";

/** A host name reduced for comparison: lower case, no trailing dot, split into labels. */
export type HostKey = { full: string; short: string; isFqdn: boolean };

export function hostKey(name: string): HostKey {
  const full = name.trim().toLowerCase().replace(/\.$/, "");
  if (parseIp(full)) return { full, short: full, isFqdn: false };
  const dot = full.indexOf(".");
  return { full, short: dot === -1 ? full : full.slice(0, dot), isFqdn: dot !== -1 };
}

/**
 * `WS01` matches `ws01.corp.local` (logs mix NetBIOS and DNS names), but two FQDNs must agree
 * completely: `ws01.corp.local` is not `ws01.lab.local`.
 */
export function hostKeysMatch(a: HostKey, b: HostKey): boolean {
  if (a.isFqdn && b.isFqdn) return a.full === b.full;
  return a.short === b.short;
}

export function hostsMatch(a: string, b: string): boolean {
  return hostKeysMatch(hostKey(a), hostKey(b));
}
