import { z } from "zod";
import { CHECKLIST_STEPS, CONTACT_OUTCOMES, findChecklistStep, type ChecklistStepId, type ContactOutcome } from "@/lib/triage/checklist-steps";
import type { HistoryChange } from "@/lib/triage/workflow-schema";

export const STEP_STATUSES = ["todo", "done", "not_applicable"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export type StepState = { status: StepStatus; by: string | null; at: string | null; note: string | null; outcome: ContactOutcome | null };
export type ChecklistState = Record<ChecklistStepId, StepState>;

/** The step id stays a plain string here so an unknown id is a domain error, not a schema one. */
export const checklistUpdateSchema = z.object({
  stepId: z.string().trim().min(1).max(100),
  status: z.enum(STEP_STATUSES),
  note: z.string().trim().max(10_000).optional(),
  outcome: z.enum(CONTACT_OUTCOMES).optional(),
});
export type ChecklistUpdate = z.output<typeof checklistUpdateSchema>;

export type ChecklistErrorCode = "unknown_step" | "outcome_not_allowed" | "outcome_required" | "substeps_pending";
export type ChecklistResult =
  | { ok: true; state: ChecklistState; changes: HistoryChange[] }
  | { ok: false; code: ChecklistErrorCode; message: string };

export function initialChecklistState(): ChecklistState {
  const todo: StepState = { status: "todo", by: null, at: null, note: null, outcome: null };
  return Object.fromEntries(CHECKLIST_STEPS.map((s) => [s.id, { ...todo }])) as ChecklistState;
}

const fail = (code: ChecklistErrorCode, message: string): ChecklistResult => ({ ok: false, code, message });

/** Records one analyst update with who and when; the returned rows go to the alert history. */
export function applyChecklistUpdate(state: ChecklistState, update: ChecklistUpdate, actor: string, now: Date): ChecklistResult {
  const step = findChecklistStep(update.stepId);
  if (!step) return fail("unknown_step", `Unknown checklist step "${update.stepId}".`);
  if (update.outcome && !step.hasOutcome) return fail("outcome_not_allowed", `Step "${step.id}" has no outcome.`);
  if (step.hasOutcome && update.status === "done" && !update.outcome) {
    return fail("outcome_required", "Say how the contact ended: confirmed legitimate, not legitimate or no answer.");
  }
  if (update.status === "done") {
    const pending = CHECKLIST_STEPS.filter((s) => s.parent === step.id && state[s.id].status === "todo");
    if (pending.length > 0) return fail("substeps_pending", `Finish or skip first: ${pending.map((s) => s.number).join(", ")}.`);
  }
  const before = state[step.id];
  const outcome = update.status === "done" ? (update.outcome ?? null) : null;
  const note = update.note === undefined ? before.note : update.note || null;
  const after: StepState = { status: update.status, by: actor, at: now.toISOString(), note, outcome };
  const field = `checklist.${step.id}` as const;
  const reason = note ?? undefined;
  const changes: HistoryChange[] = [];
  const row = (f: HistoryChange["field"], from: string | null, to: string | null): HistoryChange =>
    reason ? { field: f, from, to, reason } : { field: f, from, to };
  if (before.status !== after.status) changes.push(row(field, before.status, after.status));
  if (before.outcome !== after.outcome) changes.push(row(`${field}.outcome`, before.outcome, after.outcome));
  if (before.note !== after.note) changes.push({ field: `${field}.note`, from: before.note, to: after.note });
  if (changes.length === 0) return { ok: true, state, changes };
  return { ok: true, state: { ...state, [step.id]: after }, changes };
}
