"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { PriorityBadge } from "@/components/alerts/priority-badge";
import type { Upload } from "@/components/uploads/upload-types";

export function UploadReportView({ uploadId }: { uploadId: string }) {
  const { data } = useQuery({ queryKey: queryKeys.upload(uploadId), queryFn: () => apiFetch<Upload>(`/api/uploads/${uploadId}`) });
  if (!data) return <p className="text-slate-500">Loading report…</p>;
  const report = data.report;
  return (
    <div className="grid gap-4 text-sm md:grid-cols-3" data-testid="upload-report">
      <div>
        <h3 className="mb-1 text-xs font-semibold text-slate-500 uppercase">Events by channel · event id</h3>
        <ul className="space-y-0.5">
          {Object.entries(report?.byChannelAndEventId ?? {}).slice(0, 15).map(([key, count]) => (
            <li key={key} className="flex justify-between gap-2">
              <span className="truncate">{key}</span>
              <span className="tabular-nums">{count.toLocaleString()}</span>
            </li>
          ))}
        </ul>
        {report?.timeRange ? (
          <p className="mt-2 text-xs text-slate-500">
            {new Date(report.timeRange.from).toISOString()} → {new Date(report.timeRange.to).toISOString()}
          </p>
        ) : null}
        {report?.hosts.length ? <p className="mt-1 text-xs text-slate-500">Hosts: {report.hosts.join(", ")}</p> : null}
      </div>
      <div>
        <h3 className="mb-1 text-xs font-semibold text-slate-500 uppercase">Alerts raised</h3>
        {data.alerts?.length ? (
          <ul className="space-y-1">
            {data.alerts.map((alert) => (
              <li key={alert.id} className="flex items-center gap-2">
                <PriorityBadge priority={alert.priority} />
                <Link href={`/alerts/${alert.id}`} className="text-sky-700 hover:underline dark:text-sky-400">
                  {alert.ruleName} on {alert.sourceHost ?? "unknown host"}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-500">None.</p>
        )}
      </div>
      <div>
        <h3 className="mb-1 text-xs font-semibold text-slate-500 uppercase">Rejected records ({report?.rejected ?? 0})</h3>
        <ul className="max-h-48 space-y-0.5 overflow-auto text-xs">
          {report?.rejections.map((r, i) => (
            <li key={i}>
              <span className="font-mono text-slate-500">{describePosition(r.position)}</span> {r.reason}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function describePosition(position: Record<string, unknown>): string {
  return Object.entries(position)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(", ");
}
