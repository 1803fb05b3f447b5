import { createHash } from "node:crypto";
import type { LoadedRule } from "@/lib/detection/rules/load-rule";
import { getField, type EcsEvent } from "@/lib/ecs/event";
import { db } from "@/lib/server/db/client";
import { eventFingerprint } from "@/lib/server/events/event-fingerprint";
import { evaluatePriority } from "@/lib/server/alerts/evaluate-priority";
import { loadBaselinePolicy } from "@/lib/server/baselines/load-baseline-policy";
import { baselineHistoryRows } from "@/lib/server/baselines/baseline-history";
import { alertFactsFromEvents } from "@/lib/triage/alert-facts";
import { initialChecklistState } from "@/lib/triage/checklist";

export type RaisedAlert = { rule: LoadedRule; joinKeys: unknown[]; events: EcsEvent[]; kind: "sequence" | "stage_one_only" };

/**
 * Stores new alerts with their computed priority and a first history row. The dedupe key comes from
 * the rule and the events' identities, so the same activity uploaded twice yields one alert.
 */
export async function raiseAlerts(uploadId: string | null, raised: RaisedAlert[], origin: { connectionId?: string; connectionName?: string } = {}): Promise<number> {
  let created = 0;
  const policy = await loadBaselinePolicy();
  for (const alert of raised) {
    const dedupeKey = createHash("sha256")
      .update([alert.rule.id, alert.kind, ...alert.events.map(eventFingerprint)].join("\u0000"))
      .digest("base64url");
    if (await db.alert.findUnique({ where: { dedupeKey }, select: { id: true } })) continue;
    const facts = alertFactsFromEvents(alert.events);
    const times = alert.events.map((event) => Date.parse(String(getField(event, "@timestamp"))));
    const { priority, reasons, verdict } = await evaluatePriority(alert.events, policy);
    const closedByBaseline = verdict?.onMatch === "close";
    const result = await db.alert.createMany({
      skipDuplicates: true,
      data: [{
        dedupeKey,
        ruleId: alert.rule.id,
        ruleName: alert.rule.name,
        severity: alert.rule.severity,
        riskScore: alert.rule.riskScore,
        priority,
        priorityReasons: reasons,
        ...(closedByBaseline ? { status: "closed" as const, classification: "benign_positive_approved_admin" } : {}),
        baselineId: verdict?.entryId ?? null,
        sourceHost: facts.sourceHost ?? null,
        userName: facts.user?.name ?? null,
        userDomain: facts.user?.domain ?? null,
        destinations: facts.destinations.map((d) => [d.host, d.ip].filter(Boolean).join(" ")).concat(facts.unresolvedTargets),
        commandLine: facts.commandLine ?? null,
        entityId: stringOrNull(getField(alert.events[0], "process.entity_id")),
        joinKeys: alert.joinKeys as never,
        events: alert.events as never,
        checklist: initialChecklistState(),
        firstSeen: new Date(Math.min(...times)),
        lastSeen: new Date(Math.max(...times)),
        uploadId,
        connectionId: origin.connectionId ?? null,
      }],
    });
    if (result.count === 0) continue;
    created++;
    const stored = await db.alert.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } });
    await db.alertHistory.createMany({
      data: [
        { alertId: stored.id, field: "status", from: null, to: "open", reason: raisedReason(uploadId, origin.connectionName) },
        { alertId: stored.id, field: "priority", from: null, to: priority, reason: reasons.map((r) => r.text).join("; ") },
        ...(closedByBaseline ? baselineHistoryRows(stored.id, null, "open", verdict.entryId) : []),
      ],
    });
  }
  return created;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function raisedReason(uploadId: string | null, connectionName: string | undefined): string {
  if (uploadId) return `raised from upload ${uploadId}`;
  return connectionName ? `raised from connection ${connectionName}` : "raised";
}
