import type { BaselineEntry, TimeWindow } from "@/lib/triage/baseline-schema";
import { hostKey, type HostKey } from "@/lib/triage/host-name";
import { parseCidr, type Cidr } from "@/lib/triage/ip-address";
import { parseUserName, type UserIdentity } from "@/lib/triage/user-name";
import { compileWildcard, type StringMatcher } from "@/lib/triage/wildcard";

/** Host names and address ranges, parsed once. */
export type HostSet = { names: HostKey[]; cidrs: Cidr[] };

/** An entry with every pattern parsed, so matching an alert costs only comparisons. */
export type CompiledEntry = {
  entry: BaselineEntry;
  approvedAt: number;
  expiresAt: number;
  revokedAt: number;
  users?: CompiledUser[];
  sourceHosts?: HostSet;
  destinations?: HostSet;
  executables?: StringMatcher[];
  hashes?: Set<string>;
  commandLines?: StringMatcher[];
  timeWindow?: TimeWindow;
};

export type CompiledBaseline = { entries: CompiledEntry[] };

/** A user lower-cased and with its domain parsed once, so matching only compares strings. */
export type CompiledUser = { name: string; domain?: HostKey };

export function compileUser(user: UserIdentity): CompiledUser {
  const name = user.name.toLowerCase();
  return user.domain ? { name, domain: hostKey(user.domain) } : { name };
}

export function compileHostSet(values: readonly string[]): HostSet {
  const set: HostSet = { names: [], cidrs: [] };
  for (const value of values) {
    const cidr = parseCidr(value);
    if (cidr) set.cidrs.push(cidr);
    else set.names.push(hostKey(value));
  }
  return set;
}

/** Entries often share patterns; one matcher per pattern lets per-alert results be memoised. */
type MatcherCache = Map<string, StringMatcher>;

function matcherFor(cache: MatcherCache, pattern: string): StringMatcher {
  let m = cache.get(pattern);
  if (!m) {
    m = compileWildcard(pattern);
    cache.set(pattern, m);
  }
  return m;
}

export function compileEntry(entry: BaselineEntry, cache: MatcherCache = new Map()): CompiledEntry {
  const { scope } = entry;
  return {
    entry,
    approvedAt: entry.approvedAt.getTime(),
    expiresAt: entry.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY,
    revokedAt: entry.revokedAt?.getTime() ?? Number.POSITIVE_INFINITY,
    users: scope.users?.map((u) => compileUser(parseUserName(u))),
    sourceHosts: scope.sourceHosts && compileHostSet(scope.sourceHosts),
    destinations: scope.destinations && compileHostSet(scope.destinations),
    executables: scope.executables?.map((p) => matcherFor(cache, p)),
    hashes: scope.hashes && new Set(scope.hashes.map((h) => h.toLowerCase())),
    commandLines: scope.commandLines?.map((p) => matcherFor(cache, p)),
    timeWindow: scope.timeWindow,
  };
}

export function compileBaseline(entries: readonly BaselineEntry[]): CompiledBaseline {
  const cache: MatcherCache = new Map();
  return { entries: entries.map((e) => compileEntry(e, cache)) };
}
