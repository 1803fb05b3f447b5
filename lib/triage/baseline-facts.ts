import type { AlertFacts } from "@/lib/triage/alert-facts";
import { compileUser, type CompiledUser } from "@/lib/triage/baseline-compile";
import type { StringMatcher } from "@/lib/triage/wildcard";
import { hostKey, type HostKey } from "@/lib/triage/host-name";
import { parseIp, type IpAddress } from "@/lib/triage/ip-address";
import { minuteOfDay } from "@/lib/triage/time-of-day";

export type PreparedDestination = { label: string; host?: HostKey; ip?: IpAddress };

/** Alert facts normalised once per alert, shared by every entry it is compared with. */
export type PreparedFacts = {
  facts: AlertFacts;
  user?: CompiledUser;
  sourceHost?: HostKey;
  sourceIps: IpAddress[];
  destinations: PreparedDestination[];
  executable?: string;
  hashes: Set<string>;
  /** Results of shared wildcard matchers, so a pattern used by many entries runs once per alert. */
  executableMatches: Map<StringMatcher, boolean>;
  commandLineMatches: Map<StringMatcher, boolean>;
  /** Minute of day per time zone, computed on first use. */
  minuteIn: (timeZone: string) => number;
};

export function prepareFacts(facts: AlertFacts): PreparedFacts {
  const minutes = new Map<string, number>();
  return {
    facts,
    user: facts.user ? compileUser(facts.user) : undefined,
    sourceHost: facts.sourceHost ? hostKey(facts.sourceHost) : undefined,
    sourceIps: facts.sourceIps.flatMap((ip) => parseIp(ip) ?? []),
    destinations: facts.destinations.map((d) => ({
      label: d.host && d.ip ? `${d.host} (${d.ip})` : (d.host ?? d.ip ?? ""),
      host: d.host ? hostKey(d.host) : undefined,
      ip: d.ip ? parseIp(d.ip) : undefined,
    })),
    executable: facts.executable,
    hashes: new Set(facts.hashes.map((h) => h.toLowerCase())),
    executableMatches: new Map(),
    commandLineMatches: new Map(),
    minuteIn: (timeZone) => {
      let m = minutes.get(timeZone);
      if (m === undefined) {
        m = minuteOfDay(facts.timestamp, timeZone);
        minutes.set(timeZone, m);
      }
      return m;
    },
  };
}
