import { z } from "zod";
import { access } from "@/lib/roles";
import { defineContract } from "@/lib/server/http/contract";

/** The seed's indices (mission.md): Winlogbeat, Elastic Defend process/network, and the Sysmon integration. */
export const DEFAULT_INDEX_PATTERNS = ["winlogbeat-*", "logs-endpoint.events.process-*", "logs-endpoint.events.network-*", "logs-windows.sysmon_operational-*"];

const url = z.string().trim().url().max(500).refine((value) => /^https?:\/\//i.test(value), "must start with http:// or https://")
  .refine((value) => !new URL(value).username && !new URL(value).password, "put credentials in the auth fields, not in the URL");
const indexPattern = z.string().trim().min(1).max(200).regex(/^[^\s,"<>|?\\/]+$/, "an index name or pattern without spaces, commas or quotes");
const pem = z.string().trim().max(20_000).refine((value) => value === "" || value.includes("-----BEGIN CERTIFICATE-----"), "a PEM certificate (-----BEGIN CERTIFICATE-----)");

/** A secret left out on update keeps the stored one; it is never sent back. */
export const clusterAuthInput = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("none") }),
  z.strictObject({ kind: z.literal("basic"), username: z.string().trim().min(1).max(200), password: z.string().min(1).max(1_000).optional() }),
  z.strictObject({ kind: z.literal("api_key"), apiKey: z.string().trim().min(1).max(1_000).optional() }),
]);

const connectionFields = {
  name: z.string().trim().min(1).max(100),
  urls: z.array(url).min(1).max(10),
  auth: clusterAuthInput,
  caCert: pem.optional(),
  verifyTls: z.boolean(),
  indexPatterns: z.array(indexPattern).min(1).max(20),
  intervalSeconds: z.number().int().min(60).max(86_400),
  lookbackSeconds: z.number().int().min(60).max(7 * 86_400),
  mode: z.enum(["pull", "push_down"]),
  ruleIds: z.array(z.string().min(1).max(100)).max(50),
  enabled: z.boolean(),
};

const lookbackCoversInterval = (value: { intervalSeconds?: number; lookbackSeconds?: number }) =>
  value.intervalSeconds === undefined || value.lookbackSeconds === undefined || value.lookbackSeconds >= value.intervalSeconds;
const lookbackMessage = { message: "the lookback must be at least the interval, or events between runs would be skipped", path: ["lookbackSeconds"] };

export const createConnectionBody = z.strictObject({
  ...connectionFields,
  verifyTls: connectionFields.verifyTls.default(true),
  indexPatterns: connectionFields.indexPatterns.default(DEFAULT_INDEX_PATTERNS),
  intervalSeconds: connectionFields.intervalSeconds.default(300),
  lookbackSeconds: connectionFields.lookbackSeconds.default(540),
  mode: connectionFields.mode.default("pull"),
  ruleIds: connectionFields.ruleIds.default([]),
  enabled: connectionFields.enabled.default(true),
}).refine(lookbackCoversInterval, lookbackMessage);
export type CreateConnectionInput = z.output<typeof createConnectionBody>;

export const updateConnectionBody = z.strictObject(connectionFields).partial().refine(lookbackCoversInterval, lookbackMessage);
export type UpdateConnectionInput = z.output<typeof updateConnectionBody>;

export const connectionHealthSchema = z.enum(["healthy", "lagging", "failing", "paused", "pending"]);

export const connectionRunSchema = z.object({
  id: z.string(),
  mode: z.enum(["pull", "push_down"]),
  status: z.enum(["running", "succeeded", "failed", "cancelled"]),
  windowStart: z.string(),
  windowEnd: z.string(),
  eventsRead: z.number(),
  eventsStored: z.number(),
  rejected: z.number(),
  alertsFound: z.number(),
  warnings: z.array(z.string()),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
});

export const connectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  urls: z.array(z.string()),
  flavor: z.string().nullable(),
  authKind: z.enum(["none", "basic", "api_key"]),
  username: z.string().nullable(),
  hasSecret: z.boolean(),
  caCert: z.string().nullable(),
  verifyTls: z.boolean(),
  indexPatterns: z.array(z.string()),
  intervalSeconds: z.number(),
  lookbackSeconds: z.number(),
  mode: z.enum(["pull", "push_down"]),
  ruleIds: z.array(z.string()),
  enabled: z.boolean(),
  health: connectionHealthSchema,
  checkpoint: z.string().nullable(),
  lagSeconds: z.number().nullable(),
  nextRunAt: z.string(),
  lastRunAt: z.string().nullable(),
  consecutiveFailures: z.number(),
  lastError: z.string().nullable(),
  lastRun: connectionRunSchema.nullable(),
});

const idParams = z.object({ id: z.string().uuid() });

export const listConnectionsContract = defineContract({
  method: "GET",
  path: "/api/connections",
  summary: "Elasticsearch/OpenSearch connections with their health (admin)",
  tag: "connections",
  roles: access.admin,
  response: z.object({ connections: z.array(connectionSchema), rules: z.array(z.object({ id: z.string(), name: z.string(), enabled: z.boolean() })) }),
});

export const createConnectionContract = defineContract({
  method: "POST",
  path: "/api/connections",
  summary: "Add a connection; the password or API key is stored encrypted and never returned (admin)",
  tag: "connections",
  roles: access.admin,
  body: createConnectionBody,
  response: connectionSchema,
  status: 201,
});

export const getConnectionContract = defineContract({
  method: "GET",
  path: "/api/connections/{id}",
  summary: "One connection and its run history, newest first (admin)",
  tag: "connections",
  roles: access.admin,
  params: idParams,
  response: z.object({ connection: connectionSchema, runs: z.array(connectionRunSchema) }),
});

export const updateConnectionContract = defineContract({
  method: "PATCH",
  path: "/api/connections/{id}",
  summary: "Change a connection; omit the secret to keep the stored one (admin)",
  tag: "connections",
  roles: access.admin,
  params: idParams,
  body: updateConnectionBody,
  response: connectionSchema,
});

export const deleteConnectionContract = defineContract({
  method: "DELETE",
  path: "/api/connections/{id}",
  summary: "Delete a connection; a read in progress stops, its alerts and evidence stay (admin)",
  tag: "connections",
  roles: access.admin,
  params: idParams,
  response: z.object({ deleted: z.literal(true) }),
});

export const testConnectionResult = z.object({
  ok: z.boolean(),
  flavor: z.string().nullable(),
  version: z.string().nullable(),
  clusterName: z.string().nullable(),
  indices: z.array(z.object({ pattern: z.string(), indices: z.array(z.string()), documents: z.number() })),
  error: z.string().nullable(),
  tookMs: z.number(),
});

export const testConnectionContract = defineContract({
  method: "POST",
  path: "/api/connections/test",
  summary: "Try settings before saving: version, indices and document counts, or the error (admin). With `id`, a left-out secret is the stored one.",
  tag: "connections",
  roles: access.admin,
  body: z.strictObject({
    id: z.string().uuid().optional(),
    urls: connectionFields.urls,
    auth: clusterAuthInput,
    caCert: pem.optional(),
    verifyTls: z.boolean().default(true),
    indexPatterns: connectionFields.indexPatterns.default(DEFAULT_INDEX_PATTERNS),
  }),
  response: testConnectionResult,
});

export const runConnectionContract = defineContract({
  method: "POST",
  path: "/api/connections/{id}/run",
  summary: "Read the next window now instead of waiting for the schedule (admin)",
  tag: "connections",
  roles: access.admin,
  params: idParams,
  response: z.object({ queued: z.boolean(), message: z.string() }),
  status: 202,
});
