import type { ClusterAuth, Connection, ConnectionBody, ConnectionDefaults, TestBody } from "@/components/connections/connection-types";

/** The form edits lists as one value per line and times as minutes; this is the one place that converts. */
export type ConnectionFormValues = {
  name: string;
  urls: string;
  authKind: ClusterAuth["kind"];
  username: string;
  password: string;
  apiKey: string;
  caCert: string;
  verifyTls: boolean;
  indexPatterns: string;
  intervalMinutes: string;
  lookbackMinutes: string;
  mode: Connection["mode"];
  ruleIds: string[];
  enabled: boolean;
};

const lines = (text: string) => [...new Set(text.split("\n").map((line) => line.trim()).filter(Boolean))];
const seconds = (minutes: string) => Math.round(Number(minutes) * 60);
const minutes = (secs: number) => String(Math.round((secs / 60) * 100) / 100);

export function emptyValues(defaults: ConnectionDefaults): ConnectionFormValues {
  return {
    name: "", urls: "", authKind: "basic", username: "", password: "", apiKey: "", caCert: "", verifyTls: true,
    indexPatterns: defaults.indexPatterns.join("\n"), intervalMinutes: minutes(defaults.intervalSeconds),
    lookbackMinutes: minutes(defaults.lookbackSeconds), mode: "pull", ruleIds: [], enabled: true,
  };
}

/** Secrets are never sent back by the API, so they start empty (= keep the stored one). */
export function valuesOf(connection: Connection): ConnectionFormValues {
  return {
    name: connection.name, urls: connection.urls.join("\n"), authKind: connection.authKind, username: connection.username ?? "",
    password: "", apiKey: "", caCert: connection.caCert ?? "", verifyTls: connection.verifyTls,
    indexPatterns: connection.indexPatterns.join("\n"), intervalMinutes: minutes(connection.intervalSeconds),
    lookbackMinutes: minutes(connection.lookbackSeconds), mode: connection.mode, ruleIds: connection.ruleIds, enabled: connection.enabled,
  };
}

/** An empty secret is left out: on create the API says it is required, on edit the stored one is kept. */
export function authOf(values: ConnectionFormValues): ClusterAuth {
  switch (values.authKind) {
    case "none":
      return { kind: "none" };
    case "basic":
      return { kind: "basic", username: values.username, ...(values.password ? { password: values.password } : {}) };
    case "api_key":
      return { kind: "api_key", ...(values.apiKey ? { apiKey: values.apiKey } : {}) };
  }
}

export function toBody(values: ConnectionFormValues): ConnectionBody {
  return {
    name: values.name, urls: lines(values.urls), auth: authOf(values), caCert: values.caCert.trim(), verifyTls: values.verifyTls,
    indexPatterns: lines(values.indexPatterns), intervalSeconds: seconds(values.intervalMinutes),
    lookbackSeconds: seconds(values.lookbackMinutes), mode: values.mode, ruleIds: values.ruleIds, enabled: values.enabled,
  };
}

export function toTestBody(values: ConnectionFormValues, id?: string): TestBody {
  const { urls, auth, caCert, verifyTls, indexPatterns } = toBody(values);
  return { ...(id ? { id } : {}), urls, auth, caCert, verifyTls, indexPatterns };
}

const FIELD_LABELS: Record<string, string> = {
  name: "Name", urls: "URLs", auth: "Authentication", username: "Username", password: "Password", apiKey: "API key",
  caCert: "CA certificate", verifyTls: "TLS verification", indexPatterns: "Index patterns", intervalSeconds: "Run every",
  lookbackSeconds: "Look back", mode: "Execution mode", ruleIds: "Rules", enabled: "Enabled",
};

/** "Look back: …" rather than the API's `lookbackSeconds: …`. */
export function fieldLabel(path: string): string {
  const field = fieldOf(path);
  const line = /^(urls|indexPatterns)\.(\d+)$/.exec(path);
  return `${FIELD_LABELS[field] ?? field}${line ? ` (line ${Number(line[2]) + 1})` : ""}`;
}

/** Where an API validation error belongs in the form: `urls.1` → urls, `auth.password` → password. */
export function fieldOf(path: string): string {
  const [head, second] = path.split(".");
  if (head === "auth") return second === "username" || second === "password" || second === "apiKey" ? second : "auth";
  return head || "form";
}
