"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch, describeError } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { AlertBox } from "@/components/ui/alert-box";
import { DropZone } from "@/components/uploads/drop-zone";
import { ProgressBar } from "@/components/uploads/progress-bar";
import { sendFile } from "@/components/uploads/send-file";
import { UploadRow } from "@/components/uploads/upload-row";
import type { Upload } from "@/components/uploads/upload-types";

type Sending = { key: string; name: string; fraction: number; error?: string };

export function UploadsPage() {
  const queryClient = useQueryClient();
  const [sending, setSending] = useState<Sending[]>([]);
  const uploads = useQuery({
    queryKey: queryKeys.uploads(),
    queryFn: () => apiFetch<{ uploads: Upload[] }>("/api/uploads"),
    // Poll while anything is still being processed; stop when all are settled.
    refetchInterval: (query) => (query.state.data?.uploads.some((u) => u.status !== "done" && u.status !== "failed") ? 1000 : false),
  });

  async function upload(files: File[]) {
    await Promise.all(
      files.map(async (file, index) => {
        const key = `${Date.now()}-${index}-${file.name}`;
        const update = (patch: Partial<Sending>) => setSending((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));
        setSending((list) => [...list, { key, name: file.name, fraction: 0 }]);
        try {
          await sendFile(file, (fraction) => update({ fraction }));
          setSending((list) => list.filter((s) => s.key !== key));
        } catch (error) {
          update({ error: describeError(error) });
        }
        await queryClient.invalidateQueries({ queryKey: queryKeys.uploads() });
      }),
    );
  }

  return (
    <div className="space-y-4">
      <DropZone onFiles={(files) => void upload(files)} />
      {sending.map((s) => (
        <div key={s.key} className="rounded-md border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
          <div className="mb-1.5 flex justify-between text-xs">
            <span className="font-medium">Uploading {s.name}</span>
            <span>{Math.round(s.fraction * 100)} %</span>
          </div>
          {s.error ? <AlertBox tone="error">{s.name}: {s.error}</AlertBox> : <ProgressBar value={s.fraction} label={`Uploading ${s.name}`} />}
        </div>
      ))}
      {uploads.error ? <AlertBox tone="error">{describeError(uploads.error)}</AlertBox> : null}
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs text-slate-500 uppercase dark:bg-slate-800/50">
            <tr>
              <th className="px-3 py-2">File</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2 text-right">Events</th>
              <th className="px-3 py-2 text-right">Rejected</th>
              <th className="px-3 py-2 text-right">Alerts</th>
              <th className="px-3 py-2">Uploaded</th>
            </tr>
          </thead>
          <tbody>
            {uploads.data?.uploads.map((u) => <UploadRow key={u.id} upload={u} />)}
            {uploads.data?.uploads.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-8 text-center text-slate-500">No uploads yet.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
