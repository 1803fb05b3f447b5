"use client";

import { useState, type FormEvent } from "react";
import { describeError } from "@/lib/client/api";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { BaselineForm } from "@/components/baselines/baseline-form";
import { dateInput, expiryFromDate, maxExpiryDate, valuesFromBaseline } from "@/components/baselines/baseline-form-values";
import type { Baseline } from "@/components/baselines/baseline-types";
import { useBaselineWrite } from "@/components/baselines/use-baselines";

type Mode = "approve" | "reject" | "extend" | "revoke" | "edit";
const TITLES: Record<Mode, string> = { approve: "Approve proposal", reject: "Reject proposal", extend: "Extend entry", revoke: "Revoke entry", edit: "Edit entry" };
const comment = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900";

/** Lead/admin actions; the server enforces the same roles (403) whatever the UI shows. */
export function BaselineActions({ baseline: b }: { baseline: Baseline }) {
  const [mode, setMode] = useState<Mode | null>(null);
  const write = useBaselineWrite();
  const open = (m: Mode) => { write.reset(); setMode(m); };
  const close = () => setMode(null);
  const send = (path: string, body: unknown, method: "POST" | "PATCH" = "POST") => write.mutate({ path: `/api/baselines/${b.id}${path}`, body, method }, { onSuccess: close });
  const modes: Mode[] = b.status === "proposed" ? ["approve", "reject", "edit"] : b.status === "active" ? ["extend", "edit", "revoke"] : [];
  if (modes.length === 0) return null;

  function submitSimple(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = String(form.get("comment") ?? "").trim() || undefined;
    if (mode === "approve") send("/approve", { comment: text, close: form.get("close") || undefined });
    if (mode === "reject") send("/reject", { comment: text ?? "" });
    if (mode === "revoke") send("/revoke", { comment: text });
    if (mode === "extend") send("/extend", { expiresAt: expiryFromDate(String(form.get("expiresOn"))), comment: text });
  }

  return (
    <div className="flex gap-1">
      {modes.map((m) => (
        <Button key={m} size="sm" variant={m === "revoke" || m === "reject" ? "danger" : m === "approve" ? "primary" : "secondary"} onClick={() => open(m)}>
          {m[0].toUpperCase() + m.slice(1)}
        </Button>
      ))}
      <Dialog open={mode !== null} onClose={close} title={mode ? TITLES[mode] : ""}>
        {mode === "edit" ? (
          <BaselineForm
            initial={valuesFromBaseline(b)}
            withCloseChoice={false}
            submitLabel="Save new version"
            pending={write.isPending}
            error={write.error}
            onCancel={close}
            onSubmit={(values, scope) => send("", {
              scope, justification: values.justification, expiresAt: expiryFromDate(values.expiresOn), ticket: values.ticket || undefined,
              onMatch: values.onMatch, version: b.version,
            }, "PATCH")}
          />
        ) : (
          <form onSubmit={submitSimple} className="space-y-3 text-sm">
            {mode === "extend" ? (
              <Field label="New expiry" htmlFor="extend-expiry" hint="at most one year from today">
                <Input id="extend-expiry" name="expiresOn" type="date" required min={dateInput(Date.now() + 86_400_000)} max={maxExpiryDate()} defaultValue={dateInput(Math.min(Date.parse(b.expiresAt) + 90 * 86_400_000, Date.now() + 365 * 86_400_000))} />
              </Field>
            ) : null}
            {mode === "approve" ? (
              <Field label="Close as approved admin activity" htmlFor="approve-close">
                <Select id="approve-close" name="close" defaultValue={b.closeMode}>
                  <option value="source">The alert it was proposed from</option>
                  <option value="all_matching">All open alerts the scope matches</option>
                  <option value="none">Nothing</option>
                </Select>
              </Field>
            ) : null}
            <Field label="Comment" htmlFor="baseline-action-comment" hint={mode === "reject" ? "required: tell the analyst why" : "optional"}>
              <textarea id="baseline-action-comment" name="comment" rows={2} required={mode === "reject"} className={comment} />
            </Field>
            {write.error ? <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">{describeError(write.error)}</p> : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close}>Cancel</Button>
              <Button type="submit" variant={mode === "revoke" || mode === "reject" ? "danger" : "primary"} disabled={write.isPending}>{mode ? TITLES[mode] : ""}</Button>
            </div>
          </form>
        )}
      </Dialog>
    </div>
  );
}
