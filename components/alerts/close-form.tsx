"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { CLASSIFICATION_LABELS } from "@/components/alerts/alert-types";

export type CloseInput = { classification: string; comment?: string; duplicateOf?: string };

/** Closing needs a classification, and a comment unless it is a duplicate (which names its primary). */
export function CloseForm({ onSubmit, onCancel, pending, count }: { onSubmit: (input: CloseInput) => void; onCancel: () => void; pending?: boolean; count?: number }) {
  const [classification, setClassification] = useState("");
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const comment = String(form.get("comment") ?? "").trim();
    const duplicateOf = String(form.get("duplicateOf") ?? "").trim();
    if (!classification) return setError("Choose a classification.");
    if (classification !== "duplicate" && !comment) return setError("Explain the classification in a comment.");
    if (classification === "duplicate" && !duplicateOf) return setError("Give the id of the primary alert.");
    onSubmit({ classification, comment: comment || undefined, duplicateOf: duplicateOf || undefined });
  }
  return (
    <form onSubmit={submit} className="space-y-3">
      {count !== undefined ? <p className="text-slate-600 dark:text-slate-400">{count} alert(s) will be closed.</p> : null}
      <Field label="Classification" htmlFor="close-classification">
        <Select id="close-classification" value={classification} onChange={(e) => setClassification(e.target.value)}>
          <option value="">Choose…</option>
          {Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </Select>
      </Field>
      {classification === "duplicate" ? (
        <Field label="Primary alert id" htmlFor="close-duplicate">
          <Input id="close-duplicate" name="duplicateOf" placeholder="alert id" />
        </Field>
      ) : (
        <Field label="Comment" htmlFor="close-comment">
          <textarea id="close-comment" name="comment" rows={3} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900" />
        </Field>
      )}
      {error ? <p role="alert" className="text-sm text-rose-600">{error}</p> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
        <Button type="submit" disabled={pending}>Close alert{count && count > 1 ? "s" : ""}</Button>
      </div>
    </form>
  );
}
