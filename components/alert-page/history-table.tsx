import type { HistoryRow } from "@/components/alert-page/alert-detail-types";

export function HistoryTable({ rows }: { rows: HistoryRow[] }) {
  return (
    <table className="w-full text-left text-xs" aria-label="History">
      <thead className="text-slate-500 uppercase">
        <tr><th className="py-1">When</th><th>Who</th><th>What</th><th>From → to</th><th>Reason</th></tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-t border-slate-100 align-top dark:border-slate-800">
            <td className="py-1 whitespace-nowrap tabular-nums">{row.at.replace("T", " ").slice(0, 19)}</td>
            <td>{row.actor ?? "system"}</td>
            <td className="font-mono">{row.field}</td>
            <td>{row.from ?? "∅"} → {row.to ?? "∅"}</td>
            <td className="max-w-md break-words text-slate-600 dark:text-slate-400">{row.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
