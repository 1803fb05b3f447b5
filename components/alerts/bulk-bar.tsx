"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { ApproveGroupButton } from "@/components/baselines/approve-group-button";
import type { AlertSummary } from "@/components/alerts/alert-types";

type Props = {
  selectedCount: number;
  loadedCount: number;
  total: number;
  allMatching: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onAssignToMe: () => void;
  onAcknowledge: () => void;
  onClose: () => void;
  onComment: (body: string) => void;
  pending: boolean;
  /** The selected alerts that are loaded (for "approve as admin activity"); empty when all matching is chosen. */
  selected: AlertSummary[];
  onApproved: (message: string) => void;
};

export function BulkBar(props: Props) {
  const [comment, setComment] = useState("");
  return (
    <div role="region" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded-lg border border-sky-300 bg-sky-50 px-3 py-2 text-sm dark:border-sky-800 dark:bg-sky-950/50">
      <strong data-testid="bulk-count">{props.selectedCount.toLocaleString()} selected</strong>
      {!props.allMatching && props.total > props.loadedCount ? (
        <button type="button" className="text-sky-700 underline dark:text-sky-300" onClick={props.onSelectAllMatching}>
          Select all {props.total.toLocaleString()} matching the filter
        </button>
      ) : null}
      {props.allMatching ? <span className="text-xs text-slate-600 dark:text-slate-300">(every alert matching the filter, not only the loaded page)</span> : null}
      <span className="ml-auto flex flex-wrap items-center gap-2">
        <Button size="sm" variant="secondary" disabled={props.pending} onClick={props.onAssignToMe}>Assign to me</Button>
        <Button size="sm" variant="secondary" disabled={props.pending} onClick={props.onAcknowledge}>Acknowledge</Button>
        <Button size="sm" disabled={props.pending} onClick={props.onClose}>Close…</Button>
        {!props.allMatching && props.selected.length > 0 ? <ApproveGroupButton alerts={props.selected} what="selection" onDone={props.onApproved} /> : null}
        <Input aria-label="Bulk comment" placeholder="Comment…" value={comment} onChange={(e) => setComment(e.target.value)} className="w-44 py-1 text-xs" />
        <Button size="sm" variant="secondary" disabled={props.pending || !comment.trim()} onClick={() => { props.onComment(comment.trim()); setComment(""); }}>Add comment</Button>
        <Button size="sm" variant="ghost" onClick={props.onClear}>Clear</Button>
      </span>
    </div>
  );
}
