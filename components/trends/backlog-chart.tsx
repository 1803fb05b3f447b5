"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/trends/chart-card";
import { axisProps, ChartTooltip, gridProps, legendProps, PRIORITY_COLORS } from "@/components/trends/chart-theme";
import type { TrendsReport } from "@/components/trends/use-trends";

export function BacklogChart({ report, csv }: { report: TrendsReport; csv: string }) {
  return (
    <ChartCard
      title="Backlog now"
      description="Alerts not closed yet, by time since they were raised (independent of the date range)"
      csv={csv}
      columns={[{ label: "Age" }, { label: "High", numeric: true }, { label: "Medium", numeric: true }, { label: "Low", numeric: true }, { label: "Total", numeric: true }]}
      rows={report.backlog.map((row) => [row.age, row.high, row.medium, row.low, row.total])}
    >
      <div className="h-52 text-slate-600 dark:text-slate-300">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={report.backlog} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid {...gridProps} />
            <XAxis dataKey="age" {...axisProps} />
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
