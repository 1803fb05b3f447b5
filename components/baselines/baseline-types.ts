import type { z } from "zod";
import type { baselineSchema, BaselineState } from "@/lib/server/api/contracts/baselines";

export type Baseline = z.output<typeof baselineSchema>;
export type { BaselineState };
export type BaselineList = { baselines: Baseline[]; counts: Record<string, number>; nextCursor: string | null };
export type BaselineWrite = { baseline: Baseline; closedAlerts: number; reprioritised: number };
export type BaselinePreview = { openAlerts: number; pastAlerts: number; scanned: number; truncated: boolean };
export type BaselineDetail = {
  baseline: Baseline;
  audit: { id: string; version: number; at: string; actor: string | null; action: string; comment: string | null }[];
  alerts: { id: string; status: string; priority: string; sourceHost: string | null; user: string | null; destinations: string[]; firstSeen: string }[];
  matchesPerDay: { day: string; count: number }[];
};

export const STATE_TABS: { state: BaselineState; label: string }[] = [
  { state: "active", label: "Active" },
  { state: "expiring", label: "Expiring soon" },
  { state: "expired", label: "Expired" },
  { state: "revoked", label: "Revoked" },
  { state: "proposed", label: "Proposed" },
  { state: "rejected", label: "Rejected" },
];

export const STATE_STYLES: Record<BaselineState, string> = {
  active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200",
  expiring: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
  expired: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
  revoked: "bg-rose-100 text-rose-800 dark:bg-rose-900/60 dark:text-rose-200",
  proposed: "bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200",
  rejected: "bg-slate-200 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
};
