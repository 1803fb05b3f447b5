import { z } from "zod";
import { access } from "@/lib/roles";
import { defineContract } from "@/lib/server/http/contract";
import { baselineScopeSchema } from "@/lib/triage/baseline-schema";

export const baselineStates = ["active", "expiring", "expired", "revoked", "proposed", "rejected"] as const;
export type BaselineState = (typeof baselineStates)[number];

const comment = z.string().trim().max(5_000);

/** What a lead approves (or an analyst proposes), as the form sends it. */
export const baselineInputSchema = z.strictObject({
  scope: baselineScopeSchema,
  justification: z.string().trim().min(1, "a justification is required").max(5_000),
  expiresAt: z.coerce.date(),
  ticket: z.string().trim().max(200).optional(),
  onMatch: z.enum(["close", "low"]).default("close"),
  sourceAlertId: z.string().uuid().optional(),
  close: z.enum(["none", "source", "all_matching"]).default("none").describe("which open alerts to close as approved admin activity"),
});
export type BaselineInput = z.output<typeof baselineInputSchema>;
export type CloseMode = BaselineInput["close"];

const person = z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable();

export const baselineSchema = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(["proposed", "active", "rejected", "revoked"]),
  state: z.enum(baselineStates),
  scope: baselineScopeSchema,
  justification: z.string(),
  ticket: z.string().nullable(),
  onMatch: z.enum(["close", "low"]),
  closeMode: z.string(),
  sourceAlertId: z.string().nullable(),
  expiresAt: z.string(),
  approvedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  author: person,
  approver: person,
  createdAt: z.string(),
  updatedAt: z.string(),
  matchedAlerts: z.number(),
});

const idParams = z.object({ id: z.string().uuid() });
const written = z.object({ baseline: baselineSchema, closedAlerts: z.number(), reprioritised: z.number() });

export const listBaselinesContract = defineContract({
  method: "GET",
  path: "/api/baselines",
  summary: "Baseline entries by state (active, expiring within 14 days, expired, revoked, proposed, rejected) with counts, soonest expiry first, a page at a time",
  tag: "baselines",
  roles: access.anyone,
  query: z.strictObject({
    state: z.enum([...baselineStates, "all"]).default("active"),
    alertId: z.string().uuid().optional().describe("only the entry linked to this alert"),
    cursor: z.string().max(200).optional().describe("nextCursor of the previous page"),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  response: z.object({ baselines: z.array(baselineSchema), counts: z.record(z.string(), z.number()), nextCursor: z.string().nullable() }),
});

export const createBaselineContract = defineContract({
  method: "POST",
  path: "/api/baselines",
  summary: "Approve admin activity: a new active entry; optionally close this alert or every open alert the scope matches",
  tag: "baselines",
  roles: access.baselineWrite,
  body: baselineInputSchema,
  response: written,
  status: 201,
});

export const proposeBaselineContract = defineContract({
  method: "POST",
  path: "/api/baselines/proposals",
  summary: "Propose an entry for a lead to approve or reject (nothing is suppressed until then)",
  tag: "baselines",
  roles: access.triage,
  body: baselineInputSchema,
  response: written,
  status: 201,
});

export const previewBaselineContract = defineContract({
  method: "POST",
  path: "/api/baselines/preview",
  summary: "How many open and past alerts a scope matches; 422 when the scope is too broad",
  tag: "baselines",
  roles: access.anyone,
  body: z.strictObject({ scope: baselineScopeSchema }),
  response: z.object({ openAlerts: z.number(), pastAlerts: z.number(), scanned: z.number(), truncated: z.boolean() }),
});

export const getBaselineContract = defineContract({
  method: "GET",
  path: "/api/baselines/{id}",
  summary: "One entry with its audit history, the alerts it matched and matches per day",
  tag: "baselines",
  roles: access.anyone,
  params: idParams,
  response: z.object({ baseline: baselineSchema }).passthrough(),
});

export const updateBaselineContract = defineContract({
  method: "PATCH",
  path: "/api/baselines/{id}",
  summary: "Edit an entry (new version; every earlier version stays in the audit history); 409 when `version` is stale",
  tag: "baselines",
  roles: access.baselineWrite,
  params: idParams,
  body: baselineInputSchema.omit({ sourceAlertId: true, close: true }).extend({ version: z.number().int().positive(), comment: comment.optional() }),
  response: written,
});

export const approveBaselineContract = defineContract({
  method: "POST",
  path: "/api/baselines/{id}/approve",
  summary: "Approve a proposal (it becomes active) and close what the proposal asked for, or `close` instead",
  tag: "baselines",
  roles: access.baselineWrite,
  params: idParams,
  body: z.strictObject({ comment: comment.optional(), close: z.enum(["none", "source", "all_matching"]).optional() }),
  response: written,
});

export const rejectBaselineContract = defineContract({
  method: "POST",
  path: "/api/baselines/{id}/reject",
  summary: "Reject a proposal with a comment",
  tag: "baselines",
  roles: access.baselineWrite,
  params: idParams,
  body: z.strictObject({ comment: comment.min(1, "say why the proposal is rejected") }),
  response: written,
});

export const extendBaselineContract = defineContract({
  method: "POST",
  path: "/api/baselines/{id}/extend",
  summary: "Move an active entry's expiry (at most one year from now)",
  tag: "baselines",
  roles: access.baselineWrite,
  params: idParams,
  body: z.strictObject({ expiresAt: z.coerce.date(), comment: comment.optional() }),
  response: written,
});

export const revokeBaselineContract = defineContract({
  method: "POST",
  path: "/api/baselines/{id}/revoke",
  summary: "Revoke an entry: new matching alerts are no longer suppressed and it leaves the approval history",
  tag: "baselines",
  roles: access.baselineWrite,
  params: idParams,
  body: z.strictObject({ comment: comment.optional() }),
  response: written,
});
