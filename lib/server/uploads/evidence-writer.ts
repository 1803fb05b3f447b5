import { db } from "@/lib/server/db/client";
import type { KeptEvent } from "@/lib/server/events/evidence-selector";
import { insertEvents } from "@/lib/server/events/insert-events";

const BATCH = 2_000;
const PROGRESS_EVERY_MS = 1_000;

type Progress = { eventsParsed: number; rejected: number; bytesRead: bigint };

/**
 * Writes the kept events in batches with one insert in flight, so parsing (the worker's CPU) and
 * inserting (PostgreSQL's) overlap; a failed insert surfaces at the next flush and fails the job.
 * Each write also records the progress shown on the uploads page.
 */
export class EvidenceWriter {
  stored = 0;
  private batch: KeptEvent[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private lastFlush = Date.now();
  private read = 0;

  constructor(
    private readonly uploadId: string,
    private readonly progress: () => Progress,
  ) {}

  add(kept: KeptEvent): void {
    this.batch.push(kept);
  }

  /** True when a batch is full or the progress is due (the caller then awaits `flush`). */
  due(now: number): boolean {
    return this.batch.length >= BATCH || now - this.lastFlush >= PROGRESS_EVERY_MS;
  }

  /**
   * Called once per event read: `due`, but the clock is only looked at every 1 024 events or when a
   * batch is full (a Date.now() per event shows in the worker's profile).
   */
  tick(): boolean {
    return ((++this.read & 1023) === 0 || this.batch.length >= BATCH) && this.due(Date.now());
  }

  async flush(): Promise<void> {
    await this.inFlight;
    const rows = this.batch;
    const progress = this.progress();
    this.batch = [];
    this.lastFlush = Date.now();
    this.inFlight = (rows.length ? insertEvents({ uploadId: this.uploadId }, rows) : Promise.resolve(0)).then(async (count) => {
      this.stored += count;
      // updateMany: an upload removed meanwhile (failed while arriving) is noticed by the reader, not here.
      await db.upload.updateMany({ where: { id: this.uploadId }, data: { ...progress, eventsStored: this.stored } });
    });
    this.inFlight.catch(() => undefined); // awaited at the next flush; this only avoids an unhandled rejection meanwhile
  }

  async finish(): Promise<number> {
    await this.flush();
    await this.inFlight;
    return this.stored;
  }
}
