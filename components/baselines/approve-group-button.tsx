"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { BaselineForm } from "@/components/baselines/baseline-form";
import { approvalMessage, approvalRequest, valuesFromAlerts } from "@/components/baselines/baseline-form-values";
import { useBaselineWrite, useMe } from "@/components/baselines/use-baselines";

type AlertLike = { sourceHost: string | null; user: string | null; destinations: string[] };

/** From a group or a selection in the queue: approve the activity once and close every open alert it matches. */
export function ApproveGroupButton({ alerts, what = "group", onDone }: { alerts: AlertLike[]; what?: "group" | "selection"; onDone: (message: string) => void }) {
  const me = useMe();
  const write = useBaselineWrite();
  const [open, setOpen] = useState(false);
  const canApprove = me.data?.role === "lead" || me.data?.role === "admin";
  if (!me.data || me.data.role === "manager") return null;
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => { write.reset(); setOpen(true); }}>
        {canApprove ? "Approve…" : "Propose…"}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={canApprove ? `Mark this ${what} as approved admin activity` : `Propose approval for this ${what}`}>
        <BaselineForm
          initial={valuesFromAlerts(alerts)}
          withCloseChoice={false}
          submitLabel={canApprove ? "Approve and close matching" : "Send proposal"}
          pending={write.isPending}
          error={write.error}
          onCancel={() => setOpen(false)}
          onSubmit={(values, scope) =>
            write.mutate(approvalRequest(values, scope, { canApprove, close: canApprove ? "all_matching" : "none" }), {
              onSuccess: (result) => {
                setOpen(false);
                onDone(approvalMessage(canApprove, result.closedAlerts));
              },
            })
          }
        />
      </Dialog>
    </>
  );
}
