import type { EcsEvent } from "@/lib/ecs/event";
import { toEcsEvent } from "@/lib/ingest/ecs-json";
import { readJsonRecords } from "@/lib/ingest/json-records";
import { parseEventStream, type Position } from "@/lib/ingest/parse-any";

/**
 * Input formats the reader knows. `auto` sniffs the content (EVTX, Windows XML, ECS/Winlogbeat/NXLog
 * JSON, gzip); a named format is checked against what the content is; `ecs-json` reads any JSON
 * object as ECS without classifying it.
 */
export const EVENT_FORMATS = ["auto", "ecs-json", "evtx", "xml", "json"] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export type ReadEventsOptions = { format: EventFormat };

/** Where a record sits in its input: 0-based record index, plus line (text) or record/chunk/offset (EVTX). */
export type EventPosition = Position & { index: number };

export function describePosition(position: EventPosition): string {
  if (position.line !== undefined) return `line ${position.line}`;
  if (position.chunk !== undefined) return `chunk ${position.chunk}${position.record !== undefined ? ` record ${position.record}` : ""} (offset ${position.offset ?? "?"})`;
  if (position.record !== undefined) return `record ${position.record}`;
  return `record #${position.index + 1}`;
}

export type ReadEventResult =
  | { ok: true; event: EcsEvent; position: EventPosition }
  | { ok: false; error: string; position: EventPosition };

/**
 * The single entry point from raw (already decompressed) bytes to ECS events. New formats plug in
 * here as another `case`; callers (CLI, upload jobs) never change.
 */
export async function* readEvents(chunks: AsyncIterable<Uint8Array>, options: ReadEventsOptions): AsyncIterable<ReadEventResult> {
  switch (options.format) {
    case "ecs-json":
      yield* readEcsJson(chunks);
      return;
    case "auto":
    case "evtx":
    case "xml":
    case "json":
      yield* readAnyFormat(chunks, options.format);
      return;
  }
}

async function* readAnyFormat(chunks: AsyncIterable<Uint8Array>, expected: "auto" | "evtx" | "xml" | "json"): AsyncIterable<ReadEventResult> {
  let index = 0;
  for await (const item of parseEventStream(chunks)) {
    if (item.kind === "format") {
      if (expected !== "auto" && item.format !== expected) {
        yield { ok: false, error: `input is ${item.format}, not ${expected}`, position: { index: 0, offset: 0 } };
        return;
      }
      continue;
    }
    const position = { ...item.position, index: index++ };
    if (item.kind === "event") yield { ok: true, event: item.event, position };
    else yield { ok: false, error: item.reason, position };
  }
}

async function* readEcsJson(chunks: AsyncIterable<Uint8Array>): AsyncIterable<ReadEventResult> {
  for await (const record of readJsonRecords(chunks)) {
    const position: EventPosition = { line: record.line, index: record.index };
    if (!record.ok) {
      yield { ok: false, error: `invalid JSON: ${record.error}`, position };
      continue;
    }
    const event = toEcsEvent(record.value);
    if (event === null) yield { ok: false, error: "not a JSON object", position };
    else yield { ok: true, event, position };
  }
}
