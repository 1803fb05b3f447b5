"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { PriorityBadge } from "@/components/alerts/priority-badge";
import { StatusBadge } from "@/components/alerts/status-badge";
import { formatTimestamp } from "@/components/alerts/format-time";
import { toSearch, type QueueFilters } from "@/components/alerts/queue-filters";
import { ApproveGroupButton } from "@/components/baselines/approve-group-button";
import { AlertBox } from "@/components/ui/alert-box";
import type { AlertPage } from "@/components/alerts/alert-types";

type Group = { sourceHost: string | null; user: string | null; userName: string | null; destinations: string[]; count: number; open: number; highest: string; lastSeen: string };

/** Similar alerts (same source host + user + destinations) collapsed into one row each, expandable. */
export function AlertGroups({ filters }: { filters: QueueFilters }) {
  const { sort: _sort, order: _order, ...filter } = filters;
  const groups = useQuery({ queryKey: queryKeys.alertGroups(filter), queryFn: () => apiFetch<{ groups: Group[] }>(`/api/alerts/groups?${toSearch(filter)}`), refetchInterval: 15_000 });
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
    {message ? <div className="mb-2"><AlertBox tone="success">{message}</AlertBox></div> : null}
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm" aria-label="Alert groups">
        <thead className="bg-slate-50 text-[11px] text-slate-500 uppercase dark:bg-slate-800/60">
          <tr><th className="px-2.5 py-2">Highest</th><th>Source host</th><th>User</th><th>Destination(s)</th><th className="text-right">Alerts</th><th className="text-right">Open</th><th className="px-2.5">Last seen</th><th /></tr>
        </thead>
        <tbody>
          {groups.data?.groups.map((g) => {
            const key = JSON.stringify([g.sourceHost, g.user, g.destinations]);
            return (
              <Fragment key={key}>
                <tr className="border-t border-slate-100 dark:border-slate-800">
                  <td className="px-2.5 py-1.5"><PriorityBadge priority={g.highest} /></td>
                  <td>
                    <button type="button" aria-expanded={open === key} onClick={() => setOpen(open === key ? null : key)} className="font-mono text-xs text-sky-700 hover:underline dark:text-sky-400">
                      {open === key ? "▾" : "▸"} {g.sourceHost ?? "—"}
                    </button>
                  </td>
                  <td className="font-mono text-xs">{g.user ?? "—"}</td>
                  <td className="max-w-64 truncate font-mono text-xs">{g.destinations.join(", ") || "—"}</td>
                  <td className="text-right font-semibold tabular-nums">{g.count}</td>
                  <td className="text-right tabular-nums">{g.open}</td>
                  <td className="px-2.5 text-xs tabular-nums">{formatTimestamp(g.lastSeen)}</td>
                  <td className="pr-2 text-right"><ApproveGroupButton alerts={[g]} onDone={(text) => { setMessage(text); void groups.refetch(); }} /></td>
                </tr>
                {open === key ? <GroupMembers filter={{ ...filter, host: g.sourceHost ?? undefined, user: g.userName ?? undefined, destination: g.destinations[0] }} /> : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
    </>
  );
}

function GroupMembers({ filter }: { filter: QueueFilters }) {
  const members = useQuery({ queryKey: queryKeys.alerts({ ...filter, group: "members" }), queryFn: () => apiFetch<AlertPage>(`/api/alerts?${toSearch(filter)}&limit=100&counts=false`) });
  return (
    <tr>
      <td colSpan={8} className="bg-slate-50 px-6 py-2 dark:bg-slate-950/40">
        <ul className="space-y-1 text-xs">
          {members.data?.alerts.map((a) => (
            <li key={a.id} className="flex items-center gap-2">
              <PriorityBadge priority={a.priority} /> <StatusBadge status={a.status} />
              <Link href={`/alerts/${a.id}`} className="text-sky-700 hover:underline dark:text-sky-400">{formatTimestamp(a.firstSeen)}</Link>
              <span className="truncate font-mono text-slate-500">{a.commandLine}</span>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
