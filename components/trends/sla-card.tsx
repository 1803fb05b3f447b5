import { ChartCard } from "@/components/trends/chart-card";
import { formatDuration, formatPercent } from "@/components/trends/format";
import type { TrendsReport } from "@/components/trends/use-trends";

type Counts = TrendsReport["sla"][number]["ack"];

/** Share of the period's alerts acknowledged / closed within the target for their priority. */
export function SlaCard({ report, csv }: { report: TrendsReport; csv: string }) {
  return (
    <ChartCard
      title="SLA"
      description="Met ÷ (met + breached); alerts still inside their target are pending and left out"
      csv={csv}
    >
      <table aria-label="SLA by priority" className="w-full border-collapse text-xs tabular-nums">
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-500 dark:border-slate-700 dark:text-slate-400">
            <th scope="col" className="px-2 py-1 font-medium">Priority</th>
            <th scope="col" className="px-2 py-1 font-medium">Acknowledge within</th>
            <th scope="col" className="px-2 py-1 text-right font-medium">Met</th>
            <th scope="col" className="px-2 py-1 font-medium">Close within</th>
            <th scope="col" className="px-2 py-1 text-right font-medium">Met</th>
          </tr>
        </thead>
        <tbody>
          {report.sla.map((row) => (
            <tr key={row.priority} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <th scope="row" className="px-2 py-1.5 text-left font-medium capitalize">{row.priority}</th>
              <td className="px-2 py-1.5">{formatDuration(row.ackTargetMin * 60)}</td>
              <td className="px-2 py-1.5 text-right"><Share counts={row.ack} /></td>
              <td className="px-2 py-1.5">{formatDuration(row.closeTargetMin * 60)}</td>
              <td className="px-2 py-1.5 text-right"><Share counts={row.close} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartCard>
  );
}

function Share({ counts }: { counts: Counts }) {
  const tone = counts.share === null ? "" : counts.share >= 0.9 ? "text-emerald-700 dark:text-emerald-400" : counts.share >= 0.7 ? "text-amber-700 dark:text-amber-400" : "text-rose-700 dark:text-rose-400";
  return (
    <span title={`${counts.met} met, ${counts.breached} breached, ${counts.pending} pending`}>
      <span className={`font-semibold ${tone}`}>{formatPercent(counts.share)}</span>
      <span className="ml-1 text-slate-500 dark:text-slate-400">({counts.met}/{counts.met + counts.breached})</span>
    </span>
  );
}
