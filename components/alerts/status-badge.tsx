const styles: Record<string, string> = {
  open: "border-sky-300 text-sky-700 dark:border-sky-800 dark:text-sky-300",
  acknowledged: "border-violet-300 text-violet-700 dark:border-violet-800 dark:text-violet-300",
  closed: "border-slate-300 text-slate-500 dark:border-slate-700 dark:text-slate-400",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`inline-block rounded border px-1.5 py-0.5 text-[11px] font-medium capitalize ${styles[status] ?? styles.closed}`}>{status}</span>;
}
