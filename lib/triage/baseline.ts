import type { AlertFacts } from "@/lib/triage/alert-facts";
import { compileBaseline, type CompiledBaseline } from "@/lib/triage/baseline-compile";
import { prepareFacts } from "@/lib/triage/baseline-facts";
import {
  allowsAllDestinations, allowsBinary, allowsCommandLine, allowsSource, allowsTime, allowsUser, isActive,
} from "@/lib/triage/baseline-dimensions";
import type { BaselineEntry, BaselineScope } from "@/lib/triage/baseline-schema";
import { parseCidr } from "@/lib/triage/ip-address";
import { isMatchAll } from "@/lib/triage/wildcard";

function isCompiled(b: CompiledBaseline | readonly BaselineEntry[]): b is CompiledBaseline {
  return !Array.isArray(b);
}

/** Entries in force at `now` whose every dimension allows the alert (an approved-admin match). */
export function matchBaseline(
  facts: AlertFacts,
  baseline: CompiledBaseline | readonly BaselineEntry[],
  now: Date | number,
): BaselineEntry[] {
  const compiled = isCompiled(baseline) ? baseline : compileBaseline(baseline);
  const at = typeof now === "number" ? now : now.getTime();
  const prepared = prepareFacts(facts);
  const matched: BaselineEntry[] = [];
  for (const e of compiled.entries) {
    // Cheapest, most selective checks first: most entries fail on user or source host.
    if (
      isActive(e, at) && allowsUser(e, prepared) && allowsSource(e, prepared) && allowsAllDestinations(e, prepared) &&
      allowsBinary(e, prepared) && allowsCommandLine(e, prepared) && allowsTime(e, prepared)
    ) {
      matched.push(e.entry);
    }
  }
  return matched;
}

const isAnyAddress = (v: string) => parseCidr(v)?.prefix === 0;

/**
 * Why a scope would approve too much. We require a *who* (user or source host) plus at least one
 * more dimension, and a dimension that matches everything (`*`, `0.0.0.0/0`) does not count.
 */
export function findScopeBreadthProblems(scope: BaselineScope): string[] {
  const effective = {
    users: Boolean(scope.users?.length),
    sourceHosts: Boolean(scope.sourceHosts?.length) && !scope.sourceHosts?.some(isAnyAddress),
    destinations: Boolean(scope.destinations?.length) && !scope.destinations?.some(isAnyAddress),
    executables: Boolean(scope.executables?.length) && !scope.executables?.some(isMatchAll),
    hashes: Boolean(scope.hashes?.length),
    commandLines: Boolean(scope.commandLines?.length) && !scope.commandLines?.some(isMatchAll),
    timeWindow: scope.timeWindow !== undefined,
  };
  const problems: string[] = [];
  if (!effective.users && !effective.sourceHosts) problems.push("name at least one user or source host");
  if (Object.values(effective).filter(Boolean).length < 2) {
    problems.push("add a second dimension: destination, executable, hash, command line or time window");
  }
  return problems;
}

export function isTooBroad(scope: BaselineScope): boolean {
  return findScopeBreadthProblems(scope).length > 0;
}
