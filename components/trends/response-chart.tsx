"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/trends/chart-card";
import { axisProps, ChartTooltip, gridProps, legendProps } from "@/components/trends/chart-theme";
import { formatDuration } from "@/components/trends/format";
import type { TrendsReport } from "@/components/trends/use-trends";

const GROUP_LABEL = { all: "All", priority: "Priority", assignee: "Assignee" } as const;

/** Median and p90 per priority, one small chart per measure (acknowledging takes minutes, closing hours). */
export function ResponseChart({ report, csv }: { report: TrendsReport; csv: string }) {
  const byPriority = report.responseTimes.filter((row) => row.group === "priority").map((row) => ({ ...row, label: row.label.toUpperCase() }));
  return (
    <ChartCard
      title="Response times"
      description="From the alert being raised: to the first move out of Open (acknowledge), to the last move to Closed (close)"
      csv={csv}
      columns={[
        { label: "Group" }, { label: "Who / priority" }, { label: "Alerts", numeric: true }, { label: "Ack. median", numeric: true }, { label: "Ack. p90", numeric: true },
        { label: "Closed", numeric: true }, { label: "Close median", numeric: true }, { label: "Close p90", numeric: true },
      ]}
      rows={report.responseTimes.map((row) => [
        GROUP_LABEL[row.group], row.label, row.alerts, formatDuration(row.ackMedianSec), formatDuration(row.ackP90Sec), row.closed, formatDuration(row.closeMedianSec), formatDuration(row.closeP90Sec),
      ])}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TimeBars title="Time to acknowledge" data={byPriority} median="ackMedianSec" p90="ackP90Sec" />
        <TimeBars title="Time to close" data={byPriority} median="closeMedianSec" p90="closeP90Sec" />
      </div>
    </ChartCard>
  );
}

function TimeBars({ title, data, median, p90 }: { title: string; data: object[]; median: string; p90: string }) {
  return (
    <figure className="h-52 text-slate-600 dark:text-slate-300">
      <figcaption className="mb-1 text-xs font-medium">{title}</figcaption>
      <ResponsiveContainer width="100%" height="90%">
        <BarChart data={data} margin={{ top: 10, right: 8, bottom: 0, left: 4 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="label" {...axisProps} />
          <YAxis {...axisProps} tickFormatter={(value: number) => formatDuration(value)} width={64} />
          <Tooltip content={(props) => <ChartTooltip {...props} format={formatDuration} />} cursor={{ fill: "currentColor", fillOpacity: 0.06 }} />
          <Legend {...legendProps} />
          <Bar dataKey={median} name="Median" fill="#0284c7" isAnimationActive={false} />
          <Bar dataKey={p90} name="90th percentile" fill="#7dd3fc" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
