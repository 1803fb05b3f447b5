"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/trends/chart-card";
import { axisProps, bucketLabel, ChartTooltip, gridProps, legendProps, OUTCOME_COLORS, OUTCOME_LABELS } from "@/components/trends/chart-theme";
import type { TrendsReport } from "@/components/trends/use-trends";

const OUTCOMES = Object.keys(OUTCOME_LABELS) as (keyof typeof OUTCOME_LABELS)[];

export function OutcomesChart({ report, csv }: { report: TrendsReport; csv: string }) {
  const data = report.outcomes.map((row) => ({ ...row, label: bucketLabel(row.bucket, report.range.bucket) }));
  return (
    <ChartCard
      title="Outcomes"
      description="Closing classification of the period's alerts, by when they were first seen"
      csv={csv}
      columns={[{ label: report.range.bucket === "week" ? "Week of" : "Day" }, ...OUTCOMES.map((key) => ({ label: OUTCOME_LABELS[key], numeric: true }))]}
      rows={report.outcomes.map((row) => [row.bucket, ...OUTCOMES.map((key) => row[key])])}
    >
      <div className="h-60 text-slate-600 dark:text-slate-300">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid {...gridProps} />
            <XAxis dataKey="label" {...axisProps} interval="preserveStartEnd" minTickGap={12} />
            <YAxis {...axisProps} allowDecimals={false} />
            <Tooltip content={(props) => <ChartTooltip {...props} />} cursor={{ fill: "currentColor", fillOpacity: 0.06 }} />
            <Legend {...legendProps} />
            {OUTCOMES.map((key) => (
              <Bar key={key} dataKey={key} name={OUTCOME_LABELS[key]} stackId="o" fill={OUTCOME_COLORS[key]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
