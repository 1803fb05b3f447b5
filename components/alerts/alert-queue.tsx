"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { RowSelectionState } from "@tanstack/react-table";
import { describeError } from "@/lib/client/api";
import { AlertBox } from "@/components/ui/alert-box";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { BulkBar } from "@/components/alerts/bulk-bar";
import { CloseForm, type CloseInput } from "@/components/alerts/close-form";
import { KeyboardHelp } from "@/components/alerts/keyboard-help";
import { QueueTable } from "@/components/alerts/queue-table";
import { QueueToolbar } from "@/components/alerts/queue-toolbar";
import { SampleDataOffer } from "@/components/alerts/sample-data-offer";
import { AlertGroups } from "@/components/alerts/alert-groups";
import { SavedViews } from "@/components/alerts/saved-views";
import { filtersFromSearch, toSearch, type QueueFilters } from "@/components/alerts/queue-filters";
import { useAlertMutations } from "@/components/alerts/use-alert-mutations";
import { useAlertQueue } from "@/components/alerts/use-alert-queue";
import { useQueueKeyboard } from "@/components/alerts/use-queue-keyboard";

export function AlertQueue({ me, canTriage }: { me: { id: string; email: string }; canTriage: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(searchParams.toString())), [searchParams]);
  const groupedInUrl = searchParams.get("group") === "1";
  // Optimistic: the checkbox flips at once, the URL (the source of truth) follows.
  const [grouped, setGrouped] = useState(groupedInUrl);
  useEffect(() => setGrouped(groupedInUrl), [groupedInUrl]);
  const setFilters = useCallback(
    (next: QueueFilters, group = grouped) => router.replace(`${pathname}?${toSearch(next)}${group ? "&group=1" : ""}`, { scroll: false }),
    [router, pathname, grouped],
  );
  const queue = useAlertQueue(filters);
  const alerts = useMemo(() => queue.data?.pages.flatMap((page) => page.alerts) ?? [], [queue.data]);
  const counts = queue.data?.pages[0]?.counts ?? null;
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);
  const [focused, setFocused] = useState(0);
  const [closing, setClosing] = useState<"focused" | "selection" | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const { act, bulk } = useAlertMutations();
  const selectedIds = Object.keys(selection).filter((id) => selection[id]);
  const focusedAlert = alerts[Math.min(focused, alerts.length - 1)];

  const report = (result: { matched: number; changed: number; failed: { id: string; message: string }[] }) =>
    setMessage(
      result.failed.length
        ? { tone: "error", text: `${result.changed} of ${result.matched} changed; ${result.failed.length} refused: ${result.failed.slice(0, 3).map((f) => f.message).join("; ")}` }
        : { tone: "success", text: `${result.changed} alert(s) updated.` },
    );

  async function runBulk(action: { action: string; [key: string]: unknown }) {
    const target = allMatching ? { filter: filters } : { ids: selectedIds };
    try {
      report(await bulk.mutateAsync({ ...target, action }));
      setSelection({});
      setAllMatching(false);
    } catch (error) {
      setMessage({ tone: "error", text: describeError(error) });
    }
  }

  async function runSingle(action: { action: string; [key: string]: unknown }) {
    if (!focusedAlert) return;
    try {
      await act.mutateAsync({ alert: focusedAlert, action });
      setMessage(null);
    } catch (error) {
      setMessage({ tone: "error", text: describeError(error) });
    }
  }

  function submitClose(input: CloseInput) {
    const action = { action: "close", ...input };
    void (closing === "selection" ? runBulk(action) : runSingle(action));
    setClosing(null);
  }

  useQueueKeyboard(
    {
      next: () => setFocused((i) => Math.min(i + 1, alerts.length - 1)),
      previous: () => setFocused((i) => Math.max(i - 1, 0)),
      open: () => focusedAlert && router.push(`/alerts/${focusedAlert.id}`),
      assignToMe: () => canTriage && void runSingle({ action: "assign", assignee: me.id }),
      close: () => canTriage && focusedAlert && setClosing("focused"),
      search: () => searchRef.current?.focus(),
      help: () => setHelpOpen(true),
    },
  );

  const selectedCount = allMatching ? (counts?.total ?? 0) : selectedIds.length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <SavedViews filters={filters} onApply={(next) => setFilters(next)} hasUrlFilters={Object.keys(filters).length > 0} />
        <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
          <input type="checkbox" checked={grouped} onChange={(e) => { setGrouped(e.target.checked); setFilters(filters, e.target.checked); }} /> Group similar alerts (host + user + destination)
        </label>
      </div>
      <QueueToolbar ref={searchRef} filters={filters} counts={counts} onChange={(next) => { setSelection({}); setAllMatching(false); setFilters(next); }} />
      {message ? <AlertBox tone={message.tone}>{message.text}</AlertBox> : null}
      {canTriage && selectedIds.length > 0 ? (
        <BulkBar
          selectedCount={selectedCount}
          loadedCount={alerts.length}
          total={counts?.total ?? 0}
          allMatching={allMatching}
          onSelectAllMatching={() => setAllMatching(true)}
          onClear={() => { setSelection({}); setAllMatching(false); }}
          onAssignToMe={() => void runBulk({ action: "assign", assignee: me.id })}
          onAcknowledge={() => void runBulk({ action: "acknowledge" })}
          onClose={() => setClosing("selection")}
          onComment={(body) => void runBulk({ action: "comment", body })}
          pending={bulk.isPending}
          selected={alerts.filter((a) => selection[a.id])}
          onApproved={(text) => { setMessage({ tone: "success", text }); setSelection({}); void queue.refetch(); }}
        />
      ) : null}
      <div className="flex items-center justify-between text-xs text-slate-500">
        <span>
          {counts ? `${counts.total.toLocaleString()} alert(s) match` : "Loading…"}
          {queue.isFetching && !queue.isFetchingNextPage ? " · refreshing" : ""}
        </span>
        <span className="flex items-center gap-3">
          <a className="text-sky-700 hover:underline dark:text-sky-400" href={`/api/alerts/export.csv?${toSearch({ ...filters, sort: undefined, order: undefined })}`}>Export CSV</a>
          <button type="button" className="hover:underline" onClick={() => setHelpOpen(true)}>Keyboard shortcuts (?)</button>
        </span>
      </div>
      {queue.error ? <AlertBox tone="error">{describeError(queue.error)}</AlertBox> : null}
      {counts?.total === 0 && Object.keys(filters).length === 0 ? <SampleDataOffer canLoad={canTriage} /> : null}
      {grouped ? <AlertGroups filters={filters} /> : null}
      {!grouped && alerts.length > 0 ? (
        <QueueTable
          alerts={alerts}
          selection={selection}
          onSelectionChange={(next) => { setSelection(next); setAllMatching(false); }}
          focused={focused}
          onFocus={setFocused}
          sort={filters.sort ?? "firstSeen"}
          order={filters.order ?? "desc"}
          onSort={(sort) => setFilters({ ...filters, sort, order: filters.sort === sort && filters.order !== "asc" ? "asc" : "desc" })}
        />
      ) : counts && counts.total === 0 && Object.keys(filters).length > 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-500 dark:border-slate-700">No alerts match these filters.</p>
      ) : null}
      {!grouped && queue.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => void queue.fetchNextPage()} disabled={queue.isFetchingNextPage}>
            {queue.isFetchingNextPage ? "Loading…" : `Load more (${alerts.length} of ${counts?.total ?? "?"})`}
          </Button>
        </div>
      ) : null}
      <Dialog open={closing !== null} onClose={() => setClosing(null)} title={closing === "selection" ? "Close selected alerts" : "Close alert"}>
        <CloseForm count={closing === "selection" ? selectedCount : undefined} onSubmit={submitClose} onCancel={() => setClosing(null)} pending={act.isPending || bulk.isPending} />
      </Dialog>
      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
