"use client";

import { PriorityBadge } from "@/components/alerts/priority-badge";
import { StatusBadge } from "@/components/alerts/status-badge";
import { CLASSIFICATION_LABELS } from "@/components/alerts/alert-types";
import { formatTimestamp } from "@/components/alerts/format-time";
import type { AlertDetail } from "@/components/alert-page/alert-detail-types";

export function AlertHeader({ detail }: { detail: AlertDetail }) {
  const { alert, rule } = detail;
  const techniques = (rule.threat ?? []).flatMap((t) => [...(t.technique ?? []), ...(t.technique ?? []).flatMap((x) => x.subtechnique ?? [])]);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-2">
        <PriorityBadge priority={alert.priority} />
        <StatusBadge status={alert.status} />
        {alert.escalated ? <span className="rounded bg-rose-100 px-1.5 py-0.5 text-[11px] font-semibold text-rose-700 uppercase dark:bg-rose-950 dark:text-rose-300">Escalated — attack suspected</span> : null}
        {alert.classification ? <span className="text-xs text-slate-600 dark:text-slate-400">{CLASSIFICATION_LABELS[alert.classification] ?? alert.classification}</span> : null}
      </div>
      <h1 className="mt-2 text-lg font-semibold">
        {rule.name} <span className="font-normal text-slate-500">on</span> <span className="font-mono">{alert.sourceHost ?? "unknown host"}</span>
      </h1>
      <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-xs sm:grid-cols-4">
        <div><dt className="text-slate-500">Severity / risk</dt><dd className="capitalize">{rule.severity} · {rule.riskScore}</dd></div>
        <div><dt className="text-slate-500">First seen</dt><dd className="tabular-nums">{formatTimestamp(alert.firstSeen)}</dd></div>
        <div><dt className="text-slate-500">Last seen</dt><dd className="tabular-nums">{formatTimestamp(alert.lastSeen)}</dd></div>
        <div><dt className="text-slate-500">Assignee</dt><dd>{alert.assignee?.email ?? "unassigned"}</dd></div>
      </dl>
      {techniques.length ? (
        <p className="mt-2 flex flex-wrap gap-1.5 text-xs">
          {techniques.map((t) => (
            <a key={t.id} href={t.reference} target="_blank" rel="noreferrer noopener" className="rounded border border-slate-300 px-1.5 py-0.5 text-slate-700 hover:border-sky-500 dark:border-slate-700 dark:text-slate-300">
              {t.id} {t.name}
            </a>
          ))}
        </p>
      ) : null}
      <div className="mt-3 rounded-md bg-slate-50 p-2.5 dark:bg-slate-950/60" aria-label="Why this priority">
        <p className="text-xs font-semibold text-slate-500 uppercase">Why {alert.priority}</p>
        <ul className="mt-1 space-y-0.5">
          {detail.priorityReasons.map((reason, i) => (
            <li key={i} className="flex items-start gap-2 text-sm">
              <PriorityBadge priority={reason.priority} />
              <span>{reason.text}</span>
              <span className="text-xs text-slate-500">({reason.eventRefs.map((r) => `${r.source} event ${r.id ?? r.index + 1}`).join(", ")})</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
