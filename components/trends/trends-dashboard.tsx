"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { AlertBox } from "@/components/ui/alert-box";
import { BacklogChart } from "@/components/trends/backlog-chart";
import { KpiTiles } from "@/components/trends/kpi-tiles";
import { OutcomesChart } from "@/components/trends/outcomes-chart";
import { ResponseChart } from "@/components/trends/response-chart";
import { RulesCard } from "@/components/trends/rules-card";
import { SlaCard } from "@/components/trends/sla-card";
import { TopLists } from "@/components/trends/top-lists";
import { TrendsControls } from "@/components/trends/trends-controls";
import { browserTimeZone, paramsFromSearch, toSearch, type TrendsParams } from "@/components/trends/trends-params";
import { csvHref, useTrendsReport } from "@/components/trends/use-trends";
import { VolumeChart } from "@/components/trends/volume-chart";
import { describeError } from "@/lib/client/api";

export function TrendsDashboard({ ownFiguresOnly }: { ownFiguresOnly: boolean }) {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = useMemo(() => paramsFromSearch(new URLSearchParams(search.toString()), browserTimeZone()), [search]);
  const query = useTrendsReport(params);
  const report = query.data;
  const setParams = (next: TrendsParams) => router.replace(`${pathname}?${toSearch(next)}`, { scroll: false });
  const csv = (section: string) => csvHref(params, section);

  return (
    <div className="space-y-4 print:space-y-3">
      <TrendsControls params={params} onChange={setParams} />
      <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="trends-period">
        {params.from} – {params.to} ({params.tz}), compared with {report ? `${report.range.previous.from} – ${report.range.previous.to}` : "the previous period"}
      </p>
      {ownFiguresOnly ? <AlertBox tone="info">These are your own figures: alerts currently assigned to you.</AlertBox> : null}
      {query.isError ? <AlertBox tone="error">Could not load the report: {describeError(query.error)}</AlertBox> : null}
      {!report && query.isPending ? <p className="text-sm text-slate-500" role="status">Loading report…</p> : null}
      {report ? (
        <div aria-busy={query.isFetching} className="space-y-4 print:space-y-3">
          <KpiTiles report={report} />
          <div className="grid gap-4 xl:grid-cols-2 print:block print:space-y-3">
            <VolumeChart report={report} csv={csv("volume")} />
            <ResponseChart report={report} csv={csv("response-times")} />
            <OutcomesChart report={report} csv={csv("outcomes")} />
            <BacklogChart report={report} csv={csv("backlog")} />
            <SlaCard report={report} csv={csv("sla")} />
            <RulesCard report={report} csv={csv("rules")} />
          </div>
          <TopLists report={report} csv={csv("top")} />
        </div>
      ) : null}
    </div>
  );
}
