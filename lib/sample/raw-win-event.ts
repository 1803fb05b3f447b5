/** A Windows event as the log holds it (before any ECS mapping): what every export format renders. */
export type RawWinEvent = {
  channel: string;
  provider: string;
  eventId: number;
  computer: string;
  recordId: number;
  /** ISO 8601 UTC with milliseconds. */
  timeCreated: string;
  data: Record<string, string>;
};
