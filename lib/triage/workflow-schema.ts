import { z } from "zod";

export const ALERT_STATUSES = ["open", "acknowledged", "closed"] as const;
export const alertStatusSchema = z.enum(ALERT_STATUSES);
export type AlertStatus = z.output<typeof alertStatusSchema>;

// Sentinel/TheHive-style closing reasons: true / benign / false positive, duplicate, undetermined.
export const CLASSIFICATIONS = [
  "true_positive_with_impact",
  "true_positive_without_impact",
  "benign_positive_approved_admin",
  "benign_positive_security_test",
  "false_positive_rule_logic",
  "false_positive_bad_data",
  "duplicate",
  "undetermined",
] as const;
export const classificationSchema = z.enum(CLASSIFICATIONS);
export type Classification = z.output<typeof classificationSchema>;

const text = z.string().trim().max(10_000);
const id = z.string().trim().min(1).max(200);

/** An analyst's request, as the API receives it; `transition` adds the state rules. */
export const workflowActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("acknowledge") }),
  z.object({
    action: z.literal("close"),
    classification: classificationSchema,
    comment: text.optional(),
    duplicateOf: id.optional(),
  }),
  z.object({ action: z.literal("reopen"), reason: text.optional() }),
  z.object({ action: z.literal("assign"), assignee: id.nullable(), reason: text.optional() }),
  z.object({ action: z.literal("escalate"), escalated: z.boolean(), reason: text.optional() }),
]);
export type WorkflowAction = z.output<typeof workflowActionSchema>;
export type WorkflowActionName = WorkflowAction["action"];

export type AlertWorkflowState = {
  id: string;
  status: AlertStatus;
  classification: Classification | null;
  duplicateOf: string | null;
  assignee: string | null;
  escalated: boolean;
};

/** One audit row per changed field, so managers can compute time to acknowledge and to close. */
export type HistoryChange = {
  field: "status" | "classification" | "duplicate_of" | "assignee" | "escalated" | `checklist.${string}`;
  from: string | boolean | null;
  to: string | boolean | null;
  reason?: string;
};
