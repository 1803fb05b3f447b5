"use client";

import { useState } from "react";
import type { EcsDoc } from "@/components/alert-page/alert-detail-types";

/** Raw JSON, collapsed by default; rendered as text so nothing in a log can execute. */
export function RawEvent({ doc, label }: { doc: EcsDoc; label: string }) {
  const [copied, setCopied] = useState(false);
  const json = JSON.stringify(doc, null, 2);
  return (
    <details className="group rounded border border-slate-200 dark:border-slate-800">
      <summary className="flex cursor-pointer items-center justify-between px-2 py-1 text-xs text-slate-600 select-none dark:text-slate-400">
        <span>{label}</span>
        <button
          type="button"
          className="rounded px-1.5 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800"
          onClick={(event) => {
            event.preventDefault();
            void navigator.clipboard?.writeText(json).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy JSON"}
        </button>
      </summary>
      <pre className="max-h-96 overflow-auto bg-slate-50 p-2 font-mono text-[11px] leading-snug break-all whitespace-pre-wrap dark:bg-slate-950">{json}</pre>
    </details>
  );
}
