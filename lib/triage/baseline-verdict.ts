import type { AlertFacts } from "@/lib/triage/alert-facts";
import { matchBaseline } from "@/lib/triage/baseline";
import type { CompiledBaseline } from "@/lib/triage/baseline-compile";
import { findBaselineGaps } from "@/lib/triage/baseline-coverage";
import type { Priority, Reason } from "@/lib/triage/priority";

export type OnMatch = "close" | "low";

/** The approval history plus what each entry asks for when a new alert matches it. */
export type BaselinePolicy = { compiled: CompiledBaseline; onMatch: ReadonlyMap<string, OnMatch> };

export type BaselineVerdict = { entryId: string; onMatch: OnMatch };

/** The entry that handles an alert; closing wins over keeping at Low when several match. */
export function baselineVerdict(facts: AlertFacts, policy: BaselinePolicy, now: number): BaselineVerdict | null {
  const matched = matchBaseline(facts, policy.compiled, now);
  if (matched.length === 0) return null;
  const chosen = matched.find((e) => policy.onMatch.get(e.id) === "close") ?? matched[0];
  return { entryId: chosen.id, onMatch: policy.onMatch.get(chosen.id) ?? "close" };
}

const RANK: Record<Priority, number> = { low: 0, medium: 1, high: 2 };
const BASELINE_CODES = new Set<Reason["code"]>(["outside_baseline", "approved_baseline"]);

export function approvedReason(verdict: BaselineVerdict): Reason {
  const text = `approved admin activity (baseline ${verdict.entryId})`;
  return { code: "approved_baseline", priority: "low", text: verdict.onMatch === "low" ? `${text}: kept open at Low` : text, eventRefs: [] };
}

/**
 * Re-judges an alert against the current baseline without re-reading its evidence: the stored
 * non-baseline reasons stay, the baseline ones are recomputed. A Low-entry match caps at Low.
 */
export function rebaselinePriority(
  reasons: readonly Reason[],
  facts: AlertFacts,
  policy: BaselinePolicy,
  now: number,
): { priority: Priority; reasons: Reason[]; verdict: BaselineVerdict | null } {
  const kept = reasons.filter((r) => !BASELINE_CODES.has(r.code));
  const anchor = kept[0]?.eventRefs ?? [];
  const coverage = findBaselineGaps(facts, policy.compiled, now);
  const gaps: Reason[] = coverage.gaps.map((g) => ({ code: "outside_baseline", priority: "high", text: g.text, eventRefs: anchor }));
  const verdict = baselineVerdict(facts, policy, now);
  return { ...withVerdict([...kept, ...gaps], verdict), verdict };
}

/** Priority from reasons, with a Low-entry match forcing Low (the lead's explicit choice). */
export function withVerdict(reasons: Reason[], verdict: BaselineVerdict | null): { priority: Priority; reasons: Reason[] } {
  if (verdict?.onMatch === "low") return { priority: "low", reasons: [approvedReason(verdict), ...reasons] };
  const all = verdict ? [approvedReason(verdict), ...reasons] : reasons;
  const priority = reasons.reduce<Priority>((best, r) => (RANK[r.priority] > RANK[best] ? r.priority : best), "low");
  return { priority, reasons: all };
}
