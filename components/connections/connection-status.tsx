import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { HealthBadge, healthMeaning } from "@/components/connections/health-badge";
import { flavorName, formatSeconds, formatTime, MODE_LABELS } from "@/components/connections/format";
import type { Connection } from "@/components/connections/connection-types";

/** The status header: badge, lag, schedule and the last error in full. */
export function ConnectionStatus({ connection: c }: { connection: Connection }) {
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-3">
        <HealthBadge health={c.health} />
        <span className="text-sm text-slate-600 dark:text-slate-300">
          {healthMeaning(c.health)}
          {c.consecutiveFailures > 1 ? ` (${c.consecutiveFailures} failures in a row)` : ""}.
        </span>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Item label="Lag">{c.lagSeconds === null ? "—" : formatSeconds(c.lagSeconds)}</Item>
        <Item label="Read up to">{c.checkpoint ? formatTime(c.checkpoint) : "—"}</Item>
        <Item label="Last run">{c.lastRunAt ? formatTime(c.lastRunAt) : "never"}</Item>
        <Item label="Next run">{c.enabled ? formatTime(c.nextRunAt) : "paused"}</Item>
        <Item label="Schedule">every {formatSeconds(c.intervalSeconds)}, look back {formatSeconds(c.lookbackSeconds)}</Item>
        <Item label="Mode">{MODE_LABELS[c.mode]}{c.flavor ? ` · ${flavorName(c.flavor)}` : ""}</Item>
      </dl>
      {c.lastError ? (
        <div role="alert" aria-label="Last error" className="mt-3 rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950/50 dark:text-rose-200">
          <p className="text-xs font-semibold uppercase">Last error</p>
          <p className="break-words whitespace-pre-wrap">{c.lastError}</p>
        </div>
      ) : null}
    </Card>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}
