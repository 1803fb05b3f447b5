import type { EcsEvent } from "@/lib/ecs/event";
import { eventFromJsonSource } from "@/lib/ingest/parse-any";
import { isCrossUploadKind } from "@/lib/server/events/cross-upload-kinds";
import { eventKeys, type EventKeys } from "@/lib/server/events/event-keys";
import type { EvidenceScope } from "@/lib/server/events/evidence-scope";
import { DNS, HAS_ENTITY, HAS_PARENT, HeldEvents, PROCESS, STORED } from "@/lib/server/events/held-events";
import { IntervalSet } from "@/lib/server/events/interval-set";
import { hashPair } from "@/lib/server/events/string-hash";
import { UnstoredSummary } from "@/lib/server/events/unstored-summary";
import { DEFAULT_PRIORITY_CONFIG } from "@/lib/triage/priority-config";

export type KeptEvent = { event: EcsEvent; keys: EventKeys };
type HostWindows = { any: IntervalSet; dns: IntervalSet };
/** What registered scopes need; ids also by their first hash, to scan held events without their text. */
type Predicates = {
  ids: Set<string>;
  serviceIds: Set<string>;
  ancestors: Set<string>;
  idHashes: Set<number>;
  serviceHashes: Set<number>;
  ancestorHashes: Set<number>;
  windows: Map<string, HostWindows>;
};

// An alert's windows open a clock skew before its first event, and it is known from that event on:
// recent events are held a little longer than the skew so a new alert finds its earlier evidence.
const RECENT_SPAN_MS = DEFAULT_PRIORITY_CONFIG.clockSkewMs + 15_000;
const RECENT_EVENTS = 40_000;
const RECENT_TEXT_BYTES = 48 << 20;
// Parents start long before PsExec: process events are held longer (by count) for the parent chain.
const RECENT_PROCESSES = 10_000;
const PROCESS_TEXT_BYTES = 16 << 20;

/**
 * Streaming choice of the events to store (the policy is in process-upload.ts). Every event is
 * either kept (a cross-upload kind, or needed by a registered evidence scope) or held among the recent
 * events, so a scope registered later (a PsExec start read now, an alert raised at the end) still
 * finds what came shortly before it. Held events leave into an UnstoredSummary; when a scope's needs
 * may already have left, `incomplete` asks for another pass over the file.
 */
export class EvidenceSelector {
  incomplete = false;
  private readonly recent = new HeldEvents(RECENT_EVENTS, RECENT_TEXT_BYTES);
  private readonly processes = new HeldEvents(RECENT_PROCESSES, PROCESS_TEXT_BYTES);
  private readonly summary = new UnstoredSummary();
  private readonly p: Predicates;
  private newest = Number.NEGATIVE_INFINITY;
  private dirty = false;

  /** `later`: a further pass over the same file, where the kinds are already stored. */
  constructor(private readonly keep: (kept: KeptEvent) => void, private readonly later = false, predicates?: Predicates) {
    this.p = predicates ?? { ids: new Set(), serviceIds: new Set(), ancestors: new Set(), idHashes: new Set(), serviceHashes: new Set(), ancestorHashes: new Set(), windows: new Map() };
  }

  /** A selector for another pass over the file, knowing every scope registered so far. */
  nextPass(): EvidenceSelector {
    return new EvidenceSelector(this.keep, true, this.p);
  }

  /** `source`: the event's JSON text when the parser gives one (held instead of the event). */
  push(event: EcsEvent, keys: EventKeys, source?: string): void {
    if (keys.time > this.newest) this.newest = keys.time;
    if (keys.processName === "psexesvc.exe" && keys.entityId !== null) this.addServiceId(keys.entityId);
    const kind = isCrossUploadKind(keys);
    if (kind || this.matches(keys)) {
      if (!(kind && this.later)) this.keep({ event, keys });
      this.follow(keys);
      this.settle();
      return;
    }
    this.hold(source ?? event, keys);
  }

  addScope(scope: EvidenceScope): void {
    for (const id of scope.entityIds) this.addId(id);
    for (const id of scope.parentIds) this.wantAncestor(id);
    if (scope.sourceShort !== null) this.addWindow(scope.sourceShort, scope.from, scope.to, true);
    for (const short of scope.destinationShorts) this.addWindow(short, scope.from, scope.to, false);
    this.settle();
  }

  private matches(k: EventKeys): boolean {
    const { ids, serviceIds, ancestors, windows } = this.p;
    if (k.entityId !== null && (ids.has(k.entityId) || (k.isProcess && ancestors.has(k.entityId)))) return true;
    if (k.parentId !== null && (ids.has(k.parentId) || serviceIds.has(k.parentId))) return true;
    if (k.short === null) return false;
    const w = windows.get(k.short);
    return w !== undefined && (w.any.contains(k.time) || (k.code === "22" && w.dns.contains(k.time)));
  }

  /** A kept process event of PsExec or of an ancestor: its parent joins the chain (to the root; cycles stop). */
  private follow(k: EventKeys): void {
    if (!k.isProcess || k.entityId === null || k.parentId === null) return;
    if (this.p.ids.has(k.entityId) || this.p.ancestors.has(k.entityId)) this.wantAncestor(k.parentId);
  }

  private addId(id: string): void {
    if (this.p.ids.has(id)) return;
    this.p.ids.add(id);
    this.p.idHashes.add(hashPair(id)[0]);
    if (this.summary.mayHaveEntity(id) || this.summary.mayHaveChildOf(id)) this.incomplete = true;
    this.dirty = true;
  }

  private addServiceId(id: string): void {
    if (this.p.serviceIds.has(id)) return;
    this.p.serviceIds.add(id);
    this.p.serviceHashes.add(hashPair(id)[0]);
    if (this.summary.mayHaveChildOf(id)) this.incomplete = true;
    this.dirty = true;
  }

  private wantAncestor(id: string): void {
    if (this.p.ancestors.has(id)) return;
    this.p.ancestors.add(id);
    this.p.ancestorHashes.add(hashPair(id)[0]);
    if (this.summary.mayHaveEntity(id)) this.incomplete = true;
    this.dirty = true;
  }

  private addWindow(short: string, from: number, to: number, dnsOnly: boolean): void {
    let w = this.p.windows.get(short);
    if (!w) this.p.windows.set(short, (w = { any: new IntervalSet(), dns: new IntervalSet() }));
    // Every part of a covering window was checked when it was added (or already flagged incomplete).
    if (w.any.covers(from, to) || (dnsOnly && w.dns.covers(from, to))) return;
    (dnsOnly ? w.dns : w.any).add(from, to);
    if (this.summary.newestOn(short, dnsOnly) >= from) this.incomplete = true;
    this.dirty = true;
  }

  /** New predicates: keep what the held events have for them (which may want more ancestors). */
  private settle(): void {
    while (this.dirty) {
      this.dirty = false;
      this.scan(this.recent);
      this.scan(this.processes);
    }
  }

  private scan(held: HeldEvents): void {
    const { idHashes, serviceHashes, ancestorHashes, windows } = this.p;
    for (let i = 0; i < held.size; i++) {
      const s = held.slot(i);
      const flags = held.flags[s];
      if (flags & STORED) continue;
      const entity = held.entity[2 * s];
      const parent = held.parent[2 * s];
      const short = held.short[s];
      const w = short === null ? undefined : windows.get(short);
      const candidate =
        (w !== undefined && (w.any.contains(held.time[s]) || ((flags & DNS) !== 0 && w.dns.contains(held.time[s])))) ||
        ((flags & HAS_ENTITY) !== 0 && (idHashes.has(entity) || ((flags & PROCESS) !== 0 && ancestorHashes.has(entity)))) ||
        ((flags & HAS_PARENT) !== 0 && (idHashes.has(parent) || serviceHashes.has(parent)));
      if (!candidate) continue;
      // A hash is only a hint: the event itself decides.
      const event = held.event(s, eventFromJsonSource);
      if (event === null) continue;
      const keys = eventKeys(event);
      if (!this.matches(keys)) continue;
      held.flags[s] = flags | STORED;
      this.keep({ event, keys });
      this.follow(keys);
    }
  }

  private hold(source: string | EcsEvent, keys: EventKeys): void {
    const limit = this.newest - RECENT_SPAN_MS;
    const recent = this.recent;
    while (recent.size > 0 && (recent.time[recent.slot(0)] < limit || !recent.fits(source))) this.retire(recent.slot(0));
    let flags = (keys.isProcess ? PROCESS : 0) | (keys.code === "22" ? DNS : 0);
    let ea = 0;
    let eb = 0;
    let pa = 0;
    let pb = 0;
    if (keys.entityId !== null) {
      const h = hashPair(keys.entityId); // a shared array: read before the next call
      ea = h[0];
      eb = h[1];
      flags |= HAS_ENTITY;
    }
    if (keys.parentId !== null) {
      const h = hashPair(keys.parentId);
      pa = h[0];
      pb = h[1];
      flags |= HAS_PARENT;
    }
    if (!recent.fits(source)) {
      // Larger than all the room there is: it goes at once.
      if (flags & HAS_ENTITY) this.summary.addEntity(ea, eb);
      if (flags & HAS_PARENT) this.summary.addParent(pa, pb);
      if (keys.short !== null) this.summary.addTime(keys.short, keys.time, (flags & DNS) !== 0);
      return;
    }
    const s = recent.append(source, keys.time, keys.short, flags);
    recent.entity[2 * s] = ea;
    recent.entity[2 * s + 1] = eb;
    recent.parent[2 * s] = pa;
    recent.parent[2 * s + 1] = pb;
  }

  /** The oldest recent event leaves: process events move on to the process ring, others are dropped. */
  private retire(s: number): void {
    const { recent, processes } = this;
    if ((recent.flags[s] & (STORED | PROCESS)) === PROCESS) {
      while (processes.size > 0 && !processes.fitsFrom(recent, s)) {
        this.drop(processes, processes.slot(0));
        processes.dropOldest();
      }
      if (processes.fitsFrom(recent, s)) processes.copyFrom(recent, s);
      else this.drop(recent, s);
    } else this.drop(recent, s);
    recent.dropOldest();
  }

  private drop(held: HeldEvents, s: number): void {
    const flags = held.flags[s];
    if (flags & STORED) return;
    if (flags & HAS_ENTITY) this.summary.addEntity(held.entity[2 * s], held.entity[2 * s + 1]);
    if (flags & HAS_PARENT) this.summary.addParent(held.parent[2 * s], held.parent[2 * s + 1]);
    const short = held.short[s];
    if (short !== null) this.summary.addTime(short, held.time[s], (flags & DNS) !== 0);
  }
}
