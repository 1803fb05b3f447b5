import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { EcsEvent } from "@/lib/ecs/event";
import { detectFormat, type DetectedFormat } from "@/lib/ingest/detect-format";
import { parseEventBatches } from "@/lib/ingest/parse-any";
import { countBytes } from "@/lib/server/uploads/count-bytes";
import { followFile, waitForBytes, type Arrival } from "@/lib/server/uploads/follow-file";
import { readZipEntries } from "@/lib/server/uploads/read-zip-entries";
import type { Position, UploadReport } from "@/lib/server/uploads/upload-report";

/** `source`: the JSON text the event converts from, when it converts again alike (see parse-any.ts). */
export type UploadItem =
  | { kind: "format"; format: DetectedFormat; container?: "gzip" }
  | { kind: "event"; event: EcsEvent; position: Position; source?: string }
  | { kind: "rejected"; reason: string; position: Position };

const HEAD_BYTES = 512;
/** Read size: four times createReadStream's default, fewer reads and line-splitting rounds per event. */
const READ_BYTES = 256 * 1024;

/**
 * Reads an upload file through the ingest pipeline (format detected from content), counting bytes for
 * the progress bar; zip archives are opened here (random access) and each entry parsed in turn. With
 * `arrival`, the file is still being received: it is read as it grows (a zip, whose directory is at
 * the end, once complete). Items come in batches (parse-any.ts says why); the caller passes `format`
 * items to `noteFormat`, so a plain file goes through no async generator of ours.
 */
export async function readUploadBatches(filePath: string, report: UploadReport, arrival?: Arrival): Promise<AsyncIterable<UploadItem[]>> {
  if (arrival) await waitForBytes(filePath, HEAD_BYTES, arrival);
  const head = await readHead(filePath);
  if (detectFormat(head) === "zip") {
    if (arrival) await waitForBytes(filePath, Number.POSITIVE_INFINITY, arrival);
    return readZip(filePath, report);
  }
  return parseEventBatches(countBytes(arrival ? followFile(filePath, arrival) : createReadStream(filePath, { highWaterMark: READ_BYTES }), report));
}

export function noteFormat(report: UploadReport, item: { format: DetectedFormat; container?: "gzip" }): void {
  const name = item.container ? `${item.format} (${item.container})` : item.format;
  report.format = report.format && report.format !== name ? `${report.format}, ${name}` : name;
}

async function* readZip(filePath: string, report: UploadReport): AsyncIterable<UploadItem[]> {
  for await (const entry of readZipEntries(filePath, report)) {
    if ("reason" in entry) {
      yield [{ kind: "rejected", reason: entry.reason, position: { entry: entry.name } }];
      continue;
    }
    for await (const batch of parseEventBatches(entry.stream)) {
      const items: UploadItem[] = [];
      for (const item of batch) {
        if (item.kind === "format") noteFormat(report, item);
        else items.push({ ...item, position: { ...item.position, entry: entry.name } });
      }
      if (items.length) yield items;
    }
  }
  report.format = `zip (${report.format ?? "empty"})`;
}

async function readHead(filePath: string): Promise<Uint8Array> {
  const handle = await open(filePath, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
