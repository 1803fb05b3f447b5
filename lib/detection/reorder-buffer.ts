export type ReorderOptions = {
  /** Hold at most this many events; the oldest is released when full. */
  maxEvents: number;
  /** Release an event once an event at least this much newer (ms) has been seen. */
  maxDelayMs: number;
};

export const DEFAULT_REORDER: ReorderOptions = { maxEvents: 20_000, maxDelayMs: 120_000 };

type Slot<T> = { item: T; ts: number };

/**
 * Sorts a mostly-ordered stream by (timestamp, input order) inside a bounded window (ties keep
 * input order because insertion goes after equal timestamps). Sorted input
 * is an O(1) append; an out-of-order event is inserted by binary search. An event older than
 * the last released one is "late": it is released at once (it cannot be placed in the past) and
 * counted, so results may differ from a fully sorted run only for late events.
 */
export class ReorderBuffer<T> {
  private slots: Slot<T>[] = [];
  private head = 0;
  private newestTs = Number.NEGATIVE_INFINITY;
  private releasedTs = Number.NEGATIVE_INFINITY;
  late = 0;

  constructor(
    private readonly options: ReorderOptions,
    private readonly release: (item: T, ts: number) => void,
  ) {}

  push(item: T, ts: number): void {
    if (ts < this.releasedTs) {
      this.late++;
      this.release(item, ts);
      return;
    }
    const slot = { item, ts };
    this.insert(slot);
    if (ts > this.newestTs) this.newestTs = ts;
    const limit = this.newestTs - this.options.maxDelayMs;
    while (this.size > 0 && (this.size > this.options.maxEvents || this.slots[this.head].ts <= limit)) this.releaseOne();
  }

  flush(): void {
    while (this.size > 0) this.releaseOne();
  }

  get size(): number {
    return this.slots.length - this.head;
  }

  private insert(slot: Slot<T>): void {
    const { slots } = this;
    if (slots.length === this.head || slots[slots.length - 1].ts <= slot.ts) {
      slots.push(slot);
      return;
    }
    let lo = this.head;
    let hi = slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (slots[mid].ts <= slot.ts) lo = mid + 1;
      else hi = mid;
    }
    slots.splice(lo, 0, slot);
  }

  private releaseOne(): void {
    const slot = this.slots[this.head++];
    this.releasedTs = slot.ts;
    this.release(slot.item, slot.ts);
    // Compact occasionally so the array does not grow with the stream.
    if (this.head > 4096 && this.head * 2 > this.slots.length) {
      this.slots = this.slots.slice(this.head);
      this.head = 0;
    }
  }
}
