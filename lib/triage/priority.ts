import type { EcsEvent } from "@/lib/ecs/event";
import { DEFAULT_PRIORITY_CONFIG, type PriorityConfig } from "@/lib/triage/priority-config";
import { eventRef, hasCategory, type EventRef } from "@/lib/triage/event-fields";
import { alertFactsFromEvents, findStageOne } from "@/lib/triage/alert-facts";
import { findSensitiveActivity, type SensitiveFinding } from "@/lib/triage/sensitive-activity";
import type { BaselineGap } from "@/lib/triage/baseline-coverage";

export type Priority = "low" | "medium" | "high";
export type ReasonCode = "stage_one_only" | "network_connection" | SensitiveFinding["code"] | "outside_baseline" | "approved_baseline";
export type Reason = { code: ReasonCode; priority: Priority; text: string; eventRefs: EventRef[] };

export type PriorityInput = {
  /** The alert's events: the PsExec start and, for the full sequence, its network event(s). */
  events: readonly EcsEvent[];
  /** Other events from the same data set (children, target-side processes) to look for spawned programs. */
  related?: readonly EcsEvent[];
  /** From `findBaselineGaps`; undefined or `hasBaselines: false` switches the criterion off. */
  baseline?: { hasBaselines: boolean; gaps: readonly BaselineGap[] };
  config?: PriorityConfig;
};

const RANK: Record<Priority, number> = { low: 0, medium: 1, high: 2 };

function sensitiveText(finding: SensitiveFinding): string {
  switch (finding.code) {
    case "sensitive_remote_command":
      return `PsExec was told to run ${finding.processName}`;
    case "sensitive_child_process":
      return `PsExec spawned ${finding.processName}`;
    case "sensitive_service_child":
      return `PSEXESVC spawned ${finding.processName} on the destination`;
  }
}

/** The playbook's priority, with every criterion that fired so the alert page can show why. */
export function computePriority(input: PriorityInput): { priority: Priority; reasons: Reason[] } {
  const config = input.config ?? DEFAULT_PRIORITY_CONFIG;
  const stage1 = findStageOne(input.events);
  if (!stage1) return { priority: "low", reasons: [] };
  const stage1Ref = eventRef(stage1, "alert", input.events.indexOf(stage1));
  const network = input.events.flatMap((e, i) => (e !== stage1 && hasCategory(e, "network") ? [eventRef(e, "alert", i)] : []));
  const reasons: Reason[] = [];
  if (network.length === 0) {
    reasons.push({ code: "stage_one_only", priority: "low", text: "PsExec started with -accepteula; no network connection seen", eventRefs: [stage1Ref] });
  } else {
    reasons.push({ code: "network_connection", priority: "medium", text: "PsExec connected to another host", eventRefs: [stage1Ref, ...network] });
  }
  const facts = alertFactsFromEvents(input.events);
  const findings = findSensitiveActivity({ stage1, stage1Ref, related: input.related ?? [], destinations: facts.destinations, config });
  for (const finding of findings) {
    reasons.push({ code: finding.code, priority: "high", text: sensitiveText(finding), eventRefs: [finding.eventRef] });
  }
  if (input.baseline?.hasBaselines) {
    for (const gap of input.baseline.gaps) {
      reasons.push({ code: "outside_baseline", priority: "high", text: gap.text, eventRefs: [stage1Ref] });
    }
  }
  const priority = reasons.reduce<Priority>((best, r) => (RANK[r.priority] > RANK[best] ? r.priority : best), "low");
  return { priority, reasons };
}
