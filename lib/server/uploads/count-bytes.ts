import type { UploadReport } from "@/lib/server/uploads/upload-report";

/** Passes chunks through while adding their size to the report (drives the processing progress bar). */
export async function* countBytes(stream: AsyncIterable<Buffer | Uint8Array>, report: UploadReport): AsyncIterable<Uint8Array> {
  for await (const chunk of stream) {
    report.bytesRead += chunk.length;
    yield chunk;
  }
}
