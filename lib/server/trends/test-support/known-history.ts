import { randomUUID } from "node:crypto";
import type pg from "pg";

// A small, hand-computable history around the Europe/Berlin spring DST switch (2025-03-30 02:00 → 03:00).
// Shared by the DB tests and the Playwright spec, which work out the expected figures by hand. Times are UTC.
type Who = "A" | "B" | null;
type Seeded = {
  key: string;
  priority: "low" | "medium" | "high";
  status: "open" | "acknowledged" | "closed";
  classification?: string;
  assignee: Who;
  firstSeen: string;
  rule?: string;
  host: string;
  user?: string;
  destinations?: string[];
  history: [at: string, field: string, from: string | null, to: string | null][];
};

export const KNOWN_ALERTS: Seeded[] = [
  // Local 2025-03-30 00:30 CET; UTC still says the 29th. Ack after 5 min, closed after 90 min.
  { key: "a1", priority: "high", status: "closed", classification: "true_positive_with_impact", assignee: "A", firstSeen: "2025-03-29T23:30:00Z", host: "WS1", user: "admin", destinations: ["SRV1 10.0.0.1", "SRV2 10.0.0.2"],
    history: [["2025-03-29T23:35:00Z", "status", "open", "acknowledged"], ["2025-03-30T01:00:00Z", "status", "acknowledged", "closed"]] },
  // Local 2025-03-31 00:30 CEST (an hour earlier in CET terms). Closed, reopened, closed again: the LAST close counts.
  { key: "a2", priority: "high", status: "closed", classification: "false_positive_rule_logic", assignee: "B", firstSeen: "2025-03-30T22:30:00Z", rule: "r2", host: "WS1", user: "admin", destinations: ["SRV1 10.0.0.1"],
    history: [["2025-03-30T22:40:00Z", "status", "open", "acknowledged"], ["2025-03-30T23:00:00Z", "status", "acknowledged", "closed"],
      ["2025-03-31T08:00:00Z", "status", "closed", "open"], ["2025-03-31T09:00:00Z", "status", "open", "acknowledged"], ["2025-03-31T10:30:00Z", "status", "acknowledged", "closed"]] },
  // Reassigned from A to B: it counts for B, its current owner.
  { key: "a3", priority: "medium", status: "acknowledged", assignee: "B", firstSeen: "2025-03-29T10:00:00Z", host: "WS2", user: "admin",
    history: [["2025-03-29T10:05:00Z", "assignee", null, "A"], ["2025-03-29T10:20:00Z", "status", "open", "acknowledged"], ["2025-03-29T11:00:00Z", "assignee", "A", "B"]] },
  { key: "a4", priority: "low", status: "open", assignee: null, firstSeen: "2025-03-31T12:00:00Z", host: "WS3", user: "svc", history: [] },
  // Local 2025-03-29 00:30 CET (UTC says the 28th). Closed straight from open by the baseline classification.
  { key: "a5", priority: "medium", status: "closed", classification: "benign_positive_approved_admin", assignee: "A", firstSeen: "2025-03-28T23:30:00Z", host: "WS2",
    history: [["2025-03-29T00:30:00Z", "status", "open", "closed"]] },
  // Local 2025-04-01 00:30 CEST: outside the range in Berlin, inside it in UTC.
  { key: "a6", priority: "high", status: "open", assignee: "A", firstSeen: "2025-03-31T22:30:00Z", host: "WS9", history: [] },
  // The previous period (2025-03-26 … 2025-03-28).
  { key: "a7", priority: "low", status: "closed", classification: "false_positive_bad_data", assignee: "A", firstSeen: "2025-03-27T12:00:00Z", host: "WS1",
    history: [["2025-03-27T14:00:00Z", "status", "open", "closed"]] },
];

export const KNOWN_RANGE = { from: "2025-03-29", to: "2025-03-31", tz: "Europe/Berlin" } as const;

/** Inserts the history with plain parameterized SQL; `users` maps A/B to existing user ids. */
export async function seedKnownHistory(client: pg.Client | pg.Pool, users: { A: string; B: string }, tag = randomUUID().slice(0, 8)) {
  const who = (value: string | null) => (value === "A" || value === "B" ? users[value] : value);
  for (const alert of KNOWN_ALERTS) {
    const id = randomUUID();
    await client.query(
      `INSERT INTO alert (id, "dedupeKey", "ruleId", "ruleName", severity, "riskScore", priority, "priorityReasons", status, classification,
         "assigneeId", "sourceHost", "userName", destinations, "joinKeys", events, checklist, "firstSeen", "lastSeen", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, 'medium', 47, $5, '[]', $6, $7, $8, $9, $10, $11, '{}', '[]', '{}', $12, $12, $12, $12)`,
      [id, `trends-${tag}-${alert.key}`, alert.rule ?? "r1", alert.rule === "r2" ? "Rule two" : "Rule one", alert.priority, alert.status,
        alert.classification ?? null, who(alert.assignee), alert.host, alert.user ?? null, alert.destinations ?? [], alert.firstSeen],
    );
    for (const [at, field, from, to] of alert.history) {
      const [f, t] = field === "assignee" ? [who(from), who(to)] : [from, to];
      await client.query(`INSERT INTO alert_history ("alertId", "actorId", at, field, "from", "to") VALUES ($1, $2, $3, $4, $5, $6)`, [id, who(alert.assignee), at, field, f, t]);
    }
  }
}
