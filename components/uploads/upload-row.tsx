"use client";

import { useState } from "react";
import { ProgressBar } from "@/components/uploads/progress-bar";
import { UploadReportView } from "@/components/uploads/upload-report-view";
import type { Upload } from "@/components/uploads/upload-types";

const statusStyle: Record<Upload["status"], string> = {
  receiving: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  queued: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  processing: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  done: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  failed: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200",
};

export function UploadRow({ upload }: { upload: Upload }) {
  const [open, setOpen] = useState(false);
  const active = upload.status === "queued" || upload.status === "processing";
  return (
    <>
      <tr className="border-t border-slate-100 align-top dark:border-slate-800">
        <td className="px-3 py-2">
          <button type="button" className="text-left font-medium text-sky-700 hover:underline dark:text-sky-400" onClick={() => setOpen(!open)} aria-expanded={open}>
            {upload.fileName}
          </button>
          <div className="text-xs text-slate-500">
            {formatBytes(upload.sizeBytes)}
            {upload.format ? ` · ${upload.format}` : ""}
            {upload.duplicateOf ? " · same content as an earlier upload (not processed again)" : ""}
          </div>
          {active ? (
            <div className="mt-1.5 w-64">
              <ProgressBar value={upload.sizeBytes ? upload.bytesRead / upload.sizeBytes : null} label={`Processing ${upload.fileName}`} />
              <div className="mt-0.5 text-xs text-slate-500">{upload.eventsParsed.toLocaleString()} events parsed</div>
            </div>
          ) : null}
          {upload.error ? <div className="mt-1 text-xs text-rose-600">{upload.error}</div> : null}
        </td>
        <td className="px-3 py-2">
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${statusStyle[upload.status]}`}>{upload.status}</span>
        </td>
        <td className="px-3 py-2 text-right tabular-nums">{upload.eventsParsed.toLocaleString()}</td>
        <td className={`px-3 py-2 text-right tabular-nums ${upload.rejected ? "text-amber-600" : ""}`}>{upload.rejected.toLocaleString()}</td>
        <td className="px-3 py-2 text-right font-medium tabular-nums">{upload.alertsFound}</td>
        <td className="px-3 py-2 text-xs text-slate-500">
          {new Date(upload.createdAt).toLocaleString()}
          <br />
          {upload.uploadedBy}
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={6} className="bg-slate-50 px-3 py-3 dark:bg-slate-950/40">
            <UploadReportView uploadId={upload.id} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
