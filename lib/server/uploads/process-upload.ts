import { rm } from "node:fs/promises";
import type { EcsEvent } from "@/lib/ecs/event";
import { DetectionSession } from "@/lib/server/alerts/detection-session";
import { raiseAlerts, type RaisedAlert } from "@/lib/server/alerts/raise-alerts";
import { recomputePriorities } from "@/lib/server/alerts/recompute-priorities";
import { db } from "@/lib/server/db/client";
import { eventKeys } from "@/lib/server/events/event-keys";
import { scopeOfAlertEvents } from "@/lib/server/events/evidence-scope";
import { EvidenceSelector } from "@/lib/server/events/evidence-selector";
import { findAlertScopes } from "@/lib/server/events/find-alert-scopes";
import { logger } from "@/lib/server/log/logger";
import { loadEnabledRules } from "@/lib/server/rules/load-rules";
import { EvidenceWriter } from "@/lib/server/uploads/evidence-writer";
import { UploadGone, type Arrival } from "@/lib/server/uploads/follow-file";
import { noteFormat, readUploadBatches } from "@/lib/server/uploads/read-upload-batches";
import { UploadReport } from "@/lib/server/uploads/upload-report";

/** Passes over the file at most: the first, then one per level of a parent chain found late. */
const MAX_PASSES = 8;
const MAX_NETWORK_EVENTS = 20;

/**
 * The upload job: parse → detect → store evidence → raise alerts. It is idempotent: a retry first
 * removes whatever an earlier, interrupted attempt wrote for this upload.
 *
 * Evidence policy — only events some query can read are stored (evidence-scope.ts lists the queries
 * of the alert page and the priority), so both stay exactly as if every event were stored:
 * (a) the evidence of every alert this upload raises: PsExec's own events and children, its parent
 *     chain, DNS on the source host and every event on the destination hosts in the correlation window;
 * (b) the same for alerts already stored (within a day of the upload): a later upload of the target
 *     host's log completes an earlier alert, "related event" numbering included;
 * (c) whatever an alert from ANOTHER upload reads (cross-upload-kinds.ts): PSEXESVC and its children,
 *     service installs, share access, logons, PsExec's own events and children.
 * A scope is known as soon as the PsExec start is read; recent events are held (bounded) so it finds
 * what came just before it. When something it needs may already have gone (a parent started long
 * before, an unsorted file, an alert only known at the end), the stored file is read again — matching
 * only — until nothing is missing. Not kept: an earlier upload's other events that a later upload's
 * alert would read (the source host's earlier log: parent chain, DNS; unrelated target-host events,
 * which only renumber "related event N"). The report still counts every event; `eventsStored`
 * counts the evidence kept.
 */
export async function processUpload(uploadId: string): Promise<void> {
  const upload = await db.upload.findUnique({ where: { id: uploadId } });
  if (!upload || upload.status === "done" || upload.duplicateOf || !upload.storagePath) return;
  await db.event.deleteMany({ where: { uploadId } });
  await db.alert.deleteMany({ where: { uploadId, history: { none: { actorId: { not: null } } } } });
  const claimed = await db.upload.updateMany({
    where: { id: uploadId, status: { not: "done" }, duplicateOf: null },
    data: { status: "processing", startedAt: new Date(), error: null },
  });
  if (claimed.count === 0) return;

  const report = new UploadReport();
  const writer = new EvidenceWriter(uploadId, () => ({ eventsParsed: report.events, rejected: report.rejectedCount, bytesRead: BigInt(report.bytesRead) }));
  // Without a hash the upload is still arriving: read it as it grows (receive-upload.ts), showing the
  // progress whenever the reader has caught up with the bytes received.
  const arrival = upload.sha256 === null
    ? async () => {
        if (writer.due(Date.now())) await writer.flush();
        return arrivalOf(uploadId);
      }
    : undefined;
  let raised: RaisedAlert[];
  let stored: number;
  try {
    raised = await detectAndKeep(upload.storagePath, report, writer, arrival);
    stored = await writer.finish();
  } catch (error) {
    if (!(error instanceof UploadGone)) throw error;
    await writer.finish().catch(() => undefined);
    await db.event.deleteMany({ where: { uploadId } });
    return;
  }
  const alerts = await raiseAlerts(uploadId, raised);
  await recomputePriorities(report.timeRange());
  const nothingRead = report.nothingReadReason();
  await db.upload.update({
    where: { id: uploadId },
    data: {
      status: nothingRead ? "failed" : "done",
      error: nothingRead,
      finishedAt: new Date(),
      alertsFound: alerts,
      format: report.format,
      eventsParsed: report.events,
      eventsStored: stored,
      rejected: report.rejectedCount,
      report: report.toJson(),
    },
  });
  await rm(upload.storagePath, { force: true });
}

async function arrivalOf(uploadId: string): ReturnType<Arrival> {
  const row = await db.upload.findUnique({ where: { id: uploadId }, select: { sha256: true, sizeBytes: true, duplicateOf: true } });
  if (!row || row.duplicateOf) return "gone";
  return row.sha256 === null ? "arriving" : { size: Number(row.sizeBytes) };
}

/** The first pass (report, detection, evidence) and, while evidence may be missing, further passes. */
async function detectAndKeep(filePath: string, report: UploadReport, writer: EvidenceWriter, arrival: Arrival | undefined): Promise<RaisedAlert[]> {
  const rules = await loadEnabledRules();
  const session = new DetectionSession(rules);
  let selector = new EvidenceSelector((kept) => writer.add(kept));
  const known = await findAlertScopes(null);
  for (const scope of known.values()) selector.addScope(scope);
  // PsExec starts by process id, with their network events: alerts in the making, whose scope grows.
  const starts = new Map<string, EcsEvent[]>();

  for await (const batch of await readUploadBatches(filePath, report, arrival)) {
    for (const item of batch) {
      if (item.kind === "format") {
        noteFormat(report, item);
        continue;
      }
      if (item.kind === "rejected") {
        report.reject(item.reason, item.position);
        continue;
      }
      const keys = eventKeys(item.event);
      report.countKeys(keys);
      const stage = session.push(item.event, keys.time);
      if (stage === "untimed") {
        report.reject("event has no usable @timestamp", item.position);
        continue;
      }
      const making = stage && inTheMaking(starts, stage, item.event, keys.entityId);
      if (making) selector.addScope(scopeOfAlertEvents(making));
      selector.push(item.event, keys, item.source);
      if (writer.tick()) await writer.flush();
    }
  }
  const raised = session.finish();
  for (const alert of raised) selector.addScope(scopeOfAlertEvents(alert.events));
  const range = report.timeRange();
  if (range) for (const scope of (await findAlertScopes(range, new Set(known.keys()))).values()) selector.addScope(scope);
  for (let pass = 2; selector.incomplete; pass++) {
    if (pass > MAX_PASSES) {
      logger.warn({ filePath }, "evidence may be incomplete: parent chain still growing after the last pass");
      break;
    }
    selector = selector.nextPass();
    await keepAgain(filePath, selector, writer);
  }
  return raised;
}

/** A further pass: parse and match only (the report and detection are done). */
async function keepAgain(filePath: string, selector: EvidenceSelector, writer: EvidenceWriter): Promise<void> {
  for await (const batch of await readUploadBatches(filePath, new UploadReport())) {
    for (const item of batch) {
      if (item.kind !== "event") continue;
      const keys = eventKeys(item.event);
      if (Number.isNaN(keys.time)) continue;
      selector.push(item.event, keys, item.source);
      if (writer.tick()) await writer.flush();
    }
  }
}

function inTheMaking(starts: Map<string, EcsEvent[]>, stage: "start" | "network", event: EcsEvent, entityId: string | null): EcsEvent[] | null {
  if (stage === "start") {
    const events = [event];
    if (entityId !== null) starts.set(entityId, events);
    return events;
  }
  const events = entityId === null ? undefined : starts.get(entityId);
  if (!events || events.length > MAX_NETWORK_EVENTS) return null;
  events.push(event);
  return events;
}

export async function markUploadFailed(uploadId: string, error: unknown): Promise<void> {
  // Nothing half-written stays: the evidence of a failed upload is removed with its status change.
  await db.event.deleteMany({ where: { uploadId } });
  await db.upload.update({
    where: { id: uploadId },
    data: { status: "failed", finishedAt: new Date(), error: error instanceof Error ? error.message : String(error) },
  });
}

