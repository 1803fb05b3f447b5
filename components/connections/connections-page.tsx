"use client";

import Link from "next/link";
import { describeError } from "@/lib/client/api";
import { AlertBox } from "@/components/ui/alert-box";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { HealthBadge } from "@/components/connections/health-badge";
import { MODE_LABELS, count, formatDuration, formatSeconds, formatWindow } from "@/components/connections/format";
import type { Connection } from "@/components/connections/connection-types";
import { useConnections } from "@/components/connections/use-connections";

const linkButton = "inline-flex items-center rounded-md bg-sky-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-sky-700";

export function ConnectionsPage() {
  const list = useConnections();
  const connections = list.data?.connections ?? [];
  return (
    <>
      <PageHeader
        title="Connections"
        description="Elasticsearch and OpenSearch clusters Lateral reads on a schedule."
        actions={<Link href="/admin/connections/new" className={linkButton}>Add connection</Link>}
      />
      {list.error ? <AlertBox tone="error">{describeError(list.error)}</AlertBox> : null}
      <Card>
        {list.isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
        {list.data && connections.length === 0 ? (
          <p className="text-sm text-slate-500">No connections yet. Add one to raise alerts from the events already in your cluster.</p>
        ) : null}
        {connections.length ? (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th className="py-1.5 pr-3">Connection</th>
                <th className="pr-3">Mode</th>
                <th className="pr-3">Health</th>
                <th className="pr-3">Lag</th>
                <th className="pr-3">Last run</th>
                <th>Last error</th>
              </tr>
            </thead>
            <tbody>{connections.map((c) => <ConnectionRow key={c.id} connection={c} />)}</tbody>
          </table>
        ) : null}
      </Card>
    </>
  );
}

function ConnectionRow({ connection: c }: { connection: Connection }) {
  const run = c.lastRun;
  return (
    <tr className="border-t border-slate-100 align-top dark:border-slate-800">
      <td className="py-2 pr-3">
        <Link href={`/admin/connections/${c.id}`} className="font-medium text-sky-700 hover:underline dark:text-sky-300">{c.name}</Link>
        {c.urls.map((url) => <div key={url} className="font-mono text-xs break-all text-slate-500">{url}</div>)}
      </td>
      <td className="py-2 pr-3 whitespace-nowrap">{MODE_LABELS[c.mode]}</td>
      <td className="py-2 pr-3"><HealthBadge health={c.health} /></td>
      <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{c.lagSeconds === null ? "—" : formatSeconds(c.lagSeconds)}</td>
      <td className="py-2 pr-3 text-xs">
        {run ? (
          <>
            <div className="whitespace-nowrap">{formatWindow(run.windowStart, run.windowEnd)}</div>
            <div className="text-slate-500">{runSummary(run)}</div>
          </>
        ) : <span className="text-slate-500">never run</span>}
      </td>
      <td className="max-w-md py-2 text-xs">
        {c.lastError ? <p className="line-clamp-3 break-words text-rose-700 dark:text-rose-300" title={c.lastError}>{c.lastError}</p> : <span className="text-slate-500">—</span>}
      </td>
    </tr>
  );
}

function runSummary(run: NonNullable<Connection["lastRun"]>): string {
  switch (run.status) {
    case "running":
      return "running…";
    case "failed":
    case "cancelled":
      return `${run.status} after ${formatDuration(run.durationMs)}`;
    case "succeeded":
      return `${count(run.eventsRead)} events · ${count(run.alertsFound)} alert(s) · ${formatDuration(run.durationMs)}`;
  }
}
