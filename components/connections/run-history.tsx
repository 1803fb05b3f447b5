import { count, formatDuration, formatTime, formatWindow, MODE_LABELS } from "@/components/connections/format";
import type { ConnectionRun } from "@/components/connections/connection-types";

const STATUS_STYLES: Record<ConnectionRun["status"], string> = {
  running: "bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200",
  succeeded: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200",
  failed: "bg-rose-100 text-rose-800 dark:bg-rose-900/60 dark:text-rose-200",
  cancelled: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
};

/** Newest first. Errors and warnings come from the cluster: shown in full, as text. */
export function RunHistory({ runs }: { runs: ConnectionRun[] }) {
  if (runs.length === 0) return <p className="text-sm text-slate-500">No runs yet. The first one starts at the next scheduled time, or now with Run now.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Run history">
        <thead className="text-xs text-slate-500 uppercase">
          <tr>
            <th className="py-1.5 pr-3">Started</th>
            <th className="pr-3">Window</th>
            <th className="pr-3">Mode</th>
            <th className="pr-3">Status</th>
            <th className="pr-3 text-right">Read</th>
            <th className="pr-3 text-right">Stored</th>
            <th className="pr-3 text-right">Rejected</th>
            <th className="pr-3 text-right">Alerts</th>
            <th className="pr-3 text-right">Duration</th>
            <th>Warnings / error</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className="border-t border-slate-100 align-top dark:border-slate-800">
              <td className="py-1.5 pr-3 whitespace-nowrap">{formatTime(run.startedAt)}</td>
              <td className="py-1.5 pr-3 whitespace-nowrap">{formatWindow(run.windowStart, run.windowEnd)}</td>
              <td className="py-1.5 pr-3">{MODE_LABELS[run.mode]}</td>
              <td className="py-1.5 pr-3">
                <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase ${STATUS_STYLES[run.status]}`}>{run.status}</span>
              </td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{count(run.eventsRead)}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{count(run.eventsStored)}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{count(run.rejected)}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{count(run.alertsFound)}</td>
              <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums">{run.status === "running" ? "…" : formatDuration(run.durationMs)}</td>
              <td className="min-w-64 py-1.5 text-xs">
                {run.error ? <p className="break-words whitespace-pre-wrap text-rose-700 dark:text-rose-300">{run.error}</p> : null}
                {run.warnings.length ? (
                  <ul className="list-disc space-y-0.5 pl-4 text-amber-800 dark:text-amber-200">
                    {run.warnings.map((warning, i) => <li key={i} className="break-words whitespace-pre-wrap">{warning}</li>)}
                  </ul>
                ) : null}
                {!run.error && !run.warnings.length ? <span className="text-slate-400">—</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
