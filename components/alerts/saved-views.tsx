"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { apiFetch, describeError } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import type { QueueFilters } from "@/components/alerts/queue-filters";

type View = { id: string; name: string; filters: Record<string, string>; shared: boolean; isDefault: boolean; owner: string; mine: boolean };

/** Views are stored on the server per user (and shared); the default one opens when the queue has no filters. */
export function SavedViews({ filters, onApply, hasUrlFilters }: { filters: QueueFilters; onApply: (filters: QueueFilters) => void; hasUrlFilters: boolean }) {
  const queryClient = useQueryClient();
  const views = useQuery({ queryKey: queryKeys.views(), queryFn: () => apiFetch<{ views: View[] }>("/api/views") });
  const [saving, setSaving] = useState(false);
  const appliedDefault = useRef(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.views() });
  const create = useMutation({
    mutationFn: (body: { name: string; filters: QueueFilters; shared: boolean; isDefault: boolean }) => apiFetch<View>("/api/views", { method: "POST", json: body }),
    onSuccess: () => { setSaving(false); void refresh(); },
  });
  const remove = useMutation({ mutationFn: (id: string) => apiFetch(`/api/views/${id}`, { method: "DELETE" }), onSuccess: () => void refresh() });

  useEffect(() => {
    if (appliedDefault.current || !views.data) return;
    appliedDefault.current = true;
    const fallback = views.data.views.find((v) => v.mine && v.isDefault);
    if (fallback && !hasUrlFilters) onApply(fallback.filters);
  }, [views.data, hasUrlFilters, onApply]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as QueueFilters;
    create.mutate({ name: String(form.get("name")), filters: clean, shared: form.get("shared") === "on", isDefault: form.get("isDefault") === "on" });
  }

  const current = views.data?.views.find((v) => JSON.stringify(v.filters) === JSON.stringify(Object.fromEntries(Object.entries(filters).filter(([, x]) => x))));
  return (
    <div className="flex items-center gap-2">
      <Select aria-label="Saved view" className="w-56 py-1 text-xs" value={current?.id ?? ""} onChange={(e) => { const view = views.data?.views.find((v) => v.id === e.target.value); if (view) onApply(view.filters); }}>
        <option value="">{current ? current.name : "Saved views…"}</option>
        {views.data?.views.map((v) => (
          <option key={v.id} value={v.id}>{v.name}{v.isDefault ? " (default)" : ""}{v.mine ? "" : ` — shared by ${v.owner}`}</option>
        ))}
      </Select>
      <Button size="sm" variant="secondary" onClick={() => setSaving(true)}>Save view</Button>
      {current?.mine ? <Button size="sm" variant="ghost" onClick={() => remove.mutate(current.id)}>Delete view</Button> : null}
      <Dialog open={saving} onClose={() => setSaving(false)} title="Save the current filters as a view">
        <form onSubmit={submit} className="space-y-3">
          <Field label="Name" htmlFor="view-name"><Input id="view-name" name="name" required maxLength={80} /></Field>
          <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="shared" /> Share with the team</label>
          <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="isDefault" /> Open this view by default</label>
          {create.error ? <p role="alert" className="text-sm text-rose-600">{describeError(create.error)}</p> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setSaving(false)}>Cancel</Button>
            <Button type="submit" disabled={create.isPending}>Save</Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
