"use client";

import { useEffect, useState } from "react";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { BaselineScope } from "@/lib/triage/baseline-schema";
import type { BaselineDetail, BaselineList, BaselinePreview, BaselineWrite } from "@/components/baselines/baseline-types";

export function useMe() {
  return useQuery({ queryKey: queryKeys.me(), queryFn: () => apiFetch<{ id: string; role: string }>("/api/me"), staleTime: 60_000 });
}

export function useBaselines(filter: { state: string; alertId?: string }, enabled = true) {
  const params = new URLSearchParams({ state: filter.state, ...(filter.alertId ? { alertId: filter.alertId } : {}) });
  return useQuery({
    queryKey: queryKeys.baselines(filter),
    queryFn: () => apiFetch<BaselineList>(`/api/baselines?${params}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The Baselines page: a page of entries at a time, "Show more" fetching the next. */
export function useBaselinePages(filter: { state: string }) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.baselines(filter), "pages"],
    queryFn: ({ pageParam }) => apiFetch<BaselineList>(`/api/baselines?${new URLSearchParams({ state: filter.state, ...(pageParam ? { cursor: pageParam } : {}) })}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useBaselineDetail(id: string, enabled: boolean) {
  return useQuery({ queryKey: queryKeys.baseline(id), queryFn: () => apiFetch<BaselineDetail>(`/api/baselines/${id}`), enabled });
}

/** Live count of what a scope matches, debounced so typing does not fire a request per key. */
export function useBaselinePreview(scope: BaselineScope | null) {
  const key = JSON.stringify(scope);
  const [debounced, setDebounced] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(key), 400);
    return () => clearTimeout(timer);
  }, [key]);
  const current = JSON.parse(debounced) as BaselineScope | null;
  return useQuery({
    queryKey: queryKeys.baselinePreview(current),
    queryFn: () => apiFetch<BaselinePreview>("/api/baselines/preview", { method: "POST", json: { scope: current } }),
    enabled: current !== null,
    retry: false,
  });
}

type WriteRequest = { path: string; method?: "POST" | "PATCH"; body: unknown };

/** Every baseline write goes through here; afterwards lists, alerts and the queue are refetched. */
export function useBaselineWrite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = "POST", body }: WriteRequest) => apiFetch<BaselineWrite>(path, { method, json: body }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["baselines"] }),
        queryClient.invalidateQueries({ queryKey: ["alerts"] }),
      ]),
  });
}
