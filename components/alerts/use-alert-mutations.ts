"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { AlertSummary } from "@/components/alerts/alert-types";
import type { QueueFilters } from "@/components/alerts/queue-filters";

export type BulkResult = { matched: number; changed: number; failed: { id: string; code: string; message: string }[] };
type Action = { action: string; [key: string]: unknown };

/** Every change goes through the API, then the queue and the alert page refetch. */
export function useAlertMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["alerts"] });
  const act = useMutation({
    mutationFn: ({ alert, action }: { alert: Pick<AlertSummary, "id" | "version">; action: Action }) =>
      apiFetch<{ alert: AlertSummary }>(`/api/alerts/${alert.id}/actions`, { method: "POST", json: { ...action, version: alert.version } }),
    onSettled: refresh,
  });
  const bulk = useMutation({
    mutationFn: (input: { ids?: string[]; filter?: QueueFilters; action: Action; dryRun?: boolean }) =>
      apiFetch<BulkResult>("/api/alerts/bulk", { method: "POST", json: { ...input, filter: input.filter ? cleanFilter(input.filter) : undefined } }),
    onSettled: (_data, _error, input) => (input.dryRun ? undefined : refresh()),
  });
  return { act, bulk };
}

function cleanFilter(filters: QueueFilters) {
  const { sort: _sort, order: _order, ...rest } = filters;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v));
}
