import type { EventKeys } from "@/lib/server/events/event-keys";

export type Position = { record?: number; line?: number; offset?: number; chunk?: number; entry?: string };
const MAX_LISTED_REJECTIONS = 200;
/** In the order the upload report shows them (jsonb's key order). */
const POSITION_KEYS = ["line", "chunk", "entry", "offset", "record"] as const;
const MAX_HOSTS = 500;

/** What an analyst sees about an upload: format, events by channel and id, time range, hosts, rejections. */
export class UploadReport {
  format: string | null = null;
  events = 0;
  bytesRead = 0;
  rejectedCount = 0;
  private readonly rejections: { reason: string; position: Position }[] = [];
  /** Channel → event code → count (two levels: no key string built per event). */
  private readonly byEventId = new Map<string, Map<string, number>>();
  private readonly hosts = new Set<string>();
  private first = Infinity;
  private last = -Infinity;

  /** Counts an event from the fields the ingest job has already read (`eventKeys`). */
  countKeys(keys: EventKeys): void {
    this.events++;
    const { source, code, host } = keys.raw;
    const channel = String(source ?? "unknown");
    const id = String(code ?? "-");
    let codes = this.byEventId.get(channel);
    if (!codes) this.byEventId.set(channel, (codes = new Map()));
    codes.set(id, (codes.get(id) ?? 0) + 1);
    if (typeof host === "string" && this.hosts.size < MAX_HOSTS) this.hosts.add(host);
    const time = keys.time; // as the detector reads it (a numeric @timestamp counts too)
    if (Number.isFinite(time)) {
      if (time < this.first) this.first = time;
      if (time > this.last) this.last = time;
    }
  }

  reject(reason: string, position: Position): void {
    this.rejectedCount++;
    if (this.rejections.length < MAX_LISTED_REJECTIONS) this.rejections.push({ reason, position });
  }

  /**
   * Why the upload yielded nothing, when every record was rejected (garbage, an unknown format, a
   * wholly corrupt EVTX): such an upload fails with this message instead of looking "done".
   */
  nothingReadReason(): string | null {
    if (this.events > 0 || this.rejectedCount === 0) return null;
    const { reason, position } = this.rejections[0];
    const where = POSITION_KEYS.filter((key) => position[key] !== undefined).map((key) => `${key} ${position[key]}`).join(", ");
    const more = this.rejectedCount > 1 ? `; ${this.rejectedCount - 1} more rejected` : "";
    return `No event could be read: ${reason}${where ? ` (${where})` : ""}${more}`;
  }

  timeRange(): { from: Date; to: Date } | null {
    return Number.isFinite(this.first) ? { from: new Date(this.first), to: new Date(this.last) } : null;
  }

  toJson() {
    const range = this.timeRange();
    return {
      format: this.format,
      events: this.events,
      byChannelAndEventId: Object.fromEntries(this.countsByKey().sort((a, b) => b[1] - a[1])),
      timeRange: range ? { from: range.from.toISOString(), to: range.to.toISOString() } : null,
      hosts: [...this.hosts].sort(),
      rejected: this.rejectedCount,
      rejections: this.rejections,
    };
  }

  private countsByKey(): [string, number][] {
    const merged = new Map<string, number>();
    for (const [channel, codes] of this.byEventId) {
      for (const [id, n] of codes) {
        const key = `${channel} · ${id}`; // two pairs that print alike count together, as they always did
        merged.set(key, (merged.get(key) ?? 0) + n);
      }
    }
    return [...merged];
  }
}
