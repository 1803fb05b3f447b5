"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import type { ChecklistStep, StepState } from "@/components/alert-page/alert-detail-types";

const OUTCOMES = { confirmed_legitimate: "Confirmed legitimate", not_legitimate: "Not legitimate", no_answer: "No answer" } as const;
const STATE_LABEL = { todo: "To do", done: "Done", not_applicable: "N/A" } as const;

type Props = {
  steps: ChecklistStep[];
  state: Record<string, StepState>;
  content: Partial<Record<string, ReactNode>>;
  canEdit: boolean;
  onUpdate: (update: { stepId: string; status: StepState["status"]; note?: string; outcome?: string }) => void;
};

/** The playbook's Response steps as a checklist with who/when/note per step. */
export function ChecklistPanel({ steps, state, content, canEdit, onUpdate }: Props) {
  return (
    <ol className="space-y-3">
      {steps.map((step) => (
        <Step key={step.id} step={step} state={state[step.id]} canEdit={canEdit} onUpdate={onUpdate}>
          {content[step.id]}
        </Step>
      ))}
    </ol>
  );
}

function Step({ step, state, canEdit, onUpdate, children }: { step: ChecklistStep; state: StepState; canEdit: boolean; onUpdate: Props["onUpdate"]; children?: ReactNode }) {
  const [note, setNote] = useState(state.note ?? "");
  const [outcome, setOutcome] = useState(state.outcome ?? "");
  const tone = state.status === "done" ? "border-l-emerald-500" : state.status === "not_applicable" ? "border-l-slate-400" : "border-l-sky-500";
  return (
    <li className={`rounded-md border border-l-4 border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900 ${tone} ${step.parent ? "ml-6" : ""}`} aria-label={`Step ${step.number}: ${step.title}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">{step.number}. {step.title}</h3>
          <p className="text-xs text-slate-500">{step.help}</p>
        </div>
        <div className="flex items-center gap-1" role="group" aria-label={`State of step ${step.number}`}>
          {(["todo", "done", "not_applicable"] as const).map((status) => (
            <Button
              key={status}
              size="sm"
              variant={state.status === status ? "primary" : "secondary"}
              aria-pressed={state.status === status}
              disabled={!canEdit}
              onClick={() => onUpdate({ stepId: step.id, status, note: note.trim() || undefined, outcome: status === "done" && step.hasOutcome ? outcome || undefined : undefined })}
            >
              {STATE_LABEL[status]}
            </Button>
          ))}
        </div>
      </div>
      {children ? <div className="mt-2">{children}</div> : null}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {step.hasOutcome ? (
          <Select aria-label={`Outcome of step ${step.number}`} value={outcome} onChange={(e) => setOutcome(e.target.value)} disabled={!canEdit} className="w-48 py-1 text-xs">
            <option value="">Outcome…</option>
            {Object.entries(OUTCOMES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </Select>
        ) : null}
        <input
          aria-label={`Note for step ${step.number}`}
          placeholder="Note"
          value={note}
          disabled={!canEdit}
          onChange={(e) => setNote(e.target.value)}
          className="min-w-64 flex-1 rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-700 dark:bg-slate-900"
        />
        {canEdit && note.trim() !== (state.note ?? "") ? (
          <Button size="sm" variant="secondary" onClick={() => onUpdate({ stepId: step.id, status: state.status, note: note.trim(), outcome: state.outcome ?? undefined })}>
            Save note
          </Button>
        ) : null}
        {state.by ? <span className="text-[11px] text-slate-500">{STATE_LABEL[state.status]} by {state.by} · {state.at?.replace("T", " ").slice(0, 19)}{state.outcome ? ` · ${OUTCOMES[state.outcome as keyof typeof OUTCOMES]}` : ""}</span> : null}
      </div>
    </li>
  );
}
