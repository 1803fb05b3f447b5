export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const minutes = seconds / 60;
  if (minutes < 60) return `${Math.round(minutes)}m`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.floor(hours)}h ${String(Math.round(minutes % 60)).padStart(2, "0")}m`;
  return `${(hours / 24).toFixed(1)}d`;
}

export const formatPercent = (share: number | null | undefined) => (share === null || share === undefined ? "—" : `${Math.round(share * 1000) / 10}%`);

export const formatCount = (value: number) => value.toLocaleString("en");

/** "+25%" / "−10%" / "no change" against the previous period; null when there is nothing to compare. */
export function change(current: number | null, previous: number | null): { text: string; direction: "up" | "down" | "same" } | null {
  if (current === null || previous === null) return null;
  if (current === previous) return { text: "no change", direction: "same" };
  if (previous === 0) return { text: "new", direction: "up" };
  const pct = Math.round(((current - previous) / previous) * 100);
  return { text: `${pct > 0 ? "+" : "−"}${Math.abs(pct)}%`, direction: current > previous ? "up" : "down" };
}
