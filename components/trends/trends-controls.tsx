"use client";

import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { matchingPreset, PRESETS, presetRange, type TrendsParams } from "@/components/trends/trends-params";

/** Date range presets or custom days, time zone and bucket; every change goes to the URL. */
export function TrendsControls({ params, onChange }: { params: TrendsParams; onChange: (next: TrendsParams) => void }) {
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf("timeZone");
    return all.includes(params.tz) ? all : [params.tz, ...all];
  }, [params.tz]);
  const preset = matchingPreset(params);
  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2.5 dark:border-slate-800 dark:bg-slate-900 print:hidden">
      <div role="group" aria-label="Date range presets" className="flex gap-1">
        {PRESETS.map((days) => (
          <Button key={days} size="sm" variant={preset === days ? "primary" : "secondary"} aria-pressed={preset === days} onClick={() => onChange({ ...params, ...presetRange(days, params.tz) })}>
            Last {days} days
          </Button>
        ))}
      </div>
      <div className="w-36">
        <Field label="From" htmlFor="trends-from">
          <Input id="trends-from" type="date" value={params.from} max={params.to} onChange={(e) => e.target.value && onChange({ ...params, from: e.target.value })} />
        </Field>
      </div>
      <div className="w-36">
        <Field label="To" htmlFor="trends-to">
          <Input id="trends-to" type="date" value={params.to} min={params.from} onChange={(e) => e.target.value && onChange({ ...params, to: e.target.value })} />
        </Field>
      </div>
      <div className="w-52">
        <Field label="Time zone" htmlFor="trends-tz">
          <Select id="trends-tz" value={params.tz} onChange={(e) => onChange({ ...params, tz: e.target.value })}>
            {zones.map((zone) => <option key={zone}>{zone}</option>)}
          </Select>
        </Field>
      </div>
      <div className="w-28">
        <Field label="Group by" htmlFor="trends-bucket">
          <Select id="trends-bucket" value={params.bucket} onChange={(e) => onChange({ ...params, bucket: e.target.value === "week" ? "week" : "day" })}>
            <option value="day">Day</option>
            <option value="week">Week</option>
          </Select>
        </Field>
      </div>
      <Button variant="secondary" size="sm" className="ml-auto" onClick={() => window.print()}>
        Print / PDF
      </Button>
    </div>
  );
}
