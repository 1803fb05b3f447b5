export type AlertSummary = {
  id: string;
  priority: "low" | "medium" | "high";
  status: "open" | "acknowledged" | "closed";
  classification: string | null;
  ruleId: string;
  ruleName: string;
  severity: string;
  sourceHost: string | null;
  user: string | null;
  destinations: string[];
  commandLine: string | null;
  firstSeen: string;
  lastSeen: string;
  assignee: { id: string; email: string } | null;
  escalated: boolean;
  version: number;
  createdAt: string;
};

export type AlertPage = {
  alerts: AlertSummary[];
  nextCursor: string | null;
  counts: { priority: Record<string, number>; status: Record<string, number>; total: number } | null;
};

export const CLASSIFICATION_LABELS: Record<string, string> = {
  true_positive_with_impact: "True positive — with impact",
  true_positive_without_impact: "True positive — without impact",
  benign_positive_approved_admin: "Benign positive — approved admin activity",
  benign_positive_security_test: "Benign positive — security test",
  false_positive_rule_logic: "False positive — rule logic",
  false_positive_bad_data: "False positive — bad data",
  duplicate: "Duplicate",
  undetermined: "Undetermined",
};
