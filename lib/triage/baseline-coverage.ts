import type { AlertFacts } from "@/lib/triage/alert-facts";
import type { CompiledBaseline, CompiledEntry } from "@/lib/triage/baseline-compile";
import { prepareFacts } from "@/lib/triage/baseline-facts";
import { allowsDestination, allowsSource, allowsUser } from "@/lib/triage/baseline-dimensions";
import { formatUser } from "@/lib/triage/user-name";

export type BaselineGap = { dimension: "user" | "source_host" | "destination"; value: string; text: string };
export type BaselineCoverage = { hasBaselines: boolean; gaps: BaselineGap[] };

/**
 * The approval history: every entry approved by `now`, expired ones included (they still record
 * legitimate past use). Revoked entries are left out: revoking says the approval was wrong.
 */
function history(baseline: CompiledBaseline, now: number): CompiledEntry[] {
  return baseline.entries.filter((e) => e.approvedAt <= now && e.entry.revokedAt === null);
}

const gap = (dimension: BaselineGap["dimension"], value: string): BaselineGap => ({
  dimension,
  value,
  text: `${dimension.replace("_", " ")} ${value} never approved for PsExec`,
});

/**
 * The playbook's "outside the approved baseline history": which of user, source host and each
 * destination no approval ever covered. Dimensions are judged one at a time, so a user approved
 * on one host and a host approved for another user both count as known. No history: criterion off.
 */
export function findBaselineGaps(facts: AlertFacts, baseline: CompiledBaseline, now: Date | number): BaselineCoverage {
  const at = typeof now === "number" ? now : now.getTime();
  const entries = history(baseline, at);
  if (entries.length === 0) return { hasBaselines: false, gaps: [] };
  const f = prepareFacts(facts);
  const gaps: BaselineGap[] = [];
  if (!entries.some((e) => allowsUser(e, f))) gaps.push(gap("user", facts.user ? formatUser(facts.user) : "(unknown)"));
  if (!entries.some((e) => allowsSource(e, f))) gaps.push(gap("source_host", facts.sourceHost ?? "(unknown)"));
  for (const d of f.destinations) {
    if (!entries.some((e) => allowsDestination(e, d))) gaps.push(gap("destination", d.label));
  }
  for (const target of facts.unresolvedTargets) {
    // `\\*` or a host list file: only an approval without destination limits covers it.
    if (!entries.some((e) => !e.destinations)) gaps.push(gap("destination", target));
  }
  return { hasBaselines: true, gaps };
}
