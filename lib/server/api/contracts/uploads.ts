import { z } from "zod";
import { access } from "@/lib/roles";
import { defineContract } from "@/lib/server/http/contract";

export const uploadSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  status: z.enum(["receiving", "queued", "processing", "done", "failed"]).describe("processing may start while the file is still being received"),
  format: z.string().nullable(),
  bytesRead: z.number(),
  eventsParsed: z.number(),
  eventsStored: z.number().describe("events kept as evidence (around alerts, and the kinds other uploads' alerts read); eventsParsed counts all"),
  rejected: z.number(),
  alertsFound: z.number(),
  duplicateOf: z.string().nullable(),
  error: z.string().nullable(),
  report: z.unknown().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  uploadedBy: z.string().nullable(),
});

export const createUploadContract = defineContract({
  method: "POST",
  path: "/api/uploads",
  summary: "Upload a log file (EVTX, Windows XML, ECS/Winlogbeat/NXLog JSON, .gz/.zip); returns at once, processing runs as a job",
  tag: "uploads",
  roles: access.triage,
  rawBody: {
    contentTypes: ["application/octet-stream", "multipart/form-data"],
    description: "The file as the raw body (name in the X-File-Name header) or as the one file part of a multipart form.",
  },
  response: uploadSchema,
  status: 202,
});

export const listUploadsContract = defineContract({
  method: "GET",
  path: "/api/uploads",
  summary: "Recent uploads with their status and progress",
  tag: "uploads",
  roles: access.triage,
  query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
  response: z.object({ uploads: z.array(uploadSchema) }),
});

export const getUploadContract = defineContract({
  method: "GET",
  path: "/api/uploads/{id}",
  summary: "One upload: status, progress and report (format, events by channel/id, rejections with positions, alerts)",
  tag: "uploads",
  roles: access.triage,
  params: z.object({ id: z.string().uuid() }),
  response: uploadSchema.extend({ alerts: z.array(z.object({ id: z.string(), priority: z.string(), ruleName: z.string(), sourceHost: z.string().nullable() })) }),
});

export const loadSampleContract = defineContract({
  method: "POST",
  path: "/api/sample",
  summary: "Queue the bundled synthetic sample dataset (three uploads in three formats)",
  tag: "uploads",
  roles: access.triage,
  response: z.object({ uploads: z.array(z.object({ id: z.string(), fileName: z.string(), status: z.string() })) }),
  status: 202,
});
