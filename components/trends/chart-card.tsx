import { useId, type ReactNode } from "react";

export type Column = { label: string; numeric?: boolean };

/** A report section: the chart, a CSV download of its data, and the same data as a table for screen readers. */
export function ChartCard({ title, description, csv, columns, rows, children, className = "" }: {
  title: string;
  description?: string;
  csv: string;
  /** Omitted when the visible content is itself a table or list. */
  columns?: Column[];
  rows?: (string | number)[][];
  children?: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`rounded-lg border border-slate-200 bg-white shadow-sm break-inside-avoid dark:border-slate-800 dark:bg-slate-900 print:border-slate-300 print:shadow-none ${className}`}>
      <header className="flex items-start justify-between gap-3 border-b border-slate-200 px-4 py-2.5 dark:border-slate-800 print:border-slate-300">
        <div>
          <h2 id={id} className="text-sm font-semibold">{title}</h2>
          {description ? <p className="text-xs text-slate-500 dark:text-slate-400">{description}</p> : null}
        </div>
        <a href={csv} download aria-label={`Download ${title} as CSV`} className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800 print:hidden">
          CSV
        </a>
      </header>
      <div className="p-4">
        {children}
        {columns && rows && children ? (
          <details className="mt-3 print:hidden">
            <summary className="cursor-pointer text-xs text-slate-500 dark:text-slate-400">Data table</summary>
            <DataTable caption={title} columns={columns} rows={rows} />
          </details>
        ) : null}
        {columns && rows && !children ? <DataTable caption={title} columns={columns} rows={rows} /> : null}
      </div>
    </section>
  );
}

export function DataTable({ caption, columns, rows }: { caption: string; columns: Column[]; rows: (string | number)[][] }) {
  return (
    <div className="mt-2 max-h-80 overflow-auto print:max-h-none">
      <table aria-label={caption} className="w-full border-collapse text-xs tabular-nums">
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-500 dark:border-slate-700 dark:text-slate-400">
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`px-2 py-1 font-medium ${column.numeric ? "text-right" : ""}`}>{column.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              {row.map((cell, c) => (
                <td key={c} className={`px-2 py-1 ${columns[c]?.numeric ? "text-right" : ""}`}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
