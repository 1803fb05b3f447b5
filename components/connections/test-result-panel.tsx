import { AlertBox } from "@/components/ui/alert-box";
import { count, flavorName } from "@/components/connections/format";
import type { TestResult } from "@/components/connections/connection-types";

const SHOWN_INDICES = 6;

/** Everything here comes from the cluster: rendered as text only. */
export function TestResultPanel({ result }: { result: TestResult }) {
  if (!result.ok) {
    return (
      <AlertBox tone="error">
        <p className="font-semibold">Connection failed</p>
        <p className="mt-0.5 break-words whitespace-pre-wrap">{result.error ?? "No reason given"}</p>
      </AlertBox>
    );
  }
  const empty = result.indices.filter((row) => row.indices.length === 0).length;
  return (
    <section aria-label="Test result" className="space-y-2">
      <AlertBox tone="success">
        Connected to <strong>{flavorName(result.flavor)} {result.version ?? "(version unknown)"}</strong>
        {result.clusterName ? <> · cluster <strong className="break-all">{result.clusterName}</strong></> : null} · {result.tookMs} ms
      </AlertBox>
      {empty > 0 ? <AlertBox tone="warning">{empty} pattern(s) match no index: nothing will be read from them.</AlertBox> : null}
      <table className="w-full text-left text-sm" aria-label="Indices and document counts">
        <thead className="text-xs text-slate-500 uppercase">
          <tr>
            <th className="py-1.5 pr-3">Pattern</th>
            <th className="pr-3">Indices</th>
            <th className="text-right">Documents</th>
          </tr>
        </thead>
        <tbody>
          {result.indices.map((row) => (
            <tr key={row.pattern} className="border-t border-slate-100 align-top dark:border-slate-800">
              <td className="py-1.5 pr-3 font-mono text-xs break-all">{row.pattern}</td>
              <td className="py-1.5 pr-3 font-mono text-xs break-all">
                {row.indices.length === 0 ? <span className="text-amber-700 dark:text-amber-300">no matching index</span> : <IndexNames names={row.indices} />}
              </td>
              <td className="py-1.5 text-right tabular-nums">{count(row.documents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function IndexNames({ names }: { names: string[] }) {
  const shown = names.slice(0, SHOWN_INDICES);
  return (
    <span title={names.join("\n")}>
      {shown.join(", ")}
      {names.length > shown.length ? <span className="text-slate-500"> and {names.length - shown.length} more</span> : null}
    </span>
  );
}
