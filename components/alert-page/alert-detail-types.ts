import type { AlertSummary } from "@/components/alerts/alert-types";

export type EcsDoc = Record<string, unknown>;
export type EvidenceEvent = { id: string; event: EcsDoc };
export type Reason = { code: string; priority: string; text: string; eventRefs: { source: string; index: number; id?: string }[] };
export type StepState = { status: "todo" | "done" | "not_applicable"; by: string | null; at: string | null; note: string | null; outcome: string | null };
export type ChecklistStep = { id: string; number: string; title: string; help: string; parent?: string; hasOutcome?: true };
export type HistoryRow = { id: string; at: string; actor: string | null; field: string; from: string | null; to: string | null; reason: string | null };

export type AlertDetail = {
  alert: AlertSummary;
  priorityReasons: Reason[];
  source: { kind: "upload"; uploadId: string | null } | { kind: "connection"; connectionId: string; name: string };
  duplicateOf: string | null;
  entityId: string | null;
  events: EcsDoc[];
  checklist: Record<string, StepState>;
  checklistSteps: ChecklistStep[];
  rule: {
    id: string;
    name: string;
    description?: string;
    severity: string;
    riskScore: number;
    note?: string | null;
    query?: string;
    threat?: { framework: string; tactic: { id: string; name: string; reference: string }; technique?: { id: string; name: string; reference: string; subtechnique?: { id: string; name: string; reference: string }[] }[] }[];
  };
  evidence: { own: EvidenceEvent[]; parents: EvidenceEvent[]; children: EvidenceEvent[]; target: EvidenceEvent[]; dns: EvidenceEvent[] };
  relatedAlerts: AlertSummary[];
  comments: { id: string; body: string; author: string | null; createdAt: string }[];
  history: HistoryRow[];
};

/** Reads a dotted ECS path from nested or dotted JSON (display only). */
export function field(doc: EcsDoc | undefined, path: string): string | undefined {
  if (!doc) return undefined;
  if (path in doc) return display(doc[path]);
  let node: unknown = doc;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return display(node);
}

function display(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String).join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
