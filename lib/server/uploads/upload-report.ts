import { getField, type EcsEvent } from "@/lib/ecs/event";

export type Position = { record?: number; line?: number; offset?: number; chunk?: number; entry?: string };
const MAX_LISTED_REJECTIONS = 200;
const MAX_HOSTS = 500;

/** What an analyst sees about an upload: format, events by channel and id, time range, hosts, rejections. */
export class UploadReport {
  format: string | null = null;
  events = 0;
  bytesRead = 0;
  rejectedCount = 0;
  private readonly rejections: { reason: string; position: Position }[] = [];
  private readonly byEventId = new Map<string, number>();
  private readonly hosts = new Set<string>();
  private first = Infinity;
  private last = -Infinity;

  count(event: EcsEvent): void {
    this.events++;
    const key = `${String(getField(event, "winlog.channel") ?? getField(event, "event.dataset") ?? "unknown")} · ${String(getField(event, "event.code") ?? "-")}`;
    this.byEventId.set(key, (this.byEventId.get(key) ?? 0) + 1);
    const host = getField(event, "host.name");
    if (typeof host === "string" && this.hosts.size < MAX_HOSTS) this.hosts.add(host);
    const time = Date.parse(String(getField(event, "@timestamp")));
    if (Number.isFinite(time)) {
      if (time < this.first) this.first = time;
      if (time > this.last) this.last = time;
    }
  }

  reject(reason: string, position: Position): void {
    this.rejectedCount++;
    if (this.rejections.length < MAX_LISTED_REJECTIONS) this.rejections.push({ reason, position });
  }

  timeRange(): { from: Date; to: Date } | null {
    return Number.isFinite(this.first) ? { from: new Date(this.first), to: new Date(this.last) } : null;
  }

  toJson() {
    const range = this.timeRange();
    return {
      format: this.format,
      events: this.events,
      byChannelAndEventId: Object.fromEntries([...this.byEventId].sort((a, b) => b[1] - a[1])),
      timeRange: range ? { from: range.from.toISOString(), to: range.to.toISOString() } : null,
      hosts: [...this.hosts].sort(),
      rejected: this.rejectedCount,
      rejections: this.rejections,
    };
  }
}
