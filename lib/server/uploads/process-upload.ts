import { rm } from "node:fs/promises";
import { Detector, type Detection } from "@/lib/detection/detector";
import type { LoadedRule } from "@/lib/detection/rules/load-rule";
import { getField, type EcsEvent } from "@/lib/ecs/event";
import { raiseAlerts, type RaisedAlert } from "@/lib/server/alerts/raise-alerts";
import { recomputePriorities } from "@/lib/server/alerts/recompute-priorities";
import { db } from "@/lib/server/db/client";
import { insertEvents } from "@/lib/server/events/insert-events";
import { loadEnabledRules } from "@/lib/server/rules/load-rules";
import { readUploadItems } from "@/lib/server/uploads/read-upload-items";
import { UploadReport } from "@/lib/server/uploads/upload-report";
import { findStageOneOnly } from "@/lib/triage/stage-one-only";
import { DEFAULT_PRIORITY_CONFIG } from "@/lib/triage/priority-config";

const BATCH = 2_000;

/**
 * The upload job: parse → store evidence in batches → detect → raise alerts. It is idempotent: a retry
 * first removes whatever an earlier, interrupted attempt wrote for this upload.
 */
export async function processUpload(uploadId: string): Promise<void> {
  const upload = await db.upload.findUniqueOrThrow({ where: { id: uploadId } });
  if (upload.status === "done" || !upload.storagePath) return;
  await db.event.deleteMany({ where: { uploadId } });
  await db.alert.deleteMany({ where: { uploadId, history: { none: { actorId: { not: null } } } } });
  await db.upload.update({ where: { id: uploadId }, data: { status: "processing", startedAt: new Date(), error: null } });

  const rules = await loadEnabledRules();
  const detections: { rule: LoadedRule; detection: Detection }[] = [];
  const detector = new Detector(rules.map((rule) => ({ id: rule.id, query: rule.query })), (detection) => {
    detections.push({ rule: rules.find((r) => r.id === detection.ruleId)!, detection });
  });
  const stageOne = new StageOneCollector(rules);
  const report = new UploadReport();
  let batch: EcsEvent[] = [];
  let stored = 0;
  // One insert in flight while the next batch is parsed, so the worker's CPU (parsing) and PostgreSQL's
  // (inserting) overlap; a failed insert surfaces at the next flush and fails the job as before.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    await inFlight;
    const events = batch;
    const progress = { eventsParsed: report.events, rejected: report.rejectedCount, bytesRead: BigInt(report.bytesRead) };
    batch = [];
    inFlight = insertEvents(uploadId, events).then(async (count) => {
      stored += count;
      await db.upload.update({ where: { id: uploadId }, data: { ...progress, eventsStored: stored } });
    });
    inFlight.catch(() => undefined); // awaited at the next flush; this only avoids an unhandled rejection meanwhile
  };

  for await (const item of readUploadItems(upload.storagePath, report)) {
    if (item.kind === "rejected") {
      report.reject(item.reason, item.position);
      continue;
    }
    report.count(item.event);
    if (!detector.push(item.event)) {
      report.reject("event has no usable @timestamp", item.position);
      continue;
    }
    stageOne.observe(item.event);
    batch.push(item.event);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await inFlight;
  detector.end();

  const raised: RaisedAlert[] = detections.map(({ rule, detection }) => ({ rule, joinKeys: detection.joinKeys, events: detection.events, kind: "sequence" }));
  raised.push(...stageOne.lowAlerts(raised));
  const alerts = await raiseAlerts(uploadId, raised);
  await recomputePriorities(report.timeRange());
  await db.upload.update({
    where: { id: uploadId },
    data: {
      status: "done",
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

export async function markUploadFailed(uploadId: string, error: unknown): Promise<void> {
  // Nothing half-written stays: the evidence of a failed upload is removed with its status change.
  await db.event.deleteMany({ where: { uploadId } });
  await db.upload.update({
    where: { id: uploadId },
    data: { status: "failed", finishedAt: new Date(), error: error instanceof Error ? error.message : String(error) },
  });
}

/** Low alerts: PsExec starts matching a sequence rule's first stage with no network event in the window. */
class StageOneCollector {
  private readonly sequenceRules: LoadedRule[];
  private readonly starts = new Map<string, EcsEvent[]>();
  private readonly network = new Map<string, EcsEvent[]>();

  constructor(rules: LoadedRule[]) {
    this.sequenceRules = rules.filter((rule) => rule.query.kind === "sequence" && rule.query.stages.length === 2);
  }

  observe(event: EcsEvent): void {
    for (const rule of this.sequenceRules) {
      if (rule.query.kind !== "sequence") continue;
      const [first, second] = rule.query.stages;
      if (first.matches(event)) push(this.starts, rule.id, event);
      else if (second.matches(event)) push(this.network, rule.id, event);
    }
  }

  lowAlerts(sequences: RaisedAlert[]): RaisedAlert[] {
    const inSequence = new Set(sequences.flatMap((alert) => alert.events));
    return this.sequenceRules.flatMap((rule) => {
      const { low } = findStageOneOnly({
        stage1Events: (this.starts.get(rule.id) ?? []).filter((event) => !inSequence.has(event)),
        networkEvents: this.network.get(rule.id) ?? [],
        windowMs: DEFAULT_PRIORITY_CONFIG.stageWindowMs,
        now: Date.now(),
        endOfInput: true,
      });
      return low.map((event): RaisedAlert => ({ rule, joinKeys: [getField(event, "process.entity_id") ?? null], events: [event], kind: "stage_one_only" }));
    });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
