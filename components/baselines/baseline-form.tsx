"use client";

import { useState, type FormEvent } from "react";
import { describeError } from "@/lib/client/api";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { LIST_FIELDS, maxExpiryDate, toScope, dateInput, type BaselineFormValues } from "@/components/baselines/baseline-form-values";
import { useBaselinePreview } from "@/components/baselines/use-baselines";
import type { BaselineScope } from "@/lib/triage/baseline-schema";

const textarea =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

type Props = {
  initial: BaselineFormValues;
  /** Offer "close this alert only / all matching" (only when the form starts from an alert). */
  withCloseChoice: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: BaselineFormValues, scope: BaselineScope) => void;
  onCancel: () => void;
};

/** Scope, justification, expiry, ticket and what happens on a match — with a live count of what it covers. */
export function BaselineForm({ initial, withCloseChoice, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const scope = toScope(values);
  const preview = useBaselinePreview(scope);
  const set = <K extends keyof BaselineFormValues>(key: K, value: BaselineFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!values.justification.trim()) return setProblem("A justification is required.");
    if (!values.expiresOn) return setProblem("An expiry is required.");
    if (values.expiresOn > maxExpiryDate()) return setProblem("The expiry can be at most one year away.");
    setProblem(null);
    onSubmit(values, scope);
  }

  return (
    <form onSubmit={submit} className="space-y-3 text-sm" aria-label="Baseline entry">
      <div className="max-h-[60vh] space-y-3 overflow-y-auto pr-1">
        <fieldset className="grid gap-2 sm:grid-cols-2">
          <legend className="mb-1 text-xs font-semibold text-slate-600 uppercase dark:text-slate-400">Scope (one value per line)</legend>
          {LIST_FIELDS.map(({ key, label, hint }) => (
            <Field key={key} label={label} htmlFor={`scope-${key}`} hint={hint}>
              <textarea id={`scope-${key}`} rows={2} value={values[key]} onChange={(e) => set(key, e.target.value)} className={textarea} spellCheck={false} />
            </Field>
          ))}
          <Field label="Time window from" htmlFor="scope-window-start" hint="optional, e.g. a change window">
            <Input id="scope-window-start" type="time" value={values.windowStart} onChange={(e) => set("windowStart", e.target.value)} />
          </Field>
          <Field label="Time window to" htmlFor="scope-window-end" hint="IANA time zone below">
            <Input id="scope-window-end" type="time" value={values.windowEnd} onChange={(e) => set("windowEnd", e.target.value)} />
          </Field>
          {values.windowStart || values.windowEnd ? (
            <Field label="Time zone" htmlFor="scope-tz">
              <Input id="scope-tz" value={values.timeZone} onChange={(e) => set("timeZone", e.target.value)} />
            </Field>
          ) : null}
        </fieldset>
        <ScopePreview preview={preview} />
        <Field label="Justification" htmlFor="baseline-justification">
          <textarea id="baseline-justification" rows={2} value={values.justification} onChange={(e) => set("justification", e.target.value)} className={textarea} required />
        </Field>
        <div className="grid gap-2 sm:grid-cols-2">
          <Field label="Expires on" htmlFor="baseline-expiry" hint="default 90 days, at most one year">
            <Input id="baseline-expiry" type="date" min={dateInput(Date.now() + 86_400_000)} max={maxExpiryDate()} value={values.expiresOn} onChange={(e) => set("expiresOn", e.target.value)} required />
          </Field>
          <Field label="Ticket" htmlFor="baseline-ticket" hint="optional change/ticket reference">
            <Input id="baseline-ticket" value={values.ticket} onChange={(e) => set("ticket", e.target.value)} />
          </Field>
        </div>
        <Field label="New matching alerts" htmlFor="baseline-on-match">
          <Select id="baseline-on-match" value={values.onMatch} onChange={(e) => set("onMatch", e.target.value as BaselineFormValues["onMatch"])}>
            <option value="close">Close automatically (approved admin activity)</option>
            <option value="low">Keep open at Low priority</option>
          </Select>
        </Field>
        {withCloseChoice ? (
          <fieldset className="space-y-1">
            <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">On save, close as approved admin activity</legend>
            {([["source", "This alert only"], ["all_matching", "All open alerts this scope matches"], ["none", "Nothing"]] as const).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2 text-xs">
                <input type="radio" name="baseline-close" value={value} checked={values.close === value} onChange={() => set("close", value)} />
                {label}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
      {problem ? <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">{problem}</p> : null}
      {error ? <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">{describeError(error)}</p> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
        <Button type="submit" disabled={pending || preview.isError}>{submitLabel}</Button>
      </div>
    </form>
  );
}

function ScopePreview({ preview }: { preview: ReturnType<typeof useBaselinePreview> }) {
  const tone = preview.isError
    ? "border-rose-300 bg-rose-50 text-rose-800 dark:border-rose-900 dark:bg-rose-950/50 dark:text-rose-200"
    : "border-slate-200 bg-slate-50 text-slate-700 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-200";
  return (
    <p role="status" aria-label="Scope preview" className={`rounded-md border px-3 py-2 text-xs ${tone}`}>
      {preview.isError
        ? `Refused: ${describeError(preview.error)}`
        : preview.data
          ? `Matches ${preview.data.openAlerts} open and ${preview.data.pastAlerts} past alert(s)${preview.data.truncated ? ` (first ${preview.data.scanned} scanned)` : ""}.`
          : "Counting matching alerts…"}
    </p>
  );
}
