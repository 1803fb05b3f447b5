import { describe, expect, it } from "vitest";
import { applyWorkflowAction, transition } from "@/lib/triage/workflow";
import { workflowActionSchema, type AlertWorkflowState, type HistoryChange, type WorkflowAction } from "@/lib/triage/workflow-schema";

const base: AlertWorkflowState = { id: "A1", status: "open", classification: null, duplicateOf: null, assignee: null, escalated: false };
const s = (over: Partial<AlertWorkflowState>): AlertWorkflowState => ({ ...base, ...over });
const closedTp = s({ status: "closed", classification: "true_positive_with_impact" });

type Row = [label: string, state: AlertWorkflowState, action: WorkflowAction, expected: HistoryChange[] | string];
// Expected rows come from the brief: open → acknowledged → closed, reopen closed → open,
// closing needs a classification and (except duplicates) a comment, reopening clears it.
const rows: Row[] = [
  ["acknowledge an open alert", base, { action: "acknowledge" }, [{ field: "status", from: "open", to: "acknowledged" }]],
  ["acknowledge twice is a no-op", s({ status: "acknowledged" }), { action: "acknowledge" }, []],
  ["cannot acknowledge a closed alert", closedTp, { action: "acknowledge" }, "invalid_transition"],
  [
    "close an acknowledged alert",
    s({ status: "acknowledged" }),
    { action: "close", classification: "benign_positive_approved_admin", comment: "patch rollout" },
    [
      { field: "status", from: "acknowledged", to: "closed", reason: "patch rollout" },
      { field: "classification", from: null, to: "benign_positive_approved_admin", reason: "patch rollout" },
    ],
  ],
  [
    "close straight from open",
    base,
    { action: "close", classification: "false_positive_bad_data", comment: "clock skew" },
    [
      { field: "status", from: "open", to: "closed", reason: "clock skew" },
      { field: "classification", from: null, to: "false_positive_bad_data", reason: "clock skew" },
    ],
  ],
  ["closing needs a comment", base, { action: "close", classification: "undetermined" }, "comment_required"],
  ["a blank comment is no comment", base, { action: "close", classification: "true_positive_without_impact", comment: "   " }, "comment_required"],
  [
    "a duplicate needs no comment but the primary id",
    base,
    { action: "close", classification: "duplicate", duplicateOf: "A0" },
    [
      { field: "status", from: "open", to: "closed" },
      { field: "classification", from: null, to: "duplicate" },
      { field: "duplicate_of", from: null, to: "A0" },
    ],
  ],
  ["duplicate without primary", base, { action: "close", classification: "duplicate" }, "duplicate_of_required"],
  ["duplicate of itself", base, { action: "close", classification: "duplicate", duplicateOf: "A1" }, "duplicate_of_self"],
  ["primary id on a non-duplicate", base, { action: "close", classification: "undetermined", comment: "x", duplicateOf: "A0" }, "duplicate_of_not_allowed"],
  ["cannot close twice", closedTp, { action: "close", classification: "undetermined", comment: "x" }, "invalid_transition"],
  [
    "reopen clears the classification",
    closedTp,
    { action: "reopen", reason: "new evidence" },
    [
      { field: "status", from: "closed", to: "open", reason: "new evidence" },
      { field: "classification", from: "true_positive_with_impact", to: null, reason: "new evidence" },
    ],
  ],
  [
    "reopen a duplicate clears the primary id",
    s({ status: "closed", classification: "duplicate", duplicateOf: "A0" }),
    { action: "reopen" },
    [
      { field: "status", from: "closed", to: "open" },
      { field: "classification", from: "duplicate", to: null },
      { field: "duplicate_of", from: "A0", to: null },
    ],
  ],
  ["only closed alerts reopen", s({ status: "acknowledged" }), { action: "reopen" }, "invalid_transition"],
  ["assign", base, { action: "assign", assignee: "ana" }, [{ field: "assignee", from: null, to: "ana" }]],
  ["reassign with reason", s({ assignee: "ana" }), { action: "assign", assignee: "bo", reason: "shift" }, [{ field: "assignee", from: "ana", to: "bo", reason: "shift" }]],
  ["unassign", s({ assignee: "ana" }), { action: "assign", assignee: null }, [{ field: "assignee", from: "ana", to: null }]],
  ["assign same person is a no-op", s({ assignee: "ana" }), { action: "assign", assignee: "ana" }, []],
  ["escalate", base, { action: "escalate", escalated: true, reason: "DC target" }, [{ field: "escalated", from: false, to: true, reason: "DC target" }]],
  ["de-escalate a closed alert", s({ ...closedTp, escalated: true }), { action: "escalate", escalated: false }, [{ field: "escalated", from: true, to: false }]],
  ["cannot escalate a closed alert", closedTp, { action: "escalate", escalated: true }, "invalid_transition"],
];

describe("applyWorkflowAction", () => {
  it.each(rows)("%s", (_label, state, action, expected) => {
    const result = applyWorkflowAction(state, action);
    if (typeof expected === "string") {
      expect(result).toMatchObject({ ok: false, code: expected });
    } else {
      expect(result).toMatchObject({ ok: true, changes: expected });
    }
  });

  it("returns the new state", () => {
    const closed = transition(s({ status: "acknowledged", assignee: "ana" }), "close", { classification: "undetermined", comment: "no logs" });
    expect(closed.ok && closed.state).toEqual(s({ status: "closed", classification: "undetermined", assignee: "ana" }));
    const reopened = closed.ok ? transition(closed.state, "reopen", {}) : closed;
    expect(reopened.ok && reopened.state).toEqual(s({ status: "open", assignee: "ana" }));
  });
});

describe("workflowActionSchema", () => {
  it.each([
    [{ action: "close", comment: "x" }],
    [{ action: "close", classification: "maybe", comment: "x" }],
    [{ action: "delete" }],
    [{ action: "assign" }],
    [{ action: "escalate", escalated: "yes" }],
  ])("rejects %j", (body) => {
    expect(workflowActionSchema.safeParse(body).success).toBe(false);
  });

  it("accepts every documented classification", () => {
    for (const classification of [
      "true_positive_with_impact", "true_positive_without_impact", "benign_positive_approved_admin",
      "benign_positive_security_test", "false_positive_rule_logic", "false_positive_bad_data", "duplicate", "undetermined",
    ]) {
      expect(workflowActionSchema.safeParse({ action: "close", classification }).success).toBe(true);
    }
  });
});
