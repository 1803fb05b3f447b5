import { z } from "zod";
import { access } from "@/lib/roles";
import { defineContract } from "@/lib/server/http/contract";
import { checklistUpdateSchema } from "@/lib/triage/checklist";
import { classificationSchema, workflowActionSchema } from "@/lib/triage/workflow-schema";

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === "string" ? value.split(",").filter(Boolean) : value), z.array(item));

export const priorities = ["low", "medium", "high"] as const;
export const statuses = ["open", "acknowledged", "closed"] as const;

/** The queue's filters; the same object drives the list, the counts, bulk actions and CSV export. */
export const alertFilterSchema = z.strictObject({
  priority: csv(z.enum(priorities)).optional(),
  status: csv(z.enum(statuses)).optional(),
  assignee: z.string().max(100).optional().describe("'me', 'unassigned' or a user id"),
  host: z.string().max(255).optional(),
  user: z.string().max(255).optional(),
  destination: z.string().max(255).optional(),
  rule: z.string().max(255).optional(),
  classification: csv(classificationSchema).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  q: z.string().max(500).optional().describe("free text searched in the PsExec command line"),
  escalated: z.enum(["true", "false"]).optional(),
  uploadId: z.string().uuid().optional(),
});
export type AlertFilter = z.output<typeof alertFilterSchema>;

export const alertSortSchema = z.enum(["firstSeen", "lastSeen", "priority"]);

export const listAlertsQuery = alertFilterSchema.extend({
  sort: alertSortSchema.default("firstSeen"),
  order: z.enum(["asc", "desc"]).default("desc"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  counts: z.enum(["true", "false"]).default("true"),
});

export const alertSummarySchema = z.object({
  id: z.string(),
  priority: z.enum(priorities),
  status: z.enum(statuses),
  classification: z.string().nullable(),
  ruleId: z.string(),
  ruleName: z.string(),
  severity: z.string(),
  sourceHost: z.string().nullable(),
  user: z.string().nullable(),
  destinations: z.array(z.string()),
  commandLine: z.string().nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  assignee: z.object({ id: z.string(), email: z.string() }).nullable(),
  escalated: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});

export const listAlertsContract = defineContract({
  method: "GET",
  path: "/api/alerts",
  summary: "The alert queue: filters, sorting, keyset pagination (cursor) and counts per priority/status",
  tag: "alerts",
  roles: access.anyone,
  query: listAlertsQuery,
  response: z.object({
    alerts: z.array(alertSummarySchema),
    nextCursor: z.string().nullable(),
    counts: z.object({ priority: z.record(z.string(), z.number()), status: z.record(z.string(), z.number()), total: z.number() }).nullable(),
  }),
});

export const getAlertContract = defineContract({
  method: "GET",
  path: "/api/alerts/{id}",
  summary: "One alert with its events, evidence (process tree, connections), checklist, comments and history",
  tag: "alerts",
  roles: access.anyone,
  params: z.object({ id: z.string().uuid() }),
  response: z.object({ alert: alertSummarySchema }).passthrough(),
});

export const alertActionContract = defineContract({
  method: "POST",
  path: "/api/alerts/{id}/actions",
  summary: "Acknowledge, close (with classification), reopen, assign or escalate; 409 with the current state when `version` is stale",
  tag: "alerts",
  roles: access.triage,
  params: z.object({ id: z.string().uuid() }),
  body: z.intersection(workflowActionSchema, z.object({ version: z.number().int().positive() })),
  response: z.object({ alert: alertSummarySchema }),
});

export const checklistContract = defineContract({
  method: "POST",
  path: "/api/alerts/{id}/checklist",
  summary: "Update one response-checklist step (state, note, outcome); 409 when `version` is stale",
  tag: "alerts",
  roles: access.triage,
  params: z.object({ id: z.string().uuid() }),
  body: checklistUpdateSchema.extend({ version: z.number().int().positive() }),
  response: z.object({ alert: alertSummarySchema }),
});

export const commentContract = defineContract({
  method: "POST",
  path: "/api/alerts/{id}/comments",
  summary: "Add a Markdown comment (rendered sanitized)",
  tag: "alerts",
  roles: access.triage,
  params: z.object({ id: z.string().uuid() }),
  body: z.strictObject({ body: z.string().trim().min(1).max(20_000) }),
  response: z.object({ id: z.string(), body: z.string(), createdAt: z.string() }),
  status: 201,
});

export const historyContract = defineContract({
  method: "GET",
  path: "/api/alerts/{id}/history",
  summary: "The alert's append-only history: who changed what, when, from → to",
  tag: "alerts",
  roles: access.anyone,
  params: z.object({ id: z.string().uuid() }),
  response: z.object({ history: z.array(z.object({ id: z.string(), at: z.string(), actor: z.string().nullable(), field: z.string(), from: z.string().nullable(), to: z.string().nullable(), reason: z.string().nullable() })) }),
});

export const bulkActionContract = defineContract({
  method: "POST",
  path: "/api/alerts/bulk",
  summary: "Apply an action to selected alerts or to every alert matching a filter; `dryRun` returns how many would change",
  tag: "alerts",
  roles: access.triage,
  body: z.strictObject({
    ids: z.array(z.string().uuid()).max(10_000).optional(),
    filter: alertFilterSchema.optional(),
    action: z.union([workflowActionSchema, z.object({ action: z.literal("comment"), body: z.string().trim().min(1).max(20_000) })]),
    dryRun: z.boolean().default(false),
  }),
  response: z.object({ matched: z.number(), changed: z.number(), failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })) }),
});

export const exportAlertsContract = defineContract({
  method: "GET",
  path: "/api/alerts/export.csv",
  summary: "CSV of every alert matching the filter (streamed)",
  tag: "alerts",
  roles: access.anyone,
  query: alertFilterSchema,
  response: z.string(),
});

export const alertGroupsContract = defineContract({
  method: "GET",
  path: "/api/alerts/groups",
  summary: "Similar alerts grouped by source host, user and destinations, with counts (same filters as the queue)",
  tag: "alerts",
  roles: access.anyone,
  query: alertFilterSchema.extend({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
  response: z.object({
    groups: z.array(z.object({ sourceHost: z.string().nullable(), user: z.string().nullable(), userName: z.string().nullable(), destinations: z.array(z.string()), count: z.number(), open: z.number(), highest: z.string(), lastSeen: z.string() })),
  }),
});

export const fetchContextContract = defineContract({
  method: "POST",
  path: "/api/alerts/{id}/context",
  summary: "Fetch the alert's missing context (children, DNS, target-side events) from the cluster it came from, then re-evaluate its priority",
  tag: "alerts",
  roles: access.triage,
  params: z.object({ id: z.string().uuid() }),
  response: z.object({ fetched: z.number(), stored: z.number(), rejected: z.number(), reprioritised: z.number() }),
});
