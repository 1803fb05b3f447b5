"use client";

import { forwardRef, useEffect, useState } from "react";
import { Input, Select } from "@/components/ui/field";
import { toggleListValue, type FilterKey, type QueueFilters } from "@/components/alerts/queue-filters";
import type { AlertPage } from "@/components/alerts/alert-types";

type Props = { filters: QueueFilters; counts: AlertPage["counts"]; onChange: (next: QueueFilters) => void };

const chip = (active: boolean) =>
  `inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium ${
    active ? "border-sky-500 bg-sky-50 text-sky-800 dark:bg-sky-950 dark:text-sky-200" : "border-slate-300 bg-white text-slate-600 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300"
  }`;

export const QueueToolbar = forwardRef<HTMLInputElement, Props>(function QueueToolbar({ filters, counts, onChange }, searchRef) {
  const set = (key: FilterKey, value: string | undefined) => onChange({ ...filters, [key]: value || undefined });
  const active = (key: FilterKey, value: string) => (filters[key] ?? "").split(",").includes(value);
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-2">
        <DebouncedInput ref={searchRef} label="Search command lines" placeholder="Search command lines  ( / )" value={filters.q} onValue={(v) => set("q", v)} className="w-72" />
        <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
        {(["high", "medium", "low"] as const).map((p) => (
          <button key={p} type="button" aria-pressed={active("priority", p)} className={chip(active("priority", p))} onClick={() => set("priority", toggleListValue(filters.priority, p))}>
            <span className="capitalize">{p}</span>
            <span className="tabular-nums opacity-70">{counts?.priority[p] ?? 0}</span>
          </button>
        ))}
        <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
        {(["open", "acknowledged", "closed"] as const).map((s) => (
          <button key={s} type="button" aria-pressed={active("status", s)} className={chip(active("status", s))} onClick={() => set("status", toggleListValue(filters.status, s))}>
            <span className="capitalize">{s}</span>
            <span className="tabular-nums opacity-70">{counts?.status[s] ?? 0}</span>
          </button>
        ))}
        <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
        <Select aria-label="Assignee" value={filters.assignee ?? ""} onChange={(e) => set("assignee", e.target.value)} className="w-36 py-1 text-xs">
          <option value="">Any assignee</option>
          <option value="me">Mine</option>
          <option value="unassigned">Unassigned</option>
        </Select>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <DebouncedInput label="Source host" placeholder="Source host" value={filters.host} onValue={(v) => set("host", v)} className="w-40" />
        <DebouncedInput label="User" placeholder="User" value={filters.user} onValue={(v) => set("user", v)} className="w-40" />
        <DebouncedInput label="Destination" placeholder="Destination (exact)" value={filters.destination} onValue={(v) => set("destination", v)} className="w-44" />
        <DebouncedInput label="Rule" placeholder="Rule" value={filters.rule} onValue={(v) => set("rule", v)} className="w-40" />
        <label className="flex items-center gap-1 text-xs text-slate-500">
          From
          <Input type="date" aria-label="First seen from" value={filters.from?.slice(0, 10) ?? ""} onChange={(e) => set("from", e.target.value)} className="w-36 py-1 text-xs" />
        </label>
        <label className="flex items-center gap-1 text-xs text-slate-500">
          To
          <Input type="date" aria-label="First seen to" value={filters.to?.slice(0, 10) ?? ""} onChange={(e) => set("to", e.target.value ? `${e.target.value}T23:59:59.999Z` : "")} className="w-36 py-1 text-xs" />
        </label>
        {Object.values(filters).some(Boolean) ? (
          <button type="button" className="text-xs text-sky-700 hover:underline dark:text-sky-400" onClick={() => onChange({})}>
            Clear filters
          </button>
        ) : null}
      </div>
    </div>
  );
});

const DebouncedInput = forwardRef<HTMLInputElement, { label: string; placeholder: string; value?: string; onValue: (v: string) => void; className?: string }>(
  function DebouncedInput({ label, placeholder, value, onValue, className }, ref) {
    const [text, setText] = useState(value ?? "");
    useEffect(() => setText(value ?? ""), [value]);
    useEffect(() => {
      if (text === (value ?? "")) return;
      const timer = setTimeout(() => onValue(text), 300);
      return () => clearTimeout(timer);
    }, [text, value, onValue]);
    return <Input ref={ref} aria-label={label} placeholder={placeholder} value={text} onChange={(e) => setText(e.target.value)} className={`py-1 text-xs ${className ?? ""}`} />;
  },
);
