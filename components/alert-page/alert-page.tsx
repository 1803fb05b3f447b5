"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { describeError } from "@/lib/client/api";
import { AlertBox } from "@/components/ui/alert-box";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PriorityBadge } from "@/components/alerts/priority-badge";
import { AlertActions } from "@/components/alert-page/alert-actions";
import { AlertHeader } from "@/components/alert-page/alert-header";
import { AlertSourceCard } from "@/components/alert-page/alert-source-card";
import { ChecklistPanel } from "@/components/alert-page/checklist-panel";
import { ConnectionsTable } from "@/components/alert-page/connections-table";
import { HistoryTable } from "@/components/alert-page/history-table";
import { Markdown } from "@/components/alert-page/markdown";
import { ProcessTree } from "@/components/alert-page/process-tree";
import { RawEvent } from "@/components/alert-page/raw-event";
import { field, type AlertDetail } from "@/components/alert-page/alert-detail-types";
import { useAlertDetail, useAlertWrites } from "@/components/alert-page/use-alert-detail";
import { ApprovedActivityCard } from "@/components/baselines/approved-activity-card";

export function AlertPage({ id, me, canTriage }: { id: string; me: string; canTriage: boolean }) {
  const detail = useAlertDetail(id);
  const writes = useAlertWrites(id, detail.data?.alert.version);
  const [comment, setComment] = useState("");
  const error = writes.action.error ?? writes.checklist.error ?? writes.comment.error;
  if (detail.error) return <AlertBox tone="error">{describeError(detail.error)}</AlertBox>;
  if (!detail.data) return <p className="text-slate-500">Loading alert…</p>;
  const data = detail.data;
  const canEdit = canTriage && data.alert.status !== "closed";

  function submitComment(event: FormEvent) {
    event.preventDefault();
    if (comment.trim()) writes.comment.mutate(comment.trim(), { onSuccess: () => setComment("") });
  }

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <Link href="/alerts" className="text-xs text-sky-700 hover:underline dark:text-sky-400">← Alert queue</Link>
        {canTriage ? <AlertActions alert={data.alert} me={me} onAction={(body) => writes.action.mutate(body)} pending={writes.action.isPending} /> : <span className="text-xs text-slate-500">Read-only for your role</span>}
      </div>
      {error ? <AlertBox tone="error">{describeError(error)}</AlertBox> : null}
      <AlertHeader detail={data} />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="space-y-4">
          <Card title="Response checklist">
            <ChecklistPanel
              steps={data.checklistSteps}
              state={data.checklist}
              canEdit={canEdit}
              onUpdate={(update) => writes.checklist.mutate(update)}
              content={{
                "check-source": <SourceFacts data={data} />,
                "verify-destination": <ConnectionsTable own={data.evidence.own} dns={data.evidence.dns} destinations={data.alert.destinations} />,
                "review-spawned-processes": <ProcessTree stageOne={data.events[0]} evidence={data.evidence} />,
                "check-lateral-movement": <RelatedAlerts data={data} />,
              }}
            />
          </Card>
          <Card title="Events of the alert">
            <div className="space-y-1.5">
              {data.events.map((doc, i) => <RawEvent key={i} doc={doc} label={`${i + 1}. ${field(doc, "event.category") ?? ""} · ${field(doc, "event.code") ?? ""} · ${field(doc, "@timestamp") ?? ""}`} />)}
            </div>
          </Card>
          <Card title="History">
            <HistoryTable rows={data.history} />
          </Card>
        </div>
        <div className="space-y-4">
          <AlertSourceCard alertId={id} source={data.source} canTriage={canTriage} />
          <Card title="Comments">
            <ul className="space-y-3">
              {data.comments.map((c) => (
                <li key={c.id} className="border-b border-slate-100 pb-2 dark:border-slate-800">
                  <p className="text-xs text-slate-500">{c.author ?? "unknown"} · {c.createdAt.replace("T", " ").slice(0, 16)}</p>
                  <Markdown text={c.body} />
                </li>
              ))}
            </ul>
            {canTriage ? (
              <form onSubmit={submitComment} className="mt-3 space-y-2">
                <textarea aria-label="New comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={3} placeholder="Add a comment (Markdown)" className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900" />
                <Button type="submit" size="sm" disabled={!comment.trim() || writes.comment.isPending}>Comment</Button>
              </form>
            ) : null}
          </Card>
          <ApprovedActivityCard alert={data.alert} start={data.events[0]} canTriage={canTriage} />
          {data.rule.note ? (
            <Card title="Investigation guide">
              <Markdown text={data.rule.note} />
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function SourceFacts({ data }: { data: AlertDetail }) {
  const start = data.events[0];
  const facts: [string, string | undefined][] = [
    ["User", field(start, "user.name")],
    ["Domain", field(start, "user.domain")],
    ["Host", field(start, "host.name")],
    ["Logon id", field(start, "winlog.event_data.LogonId") ?? field(start, "winlog.logon.id")],
    ["Integrity level", field(start, "winlog.event_data.IntegrityLevel")],
    ["Executable", field(start, "process.executable")],
    ["Command line", field(start, "process.command_line")],
    ["Parent", field(start, "process.parent.executable")],
  ];
  return (
    <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-0.5 text-xs">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="font-mono break-all">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

function RelatedAlerts({ data }: { data: AlertDetail }) {
  if (data.relatedAlerts.length === 0) return <p className="text-xs text-slate-500">No other alerts for this user or these hosts.</p>;
  return (
    <ul className="space-y-1 text-xs">
      {data.relatedAlerts.map((a) => (
        <li key={a.id} className="flex items-center gap-2">
          <PriorityBadge priority={a.priority} />
          <Link href={`/alerts/${a.id}`} className="text-sky-700 hover:underline dark:text-sky-400">{a.sourceHost} → {a.destinations.join(", ") || "?"}</Link>
          <span className="text-slate-500">{a.user} · {a.firstSeen.slice(0, 16).replace("T", " ")} · {a.status}</span>
        </li>
      ))}
    </ul>
  );
}
