import type { EcsEvent } from "@/lib/ecs/event";
import { toEcsEvent } from "@/lib/ingest/ecs-json";
import { readJsonRecords } from "@/lib/ingest/json-records";

/** Input formats the reader knows; `auto` sniffs the content (today it can only choose ecs-json). */
export const EVENT_FORMATS = ["auto", "ecs-json"] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export type ReadEventsOptions = { format: EventFormat };

/** Where a record sits in its input: 1-based line of its first character, 0-based record index. */
export type EventPosition = { line: number; index: number };

export type ReadEventResult =
  | { ok: true; event: EcsEvent; position: EventPosition }
  | { ok: false; error: string; position: EventPosition };

/**
 * The single entry point from raw (already decompressed) bytes to ECS events. New formats plug in
 * here as another `case`; callers (CLI, upload jobs) never change.
 */
export async function* readEvents(chunks: AsyncIterable<Uint8Array>, options: ReadEventsOptions): AsyncIterable<ReadEventResult> {
  switch (options.format) {
    case "auto":
    case "ecs-json":
      yield* readEcsJson(chunks);
      return;
  }
}

async function* readEcsJson(chunks: AsyncIterable<Uint8Array>): AsyncIterable<ReadEventResult> {
  for await (const record of readJsonRecords(chunks)) {
    const position = { line: record.line, index: record.index };
    if (!record.ok) {
      yield { ok: false, error: `invalid JSON: ${record.error}`, position };
      continue;
    }
    const event = toEcsEvent(record.value);
    if (event === null) yield { ok: false, error: "not a JSON object", position };
    else yield { ok: true, event, position };
  }
}
