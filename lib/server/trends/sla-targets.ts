/** Minutes allowed per priority; the defaults follow the playbook's urgency and can be overridden per request. */
export const SLA_DEFAULTS = {
  high: { ack: 15, close: 240 },
  medium: { ack: 60, close: 1_440 },
  low: { ack: 240, close: 4_320 },
} as const;

export type SlaTargets = Record<keyof typeof SLA_DEFAULTS, { ack: number; close: number }>;

export function slaTargets(overrides: Partial<Record<`${"ack" | "close"}${"High" | "Medium" | "Low"}`, number>>): SlaTargets {
  return {
    high: { ack: overrides.ackHigh ?? SLA_DEFAULTS.high.ack, close: overrides.closeHigh ?? SLA_DEFAULTS.high.close },
    medium: { ack: overrides.ackMedium ?? SLA_DEFAULTS.medium.ack, close: overrides.closeMedium ?? SLA_DEFAULTS.medium.close },
    low: { ack: overrides.ackLow ?? SLA_DEFAULTS.low.ack, close: overrides.closeLow ?? SLA_DEFAULTS.low.close },
  };
}
