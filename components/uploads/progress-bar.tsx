export function ProgressBar({ value, label, tone = "sky" }: { value: number | null; label: string; tone?: "sky" | "emerald" | "rose" }) {
  const colors = { sky: "bg-sky-500", emerald: "bg-emerald-500", rose: "bg-rose-500" } as const;
  const percent = value === null ? null : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div
          className={`h-full ${colors[tone]} transition-[width] duration-300 ${percent === null ? "w-1/3 animate-pulse" : ""}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
