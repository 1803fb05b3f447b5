/** The reason every baseline-driven alert change carries, so the history links to the entry. */
export function approvedReason(baselineId: string): string {
  return `approved admin activity: ${baselineId}`;
}

/** History rows of closing an alert as approved admin activity (by a lead, or automatically: actor null). */
export function baselineHistoryRows(alertId: string, actorId: string | null, fromStatus: string, baselineId: string) {
  const reason = approvedReason(baselineId);
  return [
    { alertId, actorId, field: "status", from: fromStatus, to: "closed", reason },
    { alertId, actorId, field: "classification", from: null, to: "benign_positive_approved_admin", reason },
    { alertId, actorId, field: "baseline", from: null, to: baselineId, reason },
  ];
}
