import type { RawWinEvent } from "@/lib/sample/raw-win-event";

const NS = "http://schemas.microsoft.com/win/2004/08/events/event";

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/** As `wevtutil qe /f:xml` / Event Viewer "Save as XML" would export the records. */
export function toWindowsXml(events: RawWinEvent[]): string {
  const body = events.map((e) => {
    const data = Object.entries(e.data).map(([name, value]) => `<Data Name="${escapeXml(name)}">${escapeXml(value)}</Data>`).join("");
    return `<Event xmlns="${NS}"><System><Provider Name="${escapeXml(e.provider)}"/><EventID>${e.eventId}</EventID><Version>5</Version><Level>4</Level><Task>${e.eventId}</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime="${e.timeCreated}"/><EventRecordID>${e.recordId}</EventRecordID><Correlation/><Execution ProcessID="1980" ThreadID="2104"/><Channel>${escapeXml(e.channel)}</Channel><Computer>${escapeXml(e.computer)}</Computer><Security UserID="S-1-5-18"/></System><EventData>${data}</EventData></Event>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<Events>\n${body.join("\n")}\n</Events>\n`;
}

/** OTRF/Mordor-style NXLog JSON lines: event data flattened next to EventID, Channel, Hostname. */
export function toNxlogJsonLines(events: RawWinEvent[]): string {
  return events
    .map((e) =>
      JSON.stringify({
        SourceName: e.provider,
        TimeCreated: e.timeCreated.replace("T", " ").replace("Z", ""),
        Hostname: e.computer,
        Channel: e.channel,
        EventID: e.eventId,
        RecordNumber: e.recordId,
        ...e.data,
      }),
    )
    .join("\n")
    .concat("\n");
}

/** Winlogbeat output without the Sysmon ingest pipeline applied (raw `winlog.*`). */
export function toWinlogbeatRawLines(events: RawWinEvent[]): string {
  return events
    .map((e) =>
      JSON.stringify({
        "@timestamp": e.timeCreated,
        agent: { type: "winlogbeat", version: "8.15.0" },
        host: { name: e.computer.toLowerCase(), os: { type: "windows", family: "windows", platform: "windows" } },
        event: { code: String(e.eventId), provider: e.provider, kind: "event" },
        winlog: { channel: e.channel, event_id: String(e.eventId), provider_name: e.provider, computer_name: e.computer, record_id: String(e.recordId), event_data: e.data },
      }),
    )
    .join("\n")
    .concat("\n");
}
