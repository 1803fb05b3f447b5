import { ChartCard } from "@/components/trends/chart-card";
import { formatPercent } from "@/components/trends/format";
import type { TrendsReport } from "@/components/trends/use-trends";

export function RulesCard({ report, csv }: { report: TrendsReport; csv: string }) {
  const { current } = report.kpis;
  return (
    <ChartCard
      title="False positives per rule"
      description={`Closed as false positive ÷ closed. Handled by baselines (approved admin activity): ${formatPercent(current.baselineShare)} of all alerts (${current.baselineHandled}/${current.alerts}).`}
      csv={csv}
      columns={[{ label: "Rule" }, { label: "Alerts", numeric: true }, { label: "Closed", numeric: true }, { label: "False positives", numeric: true }, { label: "Rate", numeric: true }]}
      rows={report.rules.map((rule) => [rule.ruleName, rule.alerts, rule.closed, rule.falsePositives, formatPercent(rule.rate)])}
    />
  );
}
