import type { EcsEvent } from "@/lib/ecs/event";

export const PROCESS = 1;
export const DNS = 2;
export const STORED = 4;
export const HAS_ENTITY = 8;
export const HAS_PARENT = 16;

/**
 * A fixed-capacity FIFO of events kept for a while without storing them, column by column: what a
 * scan compares sits in typed arrays (time, flags, hashes of the process and parent ids), and the event
 * itself is its JSON source text, copied into one byte ring, when the parser gave one. Tens of
 * thousands of parsed object trees held on the JS heap would each be promoted and traced by the
 * garbage collector (measured +6-10 µs per event), and even held strings die in the old generation,
 * which then grows between collections (worker RSS rising with the input); fixed buffers do neither.
 */
export class HeldEvents {
  size = 0;
  /** Events that came without source text (EVTX, XML, NXLog), held as objects. */
  readonly objects: (EcsEvent | undefined)[];
  readonly time: Float64Array;
  readonly short: (string | null)[];
  readonly flags: Uint8Array;
  /** Two hashes per slot (`hashPair`) of the process id, and of the parent process id. */
  readonly entity: Uint32Array;
  readonly parent: Uint32Array;
  private readonly text: Buffer;
  private readonly textStart: Int32Array;
  private readonly textLength: Int32Array;
  private writeAt = 0;
  private head = 0;

  constructor(readonly capacity: number, textBytes: number) {
    this.objects = new Array<EcsEvent | undefined>(capacity);
    this.short = new Array<string | null>(capacity).fill(null);
    this.time = new Float64Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.entity = new Uint32Array(capacity * 2);
    this.parent = new Uint32Array(capacity * 2);
    this.text = Buffer.allocUnsafe(textBytes);
    this.textStart = new Int32Array(capacity);
    this.textLength = new Int32Array(capacity);
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  /** Slot of the i-th oldest event. */
  slot(i: number): number {
    const s = this.head + i;
    return s >= this.capacity ? s - this.capacity : s;
  }

  /** Whether an event can be added without dropping the oldest first (entries and text space). */
  fits(source: string | EcsEvent): boolean {
    if (this.full) return false;
    if (typeof source !== "string") return true;
    // Three bytes per UTF-16 unit at most; only near the end of the space is the exact length asked.
    return this.placeOf(source.length * 3) !== -1 || this.placeOf(Buffer.byteLength(source)) !== -1;
  }

  /** Adds at the end (after `fits`); the caller then fills the hash columns. */
  append(source: string | EcsEvent, time: number, short: string | null, flags: number): number {
    const s = this.claim(time, short, flags);
    if (typeof source === "string") {
      let at = this.placeOf(source.length * 3);
      if (at === -1) at = this.placeOf(Buffer.byteLength(source));
      if (at === -1) throw new Error("held events: no room (call fits first)");
      const length = this.text.write(source, at);
      this.textStart[s] = at;
      this.textLength[s] = length;
      this.writeAt = at + length;
    } else this.objects[s] = source;
    return s;
  }

  /** Moves an event over from another ring (after `fitsFrom`). */
  copyFrom(other: HeldEvents, from: number): void {
    const s = this.claim(other.time[from], other.short[from], other.flags[from]);
    this.entity[2 * s] = other.entity[2 * from];
    this.entity[2 * s + 1] = other.entity[2 * from + 1];
    this.parent[2 * s] = other.parent[2 * from];
    this.parent[2 * s + 1] = other.parent[2 * from + 1];
    const object = other.objects[from];
    if (object) {
      this.objects[s] = object;
      return;
    }
    const length = other.textLength[from];
    const at = this.placeOf(length);
    if (at === -1) throw new Error("held events: no room (call fitsFrom first)");
    other.text.copy(this.text, at, other.textStart[from], other.textStart[from] + length);
    this.textStart[s] = at;
    this.textLength[s] = length;
    this.writeAt = at + length;
  }

  fitsFrom(other: HeldEvents, from: number): boolean {
    return !this.full && (other.objects[from] !== undefined || this.placeOf(other.textLength[from]) !== -1);
  }

  /** The held event (parsed again from its text when it has one). */
  event(s: number, parse: (text: string) => EcsEvent | null): EcsEvent | null {
    return this.objects[s] ?? parse(this.text.toString("utf8", this.textStart[s], this.textStart[s] + this.textLength[s]));
  }

  /** Forgets the oldest event (read its slot with `slot(0)` first). */
  dropOldest(): void {
    this.objects[this.head] = undefined;
    this.short[this.head] = null;
    this.head = this.head + 1 === this.capacity ? 0 : this.head + 1;
    this.size--;
  }

  private claim(time: number, short: string | null, flags: number): number {
    const s = this.slot(this.size++);
    this.time[s] = time;
    this.short[s] = short;
    this.flags[s] = flags;
    this.objects[s] = undefined;
    this.textStart[s] = this.writeAt;
    this.textLength[s] = 0;
    return s;
  }

  /**
   * Where `length` bytes can go without overwriting a held event's text, or -1. The live text runs
   * circularly from the oldest event's start to `writeAt`; new text goes after it, or wraps to 0.
   */
  private placeOf(length: number): number {
    const end = this.text.length;
    if (this.size === 0) return length <= end ? 0 : -1;
    const oldest = this.textStart[this.slot(0)];
    if (this.writeAt >= oldest) {
      if (this.writeAt + length <= end) return this.writeAt;
      return length < oldest ? 0 : -1;
    }
    return this.writeAt + length < oldest ? this.writeAt : -1;
  }
}
