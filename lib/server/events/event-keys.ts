import { eventTimeMs } from "@/lib/detection/event-time";
import type { EcsEvent } from "@/lib/ecs/event";

/** The fields of an event that evidence selection, the upload report and the `event` columns use. */
export type EventKeys = {
  /** Epoch ms as the detector orders events (NaN: no usable `@timestamp`; such events are not stored). */
  time: number;
  host: string | null;
  /** `lower(split_part("hostName", '.', 1))`, as the evidence queries compare destination hosts. */
  short: string | null;
  entityId: string | null;
  parentId: string | null;
  code: string | null;
  channel: string | null;
  /** Lower case, as the `processName` column. */
  processName: string | null;
  /** Lower case `process.parent.name`, else the parent executable's base name (as sensitive-activity.ts). */
  parentName: string | null;
  categories: string[];
  isProcess: boolean;
  /** As read, for the upload report: `winlog.channel ?? event.dataset`, `event.code`, `host.name`. */
  raw: { source: unknown; code: unknown; host: unknown };
};

type Obj = Record<string, unknown>;

const shorts = new Map<string, string>();

/**
 * One pass over nested objects instead of a `getField` per column: every parser yields nested ECS
 * (`toEcsEvent` expands dotted keys, the Windows mappers use `setPath`), so the walk finds the same
 * values. Array-valued fields use their first element, as the `event` columns always did.
 */
export function eventKeys(event: EcsEvent): EventKeys {
  const process = obj(event.process);
  const parent = process ? obj(process.parent) : undefined;
  const ev = obj(event.event);
  const winlog = obj(event.winlog);
  const rawHost = obj(event.host)?.name;
  const host = text(rawHost);
  const categories = list(ev?.category);
  const channel = text(winlog?.channel);
  return {
    time: eventTimeMs(event),
    host,
    short: host === null ? null : hostShort(host),
    entityId: text(process?.entity_id),
    parentId: text(parent?.entity_id),
    code: text(ev?.code),
    channel,
    processName: text(process?.name)?.toLowerCase() ?? null,
    parentName: parentNameOf(parent),
    categories,
    isProcess: categories.includes("process"),
    raw: { source: winlog?.channel ?? ev?.dataset, code: ev?.code, host: rawHost },
  };
}

/** `lower(split_part(host, '.', 1))`, memoised: an upload has few distinct host names. */
export function hostShort(host: string): string {
  let short = shorts.get(host);
  if (short === undefined) {
    short = host.split(".")[0].toLowerCase();
    if (shorts.size > 100_000) shorts.clear();
    shorts.set(host, short);
  }
  return short;
}

function parentNameOf(parent: Obj | undefined): string | null {
  if (!parent) return null;
  const name = text(parent.name);
  if (name !== null) return name.toLowerCase();
  const executable = text(parent.executable);
  if (executable === null) return null;
  return executable.slice(Math.max(executable.lastIndexOf("\\"), executable.lastIndexOf("/")) + 1).toLowerCase() || null;
}

function obj(value: unknown): Obj | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : undefined;
}

function text(value: unknown): string | null {
  if (Array.isArray(value)) return value.length ? text(value[0]) : null;
  if (value === undefined || value === null || value === "") return null;
  return typeof value === "string" ? value : String(value);
}

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
