"use client";

import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, describeError } from "@/lib/client/api";
import { Button } from "@/components/ui/button";

/** Empty-database welcome: one click queues the bundled synthetic dataset through the normal pipeline. */
export function SampleDataOffer({ canLoad }: { canLoad: boolean }) {
  const queryClient = useQueryClient();
  const load = useMutation({
    mutationFn: () => apiFetch<{ uploads: { id: string }[] }>("/api/sample", { method: "POST" }),
    onSuccess: () => setTimeout(() => void queryClient.invalidateQueries({ queryKey: ["alerts"] }), 2000),
  });
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
      <p className="text-base font-medium">No alerts yet</p>
      {canLoad ? (
        <>
          <p className="mt-1 text-slate-500">
            Upload Windows logs on the <Link href="/uploads" className="text-sky-700 underline dark:text-sky-400">Uploads</Link> page, or try Lateral with a clearly labelled synthetic dataset.
          </p>
          <Button className="mt-4" onClick={() => load.mutate()} disabled={load.isPending || load.isSuccess}>
            {load.isSuccess ? "Sample data queued — alerts arrive in a few seconds" : "Load sample data"}
          </Button>
          {load.error ? <p className="mt-2 text-sm text-rose-600">{describeError(load.error)}</p> : null}
        </>
      ) : (
        <p className="mt-1 text-slate-500">Alerts appear here once analysts upload logs.</p>
      )}
    </div>
  );
}
