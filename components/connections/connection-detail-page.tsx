"use client";

import { useEffect, useState } from "react";
import { describeError } from "@/lib/client/api";
import { AlertBox } from "@/components/ui/alert-box";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ConnectionForm } from "@/components/connections/connection-form";
import { valuesOf } from "@/components/connections/connection-form-values";
import { ConnectionStatus } from "@/components/connections/connection-status";
import { DeleteConnectionButton } from "@/components/connections/delete-connection-button";
import { RunHistory } from "@/components/connections/run-history";
import { useConnection, useConnections, useRunConnection, useSaveConnection } from "@/components/connections/use-connections";

/** How long to poll fast after "Run now": the worker picks the job up within seconds. */
const FAST_POLL_MS = 120_000;

export function ConnectionDetailPage({ id }: { id: string }) {
  const [fast, setFast] = useState(false);
  const detail = useConnection(id, fast);
  const rules = useConnections().data?.rules ?? [];
  const run = useRunConnection(id);
  const save = useSaveConnection(id);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  useEffect(() => {
    if (!fast) return;
    const timer = setTimeout(() => setFast(false), FAST_POLL_MS);
    return () => clearTimeout(timer);
  }, [fast]);

  if (detail.error) return <AlertBox tone="error">{describeError(detail.error)}</AlertBox>;
  if (!detail.data) return <p className="text-sm text-slate-500">Loading…</p>;
  const { connection, runs } = detail.data;

  return (
    <>
      <PageHeader
        title={connection.name}
        description={connection.urls.join(" · ")}
        actions={
          <div className="flex gap-2">
            <Button disabled={run.isPending} onClick={() => run.mutate(undefined, { onSuccess: () => setFast(true) })}>Run now</Button>
            <DeleteConnectionButton id={connection.id} name={connection.name} />
          </div>
        }
      />
      <div className="space-y-4">
        {fast && run.data ? <AlertBox tone={run.data.queued ? "info" : "warning"}>{run.data.message}</AlertBox> : null}
        {run.error ? <AlertBox tone="error">{describeError(run.error)}</AlertBox> : null}
        <ConnectionStatus connection={connection} />
        <Card title="Run history">
          <RunHistory runs={runs} />
        </Card>
        <Card title="Settings">
          {savedAt ? <div className="mb-3"><AlertBox tone="success">Saved at {savedAt.toLocaleTimeString()}.</AlertBox></div> : null}
          <ConnectionForm
            initial={valuesOf(connection)}
            connection={connection}
            rules={rules}
            submitLabel="Save changes"
            pending={save.isPending}
            error={save.error}
            onSubmit={(body) => save.mutate(body, { onSuccess: () => setSavedAt(new Date()) })}
          />
        </Card>
      </div>
    </>
  );
}
