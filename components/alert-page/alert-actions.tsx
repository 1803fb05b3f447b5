"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CloseForm } from "@/components/alerts/close-form";
import type { AlertSummary } from "@/components/alerts/alert-types";

export function AlertActions({ alert, me, onAction, pending }: { alert: AlertSummary; me: string; onAction: (body: Record<string, unknown>) => void; pending: boolean }) {
  const [closing, setClosing] = useState(false);
  return (
    <div className="flex flex-wrap gap-2">
      {alert.status === "open" ? <Button size="sm" variant="secondary" disabled={pending} onClick={() => onAction({ action: "acknowledge" })}>Acknowledge</Button> : null}
      {alert.assignee?.id !== me ? <Button size="sm" variant="secondary" disabled={pending} onClick={() => onAction({ action: "assign", assignee: me })}>Assign to me</Button> : null}
      {alert.status !== "closed" ? (
        <>
          <Button size="sm" variant={alert.escalated ? "secondary" : "danger"} disabled={pending} onClick={() => onAction({ action: "escalate", escalated: !alert.escalated })}>
            {alert.escalated ? "Remove escalation" : "Escalate: attack suspected"}
          </Button>
          <Button size="sm" disabled={pending} onClick={() => setClosing(true)}>Close…</Button>
        </>
      ) : (
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => onAction({ action: "reopen" })}>Reopen</Button>
      )}
      <Dialog open={closing} onClose={() => setClosing(false)} title="Close alert">
        <CloseForm onCancel={() => setClosing(false)} onSubmit={(input) => { onAction({ action: "close", ...input }); setClosing(false); }} pending={pending} />
      </Dialog>
    </div>
  );
}
