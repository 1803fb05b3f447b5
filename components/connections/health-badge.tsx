import type { ConnectionHealth } from "@/components/connections/connection-types";

const STYLES: Record<ConnectionHealth, { label: string; className: string; dot: string; meaning: string }> = {
  healthy: { label: "Healthy", className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200", dot: "bg-emerald-500", meaning: "The last run succeeded and the checkpoint is recent" },
  lagging: { label: "Lagging", className: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100", dot: "bg-amber-500", meaning: "The checkpoint is more than two intervals behind; runs are catching up" },
  failing: { label: "Failing", className: "bg-rose-100 text-rose-800 dark:bg-rose-900/60 dark:text-rose-200", dot: "bg-rose-500", meaning: "The last run failed; the window will be retried" },
  paused: { label: "Paused", className: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200", dot: "bg-slate-500", meaning: "Disabled: no scheduled runs" },
  pending: { label: "Pending", className: "bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200", dot: "bg-sky-500", meaning: "No window read yet" },
};

/** Colour and text, so the state does not depend on seeing the colour. */
export function HealthBadge({ health }: { health: ConnectionHealth }) {
  const style = STYLES[health];
  return (
    <span title={style.meaning} className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase ${style.className}`}>
      <span aria-hidden className={`h-1.5 w-1.5 rounded-full ${style.dot}`} />
      {style.label}
    </span>
  );
}

export function healthMeaning(health: ConnectionHealth): string {
  return STYLES[health].meaning;
}
