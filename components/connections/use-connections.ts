"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Connection, ConnectionBody, ConnectionDetail, ConnectionList, TestBody, TestResult } from "@/components/connections/connection-types";

/** The list refreshes on its own so the health badges follow the scheduled runs. */
export function useConnections() {
  return useQuery({ queryKey: queryKeys.connections(), queryFn: () => apiFetch<ConnectionList>("/api/connections"), refetchInterval: 30_000 });
}

/** Polls fast while a run is queued or running, slowly otherwise. */
export function useConnection(id: string, fast: boolean) {
  return useQuery({
    queryKey: queryKeys.connection(id),
    queryFn: () => apiFetch<ConnectionDetail>(`/api/connections/${id}`),
    refetchInterval: (query) => (fast || query.state.data?.runs[0]?.status === "running" ? 2_000 : 15_000),
  });
}

function useInvalidateConnections() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["connections"] });
}

export function useSaveConnection(id?: string) {
  const invalidate = useInvalidateConnections();
  return useMutation({
    mutationFn: (body: Partial<ConnectionBody>) =>
      apiFetch<Connection>(id ? `/api/connections/${id}` : "/api/connections", { method: id ? "PATCH" : "POST", json: body }),
    onSuccess: invalidate,
  });
}

export function useDeleteConnection(id: string) {
  const invalidate = useInvalidateConnections();
  return useMutation({ mutationFn: () => apiFetch<{ deleted: true }>(`/api/connections/${id}`, { method: "DELETE" }), onSuccess: invalidate });
}

export function useRunConnection(id: string) {
  const invalidate = useInvalidateConnections();
  return useMutation({
    mutationFn: () => apiFetch<{ queued: boolean; message: string }>(`/api/connections/${id}/run`, { method: "POST" }),
    onSuccess: invalidate,
  });
}

/** Tries settings that may not be saved yet; a refused cluster is a result (ok: false), not an error. */
export function useTestConnection() {
  return useMutation({ mutationFn: (body: TestBody) => apiFetch<TestResult>("/api/connections/test", { method: "POST", json: body }) });
}
