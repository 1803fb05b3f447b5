import { change, formatCount, formatDuration, formatPercent } from "@/components/trends/format";
import type { TrendsReport } from "@/components/trends/use-trends";

type Summary = TrendsReport["kpis"]["current"];
type Tile = { label: string; pick: (s: Summary) => number | null; format: (value: number | null) => string; higherIsBetter: boolean | null };

const TILES: Tile[] = [
  { label: "Alerts", pick: (s) => s.alerts, format: (v) => (v === null ? "—" : formatCount(v)), higherIsBetter: null },
  { label: "High priority", pick: (s) => s.high, format: (v) => (v === null ? "—" : formatCount(v)), higherIsBetter: false },
  { label: "Median time to acknowledge", pick: (s) => s.ackMedianSec, format: formatDuration, higherIsBetter: false },
  { label: "Median time to close", pick: (s) => s.closeMedianSec, format: formatDuration, higherIsBetter: false },
  { label: "False-positive rate", pick: (s) => s.falsePositiveRate, format: formatPercent, higherIsBetter: false },
  { label: "Handled by baselines", pick: (s) => s.baselineShare, format: formatPercent, higherIsBetter: null },
];

export function KpiTiles({ report }: { report: TrendsReport }) {
  const { current, previous } = report.kpis;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6 print:grid-cols-6">
      {TILES.map((tile) => {
        const now = tile.pick(current);
        const before = tile.pick(previous);
        const delta = change(now, before);
        const good = delta && tile.higherIsBetter !== null && delta.direction !== "same" ? (delta.direction === "up") === tile.higherIsBetter : null;
        const tone = good === null ? "text-slate-500 dark:text-slate-400" : good ? "text-emerald-700 dark:text-emerald-400" : "text-rose-700 dark:text-rose-400";
        return (
          <div key={tile.label} role="group" aria-label={tile.label} className="rounded-lg border border-slate-200 bg-white px-3 py-2.5 shadow-sm dark:border-slate-800 dark:bg-slate-900 print:shadow-none">
            <p className="text-xs text-slate-500 dark:text-slate-400">{tile.label}</p>
            <p className="mt-0.5 text-xl font-semibold tabular-nums" data-testid="kpi-value">{tile.format(now)}</p>
            <p className={`text-xs ${tone}`}>
              {delta ? `${delta.direction === "up" ? "▲" : delta.direction === "down" ? "▼" : "="} ${delta.text}` : "—"}{" "}
              <span className="text-slate-500 dark:text-slate-400">vs {tile.format(before)} before</span>
            </p>
          </div>
        );
      })}
    </div>
  );
}
