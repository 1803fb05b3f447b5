"use client";

import { useState } from "react";
import { describeError } from "@/lib/client/api";
import { AlertBox } from "@/components/ui/alert-box";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { BaselineCard } from "@/components/baselines/baseline-card";
import { STATE_TABS } from "@/components/baselines/baseline-types";
import { useBaselinePages } from "@/components/baselines/use-baselines";

const TABS = [...STATE_TABS, { state: "all", label: "All" }] as const;

export function BaselinesPage({ canWrite, initialState }: { canWrite: boolean; initialState: string }) {
  const [state, setState] = useState(TABS.some((t) => t.state === initialState) ? initialState : "active");
  const list = useBaselinePages({ state });
  const counts = list.data?.pages[0]?.counts ?? {};
  const baselines = list.data?.pages.flatMap((page) => page.baselines);
  const total = state in counts ? counts[state] : undefined;
  return (
    <div>
      <PageHeader
        title="Baselines"
        description={canWrite
          ? "Approved admin activity: matching alerts are closed or kept at Low; PsExec outside this history is High."
          : "Approved admin activity (read-only for your role). Propose an entry from an alert."}
      />
      <div role="tablist" aria-label="Baseline state" className="mb-3 flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
        {TABS.map((tab) => (
          <button
            key={tab.state}
            type="button"
            role="tab"
            aria-selected={state === tab.state}
            onClick={() => setState(tab.state)}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${state === tab.state
              ? "border-sky-600 font-medium text-sky-700 dark:text-sky-300"
              : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"}`}
          >
            {tab.label}
            {tab.state in counts ? <span className="ml-1.5 rounded bg-slate-100 px-1.5 text-xs tabular-nums dark:bg-slate-800">{counts[tab.state]}</span> : null}
          </button>
        ))}
      </div>
      {list.error ? <AlertBox tone="error">{describeError(list.error)}</AlertBox> : null}
      {baselines && baselines.length === 0 ? <p className="text-sm text-slate-500">No entries here.</p> : null}
      <div role="tabpanel" aria-label={TABS.find((t) => t.state === state)?.label} className="space-y-3">
        {baselines?.map((b) => <BaselineCard key={b.id} baseline={b} canWrite={canWrite} />)}
      </div>
      {list.hasNextPage ? (
        <div className="mt-3 flex items-center gap-3">
          <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? "Loading…" : "Show more"}
          </Button>
          <span className="text-xs text-slate-500">Showing {baselines?.length ?? 0}{total !== undefined ? ` of ${total}` : ""}</span>
        </div>
      ) : null}
    </div>
  );
}
