"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { describeError } from "@/lib/client/api";
import { AlertBox } from "@/components/ui/alert-box";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useDeleteConnection } from "@/components/connections/use-connections";

export function DeleteConnectionButton({ id, name }: { id: string; name: string }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const remove = useDeleteConnection(id);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>Delete</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Delete this connection?">
        <div className="space-y-3 text-sm">
          <p>
            <strong className="break-all">{name}</strong> stops being read and its run history is deleted. A read in progress stops;
            alerts and evidence it already raised stay in Lateral.
          </p>
          {remove.error ? <AlertBox tone="error">{describeError(remove.error)}</AlertBox> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: () => router.push("/admin/connections") })}>
              Delete connection
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
