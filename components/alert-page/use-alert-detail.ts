"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { AlertDetail } from "@/components/alert-page/alert-detail-types";

export function useAlertDetail(id: string) {
  return useQuery({ queryKey: queryKeys.alert(id), queryFn: () => apiFetch<AlertDetail>(`/api/alerts/${id}`), refetchInterval: 30_000 });
}

/** Writes send the version the analyst saw; a 409 means someone else was faster, and we refetch. */
export function useAlertWrites(id: string, version: number | undefined) {
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.alert(id) }), queryClient.invalidateQueries({ queryKey: ["alerts", "list"] })]);
  const action = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch(`/api/alerts/${id}/actions`, { method: "POST", json: { ...body, version } }),
    onSettled: refresh,
  });
  const checklist = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch(`/api/alerts/${id}/checklist`, { method: "POST", json: { ...body, version } }),
    onSettled: refresh,
  });
  const comment = useMutation({
    mutationFn: (body: string) => apiFetch(`/api/alerts/${id}/comments`, { method: "POST", json: { body } }),
    onSettled: refresh,
  });
  return { action, checklist, comment };
}
