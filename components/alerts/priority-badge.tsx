const styles: Record<string, string> = {
  high: "bg-rose-600 text-white",
  medium: "bg-amber-400 text-amber-950",
  low: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-100",
};

export function PriorityBadge({ priority }: { priority: string }) {
  return (
    <span className={`inline-flex min-w-14 justify-center rounded px-1.5 py-0.5 text-[11px] font-semibold tracking-wide uppercase ${styles[priority] ?? styles.low}`}>
      {priority}
    </span>
  );
}
