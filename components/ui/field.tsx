import type { ComponentProps, ReactNode } from "react";

const control =
  "block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30 aria-invalid:border-rose-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

export function Field({ label, htmlFor, hint, children }: { label: string; htmlFor: string; hint?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

// A caller's width class wins; otherwise controls fill their container.
const sized = (className = "") => `${control} ${/(^|\s)(w-|min-w-|flex-1)/.test(className) ? "" : "w-full"} ${className}`;

export function Input(props: ComponentProps<"input">) {
  return <input {...props} className={sized(props.className)} />;
}

export function Select(props: ComponentProps<"select">) {
  return <select {...props} className={sized(props.className)} />;
}

export function Textarea(props: ComponentProps<"textarea">) {
  return <textarea {...props} className={sized(props.className)} />;
}
