"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { BaselineActions } from "@/components/baselines/baseline-actions";
import { BaselineDetails } from "@/components/baselines/baseline-details";
import { STATE_STYLES, type Baseline } from "@/components/baselines/baseline-types";

const SCOPE_LABELS: [keyof Baseline["scope"], string][] = [
  ["users", "Users"], ["sourceHosts", "Source hosts"], ["destinations", "Destinations"],
  ["executables", "Executables"], ["hashes", "Hashes"], ["commandLines", "Command lines"],
];

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");
const who = (p: Baseline["author"]) => p?.email ?? "—";

export function BaselineCard({ baseline: b, canWrite }: { baseline: Baseline; canWrite: boolean }) {
  const [showDetails, setShowDetails] = useState(false);
  const w = b.scope.timeWindow;
  const scope: [string, string][] = SCOPE_LABELS.flatMap(([key, label]) => {
    const values = b.scope[key];
    return Array.isArray(values) ? [[label, values.join(", ")] as [string, string]] : [];
  });
  if (w) scope.push(["Time window", `${minute(w.startMinute)}–${minute(w.endMinute)} ${w.timeZone}`]);
  return (
    <article id={`baseline-${b.id}`} aria-label={`Baseline ${b.id.slice(0, 8)}`} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 space-y-0.5">
          <div className="flex items-center gap-2">
            <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase ${STATE_STYLES[b.state]}`}>{b.state}</span>
            <span className="font-mono text-xs text-slate-500">{b.id.slice(0, 8)} · v{b.version}</span>
            <span className="text-xs text-slate-500">{b.onMatch === "close" ? "closes matches" : "keeps matches at Low"}</span>
          </div>
          <p className="text-sm break-words">{b.justification}</p>
        </div>
        {canWrite ? <BaselineActions baseline={b} /> : null}
      </header>
      <dl className="mt-2 grid grid-cols-[7rem_1fr] gap-x-3 gap-y-0.5 text-xs">
        {scope.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-mono break-all">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-slate-600 dark:text-slate-400">
        <span>Author {who(b.author)}</span>
        <span>Approved {b.approvedAt ? `${day(b.approvedAt)} by ${who(b.approver)}` : "—"}</span>
        <span>Expires {day(b.expiresAt)}</span>
        {b.revokedAt ? <span>Revoked {day(b.revokedAt)}</span> : null}
        {b.ticket ? <span>Ticket {b.ticket}</span> : null}
        <span>Matched alerts <strong className="tabular-nums">{b.matchedAlerts}</strong></span>
      </p>
      {b.reviewComment ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Review: {b.reviewComment}</p> : null}
      <div className="mt-2">
        <Button size="sm" variant="ghost" aria-expanded={showDetails} onClick={() => setShowDetails((v) => !v)}>
          {showDetails ? "Hide history" : "History and matched alerts"}
        </Button>
        {showDetails ? <BaselineDetails id={b.id} /> : null}
      </div>
    </article>
  );
}

function minute(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
