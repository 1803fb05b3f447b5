import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import yazl from "yazl";
import { readZipEntries } from "@/lib/server/uploads/read-zip-entries";
import { UploadReport } from "@/lib/server/uploads/upload-report";

function zip(entries: [string, Buffer][]): Promise<Buffer> {
  return new Promise((resolve) => {
    const file = new yazl.ZipFile();
    for (const [name, content] of entries) file.addBuffer(content, name);
    file.end();
    const chunks: Buffer[] = [];
    file.outputStream.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks)));
  });
}

describe("readZipEntries", () => {
  it("refuses a bomb-like entry (expansion ratio) and still streams the others", async () => {
    const archive = await zip([
      ["bomb.json", Buffer.alloc(40 * 1024 * 1024, 0x20)],
      ["logs/events.ndjson", Buffer.from('{"a":1}\n')],
    ]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "lateral-zip-")), "upload.zip");
    writeFileSync(file, archive);
    const seen: { name: string; reason?: string; bytes?: number }[] = [];
    for await (const entry of readZipEntries(file, new UploadReport())) {
      if ("reason" in entry) seen.push({ name: entry.name, reason: entry.reason });
      else {
        let bytes = 0;
        for await (const chunk of entry.stream) bytes += chunk.length;
        seen.push({ name: entry.name, bytes });
      }
    }
    expect(seen).toEqual([
      { name: "bomb.json", reason: expect.stringMatching(/possible zip bomb/) },
      { name: "logs/events.ndjson", bytes: 8 },
    ]);
  });
});
