"use client";

import Link from "next/link";
import { describeError } from "@/lib/client/api";
import { PriorityBadge } from "@/components/alerts/priority-badge";
import { useBaselineDetail } from "@/components/baselines/use-baselines";

/** The entry's audit trail, matches per day and the alerts it handled (fetched when opened). */
export function BaselineDetails({ id }: { id: string }) {
  const detail = useBaselineDetail(id, true);
  if (detail.error) return <p role="alert" className="text-xs text-rose-600">{describeError(detail.error)}</p>;
  if (!detail.data) return <p className="text-xs text-slate-500">Loading…</p>;
  const { audit, alerts, matchesPerDay } = detail.data;
  const peak = Math.max(1, ...matchesPerDay.map((d) => d.count));
  return (
    <div className="mt-2 grid gap-3 lg:grid-cols-2">
      <table className="w-full text-left text-xs" aria-label="Baseline history">
        <thead className="text-slate-500 uppercase"><tr><th className="py-1">When</th><th>Who</th><th>What</th><th>Comment</th></tr></thead>
        <tbody>
          {audit.map((a) => (
            <tr key={a.id} className="border-t border-slate-100 align-top dark:border-slate-800">
              <td className="py-1 whitespace-nowrap tabular-nums">{a.at.replace("T", " ").slice(0, 16)}</td>
              <td>{a.actor ?? "system"}</td>
              <td>{a.action} (v{a.version})</td>
              <td className="break-words text-slate-600 dark:text-slate-400">{a.comment}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="space-y-2">
        <div aria-label="Matches per day" className="space-y-0.5">
          {matchesPerDay.length === 0 ? <p className="text-xs text-slate-500">No alert matched yet.</p> : null}
          {matchesPerDay.map((d) => (
            <div key={d.day} className="flex items-center gap-2 text-xs">
              <span className="w-20 tabular-nums text-slate-500">{d.day}</span>
              <span className="h-2 rounded bg-sky-500 dark:bg-sky-400" style={{ width: `${(d.count / peak) * 60}%` }} />
              <span className="tabular-nums">{d.count}</span>
            </div>
          ))}
        </div>
        <ul className="space-y-1 text-xs" aria-label="Matched alerts">
          {alerts.map((a) => (
            <li key={a.id} className="flex items-center gap-2">
              <PriorityBadge priority={a.priority} />
              <Link href={`/alerts/${a.id}`} className="text-sky-700 hover:underline dark:text-sky-400">{a.sourceHost ?? "?"} → {a.destinations.join(", ") || "?"}</Link>
              <span className="text-slate-500">{a.user} · {a.firstSeen.slice(0, 16).replace("T", " ")} · {a.status}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
