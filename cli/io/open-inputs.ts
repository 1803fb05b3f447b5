import { open } from "node:fs/promises";
import { openInput } from "@/cli/io/open-input";
import { readZipEntries } from "@/lib/server/uploads/read-zip-entries";
import { UploadReport } from "@/lib/server/uploads/upload-report";

type Input = { name: string; chunks: AsyncIterable<Uint8Array> } | { name: string; error: string };

/** A file, stdin, or each entry of a zip archive (recognised by content; zips need a seekable file). */
export async function* openInputs(file: string): AsyncIterable<Input> {
  const name = file === "-" ? "<stdin>" : file;
  if (file === "-" || !(await isZip(file))) {
    yield { name, chunks: openInput(file) };
    return;
  }
  for await (const entry of readZipEntries(file, new UploadReport())) {
    const entryName = `${name}!${entry.name}`;
    yield "reason" in entry ? { name: entryName, error: entry.reason } : { name: entryName, chunks: entry.stream };
  }
}

async function isZip(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}
