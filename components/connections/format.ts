/** Display helpers for connection pages: local times, short durations. */
const time = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit", second: "2-digit" });
const dateTime = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit" });

const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

export function formatTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  return sameDay(date, now) ? time.format(date) : dateTime.format(date);
}

/** "13:02:10 → 13:11:10"; the day is shown only when it is not today. */
export function formatWindow(start: string, end: string, now = new Date()): string {
  const endDate = new Date(end);
  const endText = sameDay(new Date(start), endDate) && sameDay(endDate, now) ? time.format(endDate) : formatTime(end, now);
  return `${formatTime(start, now)} → ${endText}`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return formatSeconds(Math.round(ms / 1_000));
}

export function formatSeconds(total: number): string {
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes} min${total % 60 ? ` ${total % 60} s` : ""}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export const count = (n: number) => n.toLocaleString();

export const flavorName = (flavor: string | null) =>
  flavor === "opensearch" ? "OpenSearch" : flavor === "elasticsearch" ? "Elasticsearch" : (flavor ?? "Cluster");

export const MODE_LABELS = { pull: "Pull", push_down: "Push-down" } as const;
