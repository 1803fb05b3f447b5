"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/trends/chart-card";
import { axisProps, bucketLabel, ChartTooltip, gridProps, legendProps, PRIORITY_COLORS } from "@/components/trends/chart-theme";
import type { TrendsReport } from "@/components/trends/use-trends";

export function VolumeChart({ report, csv }: { report: TrendsReport; csv: string }) {
  const bucket = report.range.bucket;
  const data = report.volume.map((row) => ({ ...row, label: bucketLabel(row.bucket, bucket) }));
  return (
    <ChartCard
      title="Alerts by priority"
      description={`Per ${bucket} (${report.range.tz}), by when the activity was first seen`}
      csv={csv}
      columns={[{ label: bucket === "week" ? "Week of" : "Day" }, { label: "High", numeric: true }, { label: "Medium", numeric: true }, { label: "Low", numeric: true }, { label: "Total", numeric: true }]}
      rows={report.volume.map((row) => [row.bucket, row.high, row.medium, row.low, row.total])}
    >
      <div className="h-60 text-slate-600 dark:text-slate-300">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid {...gridProps} />
            <XAxis dataKey="label" {...axisProps} interval="preserveStartEnd" minTickGap={12} />
            <YAxis {...axisProps} allowDecimals={false} />
            <Tooltip content={(props) => <ChartTooltip {...props} />} cursor={{ fill: "currentColor", fillOpacity: 0.06 }} />
            <Legend {...legendProps} />
            <Bar dataKey="high" name="High" stackId="p" fill={PRIORITY_COLORS.high} isAnimationActive={false} />
            <Bar dataKey="medium" name="Medium" stackId="p" fill={PRIORITY_COLORS.medium} isAnimationActive={false} />
            <Bar dataKey="low" name="Low" stackId="p" fill={PRIORITY_COLORS.low} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
