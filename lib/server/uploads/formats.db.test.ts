import { gzipSync } from "node:zlib";
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { db } from "@/lib/server/db/client";
import { createUploadFromBytes } from "@/lib/server/uploads/receive-upload";
import { processUpload } from "@/lib/server/uploads/process-upload";
import { toNxlogJsonLines, toWindowsXml, toWinlogbeatRawLines } from "@/lib/sample/render-formats";
import { syntheticScenario } from "@/lib/sample/synthetic-scenario";

function zipOf(name: string, content: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(content), name);
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks)));
  });
}

/** The same SYNTHETIC scenario in every supported shape must give the same alerts. */
describe("one scenario, every format", () => {
  // The playbook's "outside the baseline → High" only applies once a baseline exists; these cases
  // check the priorities without one (db test files share a database and run one after another).
  beforeAll(async () => {
    await db.baseline.deleteMany();
  });

  const renderings: [string, (events: ReturnType<typeof syntheticScenario>) => Promise<Uint8Array> | Uint8Array][] = [
    ["windows-xml", (e) => Buffer.from(toWindowsXml(e))],
    ["windows-xml-utf16", (e) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(toWindowsXml(e).replace('encoding="utf-8"', 'encoding="utf-16"'), "utf16le")])],
    ["nxlog-json", (e) => Buffer.from(toNxlogJsonLines(e))],
    ["winlogbeat-raw", (e) => Buffer.from(toWinlogbeatRawLines(e))],
    ["gzip-nxlog", (e) => gzipSync(toNxlogJsonLines(e))],
    ["zip-xml", (e) => zipOf("logs/sysmon.xml", toWindowsXml(e))],
  ];

  it.each(renderings)("%s gives one Low, one Medium and one High alert", async (_name, render) => {
    // Each rendering gets its own time so events and alerts do not dedupe across the cases.
    const start = new Date(Date.UTC(2024, 0, 1) + randomInt(1_000_000) * 60_000);
    const events = syntheticScenario({ start, noise: 30 });
    const upload = await createUploadFromBytes("synthetic-scenario", await render(events), null);
    await processUpload(upload.id);
    const done = await db.upload.findUniqueOrThrow({ where: { id: upload.id } });
    expect({ status: done.status, rejected: done.rejected, parsed: done.eventsParsed }).toEqual({ status: "done", rejected: 0, parsed: events.length });
    const alerts = await db.alert.findMany({ where: { uploadId: upload.id }, orderBy: { firstSeen: "asc" } });
    expect(alerts.map((a) => [a.sourceHost?.split(".")[0].toUpperCase(), a.priority])).toEqual([
      ["WS01", "medium"],
      ["WS02", "high"],
      ["WS03", "low"],
    ]);
    expect(alerts[1].userName).toBe("mallory");
    expect(alerts[1].destinations.join(" ")).toMatch(/SRV02/i);
  });
});
