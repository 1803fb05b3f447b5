import type { Actor } from "@/lib/server/auth/actor";
import type { AlertFilter } from "@/lib/server/api/contracts/alerts";
import { db } from "@/lib/server/db/client";
import { alertWhere } from "@/lib/server/alerts/alert-where";
import { summarySelect, toAlertSummary } from "@/lib/server/alerts/alert-dto";

const COLUMNS = ["id", "priority", "status", "classification", "ruleName", "sourceHost", "user", "destinations", "commandLine", "firstSeen", "lastSeen", "assignee"] as const;
const PAGE = 1_000;

/** Streams CSV in pages by keyset so a large export never sits in memory. */
export function exportAlertsCsv(filter: AlertFilter, actor: Actor): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const where = alertWhere(filter, actor);
  let cursor: string | undefined;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\r\n`));
      }
      const rows = await db.alert.findMany({
        where: cursor ? { AND: [where, { id: { gt: cursor } }] } : where,
        orderBy: { id: "asc" },
        take: PAGE,
        select: summarySelect,
      });
      if (rows.length === 0) return controller.close();
      cursor = rows.at(-1)!.id;
      const lines = rows.map((row) => {
        const alert = toAlertSummary(row);
        const values = { ...alert, destinations: alert.destinations.join(" "), assignee: alert.assignee?.email ?? "" };
        return COLUMNS.map((column) => csvCell(values[column])).join(",");
      });
      controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
    },
  });
}

/** RFC 4180 quoting, plus a leading quote on formula-like cells so spreadsheets do not execute log content. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
