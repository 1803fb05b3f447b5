import type { AlertSummary } from "@/components/alerts/alert-types";
import { field, type EcsDoc } from "@/components/alert-page/alert-detail-types";
import type { Baseline } from "@/components/baselines/baseline-types";
import type { BaselineScope } from "@/lib/triage/baseline-schema";

/** The form edits every list as one value per line; this is the one place that converts. */
export type BaselineFormValues = {
  users: string;
  sourceHosts: string;
  destinations: string;
  executables: string;
  hashes: string;
  commandLines: string;
  windowStart: string;
  windowEnd: string;
  timeZone: string;
  justification: string;
  expiresOn: string;
  ticket: string;
  onMatch: "close" | "low";
  close: "none" | "source" | "all_matching";
};

export const LIST_FIELDS = [
  { key: "users", label: "Users", hint: "DOMAIN\\user, user@domain or a bare name" },
  { key: "sourceHosts", label: "Source hosts", hint: "short name, FQDN, IP or CIDR" },
  { key: "destinations", label: "Destinations", hint: "host names, IPs or CIDRs; every destination must be covered" },
  { key: "executables", label: "PsExec executables", hint: "paths; * and ? wildcards" },
  { key: "hashes", label: "Hashes", hint: "MD5/SHA-1/SHA-256 hex" },
  { key: "commandLines", label: "Command lines", hint: "patterns; * and ? wildcards" },
] as const satisfies readonly { key: keyof BaselineScope & keyof BaselineFormValues; label: string; hint: string }[];

const DAY = 24 * 3600_000;
export const dateInput = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const maxExpiryDate = () => dateInput(Date.now() + 365 * DAY);

const lines = (text: string) => [...new Set(text.split("\n").map((l) => l.trim()).filter(Boolean))];
const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
};
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

export function toScope(values: BaselineFormValues): BaselineScope {
  const scope: BaselineScope = {};
  for (const { key } of LIST_FIELDS) {
    const list = lines(values[key]);
    if (list.length) scope[key] = list;
  }
  if (values.windowStart && values.windowEnd) {
    scope.timeWindow = { startMinute: minutes(values.windowStart), endMinute: minutes(values.windowEnd), timeZone: values.timeZone || "UTC" };
  }
  return scope;
}

/** End of the chosen day, UTC: "expires on the 30th" keeps it valid through the 30th. */
export const expiryFromDate = (day: string) => new Date(`${day}T23:59:59.000Z`).toISOString();

const empty: BaselineFormValues = {
  users: "", sourceHosts: "", destinations: "", executables: "", hashes: "", commandLines: "", windowStart: "", windowEnd: "",
  timeZone: "UTC", justification: "", expiresOn: "", ticket: "", onMatch: "close", close: "source",
};

/** Pre-filled from the alert's evidence; the lead removes what should not constrain the approval. */
export function valuesFromAlert(alert: AlertSummary, start: EcsDoc | undefined): BaselineFormValues {
  const hashes = ["process.hash.sha256", "process.hash.sha1", "process.hash.md5"]
    .flatMap((path) => field(start, path)?.split(", ") ?? [])
    .filter((h) => /^[0-9a-f]{32,128}$/i.test(h));
  const destinations = alert.destinations
    .map((d) => d.split(" ")[0])
    .filter((d) => d && !d.startsWith("@") && !d.startsWith("\\\\"));
  return {
    ...empty,
    users: alert.user ?? "",
    sourceHosts: alert.sourceHost ?? "",
    destinations: destinations.join("\n"),
    executables: field(start, "process.executable") ?? "",
    hashes: hashes.join("\n"),
    commandLines: alert.commandLine ?? "",
    expiresOn: dateInput(Date.now() + 90 * DAY),
  };
}

/** Pre-filled from several alerts (a group or a selection): approval closes every open alert it matches. */
export function valuesFromAlerts(alerts: { sourceHost: string | null; user: string | null; destinations: string[] }[]): BaselineFormValues {
  const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];
  const destinations = unique(alerts.flatMap((a) => a.destinations.map((d) => d.split(" ")[0]))).filter((d) => !d.startsWith("@") && !d.startsWith("\\\\"));
  return {
    ...empty,
    users: unique(alerts.map((a) => a.user)).join("\n"),
    sourceHosts: unique(alerts.map((a) => a.sourceHost)).join("\n"),
    destinations: destinations.join("\n"),
    expiresOn: dateInput(Date.now() + 90 * DAY),
    close: "all_matching",
  };
}

export function valuesFromBaseline(b: Baseline): BaselineFormValues {
  const w = b.scope.timeWindow;
  return {
    ...empty,
    ...Object.fromEntries(LIST_FIELDS.map(({ key }) => [key, (b.scope[key] ?? []).join("\n")])),
    windowStart: w ? hhmm(w.startMinute) : "",
    windowEnd: w ? hhmm(w.endMinute) : "",
    timeZone: w?.timeZone ?? "UTC",
    justification: b.justification,
    expiresOn: b.expiresAt.slice(0, 10),
    ticket: b.ticket ?? "",
    onMatch: b.onMatch,
    close: "none",
  };
}

/** The write an approval form sends: leads create an entry (closing as chosen), analysts propose one. */
export function approvalRequest(values: BaselineFormValues, scope: BaselineScope, options: { canApprove: boolean; close: BaselineFormValues["close"]; sourceAlertId?: string }) {
  return {
    path: options.canApprove ? "/api/baselines" : "/api/baselines/proposals",
    body: {
      scope, justification: values.justification, expiresAt: expiryFromDate(values.expiresOn), ticket: values.ticket || undefined,
      onMatch: values.onMatch, sourceAlertId: options.sourceAlertId, close: options.close,
    },
  };
}

export function approvalMessage(canApprove: boolean, closedAlerts: number): string {
  return canApprove ? `Approved; ${closedAlerts} alert(s) closed as approved admin activity.` : "Proposal sent; a lead will approve or reject it.";
}
