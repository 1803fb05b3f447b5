import Link from "next/link";
import { ChartCard } from "@/components/trends/chart-card";
import type { TrendsReport } from "@/components/trends/use-trends";

const LISTS = [
  { key: "hosts", title: "Source hosts", filter: "host" },
  { key: "users", title: "Users", filter: "user" },
  { key: "destinations", title: "Destinations", filter: "destination" },
] as const;

/** Most frequent entities of the period; each links into the alert queue filtered on it. */
export function TopLists({ report, csv }: { report: TrendsReport; csv: string }) {
  return (
    <ChartCard title="Top entities" description="Each entry opens the alert queue filtered on it" csv={csv}>
      <div className="grid gap-4 sm:grid-cols-3">
        {LISTS.map((list) => {
          const entries = report.top[list.key];
          const max = Math.max(1, ...entries.map((entry) => entry.count));
          return (
            <div key={list.key}>
              <h3 className="mb-1 text-xs font-medium text-slate-500 dark:text-slate-400">{list.title}</h3>
              {entries.length === 0 ? <p className="text-xs text-slate-500">None</p> : null}
              <ol aria-label={`Top ${list.title.toLowerCase()}`} className="space-y-1 text-xs">
                {entries.map((entry) => (
                  <li key={entry.value} className="relative">
                    <span aria-hidden className="absolute inset-y-0 left-0 rounded bg-sky-100 dark:bg-sky-950 print:bg-slate-100" style={{ width: `${(entry.count / max) * 100}%` }} />
                    <Link href={`/alerts?${new URLSearchParams({ [list.filter]: entry.value })}`} className="relative flex justify-between gap-2 px-1.5 py-0.5 hover:underline">
                      <span className="truncate font-mono">{entry.value}</span>
                      <span className="tabular-nums font-medium">{entry.count}</span>
                    </Link>
                  </li>
                ))}
              </ol>
            </div>
          );
        })}
      </div>
    </ChartCard>
  );
}
