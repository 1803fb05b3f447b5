"use client";

import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, describeError } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { AlertBox } from "@/components/ui/alert-box";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { AlertDetail } from "@/components/alert-page/alert-detail-types";

type ContextResult = { fetched: number; stored: number; rejected: number; reprioritised: number };

/** Where the alert came from; for a cluster alert, a way to ask the cluster for context it did not keep. */
export function AlertSourceCard({ alertId, source, canTriage }: { alertId: string; source: AlertDetail["source"]; canTriage: boolean }) {
  const queryClient = useQueryClient();
  const fetchContext = useMutation({
    mutationFn: () => apiFetch<ContextResult>(`/api/alerts/${alertId}/context`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.alert(alertId) }),
  });
  if (source.kind === "upload") {
    return (
      <Card title="Source">
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Raised from uploaded logs.{" "}
          {source.uploadId ? <Link className="text-sky-700 hover:underline dark:text-sky-400" href={`/alerts?uploadId=${encodeURIComponent(source.uploadId)}`}>Alerts of the same upload</Link> : null}
        </p>
      </Card>
    );
  }
  return (
    <Card title="Source">
      <p className="text-sm text-slate-600 dark:text-slate-300">Read from the cluster connection <strong>{source.name}</strong>.</p>
      {canTriage ? (
        <div className="mt-2 space-y-2">
          <Button variant="secondary" onClick={() => fetchContext.mutate()} disabled={fetchContext.isPending}>
            {fetchContext.isPending ? "Asking the cluster…" : "Fetch missing context from the cluster"}
          </Button>
          {fetchContext.error ? <AlertBox tone="error">{describeError(fetchContext.error)}</AlertBox> : null}
          {fetchContext.data ? (
            <p className="text-xs text-slate-500">
              {fetchContext.data.fetched} event(s) found, {fetchContext.data.stored} new kept
              {fetchContext.data.rejected ? `, ${fetchContext.data.rejected} unreadable` : ""}
              {fetchContext.data.reprioritised ? `; priority re-evaluated for ${fetchContext.data.reprioritised} alert(s)` : ""}.
            </p>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
