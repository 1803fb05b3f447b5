import { getField, type EcsEvent } from "@/lib/ecs/event";
import { splitCommandLine } from "@/lib/ingest/ecs/split-command-line";

/** ECS fields may hold a value or an array of values; keep the strings. */
export function stringValues(event: EcsEvent, path: string): string[] {
  const value = getField(event, path);
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === "string" && v.length > 0);
}

export function firstString(event: EcsEvent, path: string): string | undefined {
  return stringValues(event, path)[0];
}

/** Epoch milliseconds of `@timestamp`, or NaN when absent or unparsable. */
export function eventTime(event: EcsEvent): number {
  const value = getField(event, "@timestamp");
  if (typeof value === "number") return value;
  if (typeof value === "string") return Date.parse(value);
  return Number.NaN;
}

/** `process.args`, or the command line split like the ingest pipelines do when args are missing. */
export function processArgs(event: EcsEvent): string[] {
  const args = stringValues(event, "process.args");
  if (args.length > 0) return args;
  const commandLine = firstString(event, "process.command_line");
  return commandLine ? splitCommandLine(commandLine) : [];
}

/** Last path segment, for either separator (PsExec commands may be UNC or relative paths). */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf("\\"), path.lastIndexOf("/"));
  return path.slice(cut + 1);
}

export function hasCategory(event: EcsEvent, category: string): boolean {
  return stringValues(event, "event.category").includes(category);
}

/** A stable handle the alert page can use to highlight an event. */
export type EventRef = { source: "alert" | "related"; index: number; id?: string };

export function eventRef(event: EcsEvent, source: EventRef["source"], index: number): EventRef {
  const id = firstString(event, "_id") ?? firstString(event, "event.id");
  return id === undefined ? { source, index } : { source, index, id };
}
