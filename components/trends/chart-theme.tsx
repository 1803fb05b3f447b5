"use client";

// Recharts draws SVG; axis text and grid take `currentColor`, so the wrapper's Tailwind colour handles dark mode.
export const PRIORITY_COLORS = { high: "#e11d48", medium: "#f59e0b", low: "#94a3b8" } as const;
export const OUTCOME_COLORS = {
  true_positive: "#e11d48",
  benign_positive: "#10b981",
  false_positive: "#0ea5e9",
  duplicate: "#a78bfa",
  undetermined: "#94a3b8",
} as const;
export const OUTCOME_LABELS = {
  true_positive: "True positive",
  benign_positive: "Benign positive",
  false_positive: "False positive",
  duplicate: "Duplicate",
  undetermined: "Undetermined",
} as const;

export const axisProps = { tick: { fill: "currentColor", fontSize: 11 }, stroke: "currentColor", strokeOpacity: 0.3 } as const;
export const gridProps = { stroke: "currentColor", strokeOpacity: 0.12, vertical: false } as const;

type TooltipEntry = { name?: unknown; value?: unknown; color?: string; dataKey?: unknown };

/** Tooltip with page colours (light and dark) instead of Recharts' fixed white box. */
export function ChartTooltip({ active, payload, label, format = String }: { active?: boolean; payload?: readonly TooltipEntry[]; label?: unknown; format?: (value: number) => string }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-xs text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      <p className="mb-0.5 font-semibold">{String(label)}</p>
      {payload.map((entry) => (
        <p key={String(entry.dataKey)} className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-2 w-2 rounded-sm" style={{ background: entry.color }} />
          {String(entry.name)}: <span className="font-medium tabular-nums">{typeof entry.value === "number" ? format(entry.value) : "—"}</span>
        </p>
      ))}
    </div>
  );
}

export function bucketLabel(bucket: string, kind: "day" | "week"): string {
  const text = new Date(`${bucket}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
  return kind === "week" ? `wk ${text}` : text;
}

/** Legend in the page's text colour (Recharts colours it like the series, too faint for the light ones). */
export const legendProps = {
  wrapperStyle: { fontSize: 11 },
  itemSorter: null,
  formatter: (value: unknown) => <span className="text-slate-700 dark:text-slate-300">{String(value)}</span>,
};
