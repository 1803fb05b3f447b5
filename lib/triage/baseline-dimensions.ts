import type { CompiledEntry, HostSet } from "@/lib/triage/baseline-compile";
import type { PreparedDestination, PreparedFacts } from "@/lib/triage/baseline-facts";
import { hostKeysMatch, type HostKey } from "@/lib/triage/host-name";
import { cidrContains, type IpAddress } from "@/lib/triage/ip-address";
import { isInWindow } from "@/lib/triage/time-of-day";
import type { StringMatcher } from "@/lib/triage/wildcard";

// Each check answers "does this entry allow this part of the alert?"; an absent dimension allows all.

function inHostSet(set: HostSet, host: HostKey | undefined, ips: readonly (IpAddress | undefined)[]): boolean {
  if (host && set.names.some((n) => hostKeysMatch(n, host))) return true;
  return ips.some((ip) => ip !== undefined && set.cidrs.some((c) => cidrContains(c, ip)));
}

// Same rule as `userMatches` (user-name.ts), on pre-lowered values.
export function allowsUser(e: CompiledEntry, f: PreparedFacts): boolean {
  const user = f.user;
  if (!e.users) return true;
  if (!user) return false;
  return e.users.some(
    (u) => u.name === user.name && (!u.domain || (user.domain !== undefined && hostKeysMatch(u.domain, user.domain))),
  );
}

function anyMatch(matchers: readonly StringMatcher[], value: string, memo: Map<StringMatcher, boolean>): boolean {
  for (const m of matchers) {
    let hit = memo.get(m);
    if (hit === undefined) {
      hit = m(value);
      memo.set(m, hit);
    }
    if (hit) return true;
  }
  return false;
}

export function allowsSource(e: CompiledEntry, f: PreparedFacts): boolean {
  return !e.sourceHosts || inHostSet(e.sourceHosts, f.sourceHost, f.sourceIps);
}

export function allowsDestination(e: CompiledEntry, d: PreparedDestination): boolean {
  return !e.destinations || inHostSet(e.destinations, d.host, [d.ip]);
}

/** Every destination must be allowed; unknown destinations (`\\*`, `@file`, none seen) never are. */
export function allowsAllDestinations(e: CompiledEntry, f: PreparedFacts): boolean {
  if (!e.destinations) return true;
  if (f.facts.unresolvedTargets.length > 0 || f.destinations.length === 0) return false;
  return f.destinations.every((d) => allowsDestination(e, d));
}

export function allowsBinary(e: CompiledEntry, f: PreparedFacts): boolean {
  const exe = f.executable;
  if (e.executables && (exe === undefined || !anyMatch(e.executables, exe, f.executableMatches))) return false;
  if (!e.hashes) return true;
  for (const h of f.hashes) if (e.hashes.has(h)) return true;
  return false;
}

export function allowsCommandLine(e: CompiledEntry, f: PreparedFacts): boolean {
  const line = f.facts.commandLine;
  return !e.commandLines || (line !== undefined && anyMatch(e.commandLines, line, f.commandLineMatches));
}

export function allowsTime(e: CompiledEntry, f: PreparedFacts): boolean {
  const w = e.timeWindow;
  if (!w) return true;
  if (!Number.isFinite(f.facts.timestamp)) return false;
  return isInWindow(f.minuteIn(w.timeZone), w.startMinute, w.endMinute);
}

/** In force at `now`: approved, not yet expired, not revoked. */
export function isActive(e: CompiledEntry, now: number): boolean {
  return e.approvedAt <= now && now < e.expiresAt && now < e.revokedAt;
}
