"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { AlertPage } from "@/components/alerts/alert-types";
import { toSearch, type QueueFilters } from "@/components/alerts/queue-filters";

const PAGE_SIZE = 50;

/** Keyset pages of the queue; polled so new alerts appear without losing selection or scroll. */
export function useAlertQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.alerts(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams(toSearch(filters));
      search.set("limit", String(PAGE_SIZE));
      if (pageParam) {
        search.set("cursor", pageParam);
        search.set("counts", "false");
      }
      return apiFetch<AlertPage>(`/api/alerts?${search}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 15_000,
    placeholderData: (previous) => previous,
  });
}
