import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { countBytes } from "@/lib/server/uploads/count-bytes";
import type { UploadReport } from "@/lib/server/uploads/upload-report";

// Zip bombs: each entry's declared and actual size is bounded, and so is the expansion ratio.
const MAX_ENTRY_BYTES = 4 * 1024 ** 3;
const MAX_RATIO = 200;
const MAX_ENTRIES = 10_000;

type ZipEntry = { name: string; stream: AsyncIterable<Uint8Array> } | { name: string; reason: string };

/** Streams the entries of a zip file one at a time (never the whole archive in memory). */
export async function* readZipEntries(filePath: string, report: UploadReport): AsyncIterable<ZipEntry> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(filePath, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  try {
    for (let count = 0; ; count++) {
      const entry = await nextEntry(zip);
      if (!entry) return;
      if (count >= MAX_ENTRIES) {
        yield { name: entry.fileName, reason: `archive has more than ${MAX_ENTRIES} entries; the rest is ignored` };
        return;
      }
      if (entry.fileName.endsWith("/")) continue;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > MAX_ENTRY_BYTES || ratio > MAX_RATIO) {
        yield { name: entry.fileName, reason: `entry expands to ${entry.uncompressedSize} bytes (ratio ${ratio.toFixed(0)}:1): refused as a possible zip bomb` };
        continue;
      }
      const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))));
      yield { name: entry.fileName, stream: countBytes(stream, report) };
    }
  } finally {
    zip.close();
  }
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: yauzl.Entry) => { cleanup(); resolve(entry); };
    const onEnd = () => { cleanup(); resolve(null); };
    const onError = (error: Error) => { cleanup(); reject(error); };
    const cleanup = () => { zip.off("entry", onEntry); zip.off("end", onEnd); zip.off("error", onError); };
    zip.on("entry", onEntry).on("end", onEnd).on("error", onError);
    zip.readEntry();
  });
}
