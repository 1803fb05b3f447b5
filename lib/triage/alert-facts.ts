import type { EcsEvent } from "@/lib/ecs/event";
import { eventTime, firstString, hasCategory, processArgs, stringValues } from "@/lib/triage/event-fields";
import { parsePsExecArgs, targetHosts } from "@/lib/triage/psexec-args";
import { hostsMatch } from "@/lib/triage/host-name";
import { parseIp } from "@/lib/triage/ip-address";
import { parseUserName, type UserIdentity } from "@/lib/triage/user-name";

export type Destination = { ip?: string; host?: string };

/** What baseline matching needs to know about one alert, independent of the log source. */
export type AlertFacts = {
  user?: UserIdentity;
  sourceHost?: string;
  sourceIps: string[];
  destinations: Destination[];
  /** `\\*` or `@file` targets: the destination set is unknown, so no destination scope covers it. */
  unresolvedTargets: string[];
  executable?: string;
  hashes: string[];
  commandLine?: string;
  /** Epoch ms of the PsExec start (NaN when the event has no usable `@timestamp`). */
  timestamp: number;
};

const HASH_FIELDS = ["process.hash.md5", "process.hash.sha1", "process.hash.sha256", "process.hash.sha512"];

export function findStageOne(events: readonly EcsEvent[]): EcsEvent | undefined {
  return events.find((e) => hasCategory(e, "process")) ?? events[0];
}

function networkDestinations(events: readonly EcsEvent[], stage1: EcsEvent): Destination[] {
  const out: Destination[] = [];
  for (const event of events) {
    if (event === stage1 || !hasCategory(event, "network")) continue;
    const ip = firstString(event, "destination.ip");
    const host = firstString(event, "destination.domain") ?? firstString(event, "dns.question.name");
    if (!ip && !host) continue;
    const seen = out.find((d) => (ip ? d.ip === ip : !d.ip && d.host?.toLowerCase() === host?.toLowerCase()));
    if (!seen) out.push({ ...(ip ? { ip } : {}), ...(host ? { host } : {}) });
    else if (!seen.host && host) seen.host = host;
  }
  return out;
}

/**
 * Joins the `\\host` targets from the command line with the network events' destinations.
 * PsExec.exe itself only talks to its targets (name resolution and Kerberos run in other
 * processes), so with a single named target an unnamed destination IP is that target.
 */
function mergeDestinations(network: Destination[], targetNames: string[]): Destination[] {
  const single = targetNames.length === 1 && !parseIp(targetNames[0]) ? targetNames[0] : undefined;
  const merged = network.map((d) => (single && !d.host ? { ...d, host: single } : d));
  for (const name of targetNames) {
    const known = merged.some((d) => (d.host !== undefined && hostsMatch(d.host, name)) || d.ip === name);
    if (!known) merged.push(parseIp(name) ? { ip: name } : { host: name });
  }
  return merged;
}

/** Facts from an alert's events: the PsExec start (stage 1) and its network events (stage 2). */
export function alertFactsFromEvents(events: readonly EcsEvent[]): AlertFacts {
  const stage1 = findStageOne(events) ?? {};
  const userName = firstString(stage1, "user.name");
  const args = processArgs(stage1);
  const invocation = parsePsExecArgs(args);
  const destinations = mergeDestinations(networkDestinations(events, stage1), targetHosts(invocation));
  const unresolvedTargets = invocation.targets.flatMap((t) =>
    t.kind === "file" ? [`@${t.path}`] : t.kind === "all-domain-computers" ? ["\\\\*"] : [],
  );
  const commandLine = firstString(stage1, "process.command_line") ?? (args.length ? args.join(" ") : undefined);
  return {
    user: userName ? parseUserName(userName, firstString(stage1, "user.domain")) : undefined,
    sourceHost: firstString(stage1, "host.name") ?? firstString(stage1, "host.hostname"),
    sourceIps: stringValues(stage1, "host.ip"),
    destinations,
    unresolvedTargets,
    executable: firstString(stage1, "process.executable"),
    hashes: HASH_FIELDS.flatMap((path) => stringValues(stage1, path)),
    commandLine,
    timestamp: eventTime(stage1),
  };
}
