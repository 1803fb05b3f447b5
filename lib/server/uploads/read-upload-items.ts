import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { EcsEvent } from "@/lib/ecs/event";
import { detectFormat } from "@/lib/ingest/detect-format";
import { parseEventStream } from "@/lib/ingest/parse-any";
import { countBytes } from "@/lib/server/uploads/count-bytes";
import { readZipEntries } from "@/lib/server/uploads/read-zip-entries";
import type { Position, UploadReport } from "@/lib/server/uploads/upload-report";

export type UploadItem = { kind: "event"; event: EcsEvent; position: Position } | { kind: "rejected"; reason: string; position: Position };

/**
 * Reads an upload file through the ingest pipeline (format detected from content), counting bytes for
 * the progress bar; zip archives are opened here (random access) and each entry parsed in turn.
 */
export async function* readUploadItems(filePath: string, report: UploadReport): AsyncIterable<UploadItem> {
  const head = await readHead(filePath);
  if (detectFormat(head) === "zip") {
    for await (const entry of readZipEntries(filePath, report)) {
      if ("reason" in entry) {
        yield { kind: "rejected", reason: entry.reason, position: { entry: entry.name } };
        continue;
      }
      for await (const item of parse(entry.stream, report)) {
        yield { ...item, position: { ...item.position, entry: entry.name } };
      }
    }
    report.format = `zip (${report.format ?? "empty"})`;
    return;
  }
  yield* parse(countBytes(createReadStream(filePath), report), report);
}

async function* parse(chunks: AsyncIterable<Uint8Array>, report: UploadReport): AsyncIterable<UploadItem> {
  for await (const item of parseEventStream(chunks)) {
    if (item.kind === "format") {
      const name = item.container ? `${item.format} (${item.container})` : item.format;
      report.format = report.format && report.format !== name ? `${report.format}, ${name}` : name;
      continue;
    }
    yield item;
  }
}

async function readHead(filePath: string): Promise<Uint8Array> {
  const handle = await open(filePath, "r");
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
