"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { trendsReportSchema } from "@/lib/server/api/contracts/trends";
import { toSearch, type TrendsParams } from "@/components/trends/trends-params";

export type TrendsReport = z.output<typeof trendsReportSchema>;

export function useTrendsReport(params: TrendsParams) {
  return useQuery({
    queryKey: queryKeys.trends(params),
    queryFn: () => apiFetch<TrendsReport>(`/api/trends?${toSearch(params)}`),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export const csvHref = (params: TrendsParams, section: string) => `/api/trends/export.csv?${toSearch(params)}&section=${section}`;
