import { assertNotTooBroad } from "@/lib/server/baselines/check-baseline-input";
import { findAlertsMatchingScope } from "@/lib/server/baselines/find-alerts-matching-scope";
import type { BaselineScope } from "@/lib/triage/baseline-schema";

/** What saving this scope would cover: open alerts (to close now) and past ones (the history it blesses). */
export async function previewBaselineScope(scope: BaselineScope) {
  assertNotTooBroad(scope);
  const { matches, scanned, truncated } = await findAlertsMatchingScope(scope);
  const openAlerts = matches.filter((m) => m.status !== "closed").length;
  return { openAlerts, pastAlerts: matches.length - openAlerts, scanned, truncated };
}
