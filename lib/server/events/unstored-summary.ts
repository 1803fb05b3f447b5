import { hashPair } from "@/lib/server/events/string-hash";

// Blocked Bloom filter: the probes of one key fall in one 64-byte block (one cache miss per key, not
// three). 8 MiB: ~0.02 % false positives at 1 M process ids, ~5 % at 10 M.
const BLOCKS = 1 << 17;
const WORDS_PER_BLOCK = 16;
const PROBES = 3;
const MAX_HOSTS = 200_000;
const ENTITY = 0;
const PARENT = 0x7f4a7c15; // mixed into a parent id's hashes: the same id as parent and as process differ

/**
 * What evidence selection let go without storing, in fixed memory: a Bloom filter of the process
 * and parent process ids (no false negatives, so "absent" is certain) and, per host short name,
 * the newest time of any dropped event and of any dropped DNS event. A scope registered later asks
 * "could an event I need have been dropped?"; a yes sends the upload through another pass.
 */
export class UnstoredSummary {
  private readonly bits = new Uint32Array(BLOCKS * WORDS_PER_BLOCK);
  private readonly newest = new Map<string, number>();
  private readonly newestDns = new Map<string, number>();
  private newestAnyHost = Number.NEGATIVE_INFINITY;

  /** Adds a dropped event's process id hashes (from `hashPair`). */
  addEntity(a: number, b: number): void {
    this.set(a ^ ENTITY, b);
  }

  addParent(a: number, b: number): void {
    this.set(a ^ PARENT, b);
  }

  addTime(short: string, time: number, dns: boolean): void {
    if (time > this.newestAnyHost) this.newestAnyHost = time;
    raise(this.newest, short, time);
    if (dns) raise(this.newestDns, short, time);
  }

  mayHaveEntity(id: string): boolean {
    const h = hashPair(id);
    return this.has(h[0] ^ ENTITY, h[1]);
  }

  mayHaveChildOf(id: string): boolean {
    const h = hashPair(id);
    return this.has(h[0] ^ PARENT, h[1]);
  }

  /** Newest dropped event time on a host (any event, or DNS only). */
  newestOn(short: string, dnsOnly: boolean): number {
    // Beyond MAX_HOSTS hosts the maps stop growing: answer for all hosts at once (conservative).
    const map = dnsOnly ? this.newestDns : this.newest;
    if (map.size >= MAX_HOSTS && !map.has(short)) return this.newestAnyHost;
    return map.get(short) ?? Number.NEGATIVE_INFINITY;
  }

  private set(a: number, b: number): void {
    const base = (a & (BLOCKS - 1)) * WORDS_PER_BLOCK;
    for (let i = 0; i < PROBES; i++) {
      const bit = (b >>> (1 + 9 * i)) & 511;
      this.bits[base + (bit >>> 5)] |= 1 << (bit & 31);
    }
  }

  private has(a: number, b: number): boolean {
    const base = (a & (BLOCKS - 1)) * WORDS_PER_BLOCK;
    for (let i = 0; i < PROBES; i++) {
      const bit = (b >>> (1 + 9 * i)) & 511;
      if ((this.bits[base + (bit >>> 5)] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

function raise(map: Map<string, number>, key: string, time: number): void {
  const current = map.get(key);
  if (current === undefined) {
    if (map.size < MAX_HOSTS) map.set(key, time);
  } else if (time > current) map.set(key, time);
}
