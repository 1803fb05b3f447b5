import type {
  AlertWorkflowState, HistoryChange, WorkflowAction, WorkflowActionName,
} from "@/lib/triage/workflow-schema";

export type WorkflowErrorCode =
  | "invalid_transition"
  | "comment_required"
  | "duplicate_of_required"
  | "duplicate_of_self"
  | "duplicate_of_not_allowed";

export type TransitionResult =
  | { ok: true; state: AlertWorkflowState; changes: HistoryChange[] }
  | { ok: false; code: WorkflowErrorCode; message: string };

export type WorkflowInput<A extends WorkflowActionName> = Omit<Extract<WorkflowAction, { action: A }>, "action">;

const fail = (code: WorkflowErrorCode, message: string): TransitionResult => ({ ok: false, code, message });

function apply(state: AlertWorkflowState, next: Partial<AlertWorkflowState>, reason?: string): TransitionResult {
  const fields = [
    ["status", "status"], ["classification", "classification"], ["duplicateOf", "duplicate_of"],
    ["assignee", "assignee"], ["escalated", "escalated"],
  ] as const;
  const updated = { ...state, ...next };
  const changes: HistoryChange[] = [];
  for (const [key, field] of fields) {
    if (updated[key] === state[key]) continue;
    changes.push(reason ? { field, from: state[key], to: updated[key], reason } : { field, from: state[key], to: updated[key] });
  }
  return { ok: true, state: updated, changes };
}

function close(state: AlertWorkflowState, input: WorkflowInput<"close">): TransitionResult {
  if (state.status === "closed") return fail("invalid_transition", "The alert is already closed; reopen it first.");
  const comment = input.comment?.trim() || undefined;
  if (input.classification === "duplicate") {
    if (!input.duplicateOf) return fail("duplicate_of_required", "A duplicate needs the id of the primary alert.");
    if (input.duplicateOf === state.id) return fail("duplicate_of_self", "An alert cannot duplicate itself.");
  } else {
    if (input.duplicateOf) return fail("duplicate_of_not_allowed", "Only duplicates name a primary alert.");
    if (!comment) return fail("comment_required", "Closing needs a comment explaining the classification.");
  }
  return apply(
    state,
    { status: "closed", classification: input.classification, duplicateOf: input.duplicateOf ?? null },
    comment,
  );
}

/** Applies an already-validated action; acknowledging, assigning and escalating are idempotent. */
export function applyWorkflowAction(state: AlertWorkflowState, action: WorkflowAction): TransitionResult {
  switch (action.action) {
    case "acknowledge":
      if (state.status === "closed") return fail("invalid_transition", "A closed alert cannot be acknowledged; reopen it first.");
      return apply(state, { status: "acknowledged" });
    case "close":
      return close(state, action);
    case "reopen":
      if (state.status !== "closed") return fail("invalid_transition", "Only a closed alert can be reopened.");
      // The old verdict no longer holds once someone doubts it.
      return apply(state, { status: "open", classification: null, duplicateOf: null }, action.reason?.trim() || undefined);
    case "assign":
      return apply(state, { assignee: action.assignee }, action.reason?.trim() || undefined);
    case "escalate":
      if (action.escalated && state.status === "closed") {
        return fail("invalid_transition", "A closed alert cannot be escalated; reopen it first.");
      }
      return apply(state, { escalated: action.escalated }, action.reason?.trim() || undefined);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/** `transition(state, "close", { classification, comment })`: the action name picks the input type. */
export function transition<A extends WorkflowActionName>(
  current: AlertWorkflowState,
  action: A,
  input: WorkflowInput<A>,
): TransitionResult {
  return applyWorkflowAction(current, { ...input, action } as WorkflowAction);
}
