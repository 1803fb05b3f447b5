"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { AlertBox } from "@/components/ui/alert-box";
import type { AlertSummary } from "@/components/alerts/alert-types";
import type { EcsDoc } from "@/components/alert-page/alert-detail-types";
import { BaselineForm } from "@/components/baselines/baseline-form";
import { approvalMessage, approvalRequest, valuesFromAlert } from "@/components/baselines/baseline-form-values";
import { useBaselines, useBaselineWrite, useMe } from "@/components/baselines/use-baselines";

/**
 * The alert page's link to approved admin activity: which entry handled this alert, and the button
 * that turns the alert's evidence into an entry (leads/admins) or a proposal (analysts).
 */
export function ApprovedActivityCard({ alert, start, canTriage }: { alert: AlertSummary; start: EcsDoc | undefined; canTriage: boolean }) {
  const me = useMe();
  const linked = useBaselines({ state: "all", alertId: alert.id });
  const write = useBaselineWrite();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const canApprove = me.data?.role === "lead" || me.data?.role === "admin";
  const entry = linked.data?.baselines[0];

  return (
    <Card title="Approved admin activity">
      <div className="space-y-2 text-xs">
        {entry ? (
          <p>
            Handled by baseline entry{" "}
            <Link href={`/baselines?state=all#baseline-${entry.id}`} className="font-mono text-sky-700 hover:underline dark:text-sky-400">{entry.id.slice(0, 8)}</Link>{" "}
            <span className="text-slate-500">({entry.state}, {entry.justification})</span>
          </p>
        ) : (
          <p className="text-slate-500">No baseline entry covers this alert.</p>
        )}
        {done ? <AlertBox tone="success">{done}</AlertBox> : null}
        {canTriage && me.data ? (
          <Button size="sm" variant="secondary" onClick={() => { write.reset(); setDone(null); setOpen(true); }}>
            {canApprove ? "Mark as approved admin activity" : "Propose approval"}
          </Button>
        ) : null}
      </div>
      <Dialog open={open} onClose={() => setOpen(false)} title={canApprove ? "Mark as approved admin activity" : "Propose approval"}>
        <BaselineForm
          initial={valuesFromAlert(alert, start)}
          withCloseChoice
          submitLabel={canApprove ? "Approve" : "Send proposal"}
          pending={write.isPending}
          error={write.error}
          onCancel={() => setOpen(false)}
          onSubmit={(values, scope) =>
            write.mutate(approvalRequest(values, scope, { canApprove, close: values.close, sourceAlertId: alert.id }), {
              onSuccess: (result) => {
                setOpen(false);
                setDone(approvalMessage(canApprove, result.closedAlerts));
              },
            })
          }
        />
      </Dialog>
    </Card>
  );
}
