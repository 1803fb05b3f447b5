"use client";

import { useState, type FormEvent } from "react";
import { ApiError, describeError } from "@/lib/client/api";
import { AlertBox } from "@/components/ui/alert-box";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { AuthFields } from "@/components/connections/auth-fields";
import { FieldErrors, type FieldErrorMap } from "@/components/connections/field-errors";
import { ReadFields } from "@/components/connections/read-fields";
import { TestResultPanel } from "@/components/connections/test-result-panel";
import { fieldLabel, fieldOf, toBody, toTestBody, type ConnectionFormValues } from "@/components/connections/connection-form-values";
import type { Connection, ConnectionBody, RuleOption } from "@/components/connections/connection-types";
import { useTestConnection } from "@/components/connections/use-connections";

type Props = {
  initial: ConnectionFormValues;
  /** Set when editing: its id lets a test use the stored secret. */
  connection?: Connection;
  rules: RuleOption[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: ConnectionBody) => void;
  onCancel?: () => void;
};

export function ConnectionForm({ initial, connection, rules, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState(initial);
  const test = useTestConnection();
  // An error answered the values as they were; once they are edited it is stale and is hidden.
  const [stale, setStale] = useState<unknown[]>([]);
  const set = <K extends keyof ConnectionFormValues>(key: K, value: ConnectionFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setStale([error, test.error]);
  };
  const current = (candidate: unknown) => (candidate && !stale.includes(candidate) ? candidate : null);
  const saveError = current(error);
  const testError = current(test.error);
  const errors = fieldErrors(saveError ?? testError);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(toBody(values));
  }

  return (
    <form onSubmit={submit} aria-label="Connection settings" className="space-y-4 text-sm">
      <div className="grid gap-6 lg:grid-cols-2">
        <fieldset className="min-w-0 space-y-3">
          <legend className="mb-2 text-xs font-semibold text-slate-600 uppercase dark:text-slate-400">Cluster</legend>
          <Field label="Name" htmlFor="conn-name">
            <Input id="conn-name" value={values.name} onChange={(e) => set("name", e.target.value)} required maxLength={100} aria-invalid={!!errors.name} />
            <FieldErrors messages={errors.name} />
          </Field>
          <Field label="URLs (one per line)" htmlFor="conn-urls" hint="Each node or the load balancer, e.g. https://es01.corp:9200. No credentials in the URL.">
            <Textarea id="conn-urls" rows={2} value={values.urls} onChange={(e) => set("urls", e.target.value)} required
              className="font-mono text-xs" spellCheck={false} aria-invalid={!!errors.urls} />
            <FieldErrors messages={errors.urls} />
          </Field>
          <AuthFields values={values} set={set} errors={errors} storedSecretKind={connection?.hasSecret ? connection.authKind : null} />
          <TlsFields values={values} set={set} errors={errors} />
        </fieldset>
        <fieldset className="min-w-0">
          <legend className="mb-2 text-xs font-semibold text-slate-600 uppercase dark:text-slate-400">What to read</legend>
          <ReadFields values={values} set={set} rules={rules} errors={errors} />
        </fieldset>
      </div>
      {test.data ? <TestResultPanel result={test.data} /> : null}
      {testError ? <AlertBox tone="error">Could not test: {summary(testError)}</AlertBox> : null}
      {saveError ? <AlertBox tone="error">Not saved: {summary(saveError)}</AlertBox> : null}
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3 dark:border-slate-800">
        <Button variant="secondary" disabled={test.isPending} onClick={() => test.mutate(toTestBody(values, connection?.id))}>
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
        <span className="text-xs text-slate-500">Tries these settings without saving them.</span>
        <div className="ml-auto flex gap-2">
          {onCancel ? <Button variant="secondary" onClick={onCancel}>Cancel</Button> : null}
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
        </div>
      </div>
    </form>
  );
}

type SectionProps = Pick<Parameters<typeof AuthFields>[0], "values" | "set" | "errors">;

function TlsFields({ values, set, errors }: SectionProps) {
  return (
    <div className="space-y-2">
      <Field label="Custom CA certificate (PEM, optional)" htmlFor="conn-ca" hint="For a cluster whose certificate is signed by a private CA.">
        <Textarea id="conn-ca" rows={3} value={values.caCert} onChange={(e) => set("caCert", e.target.value)}
          className="font-mono text-xs" spellCheck={false} placeholder="-----BEGIN CERTIFICATE-----" aria-invalid={!!errors.caCert} />
        <FieldErrors messages={errors.caCert} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={values.verifyTls} onChange={(e) => set("verifyTls", e.target.checked)} />
        Verify the cluster&apos;s TLS certificate
      </label>
      {values.verifyTls ? null : (
        <AlertBox tone="warning">
          TLS verification is off: anyone on the network path can pose as the cluster and receive the credentials. Use a custom CA instead when you can.
        </AlertBox>
      )}
    </div>
  );
}

/** Field errors by the labels the form shows; anything else in the API's words. */
function summary(error: unknown): string {
  const issues = error instanceof ApiError ? error.problem.errors ?? [] : [];
  return issues.length ? issues.map((issue) => `${fieldLabel(issue.path)}: ${issue.message}`).join("; ") : describeError(error);
}

function fieldErrors(error: unknown): FieldErrorMap {
  const map: FieldErrorMap = {};
  if (!(error instanceof ApiError)) return map;
  for (const issue of error.problem.errors ?? []) (map[fieldOf(issue.path)] ??= []).push(issue.message);
  return map;
}
