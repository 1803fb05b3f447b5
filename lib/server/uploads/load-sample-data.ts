import { createUploadFromBytes } from "@/lib/server/uploads/receive-upload";
import { toNxlogJsonLines, toWindowsXml, toWinlogbeatRawLines } from "@/lib/sample/render-formats";
import { syntheticScenario } from "@/lib/sample/synthetic-scenario";

/**
 * Queues the bundled SYNTHETIC scenario (benign noise plus PsExec runs giving Low, Medium and High
 * alerts) as three uploads in three formats, so a newcomer sees the whole flow at once.
 */
export async function loadSampleData(userId: string | null) {
  const start = new Date(Date.now() - 2 * 60 * 60 * 1000);
  start.setUTCMinutes(0, 0, 0);
  const events = syntheticScenario({ start });
  const byHost = (...names: string[]) => events.filter((e) => names.some((n) => e.computer.startsWith(n)));
  const encoder = new TextEncoder();
  const files: [string, string][] = [
    ["synthetic-sample-ws01-sysmon.xml", toWindowsXml(byHost("WS01"))],
    ["synthetic-sample-ws02-srv02-nxlog.json", toNxlogJsonLines(byHost("WS02", "SRV02"))],
    ["synthetic-sample-ws03-winlogbeat.ndjson", toWinlogbeatRawLines(byHost("WS03", "SRV01"))],
  ];
  const uploads = [];
  for (const [name, content] of files) uploads.push(await createUploadFromBytes(name, encoder.encode(content), userId));
  return uploads.map((u) => ({ id: u.id, fileName: u.fileName, status: u.status }));
}
